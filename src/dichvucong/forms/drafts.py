"""Drafts: answers of a service form kept for later, under a random token.

Four kinds, one store (the dossier store's ``drafts`` tree: the same access rules,
nobody reaches it through the web; the token is the only thing in a URL or a page):

- ``check``: checked answers waiting for the "check your answers" confirmation (a
  day), deleted when the dossier is created; a file kept for a form that came back
  with errors (fields.py) is one too;
- ``saved``: what the citizen typed so far, saved with "Save as draft" WITHOUT checking
  it (the widgets' raw values as posted, and the files they chose), for the number of
  days of the registry record ``dichvucong.forms.draft_days`` (30). "My dossiers"
  lists them (my_drafts.py); submitting a resumed one deletes it;
- ``parked``: what an Anonymous POST brought when the login session ended mid-form
  (notice.py): no owner, two hours, claimed by the first user who logs in and opens
  it with the browser that parked it; it then becomes that user's saved draft;
- ``expired``: what is left of an expired saved draft (its service name only, no
  answers, no files) until "My dossiers" tells its owner once.

Saved drafts are also indexed by owner (the store's ``user_drafts``: (userid, token)
pairs), so a list never scans everybody's drafts.
"""

from BTrees.OOBTree import OOTreeSet
from datetime import timedelta
from dichvucong.dossier import audit
from dichvucong.dossier.storage import ensure_store
from hashlib import sha256
from persistent import Persistent
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.globalrequest import getRequest
import hmac
import secrets


LIFETIME = timedelta(days=1)  # check-your-answers drafts, kept files
PARKED_LIFETIME = timedelta(hours=2)
TOMBSTONE_LIFETIME = timedelta(days=90)  # an expired draft's name, until it is told
DAYS_RECORD = "dichvucong.forms.draft_days"
DEFAULT_DAYS = 30
CHECK, SAVED, PARKED, EXPIRED = "check", "saved", "parked", "expired"
# The hidden input of a service form that carries its saved draft's token.
DRAFT_INPUT = "dvc-draft"
HIGHEST = "\uffff"  # above every token (tokens are URL-safe ASCII)


class Draft(Persistent):
    # Defaults for the drafts stored before saved drafts existed (check drafts).
    kind = CHECK
    raw = None  # {request key: value as posted}: saved and parked drafts
    expires = None  # None: created + LIFETIME
    saved = None  # when the citizen last saved it
    title = ""  # the service's name when it was saved (the form may go)
    resumed_from = None  # a check draft made from a saved one: that one's token
    claim_hash = None  # a parked draft: the hash of the secret its browser holds

    def __init__(self, userid, form_uid, procedure_uid, values, files, channel, kind=CHECK):
        self.userid = userid
        self.form_uid = form_uid
        self.procedure_uid = procedure_uid
        self.values = PersistentMapping(values)
        self.files = PersistentMapping({k: list(v) for k, v in files.items()})
        self.channel = channel
        self.created = audit.now()
        if kind != CHECK:
            self.kind = kind

    def expired(self, now=None):
        now = now or audit.now()
        if self.expires is not None:
            return now >= self.expires
        return now - self.created > LIFETIME

    @property
    def live(self):
        return self.kind != EXPIRED and not self.expired()


def _drafts():
    return ensure_store(api.portal.get()).drafts


def _index(create=False):
    """The owners' index of saved drafts; made on the first save (None before)."""
    store = ensure_store(api.portal.get())
    index = getattr(store, "user_drafts", None)
    if index is None and create:
        index = store.user_drafts = OOTreeSet()
        # A permanent first key, like the drafts tree's (storage.py): no bucket empties.
        index.insert(("", ""))
    return index


def _userid():
    return api.user.get_current().getId()


def draft_days():
    days = api.portal.get_registry_record(DAYS_RECORD, default=DEFAULT_DAYS)
    return max(1, int(days or DEFAULT_DAYS))


