"""One-stop slips as A5 PDF, with the dossier code in a QR code.

The one-stop office (bo phan mot cua) hands these slips to the applicant. They follow the
templates of Circular 01/2018/TT-VPCP, kept under Decree 118/2025, and are printed on A5:

``receipt``
    Template 01, the receipt and appointment slip: who submitted which documents for
    which procedure, when the dossier was received and when the result is due (or "to be
    confirmed" while the due date is not known yet).
``supplement``
    Template 02, the request to supplement and complete the dossier: what is missing
    or wrong (the official's comment, ``reason``) and whom to ask for guidance.
``refusal``
    Template 03, the refusal to accept the dossier, with the reason.
``apology``
    Template 04, the apology with a new date: the original due date, the reason for the
    delay and the new date (``new_due_at``).

Circular 01/2023/TT-VPCP: a printed document carries a QR code top-left with at least
the dossier code, the procedure code, the applicant's ID number, the document name, the
system name and the time of issue, plus the appointment date on receipts. ``qr_payload``
makes that text (``key: value`` lines); the QR code is an inline SVG made by ``qrcode``.

All the slip's own text is English msgids of the ``dichvucong`` domain, translated at
render time: slips are legal documents, so the target language defaults to Vietnamese
whatever the language of the user interface. Every data value is escaped by the
Chameleon template (a name like ``<b>`` prints as those three characters).

Public API::

    render_slip(kind, data, target_language="vi") -> bytes   # the PDF
    slip_html(kind, data, target_language="vi") -> str       # the HTML WeasyPrint renders
    qr_payload(kind, data, target_language="vi") -> str      # the text in the QR code

``data`` (every key optional except ``dossier_code``): system_name, agency_title,
dossier_code, procedure_code, procedure_title, applicant_name, applicant_id_number,
applicant_phone, applicant_email, channel_title, received_at, due_at, new_due_at,
documents (list of names), reason, official_name, issued_at (defaults to now), lookup_url,
trial (true: the slip says "Trial dossier", docs/services.md).
Aware datetimes are shown in the portal's time zone (Vietnam time); naive ones are taken
as portal time already. Dates and times take Plone's formats of the target language
(``base.dates``), inside the wording of the templates ("09:15, ngay 21/11/2026").

System packages (Debian): libpango-1.0-0 and libpangoft2-1.0-0 (Pango >= 1.44, for
WeasyPrint), libharfbuzz-subset0 (font subsetting) and fonts-dejavu-core (the DejaVu Sans
font, which has every Vietnamese letter). See docs/deployment.md.
"""

from chameleon import PageTemplateFile
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import format_time
from dichvucong.base.dates import isoformat
from dichvucong.base.dates import portal_now
from dichvucong.base.dates import portal_time
from pathlib import Path
from zope.i18n import translate
from zope.i18nmessageid import Message
import qrcode
import qrcode.image.svg
import xml.etree.ElementTree as ET


HERE = Path(__file__).parent
TEMPLATE = PageTemplateFile(str(HERE / "slip.pt"))
STYLESHEET = HERE / "slip.css"
# Printed where a value is missing, to be filled in by hand (as on the paper templates).
BLANK = "." * 20
QR_SIZE = "24mm"

KINDS = ("receipt", "supplement", "refusal", "apology")
TITLES = {
    "receipt": _("Receipt and appointment slip"),
    "supplement": _("Request to supplement and complete the dossier"),
    "refusal": _("Refusal to accept the dossier"),
    "apology": _("Apology and new date for returning the result"),
}

NATION = _("SOCIALIST REPUBLIC OF VIET NAM")
MOTTO = _("Independence - Freedom - Happiness")
DATED = _("Dated ${day}/${month}/${year}")
DATETIME = _("${time} on ${date}")
TO_BE_CONFIRMED = _("To be confirmed")
THE_AGENCY = _("the receiving agency")

DOSSIER_CODE = _("Dossier code")
# A dossier sent while its service was in trial (data key ``trial``).
TRIAL_DOSSIER = _("Trial dossier")
RECEIVED_FROM = _("Dossier received from")
DOSSIER_OF = _("Dossier of")
ID_NUMBER = _("Identification number")
PHONE = _("Phone")
EMAIL = _("Email")
REQUESTED = _("Requested procedure")
PROCEDURE_CODE = _("Procedure code")
CHANNEL = _("Submitted via")
DOCUMENTS = _("Documents submitted:")
RECEIVED_AT = _("Received at")
DUE_AT = _("Result to be returned at")
ORIGINAL_DUE_AT = _("Result was due at")
LOOKUP = _("Look up the dossier at")

