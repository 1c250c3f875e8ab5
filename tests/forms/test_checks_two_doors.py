"""One validation, two doors: the service form in the browser and REST ``@dossiers``
refuse the same answers with the same Vietnamese message under the same field
(dossier/checks/rules.py, through forms/form.py and dossier/api/answers.py).

A small test form follows the field-name conventions (docs/forms.md, "Checks by
field name"): the applicant, a deceased person, a husband and a wife, a vehicle. Its
procedure sends dossiers to a fixed agency."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from dichvucong.base.dates import portal_now
from dichvucong.dossier.checks import contact
from dichvucong.dossier.checks import identity
from dichvucong.dossier.checks import life_events
from dichvucong.dossier.checks import vehicles
from dichvucong.dossier.checks.rules import check
from dichvucong.forms.fields import not_in_the_future
from tests.helpers.content import create
from tests.helpers.content import intid
from tests.helpers.content import table_procedure
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.users import AGENCY_X
from tests.helpers.users import browser_for
from tests.helpers.users import credentials
from tests.helpers.users import make_user
from zope.i18n import translate
import pytest
import requests
import transaction


CITIZEN = "citizen_checks"
PROCEDURE = "T-CHECKS-01"
REQUIRED = "Xin điền mục bắt buộc này."


def text_field(name, title, required=True):
    optional = "" if required else "<required>False</required>"
    return (
        f'<field name="{name}" type="zope.schema.TextLine"><title>{title}</title>{optional}</field>'
    )


def date_field(name, title):
    return f'<field name="{name}" type="zope.schema.Date"><title>{title}</title></field>'


FIELDS = f"""<model xmlns="http://namespaces.plone.org/supermodel/schema"
       xmlns:form="http://namespaces.plone.org/supermodel/form">
  <schema>
    <fieldset name="applicant" label="Người nộp hồ sơ">
      {text_field("applicant_name", "Họ và tên")}
      {text_field("applicant_id_number", "Số định danh cá nhân")}
      {text_field("applicant_phone", "Số điện thoại")}
      {text_field("applicant_email", "Thư điện tử", required=False)}
    </fieldset>
    <fieldset name="deceased" label="Người đã mất">
      {text_field("deceased_name", "Họ và tên người đã mất")}
      {date_field("deceased_birth_date", "Ngày sinh")}
      <field name="deceased_sex" type="zope.schema.Choice">
        <form:widget type="z3c.form.browser.select.SelectFieldWidget">
          <prompt>True</prompt>
        </form:widget>
        <title>Giới tính</title>
        <values><element>Nam</element><element>Nữ</element></values>
      </field>
      {text_field("deceased_id_number", "Số định danh cá nhân của người đã mất")}
      {date_field("deceased_death_date", "Ngày mất")}
    </fieldset>
    <fieldset name="marriage" label="Hai bên kết hôn">
      {date_field("husband_birth_date", "Ngày sinh của chồng")}
      {date_field("wife_birth_date", "Ngày sinh của vợ")}
    </fieldset>
    {text_field("vehicle_plate", "Biển số xe")}
  </schema>
</model>"""

ACTIONS = f"""<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="tao_ho_so" type="dichvucong.forms.action.CreateDossier">
      <title>Tạo hồ sơ</title>
      <procedure_code>{PROCEDURE}</procedure_code>
      <channel>online</channel>
    </field>
  </schema>
