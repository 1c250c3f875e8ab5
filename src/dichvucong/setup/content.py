"""GenericSetup import step ``dichvucong-publishing``: a city's starter content (guides,
outreach, news, the home page: the communications team's content) from JSON.

Reads every ``publishing/*.json`` of a city profile, in name order. Each file holds
``{"items": [...]}``; each item names its place (``path``, relative to the site),
its type and title, its field values, files beside the JSON (``files``), the
procedures it explains (catalogue codes), its Mosaic layout, workflow state and
publication dates. See docs/publishing.md for the format.

Items that exist are left as editors made them, so re-applying the profile adds
only what is missing. Shipped data must import cleanly: any mistake (an unknown
key, a missing file, a code that is not in the catalogue) stops the import with
a message naming the file and the item.
"""

from Acquisition import aq_base
from DateTime import DateTime
from DateTime.interfaces import DateTimeError
from dichvucong.base.internals import unrestricted_object
from plone import api
from plone.app.blocks.layoutbehavior import ILayoutAware
from plone.app.blocks.layoutbehavior import ILayoutBehaviorAdaptable
from plone.app.textfield import RichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.interfaces import INamedField
from plone.restapi.interfaces import IFieldDeserializer
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.component import queryMultiAdapter
from zope.component import queryUtility
from zope.event import notify
from zope.globalrequest import getRequest
from zope.interface import Invalid
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import ValidationError
from zope.schema.interfaces import IVocabularyFactory
import json
import logging
import posixpath


logger = logging.getLogger(__name__)

FOLDER = "publishing"
ITEM_KEYS = {
    "path",
    "type",
    "title",
    "description",
    "fields",
    "files",
    "procedures",
    "layout",
    "state",
    "effective",
    "expires",
}
REQUIRED_KEYS = ("path", "type", "title")
CONTENT_LAYOUT = "++contentlayout++"


class PublishingImportError(ValueError):
    """Shipped starter content that cannot be imported as written."""


def import_publishing(context):
    names = context.listDirectory(FOLDER)
    if not names:
        return
    portal = context.getSite()
    request = getRequest() or getattr(portal, "REQUEST", None)
    created = 0
    with api.env.adopt_roles(["Manager"]):
        for name in sorted(n for n in names if n.endswith(".json")):
            items = read_items(context, name)
            for number, item in enumerate(items, 1):
                importer = ItemImporter(context, portal, request, name, number, item)
                if importer.run():
                    created += 1
    logger.info("publishing import: %d item(s) created", created)


def read_items(context, name):
    data = context.readDataFile(name, subdir=FOLDER)
    try:
        document = json.loads(data)
    except ValueError as error:
        raise PublishingImportError(f"{FOLDER}/{name}: not valid JSON ({error})") from error
    if not isinstance(document, dict) or set(document) != {"items"}:
        raise PublishingImportError(
            f'{FOLDER}/{name}: expected {{"items": [...]}} and nothing else'
        )
    items = document["items"]
    if not isinstance(items, list):
        raise PublishingImportError(f"{FOLDER}/{name}: items must be a list")
    return items


def child(container, name):
    """The object ``name`` inside ``container`` itself (never an acquired one)."""
    base = aq_base(container)
    if not hasattr(base, "_getOb") or base._getOb(name, None) is None:
        return None
    return container._getOb(name)


def traverse(portal, path):
    obj = portal
    for name in path.split("/"):
        obj = child(obj, name)
        if obj is None:
            return None
    return obj


def schema_fields(portal_type):
    """{name: field} of every schema of a type (main schema and behaviors)."""
    fields = {}
    for schema in iterSchemataForType(portal_type):
        for name in schema.names():
            fields.setdefault(name, schema[name])
    return fields


