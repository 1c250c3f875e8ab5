"""GenericSetup import step: a city profile's service forms (``forms/forms.json``).

Each entry names the form's place, its fields and actions (supermodel XML files next
to forms.json, as easyform exports them) and the procedure it serves. A form that
already exists is left as editors made it; only the link to its procedure is ensured,
and the checks an entry's ``validators`` names ({field: [easyform validator]}, e.g.
``isNotInTheFuture`` on a date of birth) are added to those fields if still there.
"""

from lxml import etree
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent
import json
import logging


SCHEMA_NS = "http://namespaces.plone.org/supermodel/schema"
VALIDATORS = "{http://namespaces.plone.org/supermodel/easyform}validators"


logger = logging.getLogger(__name__)


def import_forms(context):
    data = context.readDataFile("forms.json", subdir="forms")
    if data is None:
        return
    portal = context.getSite()
    for entry in json.loads(data):
        form = _ensure_form(context, portal, entry)
        _ensure_validators(form, entry.get("validators") or {})
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


def _ensure_validators(form, wanted):
    """Add easyform validators to fields of the form's model; nothing else changes
    (a field an editor removed stays removed, validators they added stay)."""
    if not wanted or not form.fields_model:
        return
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(form.fields_model.encode("utf-8"), parser)
    changed = False
    for name, validators in wanted.items():
        for node in root.iter(f"{{{SCHEMA_NS}}}field"):
            if node.get("name") != name:
                continue
            current = [v for v in (node.get(VALIDATORS) or "").split("|") if v]
            missing = [v for v in validators if v not in current]
            if missing:
                node.set(VALIDATORS, "|".join(current + missing))
                changed = True
    if changed:
        form.fields_model = etree.tostring(root, encoding="unicode")
        logger.info("validators added: %s", "/".join(form.getPhysicalPath()))


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
