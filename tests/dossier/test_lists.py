"""The dossier lists: a citizen's "my dossiers" and the officials' worklist."""

from Acquisition import aq_parent
from datetime import timedelta
from dichvucong.dossier import audit
from dichvucong.dossier.lists.common import STATES
from dichvucong.dossier.submission import submit as do_submit
from dichvucong.interfaces import IDichvucongLayer
from lxml import html
from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.pages import page
from tests.helpers.pages import parse
from tests.helpers.pages import text
from tests.helpers.pages import vi
from tests.helpers.users import browser_for
from urllib.parse import unquote
from zExceptions import Unauthorized
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
import pytest
import requests
import transaction


AGENCY_FOLDER = "hn-ttpvhcc"


@pytest.fixture
def request_(portal):
    request = portal.REQUEST
    alsoProvides(request, IDichvucongLayer)
    request.form.clear()
    return request


def render(context, name, request, **form):
    """The view ``name`` as the current user reaches it (its permission checked), rendered."""
    request.form.clear()
    request.form.update(form)
    view = context.restrictedTraverse(f"@@{name}")
    return view, view()


def codes_in(document, selector):
    return [element.get("data-code") for element in document.cssselect(selector)]


def set_due(dossier, due):
    dossier.due_at = due
    dossier.reindexObject()


@pytest.fixture
def agency_dossiers(portal, submit):
    """Three open dossiers at HN-TTPVHCC: due in ten days, overdue, due date unknown."""
    now = audit.now()
    later = submit("citizen_a")
    overdue = submit("citizen_a")
    unknown = submit("citizen_b")
    set_due(later, now + timedelta(days=10))
    set_due(overdue, now - timedelta(days=2))
    set_due(unknown, None)
    return {"later": later, "overdue": overdue, "unknown": unknown}


def worklist(portal, request, **form):
    view, text = render(portal["ho-so"][AGENCY_FOLDER], "worklist", request, **form)
    return view, parse(text)


# My dossiers


def test_citizen_sees_only_her_own_dossiers(portal, submit, as_user, request_):
    mine = [submit("citizen_a"), submit("citizen_a")]
    theirs = submit("citizen_b")
    as_user("citizen_a")
    _, text = render(portal, "my-dossiers", request_)
    document = parse(text)
    listed = codes_in(document, "#dvc-my-dossiers-list [data-code]")
    # Newest first (codes number the day's dossiers in order).
    assert listed == sorted((d.code for d in mine), reverse=True)
    assert theirs.code not in text
    first = document.cssselect("#dvc-my-dossiers-list > li")[0]
    assert first.cssselect("a")[0].get("href") == mine[1].absolute_url()
    assert first.get("data-status") == "new"
    assert first.cssselect(".dvc-dossier__received time")[0].text == mine[1].received_at.strftime(
        "%d/%m/%Y"
    )
    assert mine[1].procedure_title in first.cssselect(".dvc-dossier__procedure")[0].text
    assert first.cssselect(".dvc-dossier__status strong")[0].text.strip()
    assert first.cssselect(".dvc-dossier__next")[0].text.strip()
    assert request_.response.getHeader("Cache-Control") == "private, no-store"


def test_due_date_to_be_confirmed(portal, submit, as_user, request_):
    dossier = submit("citizen_a")
    set_due(dossier, None)
    as_user("citizen_a")
    _, text = render(portal, "my-dossiers", request_, set_language="en")
    due = parse(text).cssselect(".dvc-dossier__due")[0]
    assert not due.cssselect("time")
    assert due.text_content().strip()


def test_anonymous_is_sent_to_log_in(portal, as_user, request_):
    as_user(None)
    with pytest.raises(Unauthorized):
        render(portal, "my-dossiers", request_)


def test_anonymous_gets_the_login_form_over_http(functional_portal):
    url = f"{functional_portal.absolute_url()}/@@my-dossiers"
    response = requests.get(url, allow_redirects=False, timeout=30)
    assert response.status_code == 302
    assert "/require_login" in response.headers["Location"]
    assert "my-dossiers" in unquote(response.headers["Location"])


def test_no_dossiers_yet_points_to_the_procedures(portal, as_user, request_):
    as_user("citizen_b")
    _, text = render(portal, "my-dossiers", request_)
    empty = parse(text).cssselect("#dvc-my-dossiers-empty a")[0]
    assert empty.get("href") == f"{portal.absolute_url()}/thu-tuc-hanh-chinh"


