"""Public status lookup: GET /@dossier-status?code=...&check=... (anyone, no login).

``check`` is the last 4 digits of the applicant's ID number or of the phone number
given with the dossier. The answer holds the dossier's progress only, never personal
data. An unknown code and a wrong check get the same 404, so the lookup tells
nothing about which codes exist. Each client (``request.getClientAddr()``, which
follows Zope's trusted-proxy setting) may look up ``dichvucong.lookup.per_minute``
times per minute (per process, see base/ratelimit.py); beyond: 429 with Retry-After.

POST /@dossier-status with a JSON body ``{"code": ..., "check": ...}`` does the same
and keeps the check digits out of URLs (and so out of access logs): apps should use it.
Nothing here logs the check digits.
"""

from dichvucong import _
from dichvucong.base.internals import unrestricted_object
from dichvucong.base.ratelimit import SlidingWindowLimiter
from dichvucong.dossier.api.common import error
from dichvucong.dossier.api.common import json_safe
from dichvucong.dossier.api.common import status_title
from dichvucong.dossier.content.dossier import STATUS_CODES
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
import hmac
import re


PER_MINUTE_RECORD = "dichvucong.lookup.per_minute"
DEFAULT_PER_MINUTE = 10
# The lookup's limiter: the JSON endpoint and the HTML page (lookup_page.py) share it.
LOOKUPS = SlidingWindowLimiter(window=60.0)
CODE = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{4,63}$")
CHECK = re.compile(r"^\d{4}$")

NOT_FOUND = _("No dossier matches this code and these digits. Please check them and try again.")
TOO_MANY = _(
    "You have looked up many times in a short while. Please wait a minute, then try again."
)
BAD_INPUT = _(
    "Please enter the dossier code and the last 4 digits of the ID number or phone number."
)


def normalise(code, check):
    """(code, check) cleaned, or None when they cannot be a dossier code and 4 digits."""
    if not isinstance(code, str) or not isinstance(check, str):
        return None
    code, check = code.strip().upper(), check.strip()
    if not CODE.match(code) or not CHECK.match(check):
        return None
    return code, check


def allowed(request):
    """(True, 0) or (False, retry_after seconds) for this client's next lookup."""
    limit = api.portal.get_registry_record(PER_MINUTE_RECORD, default=DEFAULT_PER_MINUTE)
    client = request.getClientAddr() or "unknown"
    return LOOKUPS.hit(client, limit or DEFAULT_PER_MINUTE)


def _last_digits(value):
    digits = "".join(c for c in (value or "") if c.isdigit())
    return digits[-4:] if len(digits) >= 4 else None


def _matches(dossier, check):
    # Compare both, in constant time: the answer's timing says nothing either.
    results = [
        hmac.compare_digest(digits, check)
        for digits in (
            _last_digits(dossier.applicant_id_number) or "----",
            _last_digits(dossier.applicant_phone) or "----",
        )
    ]
    return any(results)


def public_status(code, check):
    """The public facts of dossier ``code`` if ``check`` matches, else None.

    The catalog is searched unrestricted (anonymous visitors cannot view dossiers);
    only the fields below leave this function."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Dossier", dossier_code=code):
        dossier = unrestricted_object(brain)
        if dossier.code == code and _matches(dossier, check):
            return {
                "code": dossier.code,
                "procedure_title": dossier.procedure_title,
                "status": dossier.status,
                "status_code": STATUS_CODES.get(dossier.status),
                "received_at": dossier.received_at,
                "due_at": dossier.due_at,
                "decided_at": dossier.decided_at,
                "returned_at": dossier.returned_at,
            }
    return None


class DossierStatusGet(Service):
    def reply(self):
        self.request.response.setHeader("Cache-Control", "no-store")
        ok, retry_after = allowed(self.request)
        if not ok:
            self.request.response.setHeader("Retry-After", str(retry_after))
            return error(self.request, 429, "TooManyRequests", TOO_MANY)
        params = normalise(*self.params())
        if params is None:
            return error(self.request, 400, "BadRequest", BAD_INPUT)
        facts = public_status(*params)
        if facts is None:
            return error(self.request, 404, "NotFound", NOT_FOUND)
        data = {key: json_safe(value) for key, value in facts.items()}
        data["status_title"] = status_title(facts["status"], self.request)
        return data

    def params(self):
        return self.request.form.get("code"), self.request.form.get("check")


class DossierStatusPost(DossierStatusGet):
    def params(self):
        try:
            data = json_body(self.request)
        except DeserializationError:
            return None, None
        if not isinstance(data, dict):
            return None, None
        return data.get("code"), data.get("check")
