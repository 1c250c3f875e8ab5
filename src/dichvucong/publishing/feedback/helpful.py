"""“Was this guide helpful?”: yes or no and an optional reason, for editors to read.

The answers of all guides are kept together (editors read them newest first across
the site) in an annotation of the site: an LOBTree of entries keyed by time, and per
guide UID a tally of yes/no (BTrees.Length counters, which merge concurrent
answers). An entry holds the guide's UID and title, the answer, the reason as plain
text (shown escaped), the time, and later who marked it handled and when: nothing
about the reader (no address, no cookie).

Readers post through @@guide-helpful (CSRF token, honeypot, rate limit); editors
(permission "dichvucong: Review guide feedback") read them in @@guide-feedback on
the site or on a section, and mark them handled.
"""

from BTrees.Length import Length
from BTrees.LOBTree import LOBTree
from BTrees.OOBTree import OOBTree
from datetime import UTC
from datetime import datetime
from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.publishing.feedback import clients
from dichvucong.publishing.feedback.base import FeedbackPost
from dichvucong.publishing.feedback.base import FeedbackViewlet
from dichvucong.publishing.feedback.interfaces import setting
from functools import cached_property
from persistent import Persistent
from plone import api
from plone.batching import Batch
from plone.protect import createToken
from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
from zope.annotation.interfaces import IAnnotations
import random
import time
import unicodedata


KEY = "dichvucong.feedback.helpful"
REASON_MAX_LENGTH = 1000
ANSWERS = {"yes": True, "no": False}
PAGE_SIZE = 50


class HelpfulEntry(Persistent):
    def __init__(self, uid, title, helpful, reason, created):
        self.uid = uid
        self.title = title
        self.helpful = helpful
        self.reason = reason
        self.created = created
        self.handled_by = None
        self.handled_at = None


class Tally(Persistent):
    def __init__(self):
        self.yes = Length()
        self.no = Length()


class HelpfulStore(Persistent):
    def __init__(self):
        self.entries = LOBTree()  # microseconds since the epoch -> HelpfulEntry
        self.tallies = OOBTree()  # guide UID -> Tally


def get_store(create=False):
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(KEY)
    if store is None and create:
        store = annotations[KEY] = HelpfulStore()
    return store


def clean_reason(text):
    """Plain text, NFC, without control characters (line breaks kept)."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return text.strip()


def add_answer(obj, helpful, reason=""):
    """Store one answer about ``obj``; returns the entry's id."""
    store = get_store(create=True)
    entry = HelpfulEntry(
        uid=api.content.get_uuid(obj),
        title=obj.Title(),
        helpful=bool(helpful),
        reason=clean_reason(reason),
        created=datetime.now(UTC),
    )
    key = int(time.time() * 1_000_000)
    while key in store.entries:
        key += random.randint(1, 1000)  # noqa: S311 - not a secret, just a free key
    store.entries[key] = entry
    tally = store.tallies.get(entry.uid)
    if tally is None:
        tally = store.tallies[entry.uid] = Tally()
    (tally.yes if entry.helpful else tally.no).change(1)
    return key


def mark_handled(key, userid):
    store = get_store()
    entry = store.entries.get(key) if store is not None else None
    if entry is None:
        return False
    if entry.handled_at is None:
        entry.handled_by = userid
        entry.handled_at = datetime.now(UTC)
    return True


def tally(uid):
    """(yes, no) answers for a guide."""
    store = get_store()
    counts = store.tallies.get(uid) if store is not None else None
    if counts is None:
        return 0, 0
    return counts.yes(), counts.no()


class HelpfulViewlet(FeedbackViewlet):
    """The question below a guide."""

    index = ViewPageTemplateFile("templates/helpful.pt")
    setting_name = "helpful_types"
    outcome_param = "dvc-helpful"
    reason_max_length = REASON_MAX_LENGTH

    def action_url(self):
        return f"{self.context.absolute_url()}/@@guide-helpful"


