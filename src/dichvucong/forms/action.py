"""The easyform action "Create dossier".

Editors add it to the EasyForm of an online service. A valid submission does not keep
a row on the form: it becomes a draft that the citizen checks on the "check your
answers" page; confirming it creates one Dossier (dichvucong.dossier.submission).
"""

from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import IAction
from dichvucong import _
from dichvucong.base.internals import unrestricted_object
from dichvucong.dossier import submission
from dichvucong.forms import drafts
from plone import api
from plone.namedfile.interfaces import INamedFile
from plone.supermodel.exportimport import BaseHandler
from zc.relation.interfaces import ICatalog
from zope import schema
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import implementer
from zope.intid.interfaces import IIntIds


class ICreateDossier(IAction):
    procedure_code = schema.ASCIILine(
        title=_("Procedure code"),
        description=_(
            "Code of the procedure this form submits (e.g. 1.001193). Empty: the "
            "procedure whose online form is this form."
        ),
        required=False,
    )
    channel = schema.Choice(
        title=_("Channel"),
        vocabulary="dichvucong.Channels",
        default="online",
    )


def procedure_for(form, code=None):
    """The procedure this form submits: by code, else the one linking to the form."""
    if code:
        brains = api.content.find(portal_type="Procedure", catalogue_code=code, unrestricted=True)
        return unrestricted_object(brains[0]) if brains else None
    intids = getUtility(IIntIds)
    relations = getUtility(ICatalog).findRelations(
        {"to_id": intids.getId(form), "from_attribute": "online_form"}
    )
    for relation in relations:
        if relation.from_object is not None:
            return relation.from_object
    return None


def split_files(fields):
    """(values, uploads): easyform answers without files, and {field: [file]}."""
    values, uploads = {}, {}
    for name, value in fields.items():
        if INamedFile.providedBy(value):
            uploads[name] = [value]
        elif value is not None:
            values[name] = value
    return values, uploads


@implementer(ICreateDossier)
class CreateDossier(Action):
    __doc__ = ICreateDossier.__doc__

    def __init__(self, **kw):
        for name, field in ICreateDossier.namesAndDescriptions():
            if name in kw or not hasattr(self, name):
                setattr(self, name, kw.pop(name, field.default))
        super().__init__(**kw)

    def onSuccess(self, fields, request):
        form = get_context(self)
        if api.user.is_anonymous():
            return {FORM_ERROR_MARKER: _t(_("Please log in before submitting a dossier."), request)}
        procedure = procedure_for(form, self.procedure_code)
        if procedure is None:
            return {FORM_ERROR_MARKER: _t(_("This form is not linked to a procedure."), request)}
        values, uploads = split_files(fields)
        errors = submission.check_answers(values)
        applicant, mapping = submission.applicant_from(values)
        errors.update(submission.check_applicant(applicant, mapping))
        checked, file_errors = submission.prepare_files(uploads)
        errors.update(file_errors)
        if errors:
            return form_errors(form, errors, request)
        token = drafts.save(form, values, checked, self.channel, procedure)
        request.response.redirect(f"{form.absolute_url()}/@@check-answers?draft={token}")
        return None


def form_errors(form, errors, request):
    """Errors for easyform, each on its field (the service form shows it next to the
    field and in the summary, fieldsets included: form.py); the form's own message
    only for an error about no field."""
    result = {}
    for name, message in errors.items():
        key = FORM_ERROR_MARKER if name == submission.FORM_ERROR else name
        result[key] = _t(message, request)
    return result


def _t(message, request):
    return translate(message, context=request)


CreateDossierAction = ActionFactory(
    CreateDossier, _("Create dossier"), "dichvucong.AddDossierAction"
)
CreateDossierHandler = BaseHandler(CreateDossier)