SUPPLEMENT_INTRO = _("The dossier must be supplemented and completed as follows:")
SUPPLEMENT_CONTACT = _(
    "If you have difficulties completing the dossier, please contact ${contact} for guidance."
)
REFUSAL_INTRO = _("After review, ${agency} does not accept this dossier for the following reason:")
REFUSAL_CLOSING = _("Please take note and proceed accordingly.")
APOLOGY_INTRO = _("On ${date}, ${agency} received the dossier of Mr/Ms ${name}.")
APOLOGY_REASON = _(
    "However, ${agency} has not yet returned the result of the dossier, for this reason:"
)
APOLOGY_NEW_DATE = _(
    "This delay has caused you inconvenience. ${agency} apologises and will return the "
    "result of the dossier at ${datetime}."
)
APOLOGY_CLOSING = _("We sincerely hope for your understanding of this delay.")

APPLICANT = _("Applicant")
RECEIVING_OFFICIAL = _("Receiving official")
GUIDING_OFFICIAL = _("Guiding official")
HEAD_OF_AGENCY = _("Head of the agency")
SIGN = _("(Signature and full name)")
SIGN_AND_SEAL = _("(Signature, full name and seal)")

ISSUED_FROM = _("Issued from ${system} at ${datetime}")
ISSUED_AT = _("Issued at ${datetime}")


# -- text -------------------------------------------------------------------------------


