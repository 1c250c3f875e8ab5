"""@@dossier-assign: the specialist in charge, one of the agency's officials."""

from dichvucong import _
from dichvucong.dossier import audit
from dichvucong.dossier.forms.common import DossierForm
from dichvucong.dossier.storage import officials_group_id
from plone import api
from types import MappingProxyType
from z3c.form import button
from z3c.form import field
from zope import schema
from zope.interface import Interface
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _token(userid):
    return userid if userid.isascii() else userid.encode("utf-8").hex()


@provider(IContextSourceBinder)
def agency_officials(dossier):
    """The officials of the dossier's receiving agency, by name."""
    group = officials_group_id(getattr(dossier, "agency_code", None))
    if api.group.get(groupname=group) is None:
        return SimpleVocabulary([])
    terms = [
        SimpleTerm(
            user.getId(),
            _token(user.getId()),
            user.getProperty("fullname", "") or user.getId(),
        )
        for user in api.user.get_users(groupname=group)
    ]
    return SimpleVocabulary(sorted(terms, key=lambda term: term.title.lower()))


class IAssign(Interface):
    assignee = schema.Choice(
        title=_("Specialist in charge"), source=agency_officials, required=False
    )


class AssignForm(DossierForm):
    """An official's form (``dichvucong: Process dossier``); POST only."""

    view_name = "dossier-assign"
    page_id = "dvc-action-page"
    post_only = True
    anchor = "dvc-assignment"
    id = "dvc-assign-form"
    css_class = "dvc-assign-form"
    label = _("Assign the dossier")
    widget_ids = MappingProxyType({"assignee": "dvc-assignee"})
    fields = field.Fields(IAssign)

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        widget = self.widgets["assignee"]
        widget.noValueMessage = _("Not assigned")
        if widget.name not in self.request.form and self.context.assignee:
            widget.value = [_token(self.context.assignee)]

    def unknown_choice(self):
        """A submitted official who is not (or no longer) one of the agency's."""
        widget = self.widgets["assignee"]
        tokens = self.request.form.get(widget.name) or []
        tokens = [tokens] if isinstance(tokens, str) else tokens
        known = {term.token for term in widget.terms} | {widget.noValueToken, ""}
        return any(token not in known for token in tokens)

    @button.buttonAndHandler(_("Assign"), name="assign")
    def handle_assign(self, action):
        data, errors = self.extractData()
        if errors:
            return
        if self.unknown_choice():
            self.set_error("assignee", _("Please choose an official of the receiving agency."))
            return
        userid = data.get("assignee") or ""
        anchor = f"#{self.anchor}"
        if userid == (self.context.assignee or ""):
            self.done(_("The assignment has not changed."), anchor)
            return
        self.context.assignee = userid or None
        audit.record(self.context, "assigned", public=False, assignee=userid or None)
        self.context.reindexObject()
        if not userid:
            self.done(_("The dossier is no longer assigned."), anchor)
            return
        self.done(
            _("The dossier has been assigned to ${name}.", mapping={"name": self.fullname(userid)}),
            anchor,
        )
