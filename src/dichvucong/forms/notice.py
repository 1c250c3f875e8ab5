"""Visitors are asked to log in before a service form (a dossier has an owner): the
form's page (form.py) shows this notice, with a button to the log-in page that comes
back to the form, instead of fields they could not send.

A POST that arrives as Anonymous on such a form is a citizen whose login session
ended while filling it in (nobody else sees the fields). Their answers are not lost:
what was posted is parked (drafts.park: two hours, a random token, a secret in a
cookie of that browser), they are told so in Vietnamese and sent to log in, and the
log-in page's came_from brings them back to the form, where prefill.py restores the
answers and the parked draft becomes their saved draft.

CSRF: plone.protect guards only logged-in users' writes, and this one is
Anonymous. A forged cross-site POST could at worst park answers the victim would
see on their own form, so parking is refused unless the browser says the POST came
from this site (``Sec-Fetch-Site``/``Origin``); parkings are rate-limited per client
address (base/ratelimit.py) and bounded in size (saving.py). Nothing of the answers
goes into a URL or a log: the URL carries only the token.
"""

from dichvucong import _
from dichvucong.base.ratelimit import SlidingWindowLimiter
from dichvucong.forms import drafts
from dichvucong.forms import saving
from hashlib import sha256
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from urllib.parse import urlparse
import hmac
import secrets


PARKED_COOKIE = "dvc_parked"
PARKINGS_PER_WINDOW = 10
_WINDOW = 600.0
_KEY = secrets.token_bytes(32)  # per process: the address hashes mean nothing outside
PARKINGS = SlidingWindowLimiter(window=_WINDOW)
SESSION_ENDED = _(
    "Your login session has ended. Your answers are kept for 2 hours: please log in "
    "again to continue."
)


class LoginNotice:
    index = ViewPageTemplateFile("templates/login_notice.pt")

    def __init__(self, context, request, view=None):
        self.context = context
        self.request = request
        self.view = view
        self.__parent__ = context  # so the viewlets of its dichvucong.form.help may be checked

    def available(self):
        if not api.user.is_anonymous():
            return False
        return saving.creates_dossiers(self.context)

    def render(self):
        """The notice; for a POST with answers, park them and go to log in."""
        if self.request.method == "POST" and self.park():
            return ""
        return self.index()

    def login_url(self, came_from=None):
        portal_url = api.portal.get().absolute_url()
        came_from = came_from or self.context.absolute_url()
        return f"{portal_url}/login?{urlencode({'came_from': came_from})}"

    def park(self):
        """Park the posted answers and redirect to log in; False if nothing is kept."""
        raw = saving.raw_values(self.context, self.request)
        if not raw or not same_site(self.request) or not within_limit(self.request):
            return False
        token, secret = drafts.park(
            self.context, raw, saving.chosen_files(self.context, self.request)
        )
        self.request.response.setCookie(
            PARKED_COOKIE,
            secret,
            path="/",
            max_age=int(drafts.PARKED_LIFETIME.total_seconds()),
            http_only=True,
            same_site="Lax",
            secure=self.request.get("SERVER_URL", "").startswith("https://"),
        )
        api.portal.show_message(SESSION_ENDED, request=self.request, type="warning")
        self.request.response.redirect(self.login_url(saving.resume_url(self.context, token)))
        return True


def same_site(request):
    """Did the browser send this POST from a page of this site? (Browsers send
    ``Sec-Fetch-Site`` and ``Origin`` with every POST; a client without either is no
    browser a forged page could use.)"""
    fetch_site = request.getHeader("Sec-Fetch-Site")
    if fetch_site and fetch_site != "same-origin":
        return False
    origin = request.getHeader("Origin")
    if origin:
        ours = urlparse(api.portal.get().absolute_url())
        theirs = urlparse(origin)
        return (theirs.scheme, theirs.netloc) == (ours.scheme, ours.netloc)
    return True


def within_limit(request):
    address = request.getClientAddr() or "unknown"
    client = hmac.new(_KEY, address.encode("utf-8"), sha256).hexdigest()
    return PARKINGS.hit(client, PARKINGS_PER_WINDOW)[0]
