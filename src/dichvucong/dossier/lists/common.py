"""What the dossier lists share: rows read off catalog brains (never the dossiers)
and counts taken straight from the indexes."""

from BTrees.IIBTree import intersection
from datetime import datetime
from dichvucong.base.internals import document_keys
from dichvucong.base.internals import indexed_records as indexed
from dichvucong.dossier.content.dossier import CLOSED_STATES
from dichvucong.dossier.content.dossier import STATUS_CODES
from dichvucong.dossier.storage import OFFICIALS_ROLE
from dichvucong.dossier.storage import officials_group_id
from Products.CMFCore.indexing import processQueue
import re


# Workflow states in the national order (status codes 1-10).
STATES = sorted(STATUS_CODES, key=STATUS_CODES.get)
OPEN_STATES = [state for state in STATES if state not in CLOSED_STATES]
WORKLIST_PERMISSION = "dichvucong: View dossier worklist"
# A dossier code, or a part of one: ASCII letters, digits, hyphens (HN-TTPVHCC-251121-0001).
CODE_PART = re.compile(r"^[A-Z0-9-]{1,64}$")


def b_start(form):
    """The first item of the page asked for (plone.batching's ``b_start``)."""
    try:
        return max(int(form.get("b_start", 0)), 0)
    except (TypeError, ValueError):
        return 0


def no_store(request):
    """Personal lists: never kept by browsers or proxies (shared computers at the centre)."""
    request.response.setHeader("Cache-Control", "private, no-store")
    request.response.setHeader("X-Robots-Tag", "noindex")


def moment(value):
    """A metadata value as a datetime, or None (missing, or not known yet)."""
    return value if isinstance(value, datetime) else None


def procedure_title(brain):
    """The procedure's name as the dossier recorded it at submission.

    A dossier's title is "<code> - <procedure title>" (``Dossier.Title``), and the
    catalog keeps it as metadata: no need to load the dossier.
    """
    title = brain.Title or ""
    prefix = f"{brain.dossier_code} - "
    return title[len(prefix) :] if title.startswith(prefix) else title


def is_trial(brain):
    """Was the dossier submitted while its service was in trial? (metadata; dossiers
    catalogued before the column existed are real ones)."""
    return getattr(brain, "dossier_trial", None) is True


def agency_code(folder):
    """The agency code of an agency folder (``/ho-so/<code lowercased>``).

    Read from the officials group that has its local role there (the code exactly as
    the catalogue writes it); the folder id in upper case otherwise: agency codes are
    ASCII upper case, like HN-TTPVHCC.
    """
    prefix = officials_group_id("")
    for principal, roles in folder.get_local_roles():
        if principal.startswith(prefix) and OFFICIALS_ROLE in roles:
            return principal[len(prefix) :]
    return folder.getId().upper()


def status_counts(catalog, code):
    """{state: number of dossiers of agency ``code`` in that state}.

    Intersections of index sets: a few milliseconds at any size, no query per row. The
    people who see a worklist see every dossier of its agency (officials through the
    agency folder, leaders and managers everywhere), so no security filter is needed.
    """
    processQueue()
    agency = indexed(catalog, "dossier_agency", code)
    return {
        state: len(intersection(agency, indexed(catalog, "review_state", state)))
        for state in STATES
    }


def open_count(catalog, code):
    """How many dossiers of agency ``code`` are still open."""
    processQueue()
    agency = indexed(catalog, "dossier_agency", code)
    return len(intersection(agency, indexed(catalog, "review_state", OPEN_STATES)))


def procedures_present(catalog, code, states):
    """Procedure codes of the dossiers of agency ``code`` in ``states`` (the facet).

    One look-up per dossier of those states: the open ones by default, a small share of
    an agency's dossiers once the years pile up closed ones.
    """
    processQueue()
    agency = indexed(catalog, "dossier_agency", code)
    dossiers = intersection(agency, indexed(catalog, "review_state", list(states)))
    keys = document_keys(catalog, "dossier_procedure")
    return sorted({keys.get(rid) for rid in dossiers} - {None, ""})


def dossiers_without_due(catalog, query):
    """Brains matching ``query`` whose due date is not known yet, oldest received first.

    The catalog drops documents missing from the sort index, so these cannot come from
    the query sorted on ``dossier_due``. Unmerged results are (key, record id, getter)
    tuples: filtering them on the due index builds no brain until the page is cut.
    """
    records = catalog.searchResults(dict(query), sort_on="dossier_received", _merge=False)
    due = document_keys(catalog, "dossier_due")
    missing = [(key, rid, getter) for key, rid, getter in records if rid not in due]
    missing.sort(key=lambda record: record[:2])
    return missing


def clean_code(text):
    """What an official typed as a dossier code: spaces dropped, upper case (codes are
    ASCII upper case), at most 64 characters kept for showing back."""
    return re.sub(r"\s+", "", text or "").upper()[:64]


def dossier_by_code(catalog, code):
    """The brain of the dossier whose code is exactly ``code``, or None.

    A catalog query with the security filter: nobody finds a dossier they may not view
    (an official of another agency, a citizen someone else's).
    """
    brains = catalog(portal_type="Dossier", dossier_code=code)
    return brains[0] if len(brains) == 1 else None


def codes_containing(catalog, agency, part):
    """Codes of the dossiers of ``agency`` (None: of every agency) that contain ``part``
    (the list to query).

    One look-up per dossier of the agency, in the index, no dossier loaded; the query
    these codes go into filters by security.
    """
    processQueue()
    keys = document_keys(catalog, "dossier_code")
    if agency is None:  # every agency's (a leader's search)
        return sorted(code for code in set(keys.values()) if part in code)
    dossiers = indexed(catalog, "dossier_agency", agency)
    return sorted({code for rid in dossiers if part in (code := keys.get(rid) or "")})