def save(form, values, files, channel, procedure, previous=None):
    """A check draft (the create-dossier action); remembers the saved draft the form
    was resumed from, which goes when the dossier is created (``delete``)."""
    drafts = _drafts()
    _purge(drafts)
    if previous and previous in drafts:
        del drafts[previous]
    token = secrets.token_urlsafe(18)
    draft = Draft(
        _userid(),
        api.content.get_uuid(form),
        api.content.get_uuid(procedure),
        values,
        files,
        channel,
    )
    request = getRequest()
    resumed = request.form.get(DRAFT_INPUT) if request is not None else None
    if isinstance(resumed, str) and saved_draft(form, resumed) is not None:
        draft.resumed_from = resumed
    drafts[token] = draft
    return token


def keep_file(form, name, upload):
    """Keep one uploaded file of a form that came back with errors, so the citizen
    does not upload it again: a draft holding only that file; its token goes into
    the form (never the file's name or content)."""
    drafts = _drafts()
    _purge(drafts)
    token = secrets.token_urlsafe(18)
    drafts[token] = Draft(_userid(), api.content.get_uuid(form), None, {}, {name: [upload]}, None)
    return token


def kept_file(form, token, name):
    """The file ``name`` of the current user's draft ``token`` for ``form``, or None."""
    draft = load(form, token)
    files = draft.files.get(name) if draft is not None else None
    return files[0] if files else None


def load(form, token):
    """The current user's live draft for ``form``, or None."""
    draft = _drafts().get(token) if isinstance(token, str) and token else None
    if (
        draft is None
        or not draft.live
        or draft.userid is None  # parked: nobody's until claimed
        or draft.userid != _userid()
        or draft.form_uid != api.content.get_uuid(form)
    ):
        return None
    return draft


def saved_draft(form, token):
    """The current user's live saved draft ``token`` for ``form``, or None."""
    draft = load(form, token)
    return draft if draft is not None and draft.kind == SAVED else None


def delete(token):
    """Delete a draft; a check draft takes the saved draft it was resumed from along
    (the dossier now exists)."""
    drafts = _drafts()
    draft = drafts.get(token) if token else None
    if draft is None:
        return
    resumed = draft.resumed_from
    _remove(drafts, token)
    if resumed:
        _remove(drafts, resumed)


def _remove(drafts, token):
    draft = drafts.get(token)
    if token and token in drafts:
        del drafts[token]
    if draft is not None and draft.userid and draft.kind in (SAVED, EXPIRED):
        index = _index()
        if index is not None and (draft.userid, token) in index:
            index.remove((draft.userid, token))


# --- Saved drafts ("Save as draft") ----------------------------------------------------


def save_raw(form, raw, files, token=None):
    """Save what the citizen typed (``raw``: request key -> value as posted) and the
    files they chose as their draft of ``form``: the draft ``token`` again if it is
    theirs, else a new one. Returns (token, draft)."""
    drafts = _drafts()
    _purge(drafts)
    draft = saved_draft(form, token)
    if draft is None:
        token = secrets.token_urlsafe(18)
        draft = Draft(_userid(), api.content.get_uuid(form), None, {}, {}, None, kind=SAVED)
        drafts[token] = draft
        _index(create=True).insert((draft.userid, token))
    _fill(draft, form, raw, files)
    draft.expires = kept_until(draft.saved)
    return token, draft


def kept_until(moment):
    """The end of the day ``draft_days`` after ``moment`` (the portal's day: the
    citizen is told "until the end of <date>")."""
    later = moment + timedelta(days=draft_days())
    return later.replace(hour=23, minute=59, second=59, microsecond=0)


def _fill(draft, form, raw, files):
    draft.raw = PersistentMapping(raw)
    draft.files = PersistentMapping({k: list(v) for k, v in files.items()})
    draft.saved = audit.now()
    draft.title = form.Title()


