"""Links built from editors' data: only web addresses and phone numbers."""

from urllib.parse import urlsplit
import re


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
