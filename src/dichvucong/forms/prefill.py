"""Filling a service form from what the portal already knows.

- "Change" links of the check-your-answers page reopen the form with the draft's answers.
  Its files come back attached: the file widget finds them by the draft's token.
- A saved draft ("Save as draft", saving.py) comes back as it was typed: its raw widget
  values, its files attached, its token in the form's hidden input (saving again
  updates it). A parked draft (notice.py: the session ended mid-form) is claimed by
  the user who logged in, in the browser that parked it, and becomes their draft.
- A draft link that no longer works (expired, deleted, someone else's) says so.
- The applicant's name and email come from their account, so they are not asked twice.

Values go into the request as the form's widgets would post them; z3c.form widgets
then show them. Only on GET: a POST is always the citizen's own input.
"""

from collective.easyform.api import get_schema
from collective.easyform.interfaces import IEasyForm
from datetime import date
from datetime import datetime
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import portal_time
from dichvucong.dossier.submission import APPLICANT_FIELDS
from dichvucong.forms import drafts
from dichvucong.forms.form import ServiceFormView
from dichvucong.forms.notice import PARKED_COOKIE
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection


PREFIX = "form.widgets."
EXPIRED = _(
    "This draft has expired or was deleted: it is no longer kept. Please fill in the form again."
)
RESTORED = _(
    "Your answers are back. They are kept as a draft until ${date}: you can also "
    "come back to them from “My dossiers”."
)


def _tokens(field, value, context):
    vocabulary = field.bind(context).vocabulary
    try:
        return [vocabulary.getTerm(value).token]
    except (LookupError, AttributeError):
        return [str(value)]


def request_values(field, value, context):
    """{request key: value} for one answer, as the field's widget posts it."""
    name = PREFIX + field.__name__
    if IBool.providedBy(field):
        return {name: ["selected"] if value else []}
    if IChoice.providedBy(field):
        return {name: _tokens(field, value, context), f"{name}-empty-marker": "1"}
    if ICollection.providedBy(field) and IChoice.providedBy(field.value_type):
        tokens = [t for item in value for t in _tokens(field.value_type, item, context)]
        return {name: tokens, f"{name}-empty-marker": "1"}
    if isinstance(value, datetime):
        # The widget's wall-clock value, in the portal's time zone.
        return {name: portal_time(value).strftime("%Y-%m-%dT%H:%M")}
    if isinstance(value, date):
        # As the citizen types it (fields.py: service forms' dates are dd/mm/yyyy).
        return {name: f"{value:%d/%m/%Y}"}
    return {name: str(value)}


def prefill_form(event):
    """After traversal, before the form view renders (IPubAfterTraversal)."""
    request = event.request
    form = getattr(request.get("PUBLISHED"), "context", None)
    if not IEasyForm.providedBy(form):
        return
    if request.get("REQUEST_METHOD", "GET") != "GET" or api.user.is_anonymous():
        return
    fields = dict(getFieldsInOrder(get_schema(form)))
    token = request.form.get("draft")
    draft = find_draft(form, token, request) if token else None
    if draft is not None and draft.raw is not None:
        restore_raw(draft, token, fields, request)
        return
    answers = check_draft_answers(form, draft, token, fields, request) if draft else {}
    if draft is None:
        user = api.user.get_current()
        for key, prop in (("name", "fullname"), ("email", "email")):
            value = user.getProperty(prop, "")
            if value and APPLICANT_FIELDS[key] in fields:
                answers[APPLICANT_FIELDS[key]] = value
    for name, value in answers.items():
        if name in fields and PREFIX + name not in request.form:
            request.form.update(request_values(fields[name], value, form))


def find_draft(form, token, request):
    """The user's draft ``token``, or the parked one they claim now; on the form's
    page, a word when there is none."""
    draft = drafts.load(form, token)
    if draft is None and isinstance(request.get("PUBLISHED"), ServiceFormView):
        draft = claim_parked(form, token, request)
        if draft is None:
            api.portal.show_message(EXPIRED, request=request, type="warning")
    return draft


def check_draft_answers(form, draft, token, fields, request):
    """A check-your-answers draft's answers; its files attached (fields.py: the kept
    file's token); the saved draft it was resumed from, if any, still in the form."""
    for name in draft.files:
        if name in fields:
            request.form.setdefault(f"{PREFIX}{name}.kept", token)
    if drafts.saved_draft(form, draft.resumed_from) is not None:
        request.form.setdefault(drafts.DRAFT_INPUT, draft.resumed_from)
    return dict(draft.values)


def restore_raw(draft, token, fields, request):
    """A saved draft's widgets as they were posted, its files, its token."""
    for key, value in draft.raw.items():
        request.form.setdefault(key, list(value) if isinstance(value, list | tuple) else value)
    for name in draft.files:
        if name in fields:
            request.form.setdefault(f"{PREFIX}{name}.kept", token)
    request.form[drafts.DRAFT_INPUT] = token


def claim_parked(form, token, request):
    """The parked draft ``token`` claimed by the user now logged in, or None. A write
    on GET, which plone.protect would undo: it needs the secret of the browser that
    posted (a cookie), so no other page can make anyone claim anything."""
    secret = request.cookies.get(PARKED_COOKIE)
    if drafts.parked_draft(form, token) is None or not secret:
        return None
    alsoProvides(request, IDisableCSRFProtection)
    draft = drafts.claim(form, token, secret)
    if draft is None:
        return None
    request.response.expireCookie(PARKED_COOKIE, path="/")
    api.portal.show_message(
        _(RESTORED, mapping={"date": format_date(draft.expires, request)}),
        request=request,
        type="info",
    )
    return draft
