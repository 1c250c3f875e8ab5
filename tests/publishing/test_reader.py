"""Reader tools on content pages: print (button, print style, page address) and share
(Facebook, Zalo, email, copy link): plain links, escaped, nothing from other hosts."""

from dichvucong.publishing.home.readertools import FACEBOOK
from dichvucong.publishing.home.readertools import share_links
from plone import api
from tests.helpers.content import create
from tests.helpers.pages import page
from tests.helpers.users import as_site_owner
from urllib.parse import parse_qs
from urllib.parse import quote
from urllib.parse import unquote
from urllib.parse import urlsplit
import pytest
import transaction


TRICKY_TITLE = 'Tin "A&B" <i>đặc biệt</i>'


def tools_of(browser):
    return page(browser).cssselect(".dvc-reader-tools")


# --- The links themselves -----------------------------------------------------------


def test_share_links_encode_the_address_and_title():
    url = 'https://example.org/tin-tuc/a?x=1&y="2"#<z>'
    links = share_links(url, TRICKY_TITLE, "https://sp.zalo.me/share_to?url=")
    assert links["facebook"] == FACEBOOK + quote(url, safe="")
    assert parse_qs(urlsplit(links["facebook"]).query)["u"] == [url]
    assert links["zalo"].startswith("https://sp.zalo.me/share_to?url=")
    assert parse_qs(urlsplit(links["zalo"]).query)["url"] == [url]
    mailto = links["email"]
    assert mailto.startswith("mailto:?subject=")
    query = parse_qs(mailto.split("?", 1)[1])
    assert query["subject"] == [TRICKY_TITLE]
    assert query["body"] == [f"{TRICKY_TITLE}\n{url}"]
    for href in links.values():
        assert not set(href) & set(' "<>\n')


def test_no_zalo_link_without_an_address():
    assert "zalo" not in share_links("https://example.org/a", "A", "")


# --- On a news page -------------------------------------------------------------------


@pytest.fixture
def news(functional_portal):
    obj = create(
        functional_portal["tin-tuc"], "News Item", id="tin-thu-cong-cu", title=TRICKY_TITLE
    )
    transaction.commit()
    return obj


def test_news_page_has_share_links(browser, news):
    browser.open(news.absolute_url())
    (tools,) = tools_of(browser)
    assert tools.getparent().get("id") == "viewlet-below-content-title"
    url = news.absolute_url()
    hrefs = {
        name: tools.cssselect(f".dvc-reader-tools__share--{name}")[0].get("href")
        for name in ("facebook", "zalo", "email")
    }
    assert hrefs["facebook"] == FACEBOOK + quote(url, safe="")
    assert parse_qs(urlsplit(hrefs["zalo"]).query)["url"] == [url]
    query = parse_qs(hrefs["email"].split("?", 1)[1])
    assert query["subject"] == [TRICKY_TITLE]
    assert url in query["body"][0]
    # External share links open apart and pass nothing about the portal session.
    for name in ("facebook", "zalo"):
        link = tools.cssselect(f".dvc-reader-tools__share--{name}")[0]
        assert set(link.get("rel").split()) >= {"noopener", "noreferrer"}


def test_share_links_are_escaped_in_the_page(browser, news):
    browser.open(news.absolute_url())
    raw = browser.contents
    start = raw.index('class="dvc-reader-tools"')
    aside = raw[start : raw.index("</aside>", start)]
    assert "<i>" not in aside and '"A&B"' not in aside
    assert "subject=Tin%20%22A%26B%22%20%3Ci%3E" in aside
    assert "&amp;body=" in aside  # & between parameters, escaped in the attribute


def test_copy_link_with_a_fallback_without_javascript(browser, news):
    browser.open(news.absolute_url())
    (tools,) = tools_of(browser)
    (button,) = tools.cssselect("button[data-dvc-copy]")
    assert button.get("data-dvc-copy") == news.absolute_url()
    assert button.get("hidden") is not None  # shown by reader.js
    (field,) = tools.cssselect("[data-dvc-copy-fallback] input")
    assert field.get("value") == news.absolute_url()
    assert field.get("readonly") is not None
    (label,) = tools.cssselect("[data-dvc-copy-fallback] label")
    assert label.get("for") == field.get("id")
    assert tools.cssselect("[role=status][aria-live=polite]")


def test_print_button_and_page_address(browser, news):
    browser.open(news.absolute_url())
    doc = page(browser)
    (tools,) = doc.cssselect(".dvc-reader-tools")
    (button,) = tools.cssselect("button[data-dvc-print]")
    assert button.get("type") == "button"
    assert button.get("hidden") is not None  # no JavaScript, no button that does nothing
    address = tools.cssselect(".dvc-reader-tools__address-url")[0]
    assert address.text_content().strip() == news.absolute_url()
    assert "dvc-reader-page" in doc.cssselect("body")[0].get("class").split()
    scripts = [el.get("src") for el in doc.cssselect("script[src]")]
    assert any("dichvucong-reader/reader.js" in src for src in scripts)


