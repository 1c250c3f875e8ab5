"""What a downloadable file is, read from its type: kind of material, format, size.

Editors upload files; readers need "PDF, 1,2 MB" before they spend their mobile data.
"""

from dichvucong import _
from dichvucong.base.numbers import format_number
import os


# Order of the groups on the kit page.
KINDS = (
    ("posters", _("Posters and images")),
    ("leaflets", _("Leaflets and documents")),
    ("slides", _("Slides")),
    ("videos", _("Videos")),
    ("audio", _("Audio")),
    ("other", _("Other files")),
)

DOCUMENT_TYPES = {
    "application/pdf",
    "application/msword",
    "application/rtf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "text/plain",
}
SLIDE_TYPES = {
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.presentation",
}
# Formats whose usual name is not the file extension in capitals.
FORMAT_NAMES = {
    "image/jpeg": "JPG",
    "image/svg+xml": "SVG",
    "application/msword": "DOC",
    "application/vnd.ms-powerpoint": "PPT",
    "video/quicktime": "MOV",
    "text/plain": "TXT",
}
EXTENSION_TYPES = {
    ".pdf": "application/pdf",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
}


def content_type(mimetype, filename=""):
    """The file's type; browsers often upload slides and videos as octet-stream,
    so the extension decides then."""
    mimetype = (mimetype or "").split(";")[0].strip().lower()
    if mimetype and mimetype != "application/octet-stream":
        return mimetype
    extension = os.path.splitext(filename or "")[1].lower()
    return EXTENSION_TYPES.get(extension, mimetype or "application/octet-stream")


def kind_of(mimetype):
    if mimetype.startswith("image/"):
        return "posters"
    if mimetype in DOCUMENT_TYPES:
        return "leaflets"
    if mimetype in SLIDE_TYPES:
        return "slides"
    if mimetype.startswith("video/"):
        return "videos"
    if mimetype.startswith("audio/"):
        return "audio"
    return "other"


def format_name(mimetype, filename=""):
    """ "PDF", "PNG", "PPTX"...: the name people know a format by."""
    if mimetype in FORMAT_NAMES:
        return FORMAT_NAMES[mimetype]
    extension = os.path.splitext(filename or "")[1].lstrip(".")
    if extension and extension.isalnum() and len(extension) <= 5:
        return extension.upper()
    subtype = mimetype.split("/")[-1]
    if subtype and subtype.isalnum() and len(subtype) <= 5:
        return subtype.upper()
    return ""


UNITS = ("B", "KB", "MB", "GB")


def format_size(size, language="vi"):
    """1_258_291 -> "1,2 MB" (vi); bytes below 1 KB as they are."""
    value = float(size or 0)
    unit = 0
    while value >= 1024 and unit < len(UNITS) - 1:
        value /= 1024
        unit += 1
    if unit == 0:
        return f"{int(value)} {UNITS[0]}"
    rounded = round(value, 1) if value < 10 else round(value)
    return f"{format_number(rounded, language)} {UNITS[unit]}"
