"""@@procedures, the citizens' search page: a GET form, facet links, pages; no JavaScript."""

from dichvucong.catalogue.search.params import DEFAULT_SIZE
from plone.testing.zope import Browser
from tests.catalogue.birds import DRAFT
from tests.catalogue.birds import PUBLISHED
from tests.helpers.pages import page
from tests.helpers.users import as_site_owner
from urllib.parse import parse_qs
from urllib.parse import urlencode
from urllib.parse import urlparse
import pytest


@pytest.fixture
def browser(functional_app):
    browser = Browser(functional_app)
    # The Hanoi profile turns on plone.app.caching: a RAM-cache hit ends the request
    # with plone.caching's Intercepted, which the publisher's error handling answers.
    browser.handleErrors = True
    return browser


def result_titles(browser):
    return [a.text_content().strip() for a in page(browser).cssselect(".dvc-result__title a")]


def search_url(portal, **query):
    base = f"{portal.absolute_url()}/@@procedures"
    return f"{base}?{urlencode(query, doseq=True)}" if query else base


def test_page_renders_at_site_root_and_folder(browser, birds):
    browser.open(search_url(birds))
    assert browser.headers["status"].startswith("200")
    doc = page(browser)
    (form,) = doc.cssselect("form.dvc-search__form")
    assert form.get("method") == "get"
    assert doc.cssselect("input[name=q][type=search]")
    assert doc.cssselect("label[for=dvc-search-q]")
    titles = result_titles(browser)
    assert len(titles) <= DEFAULT_SIZE
    assert set(PUBLISHED) <= set(titles)  # the most popular come first
    browser.open(f"{birds.absolute_url()}/thu-tuc-hanh-chinh/@@procedures?q=chim+yen")
    assert browser.headers["status"].startswith("200")
    assert page(browser).cssselect("h1")[0].text_content().strip() == "Thủ tục hành chính"
    assert result_titles(browser) == PUBLISHED


def test_search_form_without_javascript(browser, birds):
    browser.open(search_url(birds))
    form = browser.getForm(id="dvc-search-form")
    form.getControl(name="q").value = "nuoi chim yen"
    form.submit()
    assert browser.url.startswith(search_url(birds))
    assert parse_qs(urlparse(browser.url).query)["q"] == ["nuoi chim yen"]
    # Highest popularity first among equal scores; the private draft is not listed.
    assert result_titles(browser) == [
        "Cấp giấy chứng nhận cơ sở nuôi chim yến",
        "Đăng ký nuôi chim yến trong khu dân cư",
    ]
    doc = page(browser)
    (first,) = doc.cssselect(".dvc-result")[:1]
    assert first.cssselect(".dvc-result__code")[0].text_content().split()[-1] == "HN-YEN-01"
    assert first.cssselect(".dvc-level--full")
    assert first.cssselect(".dvc-result__domain")[0].text_content() == "Chăn nuôi chim yến"
    link = first.cssselect(".dvc-result__title a")[0].get("href")
    assert link.startswith(f"{birds.absolute_url()}/thu-tuc-hanh-chinh/")


def test_unaccented_typo_query(browser, birds):
    browser.open(search_url(birds, q="khai thac to chim yne"))
    assert result_titles(browser)[0] == "Cấp phép khai thác tổ chim yến"


def test_facet_link_narrows_results(browser, birds):
    browser.open(search_url(birds, q="chim yen"))
    assert result_titles(browser) == PUBLISHED
    doc = page(browser)
    counts = {
        a.get("data-value"): int(a.cssselect(".dvc-facet__count")[0].text_content())
        for a in doc.cssselect('a.dvc-facet__link[data-facet="domain"]')
    }
    assert counts == {"chan-nuoi-yen": 2, "lam-nghiep-yen": 1}
    (link,) = doc.cssselect('a[data-facet="domain"][data-value="lam-nghiep-yen"]')
    browser.open(link.get("href"))
    assert result_titles(browser) == ["Cấp phép khai thác tổ chim yến"]
    doc = page(browser)
    (chosen,) = doc.cssselect('a[data-facet="domain"][aria-current="true"]')
    assert chosen.get("data-value") == "lam-nghiep-yen"
    # The chosen filter rides along with the next search typed in the box.
    hidden = {(i.get("name"), i.get("value")) for i in doc.cssselect("form input[type=hidden]")}
    assert ("domain", "lam-nghiep-yen") in hidden
    # Choosing it again removes it.
    browser.open(chosen.get("href"))
    assert result_titles(browser) == PUBLISHED


def test_level_and_online_facets(browser, birds):
    browser.open(search_url(birds, q="chim yen", level="partial"))
    assert result_titles(browser) == ["Đăng ký nuôi chim yến trong khu dân cư"]
    browser.open(search_url(birds, q="chim yen", online="1"))
    assert result_titles(browser) == []
    assert page(browser).cssselect(".dvc-empty")


def test_empty_state(browser, birds):
    browser.open(search_url(birds, q="qqqzzz xxyyww"))
    doc = page(browser)
    assert result_titles(browser) == []
    (empty,) = doc.cssselect(".dvc-empty")
    assert empty.get("role") == "status"
    assert empty.cssselect("h2")[0].text_content().strip()
    show_all = empty.cssselect("a")[-1].get("href")
    assert show_all == search_url(birds)


def test_empty_state_in_vietnamese(browser, birds):
    browser.open(search_url(birds, q="qqqzzz"))
    (empty,) = page(browser).cssselect(".dvc-empty")
    assert "Không tìm thấy thủ tục" in empty.text_content()


def test_english_on_request(browser, birds):
    browser.open(f"{birds.absolute_url()}?set_language=en")
    browser.open(search_url(birds, q="qqqzzz"))
    (empty,) = page(browser).cssselect(".dvc-empty")
    assert "No procedures found" in empty.text_content()


def test_previous_and_next_pages(browser, birds):
    browser.open(search_url(birds, q="chim yen", b_size="2"))
    assert result_titles(browser) == PUBLISHED[:2]
    doc = page(browser)
    assert not doc.cssselect(".dvc-pager__prev")
    browser.open(doc.cssselect(".dvc-pager__next")[0].get("href"))
    assert result_titles(browser) == PUBLISHED[2:]
    doc = page(browser)
    assert doc.cssselect("ol.dvc-results__list")[0].get("start") == "3"
    assert not doc.cssselect(".dvc-pager__next")
    browser.open(doc.cssselect(".dvc-pager__prev")[0].get("href"))
    assert result_titles(browser) == PUBLISHED[:2]


def test_editor_sees_the_draft(browser, birds):
    as_site_owner(browser).open(search_url(birds, q="chim yen"))
    assert result_titles(browser)[0] == DRAFT


def test_query_is_escaped(browser, birds):
    browser.open(search_url(birds, q='<script>alert("x")</script>'))
    assert "<script>alert" not in browser.contents
    assert page(browser).cssselect("input[name=q]")[0].get("value") == '<script>alert("x")</script>'


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("dang ki khai snh", "Đăng ký khai sinh"),
        ("CCCD", "căn cước"),
        ("ho chieu", "hộ chiếu"),
    ],
)
def test_site_wide_search_suggests_procedures(functional_app, functional_portal, typed, expected):
    """Plone's own search page offers the catalogue's best matches, typos and all."""
    browser = Browser(functional_app)
    browser.open(f"{functional_portal.absolute_url()}/@@search?SearchableText={typed}")
    box = browser.contents.split('id="dvc-suggestions-title"', 1)[1].split("</aside>", 1)[0]
    assert expected.lower() in box.lower()
    assert "@@procedures?q=" in box
