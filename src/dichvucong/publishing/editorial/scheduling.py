"""Scheduled publication and expiry, computed at request time (no clock job).

Plone hides an item from catalog results (listings, search, REST @search) before its
publishing date and after its expiry date, for users without "Access inactive portal
content". It does not hide the item's own URL: the same check is done here after
traversal, for communications content and everything inside it (a guide's steps, a
kit's files), answering 404 so that nothing tells the public the item exists.

Anonymous pages are cached in RAM and revalidated by ETag (plone.app.caching). A page
cached before an item's time would be served unchanged after it: the ``catalogCounter``
ETag component also counts the scheduled times that have passed since the catalog last
changed, so that every cached page is rebuilt when an item comes or goes.
"""

from Acquisition import aq_chain
from Acquisition import aq_inner
from DateTime import DateTime
from dichvucong.interfaces import IDichvucongLayer
from dichvucong.publishing.editorial.workflow import WORKFLOW_ID
from plone.app.caching.operations.etags import CatalogCounter
from plone.dexterity.interfaces import IDexterityContent
from Products.CMFCore.interfaces import ICatalogTool
from Products.CMFCore.permissions import AccessInactivePortalContent
from Products.CMFCore.utils import _checkPermission
from Products.CMFCore.utils import getToolByName
from zExceptions import NotFound
from zope.component import queryUtility
import bisect
import threading
import time


# Items without an expiry date are indexed with Plone's ceiling date (year 2500).
NO_EXPIRY = DateTime("2400/01/01 00:00:00 UTC")


def minute(moment):
    """Whole minutes since the epoch: Plone's catalog counts publishing and expiry
    dates in minutes (an item shows from the start of its publishing minute to the end
    of its expiry minute); every check here counts the same way, so that an item's URL
    and the listings that show it agree."""
    return int(moment.timeTime() // 60)


def is_not_yet_effective(obj, now=None):
    now = now or DateTime()
    return minute(obj.effective()) > minute(now)


def is_expired(obj, now=None):
    now = now or DateTime()
    return minute(obj.expires()) < minute(now)


def is_inactive(obj, now=None):
    """Before its publishing date or past its expiry date."""
    now = now or DateTime()
    return is_not_yet_effective(obj, now) or is_expired(obj, now)


def _follows_workflow(obj, tool):
    return WORKFLOW_ID in tool.getChainForPortalType(obj.portal_type)


def _traversed(request):
    """The objects a request went through, with their containers. REST traversal wraps
    the containers (plone.rest's RESTWrapper, whose ``context`` is the object)."""
    published = request.get("PUBLISHED")
    seen = set()
    for start in (published, *request.get("PARENTS", ())):
        for candidate in (start, getattr(start, "context", None)):
            if candidate is None:
                continue
            for obj in aq_chain(aq_inner(candidate)):
                if id(obj) not in seen:
                    seen.add(id(obj))
                    yield obj


def protect_inactive(event):
    """IPubAfterTraversal: 404 for an inactive item (or anything in it) to users who
    may not see inactive content there."""
    request = event.request
    if not IDichvucongLayer.providedBy(request):
        return
    now = None
    tool = None
    for obj in _traversed(request):
        if not IDexterityContent.providedBy(obj):
            continue
        if tool is None:
            tool = getToolByName(obj, "portal_workflow", None)
            if tool is None:
                return
        if not _follows_workflow(obj, tool):
            continue
        now = now or DateTime()
        if is_inactive(obj, now) and not _checkPermission(AccessInactivePortalContent, obj):
            raise NotFound(request.get("URL", ""))


# {catalog path: (catalog counter, sorted scheduled times as epoch seconds)}
_schedules = {}
_lock = threading.Lock()


def scheduled_times(catalog, now=None):
    """The moments still to come (or of the last minute) when an item appears or goes,
    as sorted epoch seconds: the start of a publishing minute, the end of an expiry
    minute."""
    now = now or DateTime()
    since = now - 1.0 / 1440
    times = []
    for brain in catalog.unrestrictedSearchResults(effective={"query": since, "range": "min"}):
        times.append(minute(brain.effective) * 60)
    for brain in catalog.unrestrictedSearchResults(
        expires={"query": (since, NO_EXPIRY), "range": "min:max"}
    ):
        times.append((minute(brain.expires) + 1) * 60)
    start = minute(since) * 60
    return sorted(moment for moment in times if moment >= start)


def publication_clock(catalog, counter, now=None):
    """How many scheduled times have passed since the catalog reached ``counter``.

    Changes exactly when an item comes or goes; recomputed only when the catalog changes."""
    key = "/".join(catalog.getPhysicalPath())
    cached = _schedules.get(key)
    if cached is None or cached[0] != counter:
        with _lock:
            cached = (counter, scheduled_times(catalog))
            _schedules[key] = cached
    moment = now.timeTime() if now is not None else time.time()
    return bisect.bisect_right(cached[1], moment)


class PublicationAwareCatalogCounter(CatalogCounter):
    """The ``catalogCounter`` ETag component, plus the scheduled times passed."""

    def __call__(self):
        counter = super().__call__()
        if counter is None:
            return counter
        catalog = queryUtility(ICatalogTool)
        if catalog is None:
            return counter
        return f"{counter}.{publication_clock(catalog, counter)}"