def _text(value):
    """A data value as one line of text; None or blank as None."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _multiline(value):
    """A free-text value keeping its line breaks (the official's comment)."""
    if value is None:
        return None
    lines = [" ".join(line.split()) for line in str(value).splitlines()]
    text = "\n".join(lines).strip()
    return text or None


class _Slip:
    """The data of one slip with its language: translated, formatted text."""

    def __init__(self, kind, data, target_language):
        if kind not in KINDS:
            raise ValueError(f"unknown slip kind {kind!r}: one of {', '.join(KINDS)}")
        self.kind = kind
        self.data = dict(data or {})
        if not _text(self.data.get("dossier_code")):
            raise ValueError("a slip needs the dossier_code")
        self.language = target_language
        self.issued_at = self.data.get("issued_at") or portal_now()

    def t(self, msgid, **mapping):
        if mapping:
            msgid = Message(msgid, mapping=mapping)
        return translate(msgid, target_language=self.language)

    def value(self, key):
        return _text(self.data.get(key))

    def format_date(self, when):
        return format_date(when, target_language=self.language)

    def format_datetime(self, when):
        """`HH:MM on DD/MM/YYYY` in the target language (vi: `HH:MM, ngay DD/MM/YYYY`)."""
        if when is None:
            return None
        time = format_time(when, target_language=self.language)
        return self.t(DATETIME, time=time, date=self.format_date(when))

    def iso(self, when):
        return isoformat(when, timespec="minutes") or ""

    @property
    def title(self):
        return self.t(TITLES[self.kind])

    @property
    def agency(self):
        return self.value("agency_title") or self.t(THE_AGENCY)

    @property
    def due(self):
        return self.format_datetime(self.data.get("due_at")) or self.t(TO_BE_CONFIRMED)


# -- QR code ----------------------------------------------------------------------------


def _payload(slip):
    lines = [
        ("dossier_code", slip.value("dossier_code")),
        ("procedure_code", slip.value("procedure_code")),
        ("id_number", slip.value("applicant_id_number")),
        ("document", slip.title),
        ("system", slip.value("system_name")),
        ("issued_at", slip.iso(slip.issued_at)),
    ]
    if slip.kind == "receipt":
        due_at = slip.data.get("due_at")
        lines.append(("due_at", slip.iso(due_at) if due_at else slip.t(TO_BE_CONFIRMED)))
    if slip.kind == "apology":
        lines.append(("new_due_at", slip.iso(slip.data.get("new_due_at"))))
    return "\n".join(f"{key}: {value or ''}" for key, value in lines)


def qr_payload(kind, data, target_language="vi"):
    """The text of the slip's QR code (Circular 01/2023/TT-VPCP minimum data).

    One `key: value` line each: dossier_code, procedure_code, id_number, document (the
    slip's translated name), system, issued_at, and due_at on receipts (ISO 8601 in
    the portal's time zone, or the translated "To be confirmed"), new_due_at on apologies. A
    missing value leaves its key with nothing after the colon.
    """
    return _payload(_Slip(kind, data, target_language))


def qr_svg(payload, size=QR_SIZE):
    """The QR code of `payload` as an inline SVG element (text), `size` wide and high."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(payload)
    code.make(fit=True)
    svg = code.make_image(image_factory=qrcode.image.svg.SvgPathImage).get_image()
    svg.set("width", size)
    svg.set("height", size)
    return ET.tostring(svg, encoding="unicode")


# -- the slip ---------------------------------------------------------------------------


def _row(label, value):
    return {"type": "row", "label": label, "value": value}


def _body(slip):
    """The blocks between the title and the signatures, per kind of slip."""
    t = slip.t
    applicant = [
        _row(t(ID_NUMBER), slip.value("applicant_id_number")),
        _row(t(PHONE), slip.value("applicant_phone")),
        _row(t(EMAIL), slip.value("applicant_email")),
        _row(t(REQUESTED), slip.value("procedure_title")),
        _row(t(PROCEDURE_CODE), slip.value("procedure_code")),
    ]
    received_at = _row(t(RECEIVED_AT), slip.format_datetime(slip.data.get("received_at")))
    reason = {"type": "reason", "text": _multiline(slip.data.get("reason"))}
    if slip.kind == "receipt":
        documents = [_text(name) for name in slip.data.get("documents") or ()]
        return [
            _row(t(RECEIVED_FROM), slip.value("applicant_name")),
            *applicant,
            _row(t(CHANNEL), slip.value("channel_title")),
            {"type": "list", "label": t(DOCUMENTS), "items": [d for d in documents if d]},
            received_at,
            _row(t(DUE_AT), slip.due),
        ]
    if slip.kind == "supplement":
        contact = slip.value("official_name") or slip.agency
        return [
            _row(t(DOSSIER_OF), slip.value("applicant_name")),
            *applicant,
            received_at,
            {"type": "para", "text": t(SUPPLEMENT_INTRO)},
            reason,
            {"type": "para", "text": t(SUPPLEMENT_CONTACT, contact=contact)},
        ]
    if slip.kind == "refusal":
        return [
            _row(t(RECEIVED_FROM), slip.value("applicant_name")),
            *applicant,
            received_at,
            {"type": "para", "text": t(REFUSAL_INTRO, agency=slip.agency)},
            reason,
            {"type": "para", "text": t(REFUSAL_CLOSING)},
        ]
    received = slip.data.get("received_at")
    new_due_at = slip.format_datetime(slip.data.get("new_due_at")) or BLANK
    return [
        {
            "type": "para",
            "text": t(
                APOLOGY_INTRO,
                date=slip.format_date(received) if received else BLANK,
                agency=slip.agency,
                name=slip.value("applicant_name") or BLANK,
            ),
        },
        *applicant,
        _row(t(ORIGINAL_DUE_AT), slip.due),
        {"type": "para", "text": t(APOLOGY_REASON, agency=slip.agency)},
        reason,
        {"type": "para", "text": t(APOLOGY_NEW_DATE, agency=slip.agency, datetime=new_due_at)},
        {"type": "para", "text": t(APOLOGY_CLOSING)},
    ]


def _signatures(slip):
    t = slip.t
    official = slip.value("official_name")
    if slip.kind == "receipt":
        return [
            {"role": t(APPLICANT), "hint": t(SIGN), "name": slip.value("applicant_name")},
            {"role": t(RECEIVING_OFFICIAL), "hint": t(SIGN), "name": official},
        ]
    role, hint = {
        "supplement": (GUIDING_OFFICIAL, SIGN),
        "refusal": (RECEIVING_OFFICIAL, SIGN),
        "apology": (HEAD_OF_AGENCY, SIGN_AND_SEAL),
    }[slip.kind]
    return [{"role": t(role), "hint": t(hint), "name": official}]


def _namespace(slip):
    issued = portal_time(slip.issued_at)
    system = slip.value("system_name")
    issued_text = slip.format_datetime(issued)
    if system:
        footer = slip.t(ISSUED_FROM, system=system, datetime=issued_text)
    else:
        footer = slip.t(ISSUED_AT, datetime=issued_text)
    lookup_url = slip.value("lookup_url")
    # A link only to a web page: the URL is data, a javascript: URL stays text.
    web = lookup_url is not None and lookup_url.lower().startswith(("https://", "http://"))
    return {
        "language": slip.language or "en",
        "css": STYLESHEET.read_text(encoding="utf-8"),
        "qr": qr_svg(_payload(slip)),
        "kind": slip.kind,
        "agency": slip.value("agency_title"),
        "nation": slip.t(NATION),
        "motto": slip.t(MOTTO),
        "dated": slip.t(DATED, day=f"{issued:%d}", month=f"{issued:%m}", year=f"{issued:%Y}"),
        "title": slip.title,
        "code_label": slip.t(DOSSIER_CODE),
        "code": slip.value("dossier_code"),
        "trial": slip.t(TRIAL_DOSSIER) if slip.data.get("trial") else None,
        "blocks": _body(slip),
        "signatures": _signatures(slip),
        "footer": footer,
        "lookup_label": slip.t(LOOKUP),
        "lookup_url": lookup_url,
        "lookup_href": lookup_url if web else None,
        "blank": BLANK,
    }


def slip_html(kind, data, target_language="vi"):
    """The slip as an HTML document (what `render_slip` gives WeasyPrint)."""
    return TEMPLATE(**_namespace(_Slip(kind, data, target_language)))


def render_slip(kind, data, target_language="vi"):
    """The slip `kind` (one of KINDS) for `data` as PDF bytes, A5.

    Raises ValueError for an unknown kind or a missing dossier code. Nothing is fetched:
    the stylesheet and the QR code are inline, and WeasyPrint may only read data: URLs.
    """
    import weasyprint  # noqa: PLC0415  # loads Pango when imported; only slips need it

    html = slip_html(kind, data, target_language)
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
