"""The dossier page in the citizen's language: only her answers, the status in words,
sentences whose subject is whoever must act, "Ông/Bà", a breadcrumb through "Hồ sơ của
tôi", and a withdrawal that asks first."""

from dichvucong.dossier import schemas
from dichvucong.dossier.storage import get_store
from pathlib import Path
from plone import api
from tests.dossier.views import call
from tests.dossier.views import fields
from tests.dossier.views import walk
from tests.helpers.content import state_of
from tests.helpers.content import submit_birth
from tests.helpers.pages import page
from tests.helpers.pages import parse
from tests.helpers.pages import text
from tests.helpers.pages import vi
from tests.helpers.users import browser_for
from zExceptions import Forbidden
import pytest
import re
import transaction


LOCALES = Path(__file__).resolve().parents[2] / "src" / "dichvucong" / "locales"
# A form whose model marks fields internal in every way a form can.
MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema"
       xmlns:form="http://namespaces.plone.org/supermodel/form"
       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform">
  <schema>
    <field name="child_name" type="zope.schema.TextLine">
      <title>Full name of the child</title>
    </field>
    <field name="referrer" type="zope.schema.TextLine" easyform:serverSide="True">
      <title>Server-side variable</title>
    </field>
    <field name="campaign" type="zope.schema.TextLine" easyform:THidden="True">
      <title>Hidden field</title>
    </field>
    <field name="tracking" type="zope.schema.TextLine" form:mode="hidden">
      <title>Hidden widget</title>
    </field>
    <field name="office_note" type="zope.schema.TextLine" form:omitted="true">
      <title>Omitted field</title>
    </field>
  </schema>
</model>
"""
INTERNAL = {
    "honeypot": "",
    "protected_1": "",
    "referrer": "https://example.org",
    "campaign": "spring",
    "tracking": "t-42",
    "office_note": "internal",
}


def answer_names(doc):
    return [dd.get("data-field") for dd in doc.cssselect("#dvc-answers dd")]


# --- Answers ---------------------------------------------------------------------------


@pytest.mark.parametrize("userid", ["citizen_a", "official_x"])
def test_no_internal_fields_in_the_answers(portal, submit, as_user, userid):
    dossier = submit(**INTERNAL)
    dossier.schema_version = schemas.archive(get_store(), MODEL)
    as_user(userid)
    body, _response = call(dossier, "dossier_view")
    doc = parse(body)
    names = answer_names(doc)
    assert "child_name" in names
    assert not set(INTERNAL) & set(names)
    answers = text(doc.get_element_by_id("dvc-answers"))
    for label in ("Server-side variable", "Hidden field", "Hidden widget", "Omitted field"):
        assert label not in answers
    assert "honeypot" not in answers
    # Answers of fields the form does not mark stay, by their field name.
    assert "applicant_phone" in names


def test_the_city_form_honeypot_is_not_an_answer(portal, submit, as_user):
    """A dossier submitted through the city's birth form, with the honeypot's empty
    answer as easyform hands it over: the page lists the form's questions only."""
    dossier = submit(honeypot="")
    assert "honeypot" in dossier.answers  # stored as it came (older dossiers too)
    as_user("citizen_a")
    doc = parse(call(dossier, "dossier_view")[0])
    assert "honeypot" not in answer_names(doc)
    assert "honeypot" not in text(doc.get_element_by_id("dvc-answers"))


# --- Status -------------------------------------------------------------------------------


