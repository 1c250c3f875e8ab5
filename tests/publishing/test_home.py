"""The home page: a Mosaic page (the site's front page) with the search box first,
the essential services as large buttons, the most-used procedures, the latest guides
and news (published only) and the help contact."""

from configparser import ConfigParser
from DateTime import DateTime
from dichvucong.base.vietnamese import sort_key
from dichvucong.publishing.home.sources import essential_procedures
from pathlib import Path
from plone import api
from plone.app.blocks.layoutbehavior import ILayoutAware
from plone.app.testing import SITE_OWNER_NAME
from plone.tiles.interfaces import ITileType
from tests.helpers.content import create
from tests.helpers.pages import page
from tests.helpers.pages import parse
from tests.helpers.pages import text
from tests.helpers.users import as_site_owner
from zope.component import getUtility
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory
import json
import pytest
import transaction


HOME = "trang-chu"
LAYOUT = "++contentlayout++dichvucong/home.html"
ESSENTIAL = "dịch vụ công thiết yếu"
REPO = Path(__file__).resolve().parents[2]
LAYOUTS = REPO / "src" / "dichvucong" / "publishing" / "guides" / "layouts"
TILES = ["search", "essential", "popular", "guides", "news", "contact"]


def procedures_json():
    return json.loads((REPO / "profiles" / "hanoi" / "catalogue" / "procedures.json").read_text())


# --- The front page is a Mosaic page ----------------------------------------------


def test_front_page_is_the_mosaic_home_page(portal):
    assert portal.getDefaultPage() == HOME
    home = portal[HOME]
    assert home.portal_type == "Document"
    assert home.getLayout() == "layout_view"
    assert ILayoutAware(home).contentLayout == LAYOUT
    assert api.content.get_state(home) == "published"
    assert home.exclude_from_nav
    assert home.title == portal.title


def test_home_layout_is_shipped_with_its_sample(portal):
    vocabulary = getUtility(IVocabularyFactory, "plone.availableContentLayouts")(portal)
    assert f"/{LAYOUT}" in {term.value for term in vocabulary}
    parser = ConfigParser(strict=False)
    parser.read_string((LAYOUTS / "manifest.cfg").read_text())
    section = parser["contentlayout:home.html"]
    assert section["file"] == "home.html"
    assert section["for"] == "Document"
    # The 360 px layout test opens the sample: it is the site's front page.
    assert section["sample"] == HOME == portal.getDefaultPage()


def test_home_layout_puts_the_search_box_first():
    layout = parse((LAYOUTS / "home.html").read_bytes())
    tiles = [el.get("data-tile") for el in layout.iter() if el.get("data-tile")]
    names = [tile.split("@@")[1].split("/")[0].split("?")[0] for tile in tiles]
    ours = [name for name in names if name.startswith("dichvucong.home.")]
    assert ours == [f"dichvucong.home.{name}" for name in TILES]
    # Only the (visually hidden) page title comes before the search box.
    assert names[0] == "plone.app.standardtiles.field"
    assert names[1] == "dichvucong.home.search"


@pytest.mark.parametrize("name", TILES)
def test_home_tiles_are_in_the_mosaic_editor(portal, name):
    tile = f"dichvucong.home.{name}"
    assert queryUtility(ITileType, name=tile) is not None
    prefix = f"plone.app.mosaic.app_tiles.dichvucong_home_{name}"
    assert api.portal.get_registry_record(f"{prefix}.name") == tile
    assert api.portal.get_registry_record(f"{prefix}.tile_type") == "app"


def test_reapplying_the_city_profile_keeps_editors_choices(portal):
    home = portal[HOME]
    ILayoutAware(home).customContentLayout = "<html><body><p>Sửa tay</p></body></html>"
    home.title = "Trang chủ mới"
    other = api.content.create(container=portal, type="Document", id="trang-khac", title="Khác")
    portal.setDefaultPage(other.getId())
    portal.portal_setup.runAllImportStepsFromProfile("profile-dichvucong:hanoi")
    assert portal.getDefaultPage() == "trang-khac"
    assert portal[HOME].title == "Trang chủ mới"
    assert "Sửa tay" in ILayoutAware(portal[HOME]).customContentLayout


def test_profile_sets_the_front_page_when_the_site_has_none(portal):
    portal.setDefaultPage(None)
    api.content.delete(portal[HOME])
    portal.portal_setup.runAllImportStepsFromProfile("profile-dichvucong:hanoi")
    assert portal.getDefaultPage() == HOME
    assert ILayoutAware(portal[HOME]).contentLayout == LAYOUT