def test_nothing_loaded_from_other_hosts(browser, news, functional_portal):
    browser.open(news.absolute_url())
    doc = page(browser)
    (tools,) = doc.cssselect(".dvc-reader-tools")
    assert not tools.cssselect("script, iframe, img, link, object, embed")
    portal_url = functional_portal.absolute_url()
    for element in doc.cssselect("script[src], link[href][rel=stylesheet], iframe, img[src]"):
        source = element.get("src") or element.get("href")
        assert source.startswith((portal_url, "/", "data:")), source


def test_print_style(browser, functional_portal):
    browser.open(f"{functional_portal.absolute_url()}/++plone++dichvucong-reader/reader.css")
    css = browser.contents
    if isinstance(css, bytes):
        css = css.decode("utf-8")
    print_css = css[css.index("@media print") :]
    for hidden in (
        "#content-header",
        "#mainnavigation-wrapper",
        "#portal-breadcrumbs",
        "#portal-footer-wrapper",
        "#edit-zone",
        "#content form",
        "#commenting",
        ".dvc-reader-tools__list",
    ):
        assert f"body.dvc-reader-page {hidden}" in print_css, hidden
    assert "display: none !important" in print_css
    assert 'a[href^="http"]::after' in print_css and "attr(href)" in print_css
    assert ".dvc-reader-tools__address" in print_css
    js = browser.open(f"{functional_portal.absolute_url()}/++plone++dichvucong-reader/reader.js")
    js = browser.contents
    if isinstance(js, bytes):
        js = js.decode("utf-8")
    assert "window.print()" in js
    assert "http" not in js  # no request to any host


# --- Where the tools are (and are not) ------------------------------------------------


def test_procedure_page_has_the_tools_below_the_title(browser, functional_portal):
    (brain,) = api.content.find(portal_type="Procedure", catalogue_code="1.001193")
    browser.open(brain.getURL())
    (tools,) = tools_of(browser)
    assert tools.getparent().get("id") == "viewlet-below-content-title"


def test_mosaic_page_has_the_tools_once(browser, functional_portal):
    """A guide drawn by a Mosaic layout: no viewlet manager inside the content, so the
    tools sit above it, once; the print style applies there too."""
    (brain,) = api.content.find(portal_type="Guide", review_state="published", sort_limit=1)[:1]
    assert brain.getObject().getLayout() == "layout_view"
    browser.open(brain.getURL())
    doc = page(browser)
    (tools,) = doc.cssselect(".dvc-reader-tools")
    assert tools.getparent().get("id") == "viewlet-above-content"
    assert "dvc-reader-page" in doc.cssselect("body")[0].get("class").split()


@pytest.mark.parametrize("path", ["", "hoi-dap-gop-y", "tin-tuc", "tu-viet-tat"])
def test_other_pages_have_no_tools(browser, functional_portal, path):
    browser.open(f"{functional_portal.absolute_url()}/{path}")
    assert not tools_of(browser)
    assert "dvc-reader-page" not in page(browser).cssselect("body")[0].get("class").split()


def test_no_tools_on_the_edit_form(browser, news):
    as_site_owner(browser).open(f"{news.absolute_url()}/edit")
    assert not tools_of(browser)
    browser.open(news.absolute_url())
    assert tools_of(browser)


def test_no_zalo_link_when_its_address_is_empty(browser, news):
    api.portal.set_registry_record("dichvucong.reader_tools.zalo_share_url", "")
    transaction.commit()
    browser.open(news.absolute_url())
    (tools,) = tools_of(browser)
    assert not tools.cssselect(".dvc-reader-tools__share--zalo")
    assert tools.cssselect(".dvc-reader-tools__share--facebook")


def test_the_types_with_tools_are_a_setting(browser, news):
    api.portal.set_registry_record("dichvucong.reader_tools.portal_types", ["Guide"])
    transaction.commit()
    browser.open(news.absolute_url())
    assert not tools_of(browser)
    assert "dvc-reader-page" not in page(browser).cssselect("body")[0].get("class").split()


def test_page_address_is_the_page_not_the_request(browser, news):
    browser.open(f"{news.absolute_url()}?utm_source=x&token=secret")
    (tools,) = tools_of(browser)
    hrefs = " ".join(a.get("href") for a in tools.cssselect("a"))
    assert "secret" not in unquote(hrefs)
    assert "token" not in tools.cssselect("input")[0].get("value")
