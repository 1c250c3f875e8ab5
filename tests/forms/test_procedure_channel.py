"""A procedure page says where an online dossier goes when the citizen picks the
receiving agency in the form (the forms room's viewlet on the catalogue's page)."""

from collective.easyform.api import get_schema
from tests.helpers.content import BIRTH
from tests.helpers.content import BIRTH_GROUP
from tests.helpers.content import PASSPORT
from tests.helpers.content import procedure
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.pages import vi


SENTENCE = (
    "Nộp trực tuyến: Ông/Bà chọn cơ quan nhận hồ sơ trong biểu mẫu trực tuyến "
    "(mục Ủy ban nhân dân phường, xã nhận hồ sơ)."
)


def where_to_apply(browser, url):
    browser.open(url)
    (section,) = page(browser).xpath("//section[@id='dvc-agencies']")
    return section


def test_birth_page_says_the_citizen_picks_the_ward(browser, functional_portal):
    birth = procedure(BIRTH)
    section = where_to_apply(browser, birth.absolute_url())
    (choice,) = section.xpath(".//p[@class='dvc-receiving-choice']")
    assert text(choice) == SENTENCE
    (link,) = choice.xpath(".//a")
    assert link.get("href") == birth.online_form.to_object.absolute_url()
    # In person, the implementing agency as before.
    assert text(section.xpath(".//dl[@class='dvc-agencies']/dt")[0]) == "Cơ quan thực hiện"
    assert vi("To be confirmed") not in text(section)


def test_no_sentence_without_an_online_form(browser, functional_portal):
    section = where_to_apply(browser, procedure(BIRTH_GROUP).absolute_url())
    assert section.xpath(".//p[@class='dvc-receiving-choice']") == []


def test_no_sentence_when_the_form_has_no_agency_choice(browser, functional_portal):
    """A form that sends every dossier to the procedure's agency (the passport office):
    nothing to pick."""
    passport = procedure(PASSPORT)
    assert "receiving_agency" not in get_schema(passport.online_form.to_object)
    section = where_to_apply(browser, passport.absolute_url())
    assert section.xpath(".//p[@class='dvc-receiving-choice']") == []
    assert page(browser).xpath("//a[@class='dvc-submit']")
