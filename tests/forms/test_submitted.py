"""The confirmation after sending a dossier (@@dossier-submitted, forms/submitted.py):
dates that make sense together and what the public lookup will ask for."""

from datetime import datetime
from datetime import timedelta
from dichvucong.base.dates import ICT
from dichvucong.dossier.deadlines import WorkingCalendar
from dichvucong.dossier.deadlines import calendar_from_registry
from dichvucong.dossier.submission import due_date
from dichvucong.dossier.submission import submit
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.pages import vi
from tests.helpers.users import add_dossier_people
from tests.helpers.users import browser_for
import pytest
import transaction


# Monday 7 December 2026, a working day; 09:00 in Hanoi.
MONDAY_9 = datetime(2026, 12, 7, 9, 0, tzinfo=ICT)
BOTH = (
    "To look it up without logging in, enter this code and the last 4 digits of "
    "your ID number or of your phone number."
)
ID_ONLY = (
    "To look it up without logging in, enter this code and the last 4 digits of your ID number."
)
PHONE_ONLY = (
    "To look it up without logging in, enter this code and the last 4 digits of your phone number."
)
NEITHER = (
    "The dossier lookup needs the last 4 digits of an ID number or phone number, "
    "and this dossier has neither: follow it in “My dossiers”."
)


# --- The result date is never before the check deadline ----------------------------------


@pytest.mark.parametrize(
    ("amount", "unit"),
    [
        (1, "working_days"),
        (0.5, "working_days"),
        (3, "working_days"),
        (4, "working_hours"),
        (1, "days"),
    ],
)
def test_online_result_never_due_before_the_check(amount, unit):
    """Every quarter hour of a week with a holiday in it, for short processing times."""
    calendar = WorkingCalendar(holidays={MONDAY_9.date() + timedelta(days=2)})
    moment = MONDAY_9.replace(hour=0)
    while moment < MONDAY_9 + timedelta(days=7):
        acknowledge_by = calendar.acknowledgement_due(moment)
        due = due_date(calendar, moment, amount, unit, "online")
        assert due > acknowledge_by, (moment, due, acknowledge_by)
        moment += timedelta(minutes=15)


def test_same_day_procedure_counts_from_the_check_deadline():
    """Birth registration is settled within the working day; online, the day starts
    when the agency must have checked the dossier (8 working hours later)."""
    calendar = WorkingCalendar()
    assert calendar.acknowledgement_due(MONDAY_9) == datetime(2026, 12, 8, 9, 0, tzinfo=ICT)
    assert due_date(calendar, MONDAY_9, 1, "working_days", "online") == datetime(
        2026, 12, 8, 17, 0, tzinfo=ICT
    )
    # A dossier handed in at the desk is accepted on the spot: the day is today.
    assert due_date(calendar, MONDAY_9, 1, "working_days", "direct") == datetime(
        2026, 12, 7, 17, 0, tzinfo=ICT
    )


# --- The page -------------------------------------------------------------------------


@pytest.fixture
def sent(functional_portal):
    """sent(**answers): a birth dossier citizen_a sent on Monday 09:00, committed."""
    portal = functional_portal
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    add_dossier_people()
    transaction.commit()

    def send(**answers):
        login(portal, "citizen_a")
        dossier = submit(
            procedure(BIRTH),
            {"applicant_name": "Nguyen Van A", "child_name": "Nguyen Van Be", **answers},
            when=MONDAY_9,
        )
        logout()
        login(portal, TEST_USER_NAME)
        transaction.commit()
        return dossier

    return send


def confirmation(app, dossier):
    browser = browser_for(app, "citizen_a", handle_errors=False)
    browser.open(f"{dossier.absolute_url()}/@@dossier-submitted")
    return page(browser)


def test_confirmation_dates_in_order(functional_app, sent):
    dossier = sent(applicant_id_number="001200012345", applicant_phone="0912345678")
    assert dossier.due_at > dossier.acknowledge_by
    doc = confirmation(functional_app, dossier)
    assert text(doc.get_element_by_id("dossier-acknowledge-by")) == "08/12/2026 09:00"
    assert text(doc.get_element_by_id("dossier-due")) == "08/12/2026 17:00"
    # Read in this order: first the check, then the result.
    terms = [text(dt) for dt in doc.cssselect("#dossier-submitted dl dt")]
    assert terms.index(vi("The agency checks it by")) < terms.index(vi("Expected result date"))
    # The calendar of the site agrees with the page.
    assert dossier.due_at == calendar_from_registry().online_due_date(MONDAY_9, 1)


@pytest.mark.parametrize(
    ("answers", "factor"),
    [
        ({"applicant_id_number": "001200012345", "applicant_phone": "0912345678"}, BOTH),
        ({"applicant_id_number": "001200012345"}, ID_ONLY),
        ({"applicant_phone": "0912 345 678"}, PHONE_ONLY),
    ],
)
def test_confirmation_says_what_the_lookup_asks_for(functional_app, sent, answers, factor):
    dossier = sent(**answers)
    doc = confirmation(functional_app, dossier)
    help_ = doc.get_element_by_id("dossier-lookup-help")
    assert vi(factor) in text(help_)
    assert "Ông/Bà" in text(help_)
    link = doc.get_element_by_id("dossier-lookup-link")
    assert link.get("href").endswith("/tra-cuu-ho-so")
    # The page names the factor, never the digits themselves.
    assert "2345" not in text(help_) and "5678" not in text(help_)


def test_confirmation_without_any_check_number(functional_app, sent):
    dossier = sent()
    doc = confirmation(functional_app, dossier)
    assert vi(NEITHER) in text(doc.get_element_by_id("dossier-lookup-help"))
    assert not doc.cssselect("#dossier-lookup-link")