def park(form, raw, files):
    """Keep an Anonymous POST's answers for two hours (notice.py). Returns (token,
    secret): the token goes into the log-in page's came_from, the secret into a
    cookie of the browser that posted; claiming needs both."""
    drafts = _drafts()
    _purge(drafts)
    token, secret = secrets.token_urlsafe(18), secrets.token_urlsafe(24)
    draft = Draft(None, api.content.get_uuid(form), None, {}, {}, None, kind=PARKED)
    _fill(draft, form, raw, files)
    draft.expires = draft.saved + PARKED_LIFETIME
    draft.claim_hash = _hash(secret)
    drafts[token] = draft
    return token, secret


def _hash(secret):
    return sha256(secret.encode("utf-8")).hexdigest()


def parked_draft(form, token):
    """The live parked draft ``token`` of ``form`` (nobody's yet), or None."""
    draft = _drafts().get(token) if isinstance(token, str) and token else None
    if (
        draft is None
        or draft.kind != PARKED
        or draft.expired()
        or draft.form_uid != api.content.get_uuid(form)
    ):
        return None
    return draft


def claim(form, token, secret):
    """The current user takes the parked draft ``token``, if ``secret`` is the one
    its browser was given: it becomes their saved draft. Returns it, or None."""
    draft = parked_draft(form, token)
    if draft is None or not isinstance(secret, str) or not secret:
        return None
    if not hmac.compare_digest(draft.claim_hash or "", _hash(secret)):
        return None
    draft.kind = SAVED
    draft.userid = _userid()
    draft.claim_hash = None
    draft.expires = kept_until(audit.now())
    _index(create=True).insert((draft.userid, token))
    return draft


def user_drafts(userid):
    """(live, expired): the live saved drafts of ``userid`` as (token, draft), last
    saved first, and the service names of those that expired since the last call,
    which this call deletes (so they are told once). Writes only when some expired."""
    index = _index()
    if index is None or not userid:
        return [], []
    drafts = _drafts()
    live, expired, gone = [], [], []
    now = audit.now()
    for key in index.keys(min=(userid, ""), max=(userid, HIGHEST)):
        token = key[1]
        draft = drafts.get(token)
        if draft is None or draft.userid != userid:
            gone.append(key)
        elif draft.kind == EXPIRED or draft.expired(now):
            expired.append(draft.title)
            gone.append(key)
        elif draft.kind == SAVED:
            live.append((token, draft))
    for key in gone:
        index.remove(key)
        if drafts.get(key[1]) is not None and drafts[key[1]].userid == userid:
            del drafts[key[1]]
    live.sort(key=lambda item: item[1].saved, reverse=True)
    return live, expired


def delete_saved(token, userid):
    """Delete the saved draft ``token`` if it is ``userid``'s. Returns its service
    name, or None."""
    drafts = _drafts()
    draft = drafts.get(token) if isinstance(token, str) and token else None
    if draft is None or draft.userid != userid or draft.kind not in (SAVED, EXPIRED):
        return None
    _remove(drafts, token)
    return draft.title


def form_of(draft):
    """The form of a draft, if the current user may still open it."""
    return uuidToObject(draft.form_uid) if draft.form_uid else None


# --- Expiry -----------------------------------------------------------------------


def _purge(drafts, scan=200):
    """Drop expired drafts among a few on each save: bounded work, no cron needed
    (tokens are random, so the first ones are a fair sample). An expired saved draft
    loses its answers and files at once but keeps its service name a while, so that
    its owner's "My dossiers" can say it expired (``user_drafts``)."""
    now = audit.now()
    stale = []
    for number, (token, draft) in enumerate(drafts.items()):
        if number >= scan:
            break
        if draft is None or not draft.expired(now):
            continue
        if draft.kind == SAVED:
            _bury(draft, now)
        else:
            stale.append(token)
    for token in stale:
        _remove(drafts, token)


def _bury(draft, now):
    draft.kind = EXPIRED
    draft.raw = None
    draft.values = PersistentMapping()
    draft.files = PersistentMapping()
    draft.expires = now + TOMBSTONE_LIFETIME
