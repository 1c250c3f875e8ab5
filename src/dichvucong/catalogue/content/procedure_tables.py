"""The procedure's three tables: channels (with time and fees), documents to bring,
legal basis.

Each has a JSON schema, the file format's contract (docs/catalogue-format.md) that
imports, the REST API and the edit form all pass, and a row schema that gives the
edit form its columns. ``tests/catalogue/test_tables.py`` keeps the two in step.
"""

from dichvucong import _
from dichvucong.catalogue.tables.fields import Number
from zope import schema
from zope.interface import Interface
import json


CHANNELS_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["channel"],
            "additionalProperties": False,
            "properties": {
                "channel": {"type": "string", "enum": ["in_person", "online", "post"]},
                # null: the time is not known yet ("to be confirmed"), never invented.
                "time": {"type": ["number", "null"], "minimum": 0},
                "time_unit": {
                    "type": "string",
                    "enum": ["working_days", "working_hours", "days"],
                },
                "time_note": {"type": "string"},
                "fee": {"type": ["integer", "null"], "minimum": 0},
                "fee_note": {"type": "string"},
            },
        },
    }
)

DOCUMENTS_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["name"],
            "additionalProperties": False,
            "properties": {
                "case": {"type": "string"},
                "name": {"type": "string", "minLength": 1},
                "originals": {"type": "integer", "minimum": 0},
                "copies": {"type": "integer", "minimum": 0},
                "template_url": {"type": "string"},
            },
        },
    }
)

LEGAL_BASIS_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["number"],
            "additionalProperties": False,
            "properties": {
                "number": {"type": "string", "minLength": 1},
                "summary": {"type": "string"},
                "date": {"type": "string"},
                "issuer": {"type": "string"},
            },
        },
    }
)


class IChannelRow(Interface):
    channel = schema.Choice(
        title=_("How to submit"),
        vocabulary="dichvucong.Channels",
        required=True,
    )
    time = Number(
        title=_("Processing time"),
        description=_("Leave empty while it is not known: the page says “To be confirmed”."),
        required=False,
        min=0.0,
    )
    time_unit = schema.Choice(
        title=_("Time unit"),
        vocabulary="dichvucong.TimeUnits",
        required=False,
    )
    time_note = schema.TextLine(title=_("Note on the time"), required=False)
    fee = schema.Int(
        title=_("Fee (VND)"),
        description=_("0 when it is free; empty while it is not known."),
        required=False,
        min=0,
    )
    fee_note = schema.TextLine(title=_("Note on the fee"), required=False)


class IDocumentRow(Interface):
    case = schema.TextLine(
        title=_("Case"),
        description=_("Empty when the document is needed in every case."),
        required=False,
    )
    name = schema.TextLine(title=_("Document"), required=True, min_length=1)
    originals = schema.Int(title=_("Originals"), required=False, min=0)
    copies = schema.Int(title=_("Copies"), required=False, min=0)
    template_url = schema.TextLine(
        title=_("Form to download"),
        description=_("A web address (https://...) or a path on this site (/...)."),
        required=False,
    )


class ILegalBasisRow(Interface):
    number = schema.TextLine(title=_("Number"), required=True, min_length=1)
    summary = schema.TextLine(title=_("Summary"), required=False)
    date = schema.TextLine(
        title=_("Date issued"),
        description=_("YYYY-MM-DD, e.g. 2015-11-15."),
        required=False,
    )
    issuer = schema.TextLine(title=_("Issued by"), required=False)