# --- What the home page shows -------------------------------------------------------


def test_home_renders_the_tiles_with_mosaic(home):
    doc = page(home)
    content = doc.cssselect("#content")[0]
    assert content.cssselect(".mosaic-grid-row")
    # Every tile was rendered in place (no placeholder left).
    assert not content.xpath(".//*[@data-tile]")
    assert doc.cssselect("h1")[0].text_content().strip() == "Cổng dịch vụ công thành phố Hà Nội"
    for selector in (".dvc-home-search", ".dvc-home-essential", ".dvc-home-help"):
        assert content.cssselect(selector), selector


def test_search_box_comes_first(home, functional_portal):
    doc = page(home)
    content = doc.cssselect("#content")[0]
    blocks = [
        el
        for el in content.iter()
        if el.tag in ("form", "section", "ul", "ol", "p") and el.get("class")
    ]
    (search,) = content.cssselect("form.dvc-home-search")
    assert blocks[0] is search
    assert search.get("method") == "get"
    assert search.get("role") == "search"
    assert search.get("action") == (
        f"{functional_portal.absolute_url()}/thu-tuc-hanh-chinh/@@procedures"
    )
    (field,) = search.cssselect("input[name=q]")
    assert field.get("type") == "search"
    (label,) = search.cssselect("label")
    assert label.get("for") == field.get("id")
    assert field.get("aria-describedby") in {el.get("id") for el in search.iter()}


def test_search_box_finds_procedures(home):
    home.getControl(name="q").value = "khai sinh"
    home.getForm(action="@@procedures").submit()
    assert "@@procedures" in home.url
    assert "q=khai+sinh" in home.url
    assert "Đăng ký khai sinh" in home.contents


def test_the_25_essential_services_as_buttons(home, functional_portal):
    doc = page(home)
    (section,) = doc.cssselect(".dvc-home-essential")
    buttons = section.cssselect("a.dvc-home-button")
    assert len(buttons) == 25 == len(procedures_json())
    titles = [text(button) for button in buttons]
    assert sorted(titles) == sorted(item["title"] for item in procedures_json())
    assert titles == sorted(titles, key=sort_key)  # Vietnamese dictionary order
    catalog = functional_portal.portal_catalog
    for button in buttons:
        path = button.get("href").replace(functional_portal.absolute_url(), "/plone", 1)
        (brain,) = catalog.unrestrictedSearchResults(path={"query": path, "depth": 0})
        assert brain.portal_type == "Procedure"
        assert brain.Title == text(button)
    assert section.cssselect("h2")[0].get("id") == section.get("aria-labelledby")


def test_essential_services_are_the_procedures_with_the_keyword(portal):
    keyword = api.portal.get_registry_record("dichvucong.home.essential_keyword")
    assert keyword == ESSENTIAL
    found = essential_procedures(portal, keyword)
    assert len(found) == 25
    birth = api.content.find(portal_type="Procedure", catalogue_code="1.001193")[0].getObject()
    birth.keywords = [k for k in birth.keywords if k != ESSENTIAL]
    birth.reindexObject()
    new = api.content.create(
        container=portal["thu-tuc-hanh-chinh"],
        type="Procedure",
        title="Thủ tục thử nghiệm",
        local_code="T-HOME-1",
        keywords=["Dịch Vụ Công Thiết Yếu"],  # case and accents do not matter
    )
    api.content.transition(new, to_state="published")
    titles = [record.title for record in essential_procedures(portal, keyword)]
    assert "Đăng ký khai sinh" not in titles
    assert "Thủ tục thử nghiệm" in titles
    assert essential_procedures(portal, "") == []


