"""On a procedure's page, under its submit button: the guides that explain it (the
procedure's own ``guides`` first, then the guides that name it, see relations.py)."""

from dichvucong.publishing.guides.relations import guides_for
from plone.app.layout.viewlets.common import ViewletBase


class ProcedureGuidesViewlet(ViewletBase):
    def update(self):
        super().update()
        self.guides = guides_for(self.context)

    def render(self):
        return self.index() if self.guides else ""