def test_my_dossiers_escapes_the_procedure_title(portal, birth, submit, as_user, request_):
    birth.title = "Birth <b>registration</b>"
    submit("citizen_a")
    as_user("citizen_a")
    _, text = render(portal, "my-dossiers", request_)
    assert "<b>registration</b>" not in text
    assert "Birth &lt;b&gt;registration&lt;/b&gt;" in text


def test_my_dossiers_pages(portal, submit, as_user, request_):
    dossiers = [submit("citizen_a") for _ in range(3)]
    as_user("citizen_a")
    request_.form.clear()
    request_.form["b_start"] = "2"
    view = portal.restrictedTraverse("@@my-dossiers")
    view.page_size = 2
    document = parse(view())
    assert codes_in(document, "#dvc-my-dossiers-list [data-code]") == [dossiers[0].code]
    assert view.batch.sequence_length == 3
    assert document.cssselect("nav .pagination")


# Worklist


def test_worklist_lists_open_dossiers_overdue_first(
    portal, agency_dossiers, submit, as_user, request_
):
    closed = submit("citizen_a")
    as_user("official_x")
    api.content.transition(closed, transition="refuse", comment="Incomplete")
    _, document = worklist(portal, request_)
    rows = document.cssselect("#dvc-worklist-table tbody tr")
    assert [row.get("data-code") for row in rows] == [
        agency_dossiers["overdue"].code,
        agency_dossiers["later"].code,
        agency_dossiers["unknown"].code,  # no due date yet: last
    ]
    assert [row.get("data-flag") for row in rows] == ["overdue", "on_time", ""]
    link = rows[0].cssselect("a.dvc-worklist__link")[0]
    assert link.get("href") == agency_dossiers["overdue"].absolute_url()
    assert closed.code not in html.tostring(document, encoding=str)


def test_worklist_counts_per_status(portal, agency_dossiers, submit, as_user, request_):
    refused = submit("citizen_a")
    as_user("official_x")
    api.content.transition(agency_dossiers["later"], transition="accept")
    api.content.transition(refused, transition="refuse", comment="Incomplete")
    _, document = worklist(portal, request_)
    counts = {
        link.get("data-status"): int(link.get("data-count"))
        for link in document.cssselect("#dvc-worklist-statuses a")
    }
    expected = dict.fromkeys(STATES, 0) | {"new": 2, "accepted": 1, "refused": 1}
    assert counts == {"open": 3, **expected}


def test_worklist_filters_by_status(portal, agency_dossiers, as_user, request_):
    as_user("official_x")
    api.content.transition(agency_dossiers["later"], transition="accept")
    _, document = worklist(portal, request_, status="accepted")
    assert codes_in(document, "#dvc-worklist-table tbody tr") == [agency_dossiers["later"].code]
    _, document = worklist(portal, request_, status=["accepted", "new"])
    assert len(codes_in(document, "#dvc-worklist-table tbody tr")) == 3
    current = document.cssselect("#dvc-worklist-statuses a[aria-current]")
    assert current == []  # two states chosen: no single status link is current
    _, document = worklist(portal, request_, status="returned")
    assert document.cssselect("#dvc-worklist-empty")


def test_worklist_filters_by_procedure(portal, agency_dossiers, as_user, request_):
    birth_code = agency_dossiers["later"].procedure_code
    other = agency_dossiers["unknown"]
    other.procedure_code = "9.999999"
    other.reindexObject()
    as_user("official_x")
    _, document = worklist(portal, request_, procedure="9.999999")
    assert codes_in(document, "#dvc-worklist-table tbody tr") == [other.code]
    options = [o.get("value") for o in document.cssselect("#dvc-filter-procedure option")]
    assert options[0] == "" and sorted(options[1:]) == sorted([birth_code, "9.999999"])
    selected = document.cssselect("#dvc-filter-procedure option[selected]")
    assert [o.get("value") for o in selected] == ["9.999999"]
    _, document = worklist(portal, request_, procedure=birth_code)
    assert len(codes_in(document, "#dvc-worklist-table tbody tr")) == 2


