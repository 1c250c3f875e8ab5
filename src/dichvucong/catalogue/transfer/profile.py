"""GenericSetup import step: a city profile's catalogue/{domains,agencies,procedures}.json."""

from dichvucong.catalogue.transfer.importer import import_file
import logging


logger = logging.getLogger(__name__)
ORDER = ("domains", "agencies", "procedures")


def import_catalogue(context):
    portal = context.getSite()
    for kind in ORDER:
        data = context.readDataFile(f"{kind}.json", subdir="catalogue")
        if data is None:
            continue
        if isinstance(data, str):
            data = data.encode("utf-8")
        report = import_file(portal, data, f"{kind}.json", kind)
        logger.info("catalogue import: %s", report.summary())
        problems = report.error or "; ".join(
            f"row {r.row} ({r.code}): {r.reason}" for r in report.rejected
        )
        if problems:
            # Shipped data must import cleanly: fail the profile, not half of it.
            raise ValueError(f"catalogue/{kind}.json: {problems}")
