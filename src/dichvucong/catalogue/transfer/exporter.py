"""Export the catalogue in the import formats (JSON, CSV); re-importing an export
changes nothing."""

from dichvucong.base.internals import unrestricted_object
from dichvucong.catalogue.transfer.importer import _relation_codes
from dichvucong.catalogue.transfer.kinds import KINDS
from dichvucong.catalogue.transfer.reader import LIST_SEPARATOR
from dichvucong.catalogue.transfer.reader import OBJECT_LISTS
from plone import api
import csv
import io
import json


def records(portal, kind_name):
    kind = KINDS[kind_name]
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=kind.portal_type, sort_on="catalogue_code"
    )
    return [record(unrestricted_object(brain), kind) for brain in brains]


def record(obj, kind):
    out = {}
    for name in kind.fields:
        if name == "parent":
            parent = obj.aq_parent
            out[name] = getattr(parent, "code", None) if parent.portal_type == "Agency" else None
        elif name == "related_procedures":
            out[name] = _relation_codes(obj)
        else:
            out[name] = _plain(getattr(obj, name, None))
    return out


def _plain(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def export(portal, kind_name, fmt="json"):
    rows = records(portal, kind_name)
    if fmt == "json":
        return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(KINDS[kind_name].fields))
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell(name, value) for name, value in row.items()})
    return out.getvalue().encode("utf-8")


def _cell(name, value):
    if value is None:
        return ""
    if name in OBJECT_LISTS:
        return json.dumps(value, ensure_ascii=False) if value else ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value