def test_worklist_filters_by_due_dates_overdue_and_assignee(
    portal, agency_dossiers, as_user, request_
):
    later, overdue = agency_dossiers["later"], agency_dossiers["overdue"]
    as_user("official_x")
    _, document = worklist(portal, request_, overdue="1")
    assert codes_in(document, "#dvc-worklist-table tbody tr") == [overdue.code]
    day = later.due_at.strftime("%d/%m/%Y")
    _, document = worklist(portal, request_, due_from=day, due_to=day)
    assert codes_in(document, "#dvc-worklist-table tbody tr") == [later.code]
    later.assignee = "official_x"
    later.reindexObject()
    _, document = worklist(portal, request_, mine="1")
    rows = document.cssselect("#dvc-worklist-table tbody tr")
    assert [row.get("data-code") for row in rows] == [later.code]
    assert rows[0].cssselect(".dvc-worklist__assignee")[0].text == "Official X"
    # A date that cannot be read: said so, and not applied.
    _, document = worklist(portal, request_, due_from="31/02/2026")
    assert document.cssselect("#dvc-filter-due-from[aria-invalid='true']")
    assert document.cssselect("#dvc-filter-due-from-error")
    assert len(codes_in(document, "#dvc-worklist-table tbody tr")) == 3
    _, document = worklist(portal, request_, due_to="01/01/9999")  # past the date index
    assert document.cssselect("#dvc-filter-due-to-error")


def test_worklist_escapes_what_it_echoes(portal, agency_dossiers, as_user, request_):
    as_user("official_x")
    _, text = render(
        portal["ho-so"][AGENCY_FOLDER], "worklist", request_, due_from='"><script>x</script>'
    )
    assert "<script>x</script>" not in text


def test_worklist_pages_across_dossiers_without_due_date(
    portal, agency_dossiers, as_user, request_
):
    as_user("official_x")
    folder = portal["ho-so"][AGENCY_FOLDER]
    seen = []
    for start in (0, 2):
        request_.form.clear()
        request_.form["b_start"] = str(start)
        view = folder.restrictedTraverse("@@worklist")
        view.page_size = 2
        document = parse(view())
        seen.append(codes_in(document, "#dvc-worklist-table tbody tr"))
        assert view.batch.sequence_length == 3
    assert seen == [
        [agency_dossiers["overdue"].code, agency_dossiers["later"].code],
        [agency_dossiers["unknown"].code],
    ]


def test_worklist_rows_come_from_the_catalog_alone(portal, agency_dossiers, as_user, request_):
    """The page is built from catalog brains: with the dossier objects gone from their
    folder (their catalog entries kept), it still lists them all, links included."""
    for dossier in agency_dossiers.values():
        aq_parent(dossier)._delOb(dossier.getId())
    as_user("official_x")
    _, document = worklist(portal, request_)
    rows = document.cssselect("#dvc-worklist-table tbody tr")
    assert sorted(row.get("data-code") for row in rows) == sorted(
        d.code for d in agency_dossiers.values()
    )
    assert rows[0].get("data-flag") == "overdue"


def assert_worklists_refused(portal, request_):
    """Neither the agency's worklist nor the list of worklists opens."""
    with pytest.raises(Unauthorized):
        worklist(portal, request_)
    with pytest.raises(Unauthorized):
        render(portal["ho-so"], "worklist", request_)


def test_other_agency_official_is_refused(portal, agency_dossiers, as_user, request_):
    """Official_y may not open agency X's worklist; the list of worklists shows him no
    agency (his own has received nothing yet): the empty list, never X."""
    as_user("official_y")
    with pytest.raises(Unauthorized):
        worklist(portal, request_)
    _, text = render(portal["ho-so"], "worklist", request_, set_language="en")
    document = parse(text)
    assert not document.cssselect("#dvc-worklists-agencies")
    assert document.cssselect("#dvc-worklists-empty")
    assert "HN-TTPVHCC" not in text


def test_citizen_is_refused(portal, agency_dossiers, as_user, request_):
    as_user("citizen_a")
    assert_worklists_refused(portal, request_)


