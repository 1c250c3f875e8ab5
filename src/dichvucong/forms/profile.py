"""GenericSetup import step: a city profile's service forms (``forms/forms.json``).

Each entry names the form's place, the procedure it serves and its questions: ``parts``
composed from the shared groups and the form's own fields file (composition.py), or a
``fields`` file; ``actions`` (a file) or, by default, one Create-dossier action for the
procedure.

A form that exists already takes a new composition (a shared group changed, a question
was added) only while editors have not changed its questions: the fingerprint of what
this step last wrote is kept on the form; a form without one (made before forms were
composed) takes it when its questions are still those of a file ``replaces`` names.
Otherwise it is left as editors made it, and the log says so. The link to its procedure
is always ensured, and the checks an entry's ``validators`` names ({field: [easyform
validator]}) are added to those fields if still there.
"""

from dichvucong.forms.composition import actions_model
from dichvucong.forms.composition import compose
from dichvucong.forms.composition import fingerprint
from lxml import etree
from plone import api
from z3c.relationfield import RelationValue
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent
import json
import logging


SCHEMA_NS = "http://namespaces.plone.org/supermodel/schema"
VALIDATORS = "{http://namespaces.plone.org/supermodel/easyform}validators"
COMPOSED = "dichvucong.forms.composed"  # fingerprint of the questions this step wrote


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


def _models(context, entry):
    """(fields model, actions model) of an entry."""
    if "parts" in entry:
        fields = compose(entry, lambda name: _read(context, name))
    else:
        fields = _read(context, entry["fields"])
    fields, _changed = with_validators(fields, entry.get("validators") or {})
    if entry.get("actions"):
        actions = _read(context, entry["actions"])
    else:
        actions = actions_model(entry["procedure"], lambda name: _read(context, name))
    return fields, actions


def _set_fields(form, model):
    form.fields_model = model
    IAnnotations(form)[COMPOSED] = fingerprint(form.fields_model)


def _refresh(context, form, entry, model):
    """Give an existing form the new composition if editors left its questions alone."""
    current = fingerprint(form.fields_model)
    if current == fingerprint(model):
        return
    written = IAnnotations(form).get(COMPOSED)
    if written is None:
        untouched = current in {fingerprint(_read(context, n)) for n in entry.get("replaces", ())}
    else:
        untouched = current == written
    path = "/".join(form.getPhysicalPath())
    if not untouched:
        logger.info("service form changed by editors, new questions not applied: %s", path)
        return
    _set_fields(form, model)
    logger.info("service form questions updated: %s", path)


def _ensure_form(context, portal, entry):
    container = portal.unrestrictedTraverse(entry["container"].strip("/"))
    form = container.get(entry["id"])
    fields_model, actions = _models(context, entry)
    if form is not None:
        _refresh(context, form, entry, fields_model)
        return form
    form = api.content.create(
        container=container,
        type="EasyForm",
        id=entry["id"],
        title=entry["title"],
        description=entry.get("description", ""),
        safe_id=False,
    )
    _set_fields(form, fields_model)
    form.actions_model = actions
    if entry.get("submit_label"):
        form.submitLabel = entry["submit_label"]
    # One page, fieldsets one after the other: tabs confuse people on small screens.
    form.form_tabbing = entry.get("form_tabbing", False)
    if api.content.get_state(form, default=None) not in (None, "published"):
        api.content.transition(form, to_state="published")
    logger.info("service form created: %s", "/".join(form.getPhysicalPath()))
    return form


def with_validators(model, wanted):
    """(model, changed): easyform validators added to fields of ``model``; nothing else
    changes (a field an editor removed stays removed, validators they added stay)."""
    if not wanted or not model:
        return model, False
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(model.encode("utf-8"), parser)
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
    return (etree.tostring(root, encoding="unicode") if changed else model), changed


def _ensure_validators(form, wanted):
    model, changed = with_validators(form.fields_model, wanted)
    if changed:
        ours = IAnnotations(form).get(COMPOSED) == fingerprint(form.fields_model)
        form.fields_model = model
        if ours:
            IAnnotations(form)[COMPOSED] = fingerprint(model)
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