class ItemImporter:
    def __init__(self, context, portal, request, filename, number, item):
        self.context = context
        self.portal = portal
        self.request = request
        self.item = item
        path = item.get("path") if isinstance(item, dict) else None
        self.where = f"{FOLDER}/{filename}, item {number}" + (f" ({path})" if path else "")

    def fail(self, message):
        raise PublishingImportError(f"{self.where}: {message}")

    # --- Checks that hold for new and existing items -----------------------

    def check(self):
        self.check_keys()
        self.check_type()
        self.check_procedures()
        self.check_files()

    def check_keys(self):
        """An object with known keys, the required ones, and a path inside the site."""
        item = self.item
        if not isinstance(item, dict):
            self.fail("an item must be an object")
        unknown = sorted(set(item) - ITEM_KEYS)
        if unknown:
            self.fail(
                f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(ITEM_KEYS))}"
            )
        missing = [key for key in REQUIRED_KEYS if not item.get(key)]
        if missing:
            self.fail(f"missing {', '.join(missing)}")
        path = item["path"]
        parts = path.split("/")
        if path.startswith("/") or any(part in ("", ".", "..") for part in parts):
            self.fail("path must be relative to the site, like huong-dan/my-guide")

    def check_type(self):
        """A content type that exists, with every field the item names."""
        item = self.item
        if queryUtility(IDexterityFTI, name=item["type"]) is None:
            self.fail(f"unknown content type {item['type']!r}")
        self.fields = schema_fields(item["type"])
        for key in ("fields", "files"):
            values = item.get(key, {})
            if not isinstance(values, dict):
                self.fail(f"{key} must be an object of field names")
            unknown = sorted(set(values) - set(self.fields))
            if unknown:
                self.fail(f"{item['type']} has no field(s) {', '.join(unknown)}")

    def check_procedures(self):
        item = self.item
        if item.get("procedures") is None:
            return
        if "procedures" not in self.fields:
            self.fail(f"{item['type']} has no procedures field")
        if not isinstance(item["procedures"], list):
            self.fail("procedures must be a list of catalogue codes")

    def check_files(self):
        """Files inside the publishing folder, for file or image fields."""
        for name, relpath in self.item.get("files", {}).items():
            if (
                not isinstance(relpath, str)
                or relpath.startswith("/")
                or ".." in relpath.split("/")
            ):
                self.fail(f"files.{name}: give a path inside {FOLDER}/, like images/x.png")
            if not INamedField.providedBy(self.fields[name]):
                self.fail(f"files.{name}: {name} is not a file or image field")

    # --- Creation ------------------------------------------------------------

    def run(self):
        """Create the item unless it exists. True when it was created."""
        self.check()
        item = self.item
        path = item["path"]
        existing = traverse(self.portal, path)
        if existing is not None:
            if existing.portal_type != item["type"]:
                logger.warning(
                    "%s: %s exists as a %s; left as it is", self.where, path, existing.portal_type
                )
            return False
        obj = self.create(path)
        self.set_values(obj)
        if item.get("layout"):
            self.set_layout(obj, item["layout"])
        self.set_dates(obj)
        notify(ObjectModifiedEvent(obj))
        obj.reindexObject()
        if item.get("state"):
            self.set_state(obj, item["state"])
        logger.info("publishing import: created %s", path)
        return True

    def create(self, path):
        """The new object at ``path``, with its title only; its parent must exist."""
        item = self.item
        parent_path, name = posixpath.split(path)
        parent = traverse(self.portal, parent_path) if parent_path else self.portal
        if parent is None:
            self.fail(f"the parent {parent_path} does not exist: list it before its children")
        try:
            return api.content.create(
                container=parent,
                type=item["type"],
                id=name,
                title=item["title"],
                safe_id=False,
            )
        except (ValueError, api.exc.InvalidParameterError) as error:
            self.fail(
                f"cannot create a {item['type']} in {parent_path or 'the site root'}: {error}"
            )

    def set_values(self, obj):
        """The item's description, fields, files and procedures; then the type's invariants."""
        item = self.item
        if item.get("description"):
            obj.description = item["description"]
        for field_name, value in item.get("fields", {}).items():
            self.set_field(obj, field_name, self.deserialize(obj, field_name, value))
        for field_name, relpath in item.get("files", {}).items():
            self.set_field(obj, field_name, self.named_file(obj, field_name, relpath))
        if item.get("procedures") is not None:
            self.set_field(obj, "procedures", self.procedures(item["procedures"]))
        self.check_invariants(obj)

    def deserialize(self, obj, name, value):
        field = self.fields[name].bind(obj)
        try:
            if isinstance(field, RichText):
                if not isinstance(value, str):
                    self.fail(f"fields.{name}: give the HTML as a string")
                value = RichTextValue(
                    raw=value,
                    mimeType="text/html",
                    outputMimeType=field.output_mime_type,
                    encoding="utf-8",
                )
                field.validate(value)
                return value
            deserializer = queryMultiAdapter((field, obj, self.request), IFieldDeserializer)
            if deserializer is None:
                self.fail(f"fields.{name}: this kind of field cannot be imported")
            return deserializer(value)
        except (ValidationError, ValueError, Invalid) as error:
            if isinstance(error, PublishingImportError):
                raise
            self.fail(f"fields.{name}: {describe(error)}")

    def named_file(self, obj, name, relpath):
        data = self.context.readDataFile(relpath, subdir=FOLDER)
        if data is None:
            self.fail(f"files.{name}: {FOLDER}/{relpath} not found")
        field = self.fields[name].bind(obj)
        value = field._type(data=data, filename=posixpath.basename(relpath))
        try:
            field.validate(value)
        except (ValidationError, Invalid) as error:
            self.fail(f"files.{name} ({relpath}): {describe(error)}")
        return value

    def procedures(self, codes):
        catalog = api.portal.get_tool("portal_catalog")
        intids = getUtility(IIntIds)
        relations = []
        for code in codes:
            brains = catalog.unrestrictedSearchResults(portal_type="Procedure", catalogue_code=code)
            if not brains:
                self.fail(f"no procedure with catalogue code {code!r}")
            relations.append(RelationValue(intids.getId(unrestricted_object(brains[0]))))
        return relations

    def set_field(self, obj, name, value):
        field = self.fields[name]
        field.set(field.interface(obj), value)

    def check_invariants(self, obj):
        schema = getUtility(IDexterityFTI, name=self.item["type"]).lookupSchema()
        try:
            schema.validateInvariants(obj)
        except Invalid as error:
            self.fail(describe(error))

    def set_layout(self, obj, layout):
        if CONTENT_LAYOUT in layout:
            if not ILayoutBehaviorAdaptable.providedBy(obj):
                self.fail(f"{self.item['type']} has no Mosaic layout support")
            vocabulary = getUtility(IVocabularyFactory, "plone.availableContentLayouts")(obj)
            known = {term.value.lstrip("/") for term in vocabulary}
            if layout.lstrip("/") not in known:
                self.fail(f"unknown content layout {layout!r}; known: {', '.join(sorted(known))}")
            ILayoutAware(obj).contentLayout = layout
            if obj.getLayout() != "layout_view":
                obj.setLayout("layout_view")
            return
        views = [view_id for view_id, _title in obj.getAvailableLayouts()]
        if layout not in views:
            self.fail(f"unknown layout {layout!r}; available: {', '.join(views)}")
        obj.setLayout(layout)

    def set_dates(self, obj):
        for key, setter in (
            ("effective", obj.setEffectiveDate),
            ("expires", obj.setExpirationDate),
        ):
            value = self.item.get(key)
            if value is None:
                continue
            if not isinstance(value, str):
                self.fail(f"{key}: give a date as text, like 2026-01-31T08:00:00+07:00")
            try:
                setter(DateTime(value))
            except DateTimeError as error:
                self.fail(f"{key}: not a date ({error})")

    def set_state(self, obj, state):
        if not api.portal.get_tool("portal_workflow").getChainFor(obj):
            self.fail(f"{self.item['type']} has no workflow, so no state")
        if api.content.get_state(obj) == state:
            return
        try:
            api.content.transition(obj=obj, to_state=state)
        except api.exc.InvalidParameterError as error:
            self.fail(f"cannot reach state {state!r}: {error}")


def describe(error):
    """A readable reason from a validation error (its doc string or message)."""
    if isinstance(error, ValidationError):
        doc = error.doc()
        return str(doc) if doc else repr(error)
    return str(error)