def test_leader_opens_any_worklist(portal, agency_dossiers, as_user, request_):
    as_user("leader")
    _, document = worklist(portal, request_)
    assert len(codes_in(document, "#dvc-worklist-table tbody tr")) == 3
    _, text = render(portal["ho-so"], "worklist", request_)
    agencies = parse(text).cssselect("#dvc-worklists-agencies li")
    assert [(a.get("data-agency"), a.get("data-open")) for a in agencies] == [("HN-TTPVHCC", "3")]
    assert agencies[0].cssselect("a")[0].get("href").endswith(f"/{AGENCY_FOLDER}/@@worklist")


def test_store_worklist_sends_official_to_his_agency(portal, agency_dossiers, as_user, request_):
    as_user("official_x")
    _, text = render(portal["ho-so"], "worklist", request_)
    assert text == ""
    assert request_.response.getStatus() == 302
    assert request_.response.getHeader("Location") == (
        f"{portal['ho-so'][AGENCY_FOLDER].absolute_url()}/@@worklist"
    )


def test_month_folder_worklist_goes_to_the_agency(portal, agency_dossiers, as_user, request_):
    as_user("official_x")
    folder = portal["ho-so"][AGENCY_FOLDER]
    month = next(iter(folder.objectValues()))
    request_.form.clear()
    request_.form.update({"status": "new", "set_language": "en"})
    month.restrictedTraverse("@@worklist")()
    assert request_.response.getHeader("Location") == (
        f"{folder.absolute_url()}/@@worklist?status=new"
    )


def test_user_action_links_to_my_dossiers(portal, as_user):
    def user_actions():
        # CMF keeps the expression context for the request: a new user, a new request.
        for request in (portal.REQUEST, getRequest()):
            for cache in ("_plone_ec_cache", "_ec_cache", "_oai_cache"):
                request.other.pop(cache, None)
        actions = portal.portal_actions.listFilteredActionsFor(portal).get("user", [])
        return {action["id"]: action["url"] for action in actions}

    assert portal.portal_actions.user.objectIds()[0] == "my-dossiers"
    as_user("citizen_a")
    assert user_actions()["my-dossiers"] == f"{portal.absolute_url()}/@@my-dossiers"
    assert "dossier-worklist" not in user_actions()
    as_user("official_x")
    assert user_actions()["dossier-worklist"] == f"{portal.absolute_url()}/ho-so/@@worklist"
    as_user("leader")
    assert "dossier-worklist" in user_actions()
    as_user(None)
    assert "my-dossiers" not in user_actions()
    assert "dossier-worklist" not in user_actions()


def test_waiting_for_a_supplement_is_not_overdue(portal, agency_dossiers, as_user, request_):
    overdue = agency_dossiers["overdue"]
    as_user("official_x")
    api.content.transition(overdue, transition="accept")
    api.content.transition(overdue, transition="start_processing")
    api.content.transition(overdue, transition="request_supplement", comment="Birth certificate")
    _, document = worklist(portal, request_)
    flags = {row.get("data-code"): row.get("data-flag") for row in document.cssselect("tbody tr")}
    assert flags[overdue.code] == "paused"
    _, document = worklist(portal, request_, overdue="1")
    assert document.cssselect("#dvc-worklist-empty")


def test_new_online_dossier_not_acknowledged_in_8_working_hours_is_flagged(
    portal, agency_dossiers, as_user, request_
):
    late = agency_dossiers["later"]  # due in ten days, but nobody has looked at it
    late.acknowledge_by = audit.now() - timedelta(hours=1)
    late.reindexObject()
    as_user("official_x")
    _, document = worklist(portal, request_)
    row = document.cssselect(f"[data-code='{late.code}']")[0]
    assert row.get("data-flag") == "ack_overdue"
    # Once accepted, the acknowledgement target no longer applies.
    api.content.transition(late, transition="accept")
    _, document = worklist(portal, request_)
    assert document.cssselect(f"[data-code='{late.code}']")[0].get("data-flag") == "on_time"


# Finding a dossier by its code


def redirected_to(request):
    assert request.response.getStatus() == 302
    return request.response.getHeader("Location")


def test_worklist_code_opens_the_dossier(portal, agency_dossiers, as_user, request_):
    dossier = agency_dossiers["later"]
    as_user("official_x")
    folder = portal["ho-so"][AGENCY_FOLDER]
    _, body = render(folder, "worklist", request_, code=dossier.code)
    assert body == ""
    assert redirected_to(request_) == dossier.absolute_url()
    # As typed or pasted: lower case, spaces around and inside.
    request_.response.setStatus(200)
    render(folder, "worklist", request_, code=f"  {dossier.code.lower()} ".replace("-", " -", 1))
    assert redirected_to(request_) == dossier.absolute_url()


