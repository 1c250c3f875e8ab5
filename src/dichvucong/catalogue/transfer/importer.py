"""Upsert catalogue records by code: each row all or nothing, a report for every row.

The caller commits (the control panel with its request, the CLI and the profile import
step explicitly). A dry run validates every row the same way and writes nothing.
"""

from datetime import date
from dichvucong.base.sections import SectionMissing
from dichvucong.base.sections import section
from dichvucong.base.sections import section_path
from dichvucong.catalogue.tables.fields import ITable
from dichvucong.catalogue.transfer.kinds import KINDS
from dichvucong.catalogue.transfer.reader import FileProblem
from dichvucong.catalogue.transfer.reader import read_rows
from dichvucong.catalogue.transfer.report import Report
from plone import api
from plone.app.dexterity.behaviors.metadata import IBasic
from plone.app.textfield.value import RichTextValue
from plone.i18n.normalizer.interfaces import IIDNormalizer
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.container.interfaces import INameChooser
from zope.intid.interfaces import IIntIds
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IList
from zope.schema.interfaces import ISet
from zope.schema.interfaces import ValidationError
import functools
import json
import jsonschema
import logging
import transaction
import unicodedata


logger = logging.getLogger(__name__)

# Choice fields whose allowed values are codes of other catalogue content.
CODE_VOCABULARIES = {"dichvucong.Domains": "Domain", "dichvucong.Agencies": "Agency"}


class RowProblem(Exception):
    """This row cannot be imported; the message says why."""


def import_file(portal, data, filename, kind_name, dry_run=False, fmt=None, progress=None):
    """Read and import one file. Returns a Report (file problems in report.error)."""
    kind = KINDS[kind_name]
    report = Report(kind=kind.name, dry_run=dry_run)
    try:
        rows = read_rows(data, filename, kind, fmt=fmt)
    except FileProblem as exc:
        report.error = str(exc)
        return report
    return import_rows(portal, kind, rows, dry_run=dry_run, report=report, progress=progress)


def import_rows(portal, kind, rows, dry_run=False, report=None, progress=None):
    report = report or Report(kind=kind.name, dry_run=dry_run)
    try:
        folder = section(kind.section, portal)
    except SectionMissing as exc:
        report.error = str(exc)
        return report
    if folder is None:
        path = section_path(kind.section)
        report.error = f"the folder /{path} is missing: apply the city profile first"
        return report
    run = _Run(portal, kind, folder, dry_run)
    duplicates = run.duplicate_codes(rows)
    pending_relations = []
    for index, (number, record) in enumerate(rows, start=1):
        code = kind.code_of(record) if isinstance(record, dict) else None
        if code in duplicates:
            report.add(number, code, "rejected", f"code {code} appears more than once")
            continue
        savepoint = None if dry_run else transaction.savepoint(optimistic=True)
        try:
            status, changed, obj = run.upsert(record)
        except (RowProblem, ValidationError, ValueError, TypeError, KeyError) as exc:
            if savepoint is not None:
                savepoint.rollback()
            report.add(number, code, "rejected", _reason(exc))
            continue
        report.add(number, code, status, changed=changed)
        if obj is not None and "related_procedures" in record:
            pending_relations.append((report.rows[-1], obj, record["related_procedures"]))
        if progress and index % 200 == 0:
            progress(index, len(rows))
    run.set_relations(pending_relations)
    return report


def _reason(exc):
    if isinstance(exc, ValidationError):
        args = [arg for arg in exc.args if arg is not None]
        field = getattr(getattr(exc, "field", None), "__name__", "")
        if not field and len(args) > 1 and isinstance(args[1], str):
            field = args[1]
        detail = args[0] if args else ""
        text = f"{exc.doc()}: {detail}" if detail != "" else exc.doc()
        return f"{field}: {text}" if field else text
    return str(exc) or exc.__class__.__name__


