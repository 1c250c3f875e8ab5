"""GenericSetup import step: a city profile's service forms (``forms/forms.json``).

Each entry names the form's place, its fields and actions (supermodel XML files next
to forms.json, as easyform exports them) and the procedure it serves. A form that
already exists is left as editors made it; only the link to its procedure is ensured.
"""

from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent
import json
import logging


logger = logging.getLogger(__name__)


def import_forms(context):
    data = context.readDataFile("forms.json", subdir="forms")
    if data is None:
        return
    portal = context.getSite()
    for entry in json.loads(data):
        form = _ensure_form(context, portal, entry)
        _link(form, entry["procedure"])


def _read(context, name):
    data = context.readDataFile(name, subdir="forms")
    if data is None:
        raise ValueError(f"forms/{name} is missing")
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _ensure_form(context, portal, entry):
    container = portal.unrestrictedTraverse(entry["container"].strip("/"))
    form = container.get(entry["id"])
    if form is not None:
        return form
    form = api.content.create(
        container=container,
        type="EasyForm",
        id=entry["id"],
        title=entry["title"],
        description=entry.get("description", ""),
        safe_id=False,
    )
    form.fields_model = _read(context, entry["fields"])
    form.actions_model = _read(context, entry["actions"])
    if entry.get("submit_label"):
        form.submitLabel = entry["submit_label"]
    # One page, fieldsets one after the other: tabs confuse people on small screens.
    form.form_tabbing = entry.get("form_tabbing", False)
    if api.content.get_state(form, default=None) not in (None, "published"):
        api.content.transition(form, to_state="published")
    logger.info("service form created: %s", "/".join(form.getPhysicalPath()))
    return form


def _link(form, code):
    brains = api.content.find(portal_type="Procedure", catalogue_code=code)
    if not brains:
        raise ValueError(f"forms.json: no procedure with code {code}")
    procedure = brains[0].getObject()
    current = getattr(procedure, "online_form", None)
    if (
        current is not None
        and not current.isBroken()
        and current.to_object.getPhysicalPath() == form.getPhysicalPath()
    ):
        return
    procedure.online_form = RelationValue(getUtility(IIntIds).getId(form))
    notify(ObjectModifiedEvent(procedure))
    procedure.reindexObject()
