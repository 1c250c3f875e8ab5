"""@@worklist: the officials' list of an agency's dossiers, most urgent first.

Everything on the page comes from the catalog: index queries for the rows (sorted on
``dossier_due`` with a limit, so only one page is sorted and turned into brains),
index set intersections for the counts. No dossier is loaded.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_inner
from Acquisition import aq_parent
from datetime import date
from datetime import datetime
from datetime import time
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.dates import format_datetime
from dichvucong.base.dates import isoformat
from dichvucong.base.dates import portal_timezone
from dichvucong.dossier import audit
from dichvucong.dossier.content.store import IDossierFolder
from dichvucong.dossier.deadlines import TZ
from dichvucong.dossier.deadlines import calendar_from_registry
from dichvucong.dossier.lists.common import CODE_PART
from dichvucong.dossier.lists.common import OPEN_STATES
from dichvucong.dossier.lists.common import STATES
from dichvucong.dossier.lists.common import WORKLIST_PERMISSION
from dichvucong.dossier.lists.common import agency_code
from dichvucong.dossier.lists.common import b_start
from dichvucong.dossier.lists.common import clean_code
from dichvucong.dossier.lists.common import codes_containing
from dichvucong.dossier.lists.common import dossier_by_code
from dichvucong.dossier.lists.common import dossiers_without_due
from dichvucong.dossier.lists.common import is_trial
from dichvucong.dossier.lists.common import moment
from dichvucong.dossier.lists.common import no_store
from dichvucong.dossier.lists.common import open_count
from dichvucong.dossier.lists.common import procedure_title
from dichvucong.dossier.lists.common import procedures_present
from dichvucong.dossier.lists.common import status_counts
from dichvucong.dossier.statuses import TITLES
from dichvucong.dossier.storage import officials_group_id
from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zExceptions import Unauthorized
from zope.i18n import translate
import re


PAGE_SIZE = 50
# The request parameters of the filters: all kept by the page links, none personal.
FILTER_KEYS = ["code", "status", "procedure", "due_from", "due_to", "mine", "overdue"]
DAY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
PROCEDURE_CODE = re.compile(r"^[\w.\-]{1,64}$")
# Lower bound of the due date range that keeps only dossiers with a due date.
EARLIEST = datetime(2000, 1, 1, tzinfo=TZ)
# The clock stops while the applicant prepares a supplement.
PAUSED_STATE = "supplement_requested"

FLAG_TITLES = {
    "overdue": _("Overdue"),
    "due_soon": _("Due soon"),
    "on_time": _("On time"),
    "paused": _("Waiting for the applicant"),
    "ack_overdue": _("Not acknowledged in 8 working hours"),
    "ack_due_soon": _("To acknowledge within 2 working hours"),
}
FLAG_CLASSES = {
    "overdue": "text-bg-danger",
    "due_soon": "text-bg-warning",
    "on_time": "text-bg-success",
    "paused": "text-bg-secondary",
    "ack_overdue": "text-bg-danger",
    "ack_due_soon": "text-bg-warning",
}


def parse_day(text):
    """dd/mm/yyyy (or yyyy-mm-dd, what date pickers send) -> date; ValueError otherwise.

    Years outside 2000-2099 are typos (and past what the date index can hold).
    """
    match = DAY.match(text)
    if match:
        day, month, year = map(int, match.groups())
    else:
        match = ISO_DAY.match(text)
        if not match:
            raise ValueError(text)
        year, month, day = map(int, match.groups())
    if not 2000 <= year <= 2099:
        raise ValueError(text)
    return date(year, month, day)


BAD_CODE = _(
    "A dossier code has only letters, digits and hyphens, for example HN-TTPVHCC-251121-0001."
)


def is_official():
    """Is the current user in the officials group of some agency?"""
    prefix = officials_group_id("")
    groups = api.user.get_current().getGroups() or ()
    return any(group.startswith(prefix) for group in groups)


def not_found(code):
    return _("No dossier found with a code containing ${code}.", mapping={"code": code})


def _texts(form, name):
    value = form.get(name, [])
    if isinstance(value, str):
        value = [value]
    return [item for item in value if isinstance(item, str)]


def _flag(form, name):
    return (_texts(form, name) or [""])[0] in ("1", "on", "true")


class Filters:
    """The worklist's GET parameters, checked; ``errors`` maps a field to its message."""

    def __init__(self, form):
        self.errors = {}
        # A dossier code (straight to the dossier) or a part of one (the list narrowed).
        self.code_text = clean_code((_texts(form, "code") or [""])[0])
        self.code = self.code_text if CODE_PART.match(self.code_text) else ""
        if self.code_text and not self.code:
            self.errors["code"] = BAD_CODE
        # Codes containing ``code`` (set by the view); None: no code filter.
        self.codes = None
        self.status = [state for state in STATES if state in _texts(form, "status")]
        procedure = (_texts(form, "procedure") or [""])[0].strip()
        self.procedure = procedure if PROCEDURE_CODE.match(procedure) else ""
        self.due_from_text = (_texts(form, "due_from") or [""])[0].strip()[:20]
        self.due_to_text = (_texts(form, "due_to") or [""])[0].strip()[:20]
        self.due_from = self._day("due_from", self.due_from_text)
        self.due_to = self._day("due_to", self.due_to_text)
        if self.due_from and self.due_to and self.due_from > self.due_to:
            self.errors["due_to"] = _("The end date is before the start date.")
            self.due_to = None
        self.mine = _flag(form, "mine")
        self.overdue = _flag(form, "overdue")
        self.b_start = b_start(form)

    def _day(self, name, text):
        if not text:
            return None
        try:
            return parse_day(text)
        except ValueError:
            self.errors[name] = _("Please write the date as dd/mm/yyyy, for example 31/12/2025.")
            return None

    @property
    def panel_filters(self):
        """Filters of the filter panel chosen (the code has its own field)."""
        return bool(
            self.status
            or self.procedure
            or self.due_from
            or self.due_to
            or self.mine
            or self.overdue
        )

    @property
    def active(self):
        return bool(self.code_text or self.panel_filters)

    @property
    def panel_open(self):
        """The filter panel opens on its own filters and their errors, not on a code."""
        return self.panel_filters or bool(set(self.errors) - {"code"})

    @property
    def due_filtered(self):
        """Only dossiers with a due date can match."""
        return bool(self.due_from or self.due_to or self.overdue)

    def states(self):
        """States to list: the chosen ones, else the open ones (every state when looking
        for a code: a closed dossier is found too); overdue means still running."""
        states = self.status or (STATES if self.code else OPEN_STATES)
        if self.overdue:
            states = [s for s in states if s in OPEN_STATES and s != PAUSED_STATE]
        return states

    def query(self, code, userid, now):
        """The catalog query (index filters only) or None when nothing can match."""
        states = self.states()
        if not states or self.codes == []:
            return None
        query = {"portal_type": "Dossier", "dossier_agency": code, "review_state": states}
        if self.codes is not None:
            query["dossier_code"] = self.codes
        if self.procedure:
            query["dossier_procedure"] = self.procedure
        if self.mine:
            query["dossier_assignee"] = userid
        zone = portal_timezone()
        lowest = datetime.combine(self.due_from, time.min, zone) if self.due_from else None
        highest = datetime.combine(self.due_to, time(23, 59), zone) if self.due_to else None
        if self.overdue:
            highest = min(highest, now) if highest else now
        if lowest and highest:
            query["dossier_due"] = {"query": [lowest, highest], "range": "min:max"}
        elif lowest:
            query["dossier_due"] = {"query": lowest, "range": "min"}
        elif highest:
            query["dossier_due"] = {"query": highest, "range": "max"}
        return query