</model>"""

# Typed answers every rule accepts.
GOOD = {
    "applicant_name": "Nguyễn Thị Hồng Nhung",
    "applicant_id_number": "001190012345",
    "applicant_phone": "0912345678",
    "deceased_name": "Nguyễn Văn Cụ",
    "deceased_birth_date": date(1950, 3, 4),
    "deceased_sex": "Nam",
    "deceased_id_number": "001050012345",
    "deceased_death_date": date(2026, 11, 20),
    "husband_birth_date": date(1995, 5, 5),
    "wife_birth_date": date(1998, 6, 6),
    "vehicle_plate": "29-B1 123.45",
}
REQUIRED_FIELDS = sorted(GOOD)


@pytest.fixture
def form(functional_portal):
    """The test form, linked to its procedure (which AGENCY_X receives); committed."""
    portal = functional_portal
    make_user(CITIZEN, "Nguyen Thi Hong Nhung")
    procedure = table_procedure(
        portal["thu-tuc-hanh-chinh"], "thu-kiem-tra", "Thủ tục thử kiểm tra", PROCEDURE
    )
    procedure.implementing_agency = AGENCY_X
    form = create(
        portal["dich-vu-cong-truc-tuyen"], "EasyForm", id="thu-kiem-tra", title="Thử kiểm tra"
    )
    form.fields_model = FIELDS
    form.actions_model = ACTIONS
    form.form_tabbing = False
    procedure.online_form = intid(form)
    procedure.reindexObject()
    transaction.commit()
    return form


def in_the_browser(functional_app, form, answers):
    """(status, {field: message shown next to it}) of the form sent with ``answers``."""
    browser = browser_for(functional_app, CITIZEN)
    browser.open(form.absolute_url())
    for name, value in answers.items():
        if name == "deceased_sex":
            if value:
                browser.getControl(name=f"form.widgets.{name}:list").displayValue = [value]
            continue
        if isinstance(value, date):
            value = value.strftime("%d/%m/%Y")
        browser.getControl(name=f"form.widgets.{name}").value = value
    browser.getControl(name="form.buttons.submit").click()
    shown = {}
    for name in (*GOOD, "applicant_email"):
        for element in page(browser).cssselect(f"#form-widgets-{name}-error"):
            shown[name] = text(element)
    return browser, shown


def through_rest(portal, answers):
    """The response of REST ``@dossiers`` to ``answers`` (dates as YYYY-MM-DD)."""
    body = {
        "procedure": PROCEDURE,
        "answers": {
            name: value.isoformat() if isinstance(value, date) else value
            for name, value in answers.items()
            if value not in ("", None)
        },
    }
    return requests.post(
        f"{portal.absolute_url()}/@dossiers",
        json=body,
        auth=credentials(CITIZEN),
        headers={"Accept": "application/json"},
        timeout=60,
    )


def vi(message):
    return translate(message, target_language="vi")


def today():
    return portal_now().date()


def years_ago(years, days=0):
    day = today()
    try:
        day = day.replace(year=day.year - years)
    except ValueError:  # 29 February
        day = day.replace(year=day.year - years, day=28)
    return day + timedelta(days=days)


def test_good_answers_pass_both_doors(functional_app, functional_portal, form):
    browser, shown = in_the_browser(functional_app, form, GOOD)
    assert shown == {}
    assert "@@check-answers?draft=" in browser.url
    response = through_rest(functional_portal, GOOD)
    assert response.status_code == 201, response.text
    assert response.json()["agency_code"] == AGENCY_X


# case: (answers changed, the field in error, its Vietnamese message; None: the
# rule's message for today's date, see expected_message).
CASES = {
    "century_digit": (
        {"deceased_id_number": "001005012345", "deceased_birth_date": date(2005, 5, 5)},
        "deceased_id_number",
        "Số định danh cá nhân này cho biết người sinh vào thế kỷ 20, nhưng ngày sinh là "
        "năm 2005: xin kiểm tra lại số hoặc ngày sinh.",
    ),
    "year_digits": (
        {"deceased_id_number": "001051012345"},
        "deceased_id_number",
        "Số định danh cá nhân này cho biết người sinh năm 1951, nhưng ngày sinh là năm "
        "1950: xin kiểm tra lại số hoặc ngày sinh.",
    ),
    "sex_digit": (
        {"deceased_sex": "Nữ"},
        "deceased_id_number",
        "Chữ số thứ 4 của số định danh cá nhân này là của người nam, nhưng giới tính đã "
        "chọn là Nữ: xin kiểm tra lại số hoặc giới tính.",
    ),
    "future_birth": (
        {"deceased_birth_date": "tomorrow"},
        "deceased_birth_date",
        None,  # life_events.IN_THE_FUTURE
    ),
    "death_before_birth": (
        {"deceased_death_date": date(1949, 12, 31)},
        "deceased_death_date",
        "Ngày mất trước ngày sinh (04/03/1950): xin kiểm tra lại cả hai ngày.",
    ),
    "under_age_wife": (
        {"wife_birth_date": "17 years ago"},
        "wife_birth_date",
        None,  # life_events.WIFE_TOO_YOUNG with the day she is 18
    ),
    "under_age_husband": (
        {"husband_birth_date": "19 years ago"},
        "husband_birth_date",
        None,
    ),
    "plate_shape": (
        {"vehicle_plate": "29-B1 12.345"},
        "vehicle_plate",
        "Biển số này không đúng dạng biển số xe Việt Nam: xin ghi đúng như trên biển, ví "
        "dụ 29-B1 123.45 hoặc 30A-123.45.",
    ),
    "bad_phone": (
        {"applicant_phone": "0123456789"},
        "applicant_phone",
        None,  # contact.PHONE
    ),
    "applicant_id_digits": (
        {"applicant_id_number": "12345"},
        "applicant_id_number",
        None,  # identity.TWELVE
    ),
}


def expected_message(case, changed):
    """The Vietnamese message a case expects (fixed text, or the rule's for today)."""
    _changed, _field, fixed = CASES[case]
    if fixed is not None:
        return fixed
    if case == "future_birth":
        return vi(life_events.IN_THE_FUTURE)
    if case == "under_age_wife":
        return vi(life_events.wife_age_problem(changed["wife_birth_date"], today()))
    if case == "under_age_husband":
        return vi(life_events.husband_age_problem(changed["husband_birth_date"], today()))
    if case == "bad_phone":
        return vi(contact.PHONE)
    return vi(identity.TWELVE)


def concrete(changed):
    """Relative dates of a case made real for today."""
    relative = {
        "tomorrow": today() + timedelta(days=1),
        "17 years ago": years_ago(17, days=1),
        "19 years ago": years_ago(19),
    }
    return {name: relative.get(value, value) for name, value in changed.items()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_refuses_the_same_way_at_both_doors(
    functional_app, functional_portal, form, case
):
    changed = concrete(CASES[case][0])
    field = CASES[case][1]
    expected = expected_message(case, changed)
    answers = {**GOOD, **changed}

    browser, shown = in_the_browser(functional_app, form, answers)
    assert browser.headers["status"].startswith("400")
    assert shown.get(field) == expected
    assert "@@check-answers" not in browser.url

    response = through_rest(functional_portal, answers)
    assert response.status_code == 400, response.text
    errors = response.json()["error"]["errors"]
    assert errors.get(field) == expected
    # Both doors refuse the same answers for the same reasons.
    assert errors == shown


def test_an_empty_submission_gets_the_same_required_message_at_both_doors(
    functional_app, functional_portal, form
):
    empty = dict.fromkeys(GOOD, "")  # the form offers the account's name: cleared
    browser, shown = in_the_browser(functional_app, form, empty)
    assert browser.headers["status"].startswith("400")
    assert shown == dict.fromkeys(REQUIRED_FIELDS, REQUIRED)

    response = through_rest(functional_portal, empty)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["errors"] == dict.fromkeys(REQUIRED_FIELDS, REQUIRED)


def test_rule_errors_show_with_the_required_ones_on_the_first_post(functional_app, form):
    """A citizen who forgot a field and mistyped another sees both at once."""
    answers = {**GOOD, "deceased_name": "", "vehicle_plate": "ABC"}
    _browser, shown = in_the_browser(functional_app, form, answers)
    assert shown == {"deceased_name": REQUIRED, "vehicle_plate": vi(vehicles.PLATE_MESSAGE)}


def test_the_editors_future_date_check_says_what_the_rule_says(integration):
    """isNotInTheFuture (editors give it to any date) and the rule for dates of birth
    refuse tomorrow with one message; a datetime counts as its day."""
    tomorrow = today() + timedelta(days=1)
    assert not_in_the_future(tomorrow) == life_events.IN_THE_FUTURE
    assert check({"child_birth_date": tomorrow}) == {"child_birth_date": life_events.IN_THE_FUTURE}
    assert not_in_the_future(datetime.combine(tomorrow, datetime.min.time())) is not None
    assert not_in_the_future(today()) is None