class _Run:
    def __init__(self, portal, kind, folder, dry_run):
        self.portal = portal
        self.kind = kind
        self.folder = folder
        self.dry_run = dry_run
        self.fields = dict(getFieldsInOrder(kind.schema))
        self.fields.update(_basic_fields())
        self.paths = self._paths_by_code(kind.portal_type)
        self.allowed_codes = {
            name: set(self._paths_by_code(portal_type))
            for name, portal_type in CODE_VOCABULARIES.items()
        }
        if kind.portal_type in CODE_VOCABULARIES.values():
            vocabulary = next(n for n, t in CODE_VOCABULARIES.items() if t == kind.portal_type)
            self.own_codes = self.allowed_codes[vocabulary]
        else:
            self.own_codes = set()
        self.planned = set()

    def _paths_by_code(self, portal_type):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(portal_type=portal_type)
        return {b.catalogue_code: b.getPath() for b in brains if b.catalogue_code}

    def duplicate_codes(self, rows):
        seen, duplicates = set(), set()
        for _number, record in rows:
            code = self.kind.code_of(record) if isinstance(record, dict) else None
            if code in seen:
                duplicates.add(code)
            seen.add(code)
        self.file_codes = seen - {None}
        return duplicates - {None, ""}

    # -- one row -------------------------------------------------------------
    def upsert(self, record):
        values = self.clean(record)
        code = self.kind.code_of(values)
        path = self.paths.get(code)
        obj = self.portal.unrestrictedTraverse(path) if path else None
        parent = self.parent_container(values)
        if obj is None:
            if self.dry_run:
                self.planned.add(code)
                self.own_codes.add(code)
                return "created", sorted(values), None
            obj = self.create(parent, values)
            self.paths[code] = "/".join(obj.getPhysicalPath())
            self.own_codes.add(code)
            return "created", sorted(values), obj
        changed = [name for name, value in values.items() if not self.same(obj, name, value)]
        moved = parent is not None and (obj.aq_parent.getPhysicalPath() != parent.getPhysicalPath())
        if moved:
            changed.append("parent")
        if not changed:
            return "unchanged", [], obj
        if not self.dry_run:
            if moved:
                obj = api.content.move(source=obj, target=parent)
                self.paths[code] = "/".join(obj.getPhysicalPath())
            for name in changed:
                if name != "parent":
                    self.set(obj, name, values[name])
            obj.reindexObject()
        return "updated", changed, obj

    def clean(self, record):
        self.check_record(record)
        values = {}
        for name in self.kind.fields:
            if name not in record:
                continue
            value = self.convert(name, record[name])
            if name in self.kind.required and value in (None, "", [], set()):
                raise RowProblem(f"{name} is required")
            values[name] = value
        self.check_complete(values)
        return values

    def check_record(self, record):
        """Refuse a row the reader could not read, or one with fields the kind lacks."""
        if not isinstance(record, dict):
            raise RowProblem("record is not an object")
        if "__error__" in record:
            raise RowProblem(record["__error__"])
        errors = [
            value["__error__"]
            for value in record.values()
            if isinstance(value, dict) and "__error__" in value
        ]
        if errors:
            raise RowProblem("; ".join(errors))
        unknown = sorted(set(record) - set(self.kind.fields))
        if unknown:
            raise RowProblem(f"unknown field(s): {', '.join(unknown)}")

    def check_complete(self, values):
        """Refuse a row without its required fields or without a code."""
        for name in self.kind.required:
            if name not in values:
                raise RowProblem(f"{name} is required")
        if not self.kind.code_of(values):
            if self.kind.name == "procedures":
                raise RowProblem("national_code or local_code is required")
            raise RowProblem("code is required")

    def convert(self, name, raw):
        if name == "parent":
            code = _text(raw)
            if code and code not in self.own_codes and code not in self.planned:
                raise RowProblem(f"parent agency {code} does not exist (list parents first)")
            return code or None
        if name == "related_procedures":
            codes = [_text(code) for code in _as_list(raw, name) if _text(code)]
            known = self.own_codes | self.file_codes | set(self.paths)
            missing = [code for code in codes if code not in known]
            if missing:
                raise RowProblem(f"related procedure(s) not found: {', '.join(missing)}")
            return codes
        field = self.fields[name]
        vocabulary = getattr(field, "vocabularyName", None)
        if vocabulary in CODE_VOCABULARIES:
            # Checked against codes gathered once per import: binding the field would
            # build the whole vocabulary (a catalog query) for every row.
            value = _text(raw) or None
            if value and value not in self.allowed_codes[vocabulary]:
                raise RowProblem(f"{name}: no {CODE_VOCABULARIES[vocabulary]} with code {value}")
            return value
        field = field.bind(self.portal)
        value = _coerce(field, raw, name)
        if ITable.providedBy(field):
            # Same JSON schema as the edit form and the REST API, with messages that
            # point at the row and key ("channels/0/channel: ...").
            error = next(_json_validator(field.json_schema).iter_errors(value), None)
            if error is not None:
                where = "/".join(str(part) for part in error.absolute_path)
                raise RowProblem(f"{name}{'/' + where if where else ''}: {error.message}")
        elif value not in (None, "", [], set()):
            field.validate(value)
        return value

    def parent_container(self, values):
        """The agency a record names as parent (None: leave where it is, or the folder)."""
        if self.kind.name != "agencies" or "parent" not in values:
            return None
        code = values["parent"]
        if not code:
            return self.folder
        path = self.paths.get(code)
        return self.portal.unrestrictedTraverse(path) if path else None

    def create(self, parent, values):
        container = parent if parent is not None else self.folder
        fields = {k: v for k, v in values.items() if k not in self.kind.extra}
        title = fields.pop("title")
        # The id from the title, made unique here: no temporary id, no rename.
        new_id = INameChooser(container).chooseName(
            getUtility(IIDNormalizer).normalize(title, max_length=80), container
        )
        obj = api.content.create(
            container=container,
            type=self.kind.portal_type,
            id=new_id,
            title=title,
            **{k: v for k, v in fields.items() if k != "related_procedures"},
        )
        if api.content.get_state(obj, default=None) not in (None, "published"):
            api.content.transition(obj, to_state="published")
        return obj

    # -- comparing and setting --------------------------------------------
    def same(self, obj, name, value):
        if name == "parent":
            return True
        if name == "related_procedures":
            return _relation_codes(obj) == value
        current = getattr(obj, name, None)
        if isinstance(current, RichTextValue):
            current = current.raw
        if isinstance(current, (set, frozenset)) or isinstance(value, set):
            return set(current or ()) == set(value or ())
        if current in (None, "") and value in (None, ""):
            return True
        if isinstance(current, tuple):
            current = list(current)
        return current == value

    def set(self, obj, name, value):
        if name == "related_procedures":
            return
        setattr(obj, name, value)

    def set_relations(self, pending):
        if self.dry_run or not pending:
            return
        intids = getUtility(IIntIds)
        for result, obj, raw in pending:
            codes = [_text(code) for code in _as_list(raw, "related_procedures")]
            if _relation_codes(obj) == codes:
                continue
            relations, missing = [], []
            for code in codes:
                path = self.paths.get(code)
                if path is None:
                    missing.append(code)
                    continue
                target = self.portal.unrestrictedTraverse(path)
                relations.append(RelationValue(intids.getId(target)))
            obj.related_procedures = relations
            if missing:
                result.reason = f"related procedure(s) not imported: {', '.join(missing)}"
            if result.status == "unchanged":
                result.status = "updated"
                result.changed = ["related_procedures"]


