"""POST /@dossiers: submit a dossier online (logged-in citizens).

Body (JSON)::

    {"procedure": "<procedure code or UID>",
     "answers": {"field": value, ...},
     "files": [{"field": "...", "filename": "...", "data": "<base64>"}],
     "channel": "online"}

Answers are checked against the procedure's online form when it has one (unknown
fields refused, required ones enforced, values converted and validated), files by
``files.check_upload`` (size, type by content, plain names). On success: 201, the
dossier's URL in ``Location`` and its serialisation. On refusal: 400 with
``error.errors`` mapping field names (``__form__`` for the whole form) to messages;
nothing is written.
"""

from dichvucong import _
from dichvucong.dossier import files as dossier_files
from dichvucong.dossier.api import answers as form_answers
from dichvucong.dossier.api.common import error
from dichvucong.dossier.submission import FORM_ERROR
from dichvucong.dossier.submission import SubmissionError
from dichvucong.dossier.submission import submit
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.services import Service
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
import base64
import binascii


# At most this many files in one submission; with the per-file size limit this also
# bounds the request body, refused before it is read (413).
MAX_FILES = 20
BODY_SLACK = 256 * 1024  # answers and JSON syntax around the files
FILES = "files"


def max_body_size():
    max_mb, _extensions = dossier_files.settings()
    return int(max_mb * 1024 * 1024 * 4 / 3) * MAX_FILES + BODY_SLACK


def find_procedure(value):
    """The procedure (visible to the user) with this catalogue code or UID."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    for query in ({"catalogue_code": value}, {"UID": value}):
        brains = api.content.find(portal_type="Procedure", **query)
        if brains:
            return brains[0].getObject()
    return None


def online_form(procedure):
    relation = getattr(procedure, "online_form", None)
    if relation is None or relation.isBroken():
        return None
    return relation.to_object  # None if the form was deleted


def decode_files(entries):
    """({field: [(filename, bytes)]}, errors) from the JSON list of files. Files over
    the size limit are refused from the length of their base64 text, before decoding."""
    max_mb, _extensions = dossier_files.settings()
    limit = max_mb * 1024 * 1024
    uploads, errors = {}, {}
    if not isinstance(entries, list):
        return uploads, {FILES: _("Send the files as a list.")}
    if len(entries) > MAX_FILES:
        return uploads, {
            FILES: _("At most ${count} files can be sent at once.", mapping={"count": MAX_FILES})
        }
    for entry in entries:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) for key in ("field", "filename", "data")
        ):
            errors[FILES] = _("Each file needs a field, a file name and its data in base64.")
            continue
        field, data = entry["field"], entry["data"]
        if len(data) * 3 // 4 > limit + 2:
            size = round(len(data) * 3 / 4 / 1024 / 1024, 1)
            errors[field] = _(
                "The file is too large (${size} MB); the limit is ${limit} MB.",
                mapping={"size": size, "limit": max_mb},
            )
            continue
        try:
            content = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            errors[field] = _("The file's data is not valid base64.")
            continue
        uploads.setdefault(field, []).append((entry["filename"], content))
    return uploads, errors


def request_length(request):
    """The Content-Length the client announced (0 when missing or not a number)."""
    try:
        return int(request.getHeader("Content-Length") or 0)
    except ValueError:
        return 0


def data_problems(data, procedure):
    """{name: message} when the procedure, the channel or the answers cannot be used."""
    if procedure is None:
        return {"procedure": _("No procedure has this code.")}
    if data.get("channel", "online") != "online":
        return {"channel": _("Dossiers sent here are submitted online.")}
    if not isinstance(data.get("answers") or {}, dict):
        return {"answers": _("Send the answers as an object: field name to value.")}
    return None


def check_answers(form, answers, file_fields_sent):
    """(values, errors): against the online form when the procedure has one."""
    if form is not None:
        return form_answers.check_against_form(form, answers, file_fields_sent)
    return form_answers.check_free(answers, file_fields_sent)


class DossiersPost(Service):
    def reply(self):
        response = self.refusal()
        if response is not None:
            return response
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.json_data()
        if data is None:
            return error(self.request, 400, "BadRequest", _("The request is not valid JSON."))
        procedure = find_procedure(data.get("procedure"))
        problems = data_problems(data, procedure)
        if problems:
            return self.refused(problems)
        uploads, errors = decode_files(data.get("files") or [])
        form = online_form(procedure)
        values, answer_errors = check_answers(form, data.get("answers") or {}, set(uploads))
        errors = {**answer_errors, **errors}
        if errors:
            return self.refused(errors)
        try:
            dossier = submit(procedure, values, uploads, form=form, channel="online")
        except SubmissionError as refusal:
            return self.refused(refusal.errors)
        return self.created(dossier)

    def refusal(self):
        """The error to answer before the body is read (who, content type, size), or None."""
        request = self.request
        if api.user.is_anonymous():
            return error(
                request, 401, "Unauthorized", _("Please log in before submitting a dossier.")
            )
        # A JSON content type cannot be sent by a plain cross-site HTML form: with it
        # required, this write needs no CSRF token (like plone.restapi's own POSTs).
        content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            return error(request, 415, "UnsupportedMediaType", _("Send the dossier as JSON."))
        if request_length(request) > max_body_size():
            return error(request, 413, "PayloadTooLarge", _("The dossier is too large to be sent."))
        return None

    def json_data(self):
        """The body's JSON object, or None when the body is not one."""
        try:
            data = json_body(self.request)
        except DeserializationError:
            return None
        return data if isinstance(data, dict) else None

    def created(self, dossier):
        """201 with the dossier's URL in Location and its serialisation."""
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", dossier.absolute_url())
        return getMultiAdapter((dossier, self.request), ISerializeToJson)()

    def refused(self, errors):
        message = errors.get(FORM_ERROR) or _("Please correct the answers shown.")
        return error(self.request, 400, "ValidationError", message, errors=errors)