class Page(list):
    """One page of rows; ``actual_result_count`` tells plone.batching the full length."""

    def __init__(self, rows, total):
        super().__init__(rows)
        self.actual_result_count = total


class CodeSearch:
    """The dossier-code field of a worklist page (macro ``code_search``)."""

    code_search = ViewPageTemplateFile("templates/code_search.pt")
    code_text = ""

    def code_error(self):
        message = self.code_errors.get("code")
        return translate(message, context=self.request) if message else ""

    @property
    def code_errors(self):
        return {}


class WorklistView(CodeSearch, BrowserView):
    """The worklist of one agency folder (``/ho-so/<agency>/@@worklist``)."""

    index = ViewPageTemplateFile("templates/worklist.pt")
    page_size = PAGE_SIZE

    def __call__(self):
        context = aq_inner(self.context)
        parent = aq_parent(context)
        if IDossierFolder.providedBy(parent):
            # A month partition: its agency's worklist, with the same filters.
            form = self.request.form
            query = urlencode(
                {key: form[key] for key in [*FILTER_KEYS, "b_start"] if key in form}, doseq=True
            )
            url = f"{parent.absolute_url()}/@@worklist" + (f"?{query}" if query else "")
            self.request.response.redirect(url)
            return ""
        no_store(self.request)
        self.catalog = api.portal.get_tool("portal_catalog")
        self.code = agency_code(context)
        self.filters = Filters(self.request.form)
        if self.filters.code and self.open_by_code():
            return ""
        self.now = audit.now()
        self.calendar = calendar_from_registry()
        self._names = {}
        self.rows = self.page()
        if self.filters.code and not self.rows:
            self.filters.errors["code"] = not_found(self.filters.code)
        return self.index()

    def open_by_code(self):
        """A whole code: to the dossier (when the user may view it), True. A part: the
        list narrows to this agency's codes containing it, False."""
        brain = dossier_by_code(self.catalog, self.filters.code)
        if brain is not None:
            self.request.response.redirect(brain.getURL())
            return True
        self.filters.codes = codes_containing(self.catalog, self.code, self.filters.code)
        return False

    def translate(self, message):
        return translate(message, context=self.request)

    @property
    def base_url(self):
        return f"{self.context.absolute_url()}/@@worklist"

    @property
    def code_text(self):
        return self.filters.code_text

    @property
    def code_errors(self):
        return self.filters.errors

    # Rows

    def page(self):
        """Rows of the current page: due dossiers by due date (overdue first), then the
        ones whose due date is not known yet, oldest first."""
        start, size = self.filters.b_start, self.page_size
        userid = api.user.get_current().getId()
        query = self.filters.query(self.code, userid, self.now)
        if query is None:
            self.batch = Batch(Page([], 0), size, start=0)
            return []
        catalog = self.catalog
        end = start + size
        with_due = dict(query)
        with_due.setdefault("dossier_due", {"query": EARLIEST, "range": "min"})
        due_count = len(catalog(**with_due))
        total = due_count if self.filters.due_filtered else len(catalog(**query))
        brains = []
        if start < due_count:
            # N-best up to the page's end, cut here: ties (dossiers due at the same
            # closing time) keep one order whatever the page, which the catalog's own
            # b_start does not promise for pages past the middle.
            ranked = catalog(sort_on="dossier_due", sort_limit=end, **with_due)
            brains.extend(ranked[start:end])
        if end > due_count and total > due_count:
            missing = dossiers_without_due(catalog, query)
            first = max(start - due_count, 0)
            brains.extend(getter(rid) for _, rid, getter in missing[first : end - due_count])
        rows = [self.row(brain) for brain in brains]
        self.batch = Batch(Page(rows, total), size, start=start)
        return rows

    def row(self, brain):
        state = brain.review_state
        due = brain.dossier_due if isinstance(brain.dossier_due, datetime) else None
        if state == PAUSED_STATE:
            flag = "paused"
        elif state in OPEN_STATES and due is not None:
            flag = self.calendar.deadline_flag(due, self.now)
        else:
            flag = None
        # A new online dossier must be accepted or sent back within 8 working hours.
        acknowledge_by = getattr(brain, "dossier_acknowledge_by", None)
        if state == "new" and flag != "overdue" and isinstance(acknowledge_by, datetime):
            ack = self.calendar.deadline_flag(acknowledge_by, self.now, soon_hours=2)
            if ack in ("overdue", "due_soon"):
                flag = f"ack_{ack}"
        return {
            "code": brain.dossier_code,
            "url": brain.getURL(),
            "procedure": procedure_title(brain),
            "trial": is_trial(brain),
            "received": format_date(moment(brain.dossier_received), self.request),
            "received_iso": isoformat(moment(brain.dossier_received), "minutes"),
            "status": state,
            "status_title": self.translate(TITLES[state]) if state in TITLES else state,
            "due": format_datetime(moment(due), self.request)
            or self.translate(_("To be confirmed")),
            "due_iso": isoformat(moment(due), "minutes"),
            "flag": flag or "",
            "flag_title": self.translate(FLAG_TITLES[flag]) if flag else "",
            "flag_class": FLAG_CLASSES.get(flag, ""),
            "assignee": self.name_of(brain.dossier_assignee),
        }

    def name_of(self, userid):
        if not userid or not isinstance(userid, str):
            return ""
        if userid not in self._names:
            user = api.user.get(userid=userid)
            fullname = user.getProperty("fullname", "") if user is not None else ""
            self._names[userid] = fullname or userid
        return self._names[userid]

    # Page parts

    def heading(self):
        return self.translate(_("Worklist: ${agency}", mapping={"agency": self.context.Title()}))

    def count_text(self):
        count = self.batch.sequence_length
        if self.filters.code:
            return self.translate(
                _(
                    "Dossiers whose code contains ${code}: ${count}",
                    mapping={"code": self.filters.code, "count": count},
                )
            )
        return self.translate(_("Dossiers found: ${count}", mapping={"count": count}))

    def url(self, **params):
        params = {key: value for key, value in params.items() if value}
        return f"{self.base_url}?{urlencode(params, doseq=True)}" if params else self.base_url

    def status_links(self):
        """Every state with its number of dossiers at this agency, each a filter link."""
        counts = status_counts(self.catalog, self.code)
        chosen = self.filters.status
        links = [
            {
                "id": "open",
                "title": self.translate(_("Open dossiers")),
                "count": sum(counts[state] for state in OPEN_STATES),
                "url": self.base_url,
                "current": not chosen,
            }
        ]
        for state in STATES:
            links.append(
                {
                    "id": state,
                    "title": self.translate(TITLES[state]),
                    "count": counts[state],
                    "url": self.url(status=state),
                    "current": chosen == [state],
                }
            )
        return links

    def status_options(self):
        chosen = self.filters.status
        return [
            {"value": state, "title": self.translate(TITLES[state]), "checked": state in chosen}
            for state in STATES
        ]

    def procedure_options(self):
        """The procedures of this agency's dossiers in the chosen states, by name."""
        codes = procedures_present(self.catalog, self.code, self.filters.status or OPEN_STATES)
        if self.filters.procedure and self.filters.procedure not in codes:
            codes.append(self.filters.procedure)
        titles = {}
        if codes:
            for brain in self.catalog(portal_type="Procedure", catalogue_code=codes):
                titles[brain.catalogue_code] = brain.Title
        options = [
            {
                "value": code,
                "title": f"{titles[code]} ({code})" if titles.get(code) else code,
                "selected": code == self.filters.procedure,
            }
            for code in codes
        ]
        return sorted(options, key=lambda option: option["title"].lower())

    def error(self, field):
        message = self.filters.errors.get(field)
        return self.translate(message) if message else ""

    def batch_keys(self):
        return FILTER_KEYS


