"""Filling a service form from what the portal already knows.

- "Change" links of the check-your-answers page reopen the form with the draft's answers.
  Its files come back attached: the file widget finds them by the draft's token.
- The applicant's name and email come from their account, so they are not asked twice.

Values go into the request as the form's widgets would post them; z3c.form widgets
then show them. Only on GET: a POST is always the citizen's own input.
"""

from collective.easyform.api import get_schema
from collective.easyform.interfaces import IEasyForm
from datetime import date
from datetime import datetime
from dichvucong.base.dates import portal_time
from dichvucong.dossier.submission import APPLICANT_FIELDS
from dichvucong.forms import drafts
from plone import api
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection


PREFIX = "form.widgets."


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
    answers = {}
    token = request.form.get("draft")
    draft = drafts.load(form, token) if token else None
    if draft is not None:
        answers.update(draft.values)
        # The draft's files come back attached (fields.py: the kept file's token).
        for name in draft.files:
            if name in fields:
                request.form.setdefault(f"{PREFIX}{name}.kept", token)
    else:
        user = api.user.get_current()
        for key, prop in (("name", "fullname"), ("email", "email")):
            value = user.getProperty(prop, "")
            if value and APPLICANT_FIELDS[key] in fields:
                answers[APPLICANT_FIELDS[key]] = value
    for name, value in answers.items():
        if name in fields and PREFIX + name not in request.form:
            request.form.update(request_values(fields[name], value, form))
