"""Shared pieces of the dossier REST services: JSON errors, JSON-safe values."""

from collections.abc import Mapping
from datetime import date
from datetime import datetime
from datetime import time
from decimal import Decimal
from dichvucong.dossier.statuses import TITLES
from plone.namedfile.interfaces import INamedFile
from plone.restapi.serializer.converters import json_compatible
from zope.i18n import translate
from zope.i18nmessageid import Message
import transaction


def tr(message, request):
    return translate(message, context=request) if isinstance(message, Message) else message


def error(request, status, type_, message, errors=None):
    """Set ``status`` and return restapi's error body. The transaction is doomed: a
    refused request never writes anything, whatever ran before the refusal."""
    request.response.setStatus(status)
    transaction.doom()
    body = {"type": type_, "message": tr(message, request)}
    if errors:
        body["errors"] = {field: tr(msg, request) for field, msg in errors.items()}
    return {"error": body}


def status_title(state, request):
    title = TITLES.get(state)
    return tr(title, request) if title is not None else state


def json_safe(value):
    """A JSON-compatible copy of a typed answer: dates ISO, sets sorted lists."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(
            (json_safe(item) for item in value), key=lambda item: (str(type(item)), str(item))
        )
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if INamedFile.providedBy(value):
        return {"filename": value.filename, "size": value.getSize()}
    try:
        return json_compatible(value)
    except (TypeError, ValueError):
        return str(value)
