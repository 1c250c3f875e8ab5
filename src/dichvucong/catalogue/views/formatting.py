"""Small formatting helpers shared by the catalogue's pages."""

from datetime import date
from datetime import datetime
from urllib.parse import urlsplit
import re


ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Thousands and decimal separators: Vietnamese writes 1.500.000 and 0,5.
SEPARATORS = {"vi": (".", ","), "en": (",", ".")}


def format_number(value, language="vi"):
    """1500000 -> "1.500.000" (vi) or "1,500,000" (en); 0.5 -> "0,5" / "0.5"."""
    thousands, decimal = SEPARATORS.get((language or "vi").split("-")[0], SEPARATORS["vi"])
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    integral = isinstance(value, int)
    text = f"{value:,}" if integral else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans({",": thousands, ".": decimal}))


def format_date(value):
    """A date as Vietnamese write it (dd/mm/yyyy); text that is not an ISO date is
    kept as the editor wrote it."""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if not value:
        return ""
    match = ISO_DATE.match(value.strip())
    if match:
        year, month, day = match.groups()
        return f"{day}/{month}/{year}"
    return value


def paragraphs(text):
    """The non-empty lines of a plain text field, one paragraph each."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def safe_url(url):
    """The link if it is a web address (http, https) or a path on this site, else None.

    Keeps ``javascript:`` and other schemes out of links built from editors' data.
    """
    url = (url or "").strip()
    if not url or any(ord(ch) < 32 or ch == "\\" for ch in url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    if not parts.scheme and not parts.netloc and url.startswith("/"):
        return url
    return None


def tel_href(phone):
    """A tel: link for the (first) number of a phone field as written:
    "024 3.123 4567" -> "tel:02431234567"; None when there is no plausible number."""
    first = re.split(r"[,;/]", phone or "")[0]
    digits = "".join(ch for ch in first if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if 3 <= len(digits) <= 15 else None