def test_citizen_reads_the_status_in_words_without_the_code(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    doc = parse(call(dossier, "dossier_view")[0])
    assert not doc.cssselect("#dvc-status-code")
    assert doc.get_element_by_id("dvc-dossier").get("data-status-code") is None
    assert not doc.cssselect("[data-status-code]")
    assert text(doc.get_element_by_id("dvc-status-title")) == vi("status_new")
    assert vi("National status code") not in text(doc.get_element_by_id("dvc-dossier"))


@pytest.mark.parametrize("userid", ["official_x", "leader"])
def test_staff_keep_the_national_status_code(portal, submit, as_user, userid):
    dossier = submit()
    as_user(userid)
    doc = parse(call(dossier, "dossier_view")[0])
    assert doc.get_element_by_id("dvc-status-code").get("data-status-code") == "1"
    assert doc.get_element_by_id("dvc-dossier").get("data-status-code") == "1"


def test_supplement_sentence_says_the_citizen_must_act(portal, submit, as_user):
    dossier = submit()
    walk(dossier, as_user, "accept", "start_processing", "request_supplement")
    as_user("citizen_a")
    doc = parse(call(dossier, "dossier_view")[0])
    next_step = text(doc.get_element_by_id("dvc-next-step"))
    assert "Ông/Bà cần bổ sung giấy tờ" in next_step
    assert "Cơ quan cần bổ sung" not in next_step
    # The official reads who acts from the agency's side.
    as_user("official_x")
    doc = parse(call(dossier, "dossier_view")[0])
    next_step = text(doc.get_element_by_id("dvc-next-step"))
    assert next_step.endswith(
        vi("The applicant must add documents; the deadline is paused until they arrive.")
    )
    assert "Ông/Bà" not in next_step


def test_new_dossier_next_step_for_each_reader(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    citizen = text(parse(call(dossier, "dossier_view")[0]).get_element_by_id("dvc-next-step"))
    assert "hồ sơ của Ông/Bà" in citizen
    as_user("official_x")
    official = text(parse(call(dossier, "dossier_view")[0]).get_element_by_id("dvc-next-step"))
    assert official.endswith(
        vi("Check the dossier: accept it, or refuse it with a reason, within 8 working hours.")
    )


# --- "Ông/Bà", never "bạn" ---------------------------------------------------------------

# "bạn" as a pronoun; "bạn đọc" ("readers", the noun) addresses nobody.
YOU = re.compile(r"\bbạn\b(?! đọc)", re.IGNORECASE)


def msgstrs(po):
    """Every msgstr of a .po file, multi-line ones joined."""
    entries, current, in_msgstr = [], [], False
    for line in po.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgstr "):
            in_msgstr, current = True, [line[7:]]
        elif in_msgstr and line.startswith('"'):
            current.append(line)
        else:
            if in_msgstr:
                entries.append("".join(part.strip().strip('"') for part in current))
            in_msgstr = False
    if in_msgstr:
        entries.append("".join(part.strip().strip('"') for part in current))
    return entries


def test_vi_catalogues_say_ong_ba_never_ban():
    catalogues = sorted((LOCALES / "vi" / "LC_MESSAGES").glob("*.po"))
    assert LOCALES / "vi" / "LC_MESSAGES" / "dichvucong.po" in catalogues
    offenders = [
        f"{po.name}: {msgstr}" for po in catalogues for msgstr in msgstrs(po) if YOU.search(msgstr)
    ]
    assert offenders == []
    # The detector finds what it must.
    assert YOU.search("Cảm ơn bạn") and YOU.search("Bạn đã đăng xuất.")
    assert not YOU.search("Ý kiến bạn đọc")


# --- Withdrawing asks first (integration) ----------------------------------------------


def test_dossier_page_offers_withdraw_as_a_way_to_the_confirmation(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    doc = parse(call(dossier, "dossier_view")[0])
    # A plain link (no form to post, no token in an address): it changes nothing.
    assert not doc.cssselect("form[data-transition=withdraw]")
    link = doc.get_element_by_id("dvc-transition-withdraw")
    assert link.tag == "a"
    assert link.get("href") == f"{dossier.absolute_url()}/@@dossier-withdraw"
    assert text(link) == vi("Withdraw") == "Rút hồ sơ"


def test_old_one_step_withdraw_post_does_not_withdraw(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    _body, response = call(
        dossier,
        "dossier-transition",
        method="POST",
        transition="withdraw",
        **fields("confirm", comment="Moved"),
    )
    assert response.getStatus() == 303
    assert response.getHeader("Location") == f"{dossier.absolute_url()}/@@dossier-withdraw"
    assert api.content.get_state(dossier) == "new"
    assert [entry["action"] for entry in dossier.audit] == ["submitted"]


def test_confirmation_page_says_what_withdrawing_means(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    body, response = call(dossier, "dossier-withdraw")
    assert response.getStatus() == 200
    doc = parse(body)
    assert text(doc.cssselect("h1")[0]) == vi("Withdraw this dossier?")
    meaning = text(doc.get_element_by_id("dvc-withdraw-meaning"))
    assert vi("If you withdraw it, the agency stops processing this dossier for good.") in meaning
    form = doc.get_element_by_id("dvc-withdraw-form")
    assert form.get("method") == "post"
    assert form.cssselect("input[name=_authenticator]")[0].get("value")
    button = doc.get_element_by_id("dvc-withdraw-form-withdraw")
    assert button.get("value") == vi("Confirm withdrawal") == "Xác nhận rút hồ sơ"
    back = doc.get_element_by_id("dvc-withdraw-back")
    assert text(back) == vi("Go back") == "Quay lại"
    assert back.get("href") == dossier.absolute_url()
    assert api.content.get_state(dossier) == "new"


def test_confirmation_withdraws_with_the_token_only(portal, submit, as_user):
    dossier = submit()
    as_user("citizen_a")
    with pytest.raises(Forbidden):
        call(dossier, "dossier-withdraw", method="POST", token=False, **fields("withdraw"))
    assert api.content.get_state(dossier) == "new"
    # The old form's button posted to the confirmation page does nothing either.
    call(dossier, "dossier-withdraw", method="POST", **fields("confirm"))
    assert api.content.get_state(dossier) == "new"
    _body, response = call(
        dossier, "dossier-withdraw", method="POST", **fields("withdraw", comment="Moved")
    )
    assert response.getStatus() == 303
    assert response.getHeader("Location") == dossier.absolute_url()
    assert api.content.get_state(dossier) == "withdrawn"
    assert (dossier.audit[-1]["action"], dossier.audit[-1]["comment"]) == ("withdraw", "Moved")


@pytest.mark.parametrize("userid", ["official_x", "leader"])
def test_only_the_applicant_may_withdraw(portal, submit, as_user, userid):
    dossier = submit()
    as_user(userid)
    body, response = call(dossier, "dossier-withdraw", method="POST", **fields("withdraw"))
    assert response.getStatus() == 403
    assert not parse(body).cssselect("#dvc-withdraw-form")
    assert api.content.get_state(dossier) == "new"


# --- Through the publisher: breadcrumbs and withdrawing -------------------------------


@pytest.fixture
def site(functional_people):
    """The people and one dossier of citizen_a, committed for the test browser."""
    dossier = submit_birth(applicant_id_number=None, honeypot="")
    transaction.commit()
    return functional_people, dossier


def crumbs(browser):
    """[(text, href)] of the breadcrumb trail, "Home" first."""
    trail = page(browser).get_element_by_id("portal-breadcrumbs")
    return [(text(a), a.get("href")) for a in trail.cssselect("a")] + [
        (text(item), None) for item in trail.cssselect("li.active, [aria-current=page]")
    ]


def test_http_citizen_breadcrumb_leads_to_my_dossiers(functional_app, site):
    portal, dossier = site
    browser = browser_for(functional_app, "citizen_a")
    browser.open(dossier.absolute_url())
    trail = crumbs(browser)
    assert [label for label, _href in trail] == ["Trang chủ", "Hồ sơ của tôi", dossier.code]
    assert trail[1][1] == f"{portal.absolute_url()}/@@my-dossiers"
    # The store's folders never show: not the store, the ward, nor the month.
    store = get_store()
    for folder in (store, dossier.__parent__.__parent__, dossier.__parent__):
        assert folder.Title() not in [label for label, _href in trail]
        assert folder.absolute_url() not in [href for _label, href in trail]
    # The confirmation page of the dossier has the same trail.
    browser.open(f"{dossier.absolute_url()}/@@dossier-withdraw")
    assert [label for label, _href in crumbs(browser)][1] == "Hồ sơ của tôi"


def test_http_official_breadcrumb_leads_to_the_worklist(functional_app, site):
    _portal, dossier = site
    browser = browser_for(functional_app, "official_x")
    browser.open(dossier.absolute_url())
    trail = crumbs(browser)
    assert [label for label, _href in trail] == ["Trang chủ", "Hồ sơ cần xử lý", dossier.code]
    assert trail[1][1] == f"{get_store().absolute_url()}/@@worklist"


def test_http_withdraw_asks_first(functional_app, site):
    _portal, dossier = site
    browser = browser_for(functional_app, "citizen_a")
    browser.open(dossier.absolute_url())
    browser.getLink(id="dvc-transition-withdraw").click()
    assert browser.url == f"{dossier.absolute_url()}/@@dossier-withdraw"
    assert state_of(dossier) == "new"
    browser.getLink(id="dvc-withdraw-back").click()
    assert browser.url == dossier.absolute_url()
    assert state_of(dossier) == "new"
    browser.getLink(id="dvc-transition-withdraw").click()
    browser.getControl(name="form.widgets.comment").value = "Nộp nhầm thủ tục"
    browser.getControl(name="form.buttons.withdraw").click()
    assert browser.url == dossier.absolute_url()
    assert state_of(dossier) == "withdrawn"
    assert text(page(browser).get_element_by_id("dvc-status-title")) == vi("status_withdrawn")
