"""Uploaded files: size limit, allowed types (checked on the content, not only the
name), safe names. Settings live in the registry (prefix ``dichvucong.dossier``)."""

from dichvucong import _
from plone import api
from plone.namedfile.file import NamedBlobFile
import re
import unicodedata


DEFAULT_MAX_MB = 10
DEFAULT_EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx", "odt")
# What the first bytes of a file of each type look like.
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "doc": (_OLE,),
    "xls": (_OLE,),
    "docx": (_ZIP,),
    "xlsx": (_ZIP,),
    "odt": (_ZIP,),
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
}


class UploadError(ValueError):
    """A refused file; ``message`` is a translatable message for the citizen."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def settings():
    max_mb = api.portal.get_registry_record(
        "dichvucong.dossier.max_upload_mb", default=DEFAULT_MAX_MB
    )
    extensions = api.portal.get_registry_record(
        "dichvucong.dossier.allowed_extensions", default=list(DEFAULT_EXTENSIONS)
    )
    return max_mb, tuple(e.lower().lstrip(".") for e in extensions)


def safe_name(filename):
    """The file's own name, cleaned; refuses names that carry a path."""
    name = unicodedata.normalize("NFC", filename or "").strip()
    if not name:
        raise UploadError(_("The file has no name."))
    if "/" in name or "\\" in name or name.startswith(".") or ".." in name:
        raise UploadError(_("The file name must not contain a folder path: rename the file."))
    # No control or format characters (e.g. right-to-left overrides that fake extensions).
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r"[<>:\"|?*;]+", "_", name)
    name = re.sub(r"\s+", " ", name)
    stem, dot, extension = name.rpartition(".")
    if not dot:
        raise UploadError(_("The file name has no type extension (such as .pdf)."))
    return f"{stem[:100]}.{extension.lower()}"


def check_upload(filename, data, max_mb=None, extensions=None):
    """A NamedBlobFile for an acceptable upload; raise UploadError otherwise."""
    if max_mb is None or extensions is None:
        max_mb, extensions = settings()
    name = safe_name(filename)
    extension = name.rsplit(".", 1)[1]
    if extension not in extensions:
        raise UploadError(
            _(
                "Files of type .${extension} are not accepted. Accepted types: ${types}.",
                mapping={"extension": extension, "types": ", ".join(extensions)},
            )
        )
    size = len(data)
    if size > max_mb * 1024 * 1024:
        raise UploadError(
            _(
                "The file is too large (${size} MB); the limit is ${limit} MB.",
                mapping={"size": round(size / 1024 / 1024, 1), "limit": max_mb},
            )
        )
    if size == 0:
        raise UploadError(_("The file is empty."))
    if not any(data.startswith(sig) for sig in SIGNATURES.get(extension, (b"",))):
        raise UploadError(
            _(
                "The file's content is not a .${extension} file.",
                mapping={"extension": extension},
            )
        )
    return NamedBlobFile(data=data, filename=name, contentType=CONTENT_TYPES.get(extension))
