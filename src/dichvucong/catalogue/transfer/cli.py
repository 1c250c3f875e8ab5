"""Command line import and export of the catalogue (`dichvucong-catalogue`).

    dichvucong-catalogue import FILE [--kind procedures] [--dry-run] [--report out.json]
    dichvucong-catalogue export --kind procedures [--format csv] [--out FILE]

Options --zope-conf (instance/etc/zope.conf) and --site (hanoi) pick the instance.
With the embedded FileStorage the portal must be stopped (one process owns the
database); use the control panel while it runs.

Exit status: 0 all rows fine, 1 some rows rejected, 2 the file or the setup is wrong.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from dichvucong.catalogue.transfer.exporter import export
from dichvucong.catalogue.transfer.importer import import_file
from dichvucong.catalogue.transfer.kinds import KINDS
from dichvucong.catalogue.transfer.kinds import kind_from_filename
from pathlib import Path
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from Zope2.Startup.run import make_wsgi_app
import argparse
import json
import sys
import time
import transaction
import zc.lockfile
import Zope2


def parse(argv):
    parser = argparse.ArgumentParser(prog="dichvucong-catalogue", description=__doc__)
    parser.add_argument("--zope-conf", default="instance/etc/zope.conf")
    parser.add_argument("--site", default="hanoi")
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="import a JSON or CSV file")
    imp.add_argument("file")
    imp.add_argument("--kind", choices=sorted(KINDS))
    imp.add_argument("--format", choices=("json", "csv"))
    imp.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    imp.add_argument("--report", help="write the full report as JSON to this file")
    exp = sub.add_parser("export", help="export a kind of records")
    exp.add_argument("--kind", choices=sorted(KINDS), required=True)
    exp.add_argument("--format", choices=("json", "csv"), default="json")
    exp.add_argument("--out", help="file to write (default: standard output)")
    return parser.parse_args(argv)


def open_site(zope_conf, site_id):
    """Start Zope from zope.conf (as zconsole does) and return the site, as admin."""
    if not Path(zope_conf).exists():
        raise SystemExit(f"dichvucong-catalogue: {zope_conf} not found (run make start once)")
    try:
        make_wsgi_app({}, zope_conf)
    except zc.lockfile.LockError:
        raise SystemExit(
            "dichvucong-catalogue: the database is in use by the running portal; "
            "stop it first, or use the control panel (Site Setup > Catalogue import)"
        ) from None
    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    if site_id not in app.objectIds():
        raise SystemExit(f"dichvucong-catalogue: no site {site_id!r} in this database")
    site = app[site_id]
    setSite(site)
    return site


def main(argv=None):
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.command == "import":
        return run_import(args)
    return run_export(args)


def run_import(args):
    path = Path(args.file)
    if not path.is_file():
        print(f"dichvucong-catalogue: no such file: {path}", file=sys.stderr)
        return 2
    kind = KINDS.get(args.kind) if args.kind else kind_from_filename(path.name)
    if kind is None:
        print(
            "dichvucong-catalogue: cannot tell the kind from the file name; "
            "pass --kind domains|agencies|procedures",
            file=sys.stderr,
        )
        return 2
    site = open_site(args.zope_conf, args.site)
    started = time.monotonic()

    def progress(done, total):
        print(f"  {done}/{total} rows", file=sys.stderr, flush=True)

    report = import_file(
        site,
        path.read_bytes(),
        path.name,
        kind.name,
        dry_run=args.dry_run,
        fmt=args.format,
        progress=progress,
    )
    if args.dry_run or report.error:
        transaction.abort()
    else:
        transaction.commit()
    print(f"{report.summary()} ({time.monotonic() - started:.1f} s)")
    for result in report.rejected:
        print(f"  row {result.row} ({result.code or '-'}): {result.reason}")
    if args.report:
        Path(args.report).write_text(
            json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
    if report.error:
        return 2
    return 1 if report.rejected else 0


def run_export(args):
    site = open_site(args.zope_conf, args.site)
    data = export(site, args.kind, args.format)
    if args.out:
        Path(args.out).write_bytes(data)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
