"""Control-panel pages for importing and exporting the catalogue."""

from dichvucong import _
from dichvucong.catalogue.transfer.exporter import export
from dichvucong.catalogue.transfer.importer import import_file
from dichvucong.catalogue.transfer.kinds import KINDS
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
import transaction


KIND_TITLES = {
    "domains": _("Domains"),
    "agencies": _("Agencies"),
    "procedures": _("Procedures"),
}
STATUS_TITLES = {
    "created": _("created"),
    "updated": _("updated"),
    "unchanged": _("unchanged"),
    "rejected": _("rejected"),
}


class CatalogueTransferView(BrowserView):
    """Upload a JSON/CSV file (with a dry run first), see the report; export links."""

    index = ViewPageTemplateFile("templates/transfer.pt")
    report = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.report = self.run_import()
        return self.index()

    def kinds(self):
        return [{"value": name, "title": KIND_TITLES[name]} for name in KINDS]

    def status_title(self, status):
        return STATUS_TITLES.get(status, status)

    def run_import(self):
        upload = self.request.form.get("file")
        kind = self.request.form.get("kind")
        if kind not in KINDS:
            raise BadRequest("unknown kind")
        data = upload.read() if upload and hasattr(upload, "read") else b""
        filename = getattr(upload, "filename", "") or ""
        dry_run = bool(self.request.form.get("dry_run"))
        report = import_file(self.context, data, filename, kind, dry_run=dry_run)
        if dry_run or report.error:
            transaction.doom()  # nothing of a dry run or a refused file is committed
        return report


class CatalogueExportView(BrowserView):
    """Download a kind of records as JSON or CSV."""

    def __call__(self):
        kind = self.request.form.get("kind")
        fmt = self.request.form.get("format", "json")
        if kind not in KINDS or fmt not in ("json", "csv"):
            raise BadRequest("kind must be domains, agencies or procedures; format json or csv")
        data = export(self.context, kind, fmt)
        mime = "application/json" if fmt == "json" else "text/csv"
        self.request.response.setHeader("Content-Type", f"{mime}; charset=utf-8")
        self.request.response.setHeader(
            "Content-Disposition", f'attachment; filename="{kind}.{fmt}"'
        )
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return data
