"""The "Save as draft" button of a service form, and what a draft keeps.

A draft keeps the form as posted, NOT checked: the widgets' raw request values (a
half-typed date stays "12/0"), so the form comes back exactly as it was left; and
the files the citizen chose, each checked like any upload (type, size: a refused
file is not kept, fields.py does the same) or the file already kept for the form.
The draft's token travels in the form as the hidden input ``drafts.DRAFT_INPUT``:
saving again updates the same draft.

After saving the citizen stays on the form (the page reloads from the draft, so
"reload" never posts twice), with a message that says until when it is kept and
where to find it: "My dossiers". See docs/forms.md, "Drafts".
"""

from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from contextlib import suppress
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.dossier.files import UploadError
from dichvucong.dossier.files import check_upload
from dichvucong.forms import drafts
from dichvucong.forms.action import ICreateDossier
from dichvucong.forms.fields import KEEP
from dichvucong.forms.fields import basename
from plone import api
from plone.namedfile.interfaces import INamedFileField
from urllib.parse import urlencode
from zope.i18n import translate
from zope.schema import getFieldsInOrder


PREFIX = "form.widgets."
BUTTON = "save_draft"
# Bounds on what a draft keeps of a POST (files: the upload settings' size, one per field).
MAX_KEYS = 300
MAX_CHARS = 5000  # per value; a service form's longest answer is far shorter


def creates_dossiers(form):
    """Is this EasyForm a service form (one with the Create-dossier action)?"""
    actions = get_actions(form)
    return any(ICreateDossier.providedBy(actions[name]) for name in actions)


def can_save(service_form):
    """Offer "Save as draft": a service form, a logged-in user, not a thank-you page."""
    return (
        not service_form.thanksPage
        and not api.user.is_anonymous()
        and creates_dossiers(service_form.context)
    )


def file_fields(form):
    return [
        name
        for name, field in getFieldsInOrder(get_schema(form))
        if INamedFileField.providedBy(field)
    ]


def _text(value):
    return isinstance(value, str) and len(value) <= MAX_CHARS


def raw_values(form, request):
    """{request key: value} of the form's widgets as posted (no files, no buttons)."""
    files = {PREFIX + name for name in file_fields(form)}
    raw = {}
    for key, value in request.form.items():
        if not key.startswith(PREFIX) or key.startswith("form.buttons."):
            continue
        if key.split(".kept")[0].split(".action")[0] in files:
            continue
        if _text(value):
            raw[key] = value
        elif isinstance(value, list | tuple) and all(_text(item) for item in value):
            raw[key] = list(value)
        if len(raw) >= MAX_KEYS:
            break
    return raw


def chosen_files(form, request):
    """{field: [file]}: a new upload (if acceptable), else the file the form kept."""
    files = {}
    for name in file_fields(form):
        upload = request.form.get(PREFIX + name)
        if isinstance(upload, list | tuple):
            upload = upload[0] if upload else None
        if getattr(upload, "filename", None):
            upload.seek(0)
            with suppress(UploadError):  # a refused file is never kept (as fields.py)
                files[name] = [check_upload(basename(upload.filename), upload.read())]
            continue
        token = request.form.get(f"{PREFIX}{name}.kept")
        if token and request.form.get(f"{PREFIX}{name}.action", KEEP) == KEEP:
            kept = drafts.kept_file(form, str(token), name)
            if kept is not None:
                files[name] = [kept]
    return files


def resume_url(form, token):
    return f"{form.absolute_url()}?{urlencode({'draft': token})}"


def save_draft(service_form):
    """The "Save as draft" button's work: save, tell until when, reload the form from it."""
    form, request = service_form.context, service_form.request
    token, draft = drafts.save_raw(
        form,
        raw_values(form, request),
        chosen_files(form, request),
        request.form.get(drafts.DRAFT_INPUT),
    )
    api.portal.show_message(saved_message(draft, request), request=request, type="info")
    request.response.redirect(resume_url(form, token))


def saved_message(draft, request):
    return translate(
        _(
            "Your draft is saved until ${date}. You can come back to it from “My dossiers”.",
            mapping={"date": format_date(draft.expires, request)},
        ),
        context=request,
    )


def draft_input(service_form):
    """The hidden input's value: the form's saved draft (resumed or saved), or ''."""
    token = service_form.request.form.get(drafts.DRAFT_INPUT)
    if drafts.saved_draft(service_form.context, token) is None:
        return ""
    return token
