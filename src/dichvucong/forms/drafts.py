"""Drafts: checked answers waiting for the citizen's "check your answers" confirmation.

A draft belongs to one user and one form, expires after a day, and is deleted when the
dossier is created. It lives in the dossier store (the same access rules: nobody
reaches it through the web); its key is a random token, the only thing in the URL.
"""

from datetime import timedelta
from dichvucong.dossier import audit
from dichvucong.dossier.storage import ensure_store
from persistent import Persistent
from persistent.mapping import PersistentMapping
from plone import api
import secrets


LIFETIME = timedelta(days=1)


class Draft(Persistent):
    def __init__(self, userid, form_uid, procedure_uid, values, files, channel):
        self.userid = userid
        self.form_uid = form_uid
        self.procedure_uid = procedure_uid
        self.values = PersistentMapping(values)
        self.files = PersistentMapping({k: list(v) for k, v in files.items()})
        self.channel = channel
        self.created = audit.now()

    def expired(self, now=None):
        return (now or audit.now()) - self.created > LIFETIME


def _drafts():
    return ensure_store(api.portal.get()).drafts


def save(form, values, files, channel, procedure, previous=None):
    drafts = _drafts()
    _purge(drafts)
    if previous and previous in drafts:
        del drafts[previous]
    token = secrets.token_urlsafe(18)
    drafts[token] = Draft(
        api.user.get_current().getId(),
        api.content.get_uuid(form),
        api.content.get_uuid(procedure),
        values,
        files,
        channel,
    )
    return token


def keep_file(form, name, upload):
    """Keep one uploaded file of a form that came back with errors, so the citizen
    does not upload it again: a draft holding only that file; its token goes into
    the form (never the file's name or content)."""
    drafts = _drafts()
    _purge(drafts)
    token = secrets.token_urlsafe(18)
    drafts[token] = Draft(
        api.user.get_current().getId(), api.content.get_uuid(form), None, {}, {name: [upload]}, None
    )
    return token


def kept_file(form, token, name):
    """The file ``name`` of the current user's draft ``token`` for ``form``, or None."""
    draft = load(form, token)
    files = draft.files.get(name) if draft is not None else None
    return files[0] if files else None


def load(form, token):
    """The current user's live draft for ``form``, or None."""
    draft = _drafts().get(token) if token else None
    if (
        draft is None
        or draft.expired()
        or draft.userid != api.user.get_current().getId()
        or draft.form_uid != api.content.get_uuid(form)
    ):
        return None
    return draft


def delete(token):
    drafts = _drafts()
    if token and token in drafts:
        del drafts[token]


def _purge(drafts, scan=200):
    """Drop expired drafts among a few on each save: bounded work, no cron needed
    (tokens are random, so the first ones are a fair sample)."""
    now = audit.now()
    stale = []
    for number, (token, draft) in enumerate(drafts.items()):
        if number >= scan:
            break
        if draft is not None and draft.expired(now):
            stale.append(token)
    for token in stale:
        del drafts[token]