def test_essential_services_only_those_the_reader_may_see(browser, functional_portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        birth = api.content.find(portal_type="Procedure", catalogue_code="1.001193")[0]
        api.content.transition(birth.getObject(), to_state="private")
    transaction.commit()
    browser.open(functional_portal.absolute_url())
    titles = [text(a) for a in page(browser).cssselect(".dvc-home-essential a")]
    assert len(titles) == 24
    assert "Đăng ký khai sinh" not in titles


def test_most_used_procedures(browser, functional_portal):
    browser.open(functional_portal.absolute_url())
    # The Hanoi catalogue has no popularity yet: no "most used" list is invented.
    assert not page(browser).cssselect(".dvc-home-popular")
    popularity = {"1.001193": 500, "1.004222": 900, "HN-DVCTY-04": 100}
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for code, value in popularity.items():
            obj = api.content.find(portal_type="Procedure", catalogue_code=code)[0].getObject()
            obj.popularity = value
            obj.reindexObject()
    transaction.commit()
    browser.open(functional_portal.absolute_url())
    (section,) = page(browser).cssselect(".dvc-home-popular")
    titles = [text(a) for a in section.cssselect("ol a")]
    assert titles == ["Đăng ký thường trú", "Đăng ký khai sinh", "Đăng ký tạm trú"]
    links = [a.get("href") for a in section.cssselect("ol a")]
    assert all(
        link.startswith(f"{functional_portal.absolute_url()}/thu-tuc-hanh-chinh/") for link in links
    )


@pytest.fixture
def dated_content(functional_portal):
    """News and guides in every state a reader must (not) see."""
    now = DateTime()
    made = {}
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for kind, folder, extra in (
            ("News Item", "tin-tuc", {}),
            ("Guide", "huong-dan", {"guide_kind": "steps"}),
        ):
            container = functional_portal[folder]
            for key, state, effective, expires in (
                ("old", "published", now - 3, None),
                ("new", "published", now - 0.01, None),
                ("draft", None, now - 0.02, None),
                ("scheduled", "published", now + 2, None),
                ("expired", "published", now - 5, now - 1),
            ):
                obj = api.content.create(
                    container=container,
                    type=kind,
                    id=f"home-{key}",
                    title=f"Home test {kind} {key}",
                    **extra,
                )
                obj.setEffectiveDate(effective)
                if expires is not None:
                    obj.setExpirationDate(expires)
                if state:
                    api.content.transition(obj, to_state=state)
                obj.reindexObject()
                made[(kind, key)] = obj
    transaction.commit()
    return made


@pytest.mark.parametrize(("kind", "selector"), [("News Item", 1), ("Guide", 0)])
@pytest.mark.parametrize("as_manager", [False, True])
def test_latest_news_and_guides_published_only(
    browser, functional_portal, dated_content, kind, selector, as_manager
):
    if as_manager:
        as_site_owner(browser)
    browser.open(functional_portal.absolute_url())
    sections = page(browser).cssselect(".dvc-home-latest")
    assert len(sections) == 2
    section = sections[selector]  # guides first, then news (home.html)
    titles = [text(a) for a in section.cssselect(".dvc-home-latest__link")]
    ours = [title for title in titles if title.startswith(f"Home test {kind}")]
    assert ours == [f"Home test {kind} new", f"Home test {kind} old"]
    assert len(titles) <= api.portal.get_registry_record("dichvucong.home.latest_count")
    folder = "tin-tuc" if kind == "News Item" else "huong-dan"
    more = section.cssselect(".dvc-home-section__more a")[0]
    assert more.get("href") == f"{functional_portal.absolute_url()}/{folder}"
    date = section.cssselect(".dvc-home-latest__date")[0]
    assert date.get("datetime")


def test_help_contact(home, functional_portal):
    doc = page(home)
    (section,) = doc.cssselect(".dvc-home-help")
    assert "197 Nghi Tàm" in text(section)
    assert "Trung tâm Phục vụ hành chính công thành phố Hà Nội" in text(section)
    assert not section.cssselect("a[href^='tel:']")  # no phone number known yet
    (ask,) = section.cssselect(".dvc-home-help__ask a")
    assert ask.get("href") == f"{functional_portal.absolute_url()}/hoi-dap-gop-y"


def test_help_contact_phone_link(browser, functional_portal):
    api.portal.set_registry_record("dichvucong.contact.phone", "024 3333 4444")
    transaction.commit()
    browser.open(functional_portal.absolute_url())
    (phone,) = page(browser).cssselect(".dvc-home-help a[href^='tel:']")
    assert phone.get("href") == "tel:02433334444"
    assert text(phone) == "024 3333 4444"


def test_home_escapes_what_editors_type(browser, functional_portal):
    create(
        functional_portal["tin-tuc"],
        "News Item",
        title='<script>alert("x")</script>',
        description="<b>bold</b>",
    )
    transaction.commit()
    browser.open(functional_portal.absolute_url())
    assert '<script>alert("x")</script>' not in browser.contents
    assert "&lt;script&gt;" in browser.contents
    assert "<b>bold</b>" not in browser.contents
