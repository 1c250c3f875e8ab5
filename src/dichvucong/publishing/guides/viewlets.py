"""Above a service form: the guides of the procedure the form submits, so a citizen
who is stuck halfway finds the step-by-step help without leaving the form."""

from dichvucong.forms.action import procedure_for
from dichvucong.publishing.guides.relations import guides_for
from plone.app.layout.viewlets.common import ViewletBase


class FormGuidesViewlet(ViewletBase):
    def update(self):
        super().update()
        procedure = procedure_for(self.context)
        self.guides = guides_for(procedure) if procedure is not None else []

    def render(self):
        return self.index() if self.guides else ""


class ProcedureGuidesViewlet(ViewletBase):
    """ "Related guides" on a procedure page (the catalogue's ``dichvucong.procedure.related``
    viewlet manager): the catalogue does not know guides; publishing plugs them in."""

    def update(self):
        super().update()
        self.guides = guides_for(self.context)

    def render(self):
        return self.index() if self.guides else ""
