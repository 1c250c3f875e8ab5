"""Header and footer pieces of the portal theme."""

from dichvucong.base.contact import contact_settings
from plone import api
from plone.app.layout.viewlets.common import LogoViewlet
from plone.app.layout.viewlets.common import PersonalBarViewlet
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter


EMBLEM = "++plone++dichvucong/emblem.svg"
ACCOUNT_SCRIPT = "++plone++dichvucong/account.js"
# Plone's actions for visitors (available to anonymous people only, but a site may
# change their expressions): never in a logged-in person's menu.
ANONYMOUS_ACTIONS = frozenset({"login", "join"})


class SiteNameViewlet(LogoViewlet):
    """The logo link, with the site's name written out beside the emblem."""

    index = ViewPageTemplateFile("templates/sitename.pt")

    def update(self):
        super().update()
        if not api.portal.get_registry_record("plone.site_logo", default=None):
            self.img_src = f"{self.portal_state.portal_url()}/{EMBLEM}"
        self.tagline = contact_settings().tagline or ""


class AccountViewlet(PersonalBarViewlet):
    """Replaces Plone's member tools ("plone.membertools", shown by Plone only when the
    toolbar is not): for every logged-in person, a small account menu with their name
    and the actions of Plone's ``user`` category (portal_actions), in its order. Every
    room adds its entry there (profiles/default/actions.xml); the theme imports none."""

    index = ViewPageTemplateFile("templates/account.pt")

    def update(self):
        super().update()
        state = getMultiAdapter((self.context, self.request), name="plone_context_state")
        self.entries = [
            {"id": f"dvc-account-{action['id']}", "title": action["title"], "url": action["url"]}
            for action in state.actions("user")
            if action["id"] not in ANONYMOUS_ACTIONS
        ]
        self.script_url = f"{self.site_url}/{ACCOUNT_SCRIPT}"


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