def test_worklist_code_found_in_any_state(portal, agency_dossiers, as_user, request_):
    """A closed dossier is not in the open list, but its code finds it."""
    refused = agency_dossiers["unknown"]
    as_user("official_x")
    api.content.transition(refused, transition="refuse", comment="Incomplete")
    render(portal["ho-so"][AGENCY_FOLDER], "worklist", request_, code=refused.code)
    assert redirected_to(request_) == refused.absolute_url()


def test_worklist_code_part_lists_the_matching_dossiers(portal, agency_dossiers, as_user, request_):
    later, overdue = agency_dossiers["later"], agency_dossiers["overdue"]
    as_user("official_x")
    api.content.transition(later, transition="refuse", comment="Incomplete")
    # The sequence number of one dossier: that one only (a list, even of one).
    part = overdue.code.rsplit("-", 1)[1]
    _, document = worklist(portal, request_, code=part)
    assert codes_in(document, "#dvc-worklist-table tbody tr") == [overdue.code]
    assert document.get_element_by_id("dvc-code").get("value") == part
    count = text(document.get_element_by_id("dvc-worklist-count"))
    assert count == vi("Dossiers whose code contains ${code}: ${count}", code=part, count=1)
    # The agency and the day: every dossier, the refused one too; lower case works.
    prefix = later.code.rsplit("-", 1)[0]
    _, document = worklist(portal, request_, code=prefix.lower())
    assert sorted(codes_in(document, "#dvc-worklist-table tbody tr")) == sorted(
        d.code for d in agency_dossiers.values()
    )
    # The filter panel stays closed (the code has its own field) and keeps the code when
    # other filters are applied; a status narrows it.
    assert document.get_element_by_id("dvc-worklist-filters").get("open") is None
    assert document.cssselect("#dvc-worklist-form input[type=hidden][name=code]")
    _, document = worklist(portal, request_, code=prefix, status="refused")
    assert codes_in(document, "#dvc-worklist-table tbody tr") == [later.code]
    assert document.get_element_by_id("dvc-worklist-filters").get("open") == "open"
    assert not document.cssselect("#dvc-code-error")


def test_worklist_unknown_code_is_said_so(portal, agency_dossiers, as_user, request_):
    as_user("official_x")
    _, document = worklist(portal, request_, code="HN-TTPVHCC-010101-9999")
    assert request_.response.getStatus() == 200
    field = document.get_element_by_id("dvc-code")
    assert field.get("aria-invalid") == "true"
    assert "dvc-code-error" in field.get("aria-describedby")
    error = document.get_element_by_id("dvc-code-error")
    assert text(error) == vi(
        "No dossier found with a code containing ${code}.", code="HN-TTPVHCC-010101-9999"
    )
    assert text(error) == "Không tìm thấy hồ sơ nào có mã chứa HN-TTPVHCC-010101-9999."
    assert document.cssselect("#dvc-worklist-empty")
    # Not a code at all: said what a code looks like; echoed escaped.
    _, body = render(portal["ho-so"][AGENCY_FOLDER], "worklist", request_, code="<b>x</b>")
    assert "<b>x</b>" not in body
    document = parse(body)
    assert text(document.get_element_by_id("dvc-code-error")).startswith("Mã hồ sơ chỉ gồm")
    assert len(codes_in(document, "#dvc-worklist-table tbody tr")) == 3


def test_code_never_finds_another_agencys_dossier(
    portal, agency_dossiers, submit, as_user, request_
):
    elsewhere = submit("citizen_b", receiving_agency="HN-CAHN")
    assert elsewhere.agency_code == "HN-CAHN"
    as_user("official_x")
    # Neither the whole code nor a part: the same "not found" as for a code that does
    # not exist, so nothing tells that the dossier exists.
    for code in (elsewhere.code, elsewhere.code.rsplit("-", 1)[0]):
        request_.response.setStatus(200)
        _, document = worklist(portal, request_, code=code)
        assert request_.response.getStatus() == 200
        assert elsewhere.code not in codes_in(document, "#dvc-worklist-table tbody tr")
        assert document.get_element_by_id("dvc-code-error") is not None
    # Its own official finds it.
    as_user("official_y")
    render(portal["ho-so"]["hn-cahn"], "worklist", request_, code=elsewhere.code)
    assert redirected_to(request_) == elsewhere.absolute_url()


