"""On a procedure page: where an online dossier goes when its form lets the citizen
pick the receiving agency.

The catalogue's page says which agency implements the procedure (where to go in
person); but a service form with a receiving-agency choice (the field
``dichvucong.dossier.submission.AGENCY_FIELD``, as in the birth registration form)
sends the dossier to the agency the citizen picks. This viewlet, in the catalogue's
``dichvucong.procedure.where`` manager, says so for any procedure whose online form
has such a choice.
"""

from AccessControl import getSecurityManager
from collective.easyform.api import get_schema
from dichvucong.dossier.submission import AGENCY_FIELD
from plone.app.layout.viewlets.common import ViewletBase
from zope.schema.interfaces import IChoice


def online_form(procedure):
    """The procedure's online form, if there is one the user may open."""
    relation = getattr(procedure, "online_form", None)
    if relation is None or relation.isBroken():
        return None
    form = relation.to_object
    if form is None or not getSecurityManager().checkPermission("View", form):
        return None
    return form


def receiving_agency_field(form):
    """The form's receiving-agency choice (a Choice field), or None."""
    field = get_schema(form).get(AGENCY_FIELD)
    return field if IChoice.providedBy(field) else None


class ReceivingAgencyChoice(ViewletBase):
    def update(self):
        super().update()
        self.form = online_form(self.context)
        self.field = receiving_agency_field(self.form) if self.form is not None else None

    def field_title(self):
        return self.field.title

    def form_url(self):
        return self.form.absolute_url()

    def render(self):
        return self.index() if self.field is not None else ""
