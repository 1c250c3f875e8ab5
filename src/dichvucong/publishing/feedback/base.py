"""What the rating and helpful widgets share: where they show, how a post ends."""

from dichvucong.publishing.feedback import honeypot
from dichvucong.publishing.feedback.interfaces import setting
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect import createToken
from plone.protect.authenticator import check as check_authenticator
from urllib.parse import urlencode
from zExceptions import MethodNotAllowed
from zExceptions import NotFound
from zope.component import getMultiAdapter


def reader_request(request):
    """The reader's own request: a tile is rendered in a subrequest of the page."""
    return request.get("PARENT_REQUEST", None) or request


def offered(context, setting_name):
    """Whether this kind of page offers the widget (a registry list of types)."""
    return getattr(context, "portal_type", None) in (setting(setting_name) or ())


class FeedbackViewlet(ViewletBase):
    """A widget below the content of its page types, on their main view only."""

    setting_name = None
    outcome_param = None
    in_layout = False  # True when a Mosaic tile renders it (tiles.py)

    def available(self):
        if not offered(self.context, self.setting_name):
            return False
        if self.in_layout:
            return True
        context_state = getMultiAdapter((self.context, self.request), name="plone_context_state")
        return bool(context_state.is_view_template())

    def render(self):
        if not self.available():
            return ""
        return self.index()

    def token(self):
        return createToken()

    def honeypot_field(self):
        return honeypot.field_name()

    def outcome(self):
        """The outcome of the reader's post, passed back in the URL after it."""
        return reader_request(self.request).form.get(self.outcome_param) or ""


class FeedbackPost:
    """Checks shared by the POST views, in this order: method, CSRF token,
    honeypot, page type. Refusals are errors (405, 403, 404); the reader's own
    mistakes come back to the page as an outcome."""

    setting_name = None
    outcome_param = None
    anchor = None

    def check_post(self):
        if self.request.method != "POST":
            raise MethodNotAllowed("POST only")
        check_authenticator(self.request)
        honeypot.check(self.request)
        if not offered(self.context, self.setting_name):
            raise NotFound(self.__name__)

    def back(self, outcome):
        """Redirect (303) to the page, at the widget, telling it the outcome."""
        query = urlencode({self.outcome_param: outcome})
        url = f"{self.context.absolute_url()}?{query}#{self.anchor}"
        self.request.response.redirect(url, status=303)
        return ""