def test_store_worklist_passes_the_code_to_the_agency(portal, agency_dossiers, as_user, request_):
    code = agency_dossiers["later"].code
    as_user("official_x")
    render(portal["ho-so"], "worklist", request_, code=code)
    assert unquote(redirected_to(request_)) == (
        f"{portal['ho-so'][AGENCY_FOLDER].absolute_url()}/@@worklist?code={code}"
    )


def test_leader_finds_any_agencys_dossier_by_code(
    portal, agency_dossiers, submit, as_user, request_
):
    elsewhere = submit("citizen_b", receiving_agency="HN-CAHN")
    as_user("leader")
    store = portal["ho-so"]
    render(store, "worklist", request_, code=elsewhere.code)
    assert redirected_to(request_) == elsewhere.absolute_url()
    # A part found in both agencies: the dossiers listed under the agencies' choice.
    request_.response.setStatus(200)
    day = elsewhere.code.rsplit("-", 2)[1]
    _, body = render(store, "worklist", request_, code=day)
    document = parse(body)
    assert codes_in(document, "#dvc-code-found li") == sorted(
        [elsewhere.code, *(d.code for d in agency_dossiers.values())]
    )
    assert document.cssselect("#dvc-worklists-agencies li")
    _, body = render(store, "worklist", request_, code="HN-XX-010101-0001")
    document = parse(body)
    assert not document.cssselect("#dvc-code-found")
    assert text(document.get_element_by_id("dvc-code-error")) == (
        "Không tìm thấy hồ sơ nào có mã chứa HN-XX-010101-0001."
    )


@pytest.fixture
def committed(functional_people):
    """Two dossiers of citizen_a, committed for HTTP: one at AGENCY_X (the birth
    procedure's), one at HN-CAHN (chosen in the form)."""
    portal = functional_people
    answers = {"applicant_name": "Nguyen Van A", "child_name": "Nguyen Van Be"}
    login(portal, "citizen_a")
    here = do_submit(procedure(BIRTH), answers)
    elsewhere = do_submit(procedure(BIRTH), {**answers, "receiving_agency": "HN-CAHN"})
    login(portal, TEST_USER_NAME)
    transaction.commit()
    return portal, here, elsewhere


def find_code(browser, code):
    """Type ``code`` in the worklist's code field and send the form (no JavaScript)."""
    form = browser.getForm(id="dvc-code-search")
    form.getControl(name="code").value = code
    form.submit()


def test_http_code_search_without_javascript(functional_app, committed):
    portal, here, elsewhere = committed
    browser = browser_for(functional_app, "official_x")
    browser.open(f"{portal.absolute_url()}/ho-so/@@worklist")
    label = page(browser).cssselect("label[for=dvc-code]")[0]
    assert text(label) == "Mã hồ sơ"
    find_code(browser, here.code.lower())
    assert browser.url == here.absolute_url()
    assert text(page(browser).get_element_by_id("dvc-dossier-code")) == here.code
    # Another agency's dossier: "not found", on the worklist.
    browser.open(f"{portal.absolute_url()}/ho-so/@@worklist")
    find_code(browser, elsewhere.code)
    assert "/@@worklist?code=" in browser.url
    assert not page(browser).cssselect("#dvc-worklist-table")
    assert page(browser).get_element_by_id("dvc-code-error") is not None


@pytest.mark.parametrize(
    ("userid", "finds"),
    [
        ("official_x", True),
        ("leader", True),
        ("citizen_a", True),
        ("official_y", False),
        ("citizen_b", False),
        (None, False),
    ],
)
def test_site_search_finds_a_dossier_by_code_for_those_who_may_see_it(
    functional_app, committed, userid, finds
):
    portal, here, _elsewhere = committed
    browser = browser_for(functional_app, userid)
    browser.open(f"{portal.absolute_url()}/@@search?SearchableText={here.code}")
    links = [a.get("href") for a in page(browser).cssselect("#search-results a")]
    assert (here.absolute_url() in links) is finds