class StoreWorklistView(CodeSearch, BrowserView):
    """``/ho-so/@@worklist``: straight to an official's agency; a choice otherwise (with
    the code field: a whole code opens the dossier, a part lists the dossiers found)."""

    index = ViewPageTemplateFile("templates/worklist_agencies.pt")
    found_limit = PAGE_SIZE

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see the worklist.")
        store = aq_inner(self.context)
        security = getSecurityManager()
        folders = [folder for folder in store.objectValues() if IDossierFolder.providedBy(folder)]
        if not security.checkPermission(WORKLIST_PERMISSION, store):
            # Officials: the agencies where their role gives them the worklist.
            folders = [f for f in folders if security.checkPermission(WORKLIST_PERMISSION, f)]
            if not folders and not is_official():
                raise Unauthorized("No worklist for this account.")
            # An official whose agency has received nothing yet (its folder is made with
            # the first dossier) reads that no agency has, rather than a refusal.
            if len(folders) == 1:
                return self.to_worklist(folders[0])
        catalog = api.portal.get_tool("portal_catalog")
        self.found = []
        self._errors = {}
        self.code_text = clean_code((_texts(self.request.form, "code") or [""])[0])
        if self.code_text and self.find(catalog):
            return ""
        no_store(self.request)
        self.agencies = []
        for folder in folders:
            code = agency_code(folder)
            self.agencies.append(
                {
                    "code": code,
                    "title": folder.Title(),
                    "url": f"{folder.absolute_url()}/@@worklist",
                    "open": open_count(catalog, code),
                }
            )
        self.agencies.sort(key=lambda agency: agency["title"].lower())
        return self.index()

    @property
    def base_url(self):
        return f"{self.context.absolute_url()}/@@worklist"

    @property
    def code_errors(self):
        return self._errors

    def to_worklist(self, folder):
        """To the agency's worklist, with the filters asked for (a code typed here)."""
        form = self.request.form
        query = urlencode({key: form[key] for key in FILTER_KEYS if key in form}, doseq=True)
        url = f"{folder.absolute_url()}/@@worklist" + (f"?{query}" if query else "")
        self.request.response.redirect(url)
        return ""

    def find(self, catalog):
        """A whole code: to the dossier, True. A part: the dossiers found, False."""
        code = self.code_text if CODE_PART.match(self.code_text) else ""
        if not code:
            self._errors["code"] = BAD_CODE
            return False
        brain = dossier_by_code(catalog, code)
        if brain is not None:
            self.request.response.redirect(brain.getURL())
            return True
        codes = codes_containing(catalog, None, code)
        limit = self.found_limit
        brains = (
            catalog(
                portal_type="Dossier", dossier_code=codes, sort_on="dossier_code", sort_limit=limit
            )
            if codes
            else []
        )
        self.found = [
            {
                "code": brain.dossier_code,
                "url": brain.getURL(),
                "procedure": procedure_title(brain),
                "trial": is_trial(brain),
            }
            for brain in brains[:limit]
        ]
        if not self.found:
            self._errors["code"] = not_found(code)
        return False

    def open_text(self, agency):
        return translate(
            _("${count} open", mapping={"count": agency["open"]}), context=self.request
        )
