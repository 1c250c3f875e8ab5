"""Guides where a citizen needs them: on a procedure page, and before the fields of the
service form that submits it, so a citizen who is stuck finds the plain guide without
searching for it."""

from dichvucong.forms.action import procedure_for
from dichvucong.publishing.guides.relations import guides_for
from plone.app.layout.viewlets.common import ViewletBase


class FormGuidesViewlet(ViewletBase):
    """ "Read the guide: <title>" before the fields of a service form (the forms room's
    ``dichvucong.form.help`` viewlet manager), one link per guide of its procedure."""

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
