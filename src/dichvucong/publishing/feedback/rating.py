"""Star ratings (1 to 5) of a page, one per reader session.

A reader session is a random token in a cookie (``dvc_reader``: httpOnly,
SameSite=Lax, gone when the browser closes) set by the first vote; only a hash of
it is stored, with the stars, so nothing identifies the reader. A second vote from
the same session is not counted ("you have already rated this page").

Storage: an annotation on the page with conflict-friendly structures (concurrent
votes on one page do not make each other fail): an OOBTree of session hash ->
stars, and BTrees.Length counters for the number of votes and the sum of stars.
Readers only write through @@rate-page, which writes nothing but this data (and the
page's rating in the catalog: index ``rating_average``, metadata ``rating_average``
and ``rating_count``).

Caching: pages of a reader with the session cookie bypass plone.app.caching's RAM
cache (``cacheStopRequestVariables``), so "you have already rated" is never shown to
someone else; each vote reindexes the page, so cached pages show the new average.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from dichvucong.base.numbers import format_number
from dichvucong.publishing.feedback import clients
from dichvucong.publishing.feedback.base import FeedbackPost
from dichvucong.publishing.feedback.base import FeedbackViewlet
from dichvucong.publishing.feedback.base import reader_request
from dichvucong.publishing.feedback.interfaces import setting
from hashlib import sha256
from persistent import Persistent
from plone import api
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlsplit
from zope.annotation.interfaces import IAnnotations
import re
import secrets


KEY = "dichvucong.feedback.rating"
COOKIE = "dvc_reader"
STARS = (1, 2, 3, 4, 5)
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


class Ratings(Persistent):
    """The votes on one page."""

    def __init__(self):
        self.votes = OOBTree()  # sha256(session token) -> stars
        self.count = Length()
        self.total = Length()


def _ratings(obj, create=False):
    annotations = IAnnotations(obj, None)
    if annotations is None:
        return None
    ratings = annotations.get(KEY)
    if ratings is None and create:
        ratings = annotations[KEY] = Ratings()
    return ratings


def _session_hash(token):
    return sha256(token.encode("ascii")).hexdigest()


def summary(obj):
    """{"count": number of votes, "average": mean stars or None}."""
    ratings = _ratings(obj)
    count = ratings.count() if ratings is not None else 0
    if not count:
        return {"count": 0, "average": None}
    return {"count": count, "average": ratings.total() / count}


def has_rated(obj, token):
    ratings = _ratings(obj)
    return bool(token and ratings is not None and _session_hash(token) in ratings.votes)


def rate(obj, token, stars):
    """Count the session's vote; False (nothing changes) if it has voted before."""
    if stars not in STARS:
        raise ValueError(stars)
    ratings = _ratings(obj, create=True)
    key = _session_hash(token)
    if key in ratings.votes:
        return False
    ratings.votes[key] = stars
    ratings.count.change(1)
    ratings.total.change(stars)
    # The catalog's copy (index and metadata), which also moves the catalog counter:
    # anonymous pages cached in RAM (ETag with catalogCounter) show the new average.
    obj.reindexObject(idxs=["rating_average"])
    return True


@indexer(IDexterityContent)
def rating_average_indexer(obj):
    average = summary(obj)["average"]
    if average is None:
        raise AttributeError("rating_average")
    return round(average, 2)


@indexer(IDexterityContent)
def rating_count_indexer(obj):
    count = summary(obj)["count"]
    if not count:
        raise AttributeError("rating_count")
    return count


def reader_token(request):
    """The reader session's token from its cookie, if it has a valid one."""
    token = request.cookies.get(COOKIE, "")
    return token if _TOKEN.match(token) else None


def start_session(request):
    """A new reader session: a random token in a session cookie for this site."""
    token = secrets.token_urlsafe(32)
    site_url = api.portal.get().absolute_url()
    request.response.setCookie(
        COOKIE,
        token,
        path=urlsplit(site_url).path or "/",
        http_only=True,
        same_site="Lax",
        secure=site_url.startswith("https://"),
    )
    return token


class RatingViewlet(FeedbackViewlet):
    """The stars below a guide or a news item: average, count and the form."""

    index = ViewPageTemplateFile("templates/rating.pt")
    setting_name = "rating_types"
    outcome_param = "dvc-rating"

    def summary(self):
        return summary(self.context)

    def average(self):
        average = self.summary()["average"]
        if average is None:
            return ""
        language = api.portal.get_current_language(context=self.context)
        return format_number(round(average, 1), language)

    def average_percent(self):
        """Width of the filled stars (CSS), in percent."""
        average = self.summary()["average"] or 0
        return round(average * 20)

    def already_rated(self):
        return has_rated(self.context, reader_token(reader_request(self.request)))

    def stars(self):
        return STARS

    def glyphs(self, number, filled=True):
        """Stars drawn as text (hidden from screen readers, which read the numbers)."""
        return ("\u2605" if filled else "\u2606") * number

    def action_url(self):
        return f"{self.context.absolute_url()}/@@rate-page"


class RatePage(FeedbackPost, BrowserView):
    """POST @@rate-page (stars=1..5, _authenticator, the honeypot field)."""

    setting_name = "rating_types"
    outcome_param = "dvc-rating"
    anchor = "dvc-rating"

    def __call__(self):
        self.check_post()
        try:
            stars = int(self.request.form.get("stars", ""))
        except (TypeError, ValueError):
            stars = None
        if stars not in STARS:
            return self.back("invalid")
        token = reader_token(self.request)
        if token and has_rated(self.context, token):
            return self.back("already")
        if not clients.allow("rating", self.request, setting("ratings_per_window")):
            return self.back("busy")
        if token is None:
            token = start_session(self.request)
        # Not counted if the same session voted a moment ago (another tab).
        return self.back("thanks" if rate(self.context, token, stars) else "already")