@functools.lru_cache(maxsize=16)
def _cached_validator(schema_json):
    schema = json.loads(schema_json)
    return jsonschema.validators.validator_for(schema)(schema)


def _json_validator(schema):
    return _cached_validator(json.dumps(schema, sort_keys=True))


def _relation_codes(obj):
    codes = []
    for relation in getattr(obj, "related_procedures", None) or ():
        target = relation.to_object if not relation.isBroken() else None
        if target is not None:
            codes.append(target.code)
    return codes


def _basic_fields():
    return dict(getFieldsInOrder(IBasic))


def _text(raw):
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raw = str(raw)
    return unicodedata.normalize("NFC", raw).strip()


def _as_list(raw, name):
    if raw is None or raw == "":
        return []
    if not isinstance(raw, list):
        raise RowProblem(f"{name}: expected a list")
    return raw


def _coerce(field, raw, name):
    """File value -> the field's Python value (validation follows)."""
    for interface, coerce in COERCERS:
        if interface.providedBy(field):
            return coerce(raw, name)
    return _coerce_text(field, raw, name)


def _coerce_date(raw, name):
    text = _text(raw)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RowProblem(f"{name}: not a date YYYY-MM-DD: {text}") from None


def _coerce_int(raw, name):
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise RowProblem(f"{name}: not a whole number: {raw}") from None


def _coerce_table(raw, name):
    if raw in (None, ""):
        return []
    return _as_list(raw, name)


def _coerce_set(raw, name):
    return {_text(item) for item in _as_list(raw, name) if _text(item)}


def _coerce_list(raw, name):
    return [_text(item) for item in _as_list(raw, name) if _text(item)]


def _coerce_choice(raw, name):
    return _text(raw) or None


def _coerce_text(field, raw, name):
    if isinstance(raw, (dict, list)):
        raise RowProblem(f"{name}: expected text")
    text = _text(raw)
    if field.__class__.__name__ == "ASCIILine":
        if not text.isascii():
            raise RowProblem(f"{name}: only ASCII letters, digits and signs are allowed")
        return text or None
    return text or ("" if name in ("title", "description") else None)


# The first interface the field provides decides. A table before IList: a table is a
# list of objects, checked by its JSON schema.
COERCERS = (
    (IDate, _coerce_date),
    (IInt, _coerce_int),
    (ITable, _coerce_table),
    (ISet, _coerce_set),
    (IList, _coerce_list),
    (IChoice, _coerce_choice),
)