class GuideHelpful(FeedbackPost, BrowserView):
    """POST @@guide-helpful (answer=yes|no, reason, _authenticator, honeypot)."""

    setting_name = "helpful_types"
    outcome_param = "dvc-helpful"
    anchor = "dvc-helpful"

    def __call__(self):
        self.check_post()
        form = self.request.form
        answer = form.get("answer")
        if answer not in ANSWERS:
            return self.back("invalid")
        reason = form.get("reason") or ""
        if not isinstance(reason, str):
            return self.back("invalid")
        if len(clean_reason(reason)) > REASON_MAX_LENGTH:
            return self.back("long")
        if not clients.allow("helpful", self.request, setting("helpful_per_window")):
            return self.back("busy")
        add_answer(self.context, ANSWERS[answer], reason)
        return self.back("thanks")


class GuideFeedbackView(BrowserView):
    """@@guide-feedback: the answers about the guides in this folder (or the whole
    site), newest first, with yes/no counts per guide; POST marks one handled."""

    template = ViewPageTemplateFile("templates/guide_feedback.pt")

    def __call__(self):
        if self.request.method == "POST":
            return self.handle()
        return self.template()

    def handle(self):
        check_authenticator(self.request)
        try:
            key = int(self.request.form.get("entry", ""))
        except (TypeError, ValueError) as error:
            raise BadRequest("entry") from error
        if not self._in_scope(get_store(), key):
            raise BadRequest("entry")
        mark_handled(key, api.user.get_current().getId())
        api.portal.show_message(_("Marked as handled."), request=self.request, type="info")
        query = "?show=all" if self.request.form.get("show") == "all" else ""
        self.request.response.redirect(
            f"{self.context.absolute_url()}/@@guide-feedback{query}", status=303
        )
        return ""

    # --- Scope: the guides under this folder --------------------------------

    def _scope_path(self):
        return "/".join(self.context.getPhysicalPath())

    def _guides(self):
        """UID -> brain of the guides under this folder (whatever their state)."""
        catalog = api.portal.get_tool("portal_catalog")
        types = setting("helpful_types") or []
        brains = catalog.unrestrictedSearchResults(portal_type=types, path=self._scope_path())
        return {brain.UID: brain for brain in brains}

    def _in_scope(self, store, key):
        if store is None or key not in store.entries:
            return False
        return self._is_site() or store.entries[key].uid in self._guides()

    def _is_site(self):
        return self._scope_path() == "/".join(api.portal.get().getPhysicalPath())

    @cached_property
    def _rows(self):
        """(key, entry, brain or None) of the entries in scope, newest first."""
        store = get_store()
        if store is None:
            return []
        guides = self._guides()
        whole_site = self._is_site()
        rows = []
        for key in reversed(store.entries.keys()):
            entry = store.entries[key]
            brain = guides.get(entry.uid)
            if brain is None and not whole_site:
                continue
            rows.append((key, entry, brain))
        return rows

    # --- For the template -------------------------------------------------------

    def show_all(self):
        return self.request.form.get("show") == "all"

    def token(self):
        return createToken()

    def open_count(self):
        return sum(1 for _key, entry, _brain in self._rows if entry.handled_at is None)

    def entries(self):
        """A batch of the entries to show (open ones, or all), newest first."""
        rows = self._rows
        if not self.show_all():
            rows = [row for row in rows if row[1].handled_at is None]
        try:
            start = max(0, int(self.request.form.get("b_start", 0) or 0))
        except ValueError:
            start = 0
        return Batch(rows, PAGE_SIZE, start)

    def row(self, item):
        key, entry, brain = item
        return {
            "id": key,
            "title": brain.Title if brain is not None else entry.title,
            "url": brain.getURL() if brain is not None else None,
            "helpful": entry.helpful,
            "reason": entry.reason,
            "created": format_datetime(entry.created, self.request),
            "handled": entry.handled_at is not None,
            "handled_at": format_datetime(entry.handled_at, self.request),
        }

    def tallies(self):
        """Per guide in scope with answers: title, url, yes, no; most answers first."""
        rows = []
        for uid, brain in self._guides().items():
            yes, no = tally(uid)
            if yes or no:
                rows.append({"title": brain.Title, "url": brain.getURL(), "yes": yes, "no": no})
        rows.sort(key=lambda row: (-(row["yes"] + row["no"]), row["title"]))
        return rows
