"""Header and footer pieces of the portal theme."""

from dichvucong.base.contact import contact_settings
from plone import api
from plone.app.layout.viewlets.common import LogoViewlet
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


EMBLEM = "++plone++dichvucong/emblem.svg"


class SiteNameViewlet(LogoViewlet):
    """The logo link, with the site's name written out beside the emblem."""

    index = ViewPageTemplateFile("templates/sitename.pt")

    def update(self):
        super().update()
        if not api.portal.get_registry_record("plone.site_logo", default=None):
            self.img_src = f"{self.portal_state.portal_url()}/{EMBLEM}"
        self.tagline = contact_settings().tagline or ""


class TextSizeViewlet(ViewletBase):
    """A- A A+ buttons; textsize.js applies and remembers the choice."""

    index = ViewPageTemplateFile("templates/textsize.pt")


class TextSizeHeadViewlet(ViewletBase):
    """Applies the remembered text size before the first paint (no flash of small text)."""

    index = ViewPageTemplateFile("templates/textsize_head.pt")


class FooterView(BrowserView):
    """Replaces Plone's @@footer (the footer portlet) with the centre's contact details."""

    index = ViewPageTemplateFile("templates/footer.pt")

    def __call__(self):
        return self.index()

    def contact(self):
        return contact_settings()

    def site_title(self):
        return api.portal.get_registry_record("plone.site_title", default="")
