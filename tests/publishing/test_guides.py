"""Guides: the types and their checks, the layout of each kind, the tiles, and the
links between guides and procedures both ways."""

from dichvucong.publishing.guides.content import IGuide
from dichvucong.publishing.guides.content import IGuideStep
from dichvucong.publishing.guides.content import InvalidCaptions
from dichvucong.publishing.guides.content import InvalidVideo
from dichvucong.publishing.guides.content import NotAProcedure
from dichvucong.publishing.guides.layout import KIND_LAYOUTS
from pathlib import Path
from plone import api
from plone.app.blocks.layoutbehavior import ILayoutAware
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from plone.tiles.interfaces import ITileType
from tests.helpers.content import BIRTH
from tests.helpers.content import create
from tests.helpers.content import intid
from tests.helpers.content import procedure
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.pages import vi
from tests.helpers.users import as_site_owner
from zope.component import getUtility
from zope.component import queryUtility
from zope.interface import Invalid
from zope.schema.interfaces import IVocabularyFactory
import io
import pytest
import re
import transaction


PACKAGE = Path(__file__).resolve().parents[2] / "src" / "dichvucong" / "publishing" / "guides"
STARTER = Path(__file__).resolve().parents[2] / "profiles" / "hanoi" / "publishing"
WEBM = (STARTER / "video" / "nop-va-theo-doi-ho-so-khai-sinh.webm").read_bytes()
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
PNG = (STARTER / "images" / "khai-sinh-1-dang-nhap.png").read_bytes()
# The inter-agency birth group: no online form on this portal yet (issue [7]).
BIRTH_GROUP = "HN-DVCTY-17"
VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nBước 1. Đăng nhập.\n".encode()


def make_guide(container, id, publish=True, steps=(), questions=(), **fields):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        guide = api.content.create(
            container=container, type="Guide", id=id, title=fields.pop("title", id), **fields
        )
        for number, (title, alt) in enumerate(steps, 1):
            api.content.create(
                container=guide,
                type="GuideStep",
                id=f"buoc-{number}",
                title=title,
                text=RichTextValue(f"<p>Làm bước {number}.</p>"),
                image=NamedBlobImage(PNG, filename="buoc.png") if alt is not None else None,
                image_alt=alt,
            )
        for number, (title, answer) in enumerate(questions, 1):
            api.content.create(
                container=guide,
                type="GuideQuestion",
                id=f"cau-hoi-{number}",
                title=title,
                answer=RichTextValue(answer),
            )
        if publish:
            api.content.transition(obj=guide, to_state="published")
    return guide


# --- Types ------------------------------------------------------------------


def test_guide_holds_steps_questions_images_and_files(portal):
    fti = portal.portal_types.Guide
    assert set(fti.allowed_content_types) == {"GuideStep", "GuideQuestion", "Image", "File"}
    assert fti.filter_content_types
    guide = api.content.create(container=portal["huong-dan"], type="Guide", title="Thử")
    assert {t.getId() for t in guide.allowedContentTypes()} == {
        "GuideStep",
        "GuideQuestion",
        "Image",
        "File",
    }


def test_guides_can_be_added_to_campaigns(portal):
    assert "Guide" in portal.portal_types.Campaign.allowed_content_types


def test_steps_and_questions_only_inside_a_guide(portal):
    allowed = {t.getId() for t in portal["huong-dan"].allowedContentTypes()}
    assert "Guide" in allowed
    assert not {"GuideStep", "GuideQuestion"} & allowed


def test_guide_behaviors(portal):
    behaviors = set(portal.portal_types.Guide.behaviors)
    assert {
        "plone.basic",
        "plone.namefromtitle",
        "plone.shortname",
        "plone.excludefromnavigation",
        "plone.publication",
        "plone.ownership",
        "plone.leadimage",
        "plone.richtext",
        "plone.allowdiscussion",
        "plone.layoutaware",
    } <= behaviors


def test_steps_and_questions_follow_their_guide(portal):
    workflow = portal.portal_workflow
    assert workflow.getChainForPortalType("GuideStep") == ()
    assert workflow.getChainForPortalType("GuideQuestion") == ()


def test_audience_uses_the_shared_vocabulary(portal):
    (field,) = [s["audience"].value_type for s in iterSchemataForType("Guide") if "audience" in s]
    assert field.vocabularyName == "dichvucong.Audiences"
    vocabulary = getUtility(IVocabularyFactory, "dichvucong.Audiences")(portal)
    assert {"citizens", "elderly", "businesses", "local-units"} <= {t.value for t in vocabulary}


def test_writers_add_guides_where_they_are_contributors(portal):
    roles = {
        r["name"]
        for r in portal.rolesOfPermission("dichvucong: Add Guide")
        if r["selected"] == "SELECTED"
    }
    assert "Contributor" in roles
    assert "Anonymous" not in roles and "Member" not in roles


# --- Checks on uploads and steps ------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"hello", b"WEBVTTX\n", "Bước 1".encode(), b"\x89PNG\r\n\x1a\n"],
)
def test_captions_must_be_webvtt(portal, data):
    with pytest.raises(InvalidCaptions):
        IGuide["captions"].validate(NamedBlobFile(data, filename="phu-de.vtt"))


@pytest.mark.parametrize("data", [VTT, b"\xef\xbb\xbf" + VTT, b"WEBVTT - phu de\n\n"])
def test_webvtt_captions_accepted(portal, data):
    IGuide["captions"].validate(NamedBlobFile(data, filename="phu-de.vtt"))


def test_captions_must_be_utf8(portal):
    with pytest.raises(InvalidCaptions):
        IGuide["captions"].validate(NamedBlobFile(b"WEBVTT\n\n\xff\xfe", filename="x.vtt"))


@pytest.mark.parametrize("data", [WEBM, MP4])
def test_mp4_and_webm_videos_accepted(portal, data):
    IGuide["video"].validate(NamedBlobFile(data, filename="video.bin"))


@pytest.mark.parametrize("data", [PNG, b"not a video", VTT, b"\x1a\x45\xdf\xa3matroska"])
def test_other_files_are_not_videos(portal, data):
    # Named like a video, but the content decides.
    with pytest.raises(InvalidVideo):
        IGuide["video"].validate(NamedBlobFile(data, filename="video.mp4"))


def test_step_image_needs_a_description(portal):
    class Data:
        image = NamedBlobImage(PNG, filename="buoc.png")
        image_alt = "  "

    with pytest.raises(Invalid):
        IGuideStep.validateInvariants(Data())
    Data.image_alt = "Trang đăng nhập"
    IGuideStep.validateInvariants(Data())
    Data.image, Data.image_alt = None, None
    IGuideStep.validateInvariants(Data())


def test_procedures_must_be_procedures(portal):
    field = IGuide["procedures"].value_type
    field.validate(procedure(BIRTH))
    with pytest.raises(NotAProcedure):
        field.validate(portal["huong-dan"])


# --- Layouts ------------------------------------------------------------------


def test_shipped_layouts_are_available_for_guides(portal):
    vocabulary = getUtility(IVocabularyFactory, "plone.availableContentLayouts")(portal)
    values = {term.value.lstrip("/") for term in vocabulary}
    assert set(KIND_LAYOUTS.values()) <= values


def test_layouts_use_registered_tiles():
    for layout in KIND_LAYOUTS.values():
        source = (PACKAGE / "layouts" / layout.rsplit("/", 1)[1]).read_text()
        names = re.findall(r'data-tile="\./@@([\w.]+)', source)
        assert "plone.app.standardtiles.field" in names
        for name in names:
            assert queryUtility(ITileType, name=name) is not None, name


@pytest.mark.parametrize("kind", ["steps", "video", "faq"])
def test_each_kind_shows_its_layout(portal, kind):
    guide = api.content.create(
        container=portal["huong-dan"], type="Guide", title="Thử", guide_kind=kind
    )
    assert guide.getLayout() == "layout_view"
    assert ILayoutAware(guide).content_layout_path() == KIND_LAYOUTS[kind]


def test_a_chosen_layout_wins_over_the_kind(portal):
    guide = api.content.create(
        container=portal["huong-dan"], type="Guide", title="Thử", guide_kind="video"
    )
    ILayoutAware(guide).contentLayout = KIND_LAYOUTS["faq"]
    assert ILayoutAware(guide).content_layout_path() == KIND_LAYOUTS["faq"]


def test_type_default_layout_without_a_kind(portal):
    guide = api.content.create(container=portal["huong-dan"], type="Guide", title="Thử")
    guide.guide_kind = None
    registry = api.portal.get_registry_record("plone.app.blocks.default_layout.Guide")
    assert registry == KIND_LAYOUTS["steps"]
    assert ILayoutAware(guide).content_layout_path() == registry


# --- Pages and tiles (functional) --------------------------------------------


@pytest.fixture
def guides(functional_portal):
    return functional_portal["huong-dan"]


def test_steps_guide_page(guides, browser):
    guide = make_guide(
        guides,
        "thu-tu-buoc",
        title="Nộp hồ sơ từng bước",
        guide_kind="steps",
        text=RichTextValue("<p>Chuẩn bị giấy tờ.</p>"),
        steps=[("Đăng nhập", "Trang đăng nhập"), ("Điền tờ khai", None)],
    )
    transaction.commit()
    browser.open(guide.absolute_url())
    doc = page(browser)
    assert text(doc.cssselect("h1")[0]) == "Nộp hồ sơ từng bước"
    assert "Chuẩn bị giấy tờ." in text(doc.cssselect("#content")[0])
    steps = doc.cssselect("ol.dvc-guide-steps__list > li")
    assert [text(s.cssselect("h3")[0]) for s in steps] == ["1 Đăng nhập", "2 Điền tờ khai"]
    images = doc.cssselect(".dvc-guide-step img")
    assert len(images) == 1
    assert images[0].get("alt") == "Trang đăng nhập"
    assert images[0].get("width") and images[0].get("height")
    assert text(doc.cssselect("#dvc-guide-steps-heading")[0]) == vi("Steps to follow")


def test_faq_guide_page_works_without_javascript(guides, browser):
    guide = make_guide(
        guides,
        "thu-hoi-dap",
        guide_kind="faq",
        questions=[
            ("Nộp ở đâu?", "<p>Trên Cổng.</p>"),
            ("Mất bao lâu?", "<p>Trong ngày.</p>"),
        ],
    )
    transaction.commit()
    browser.open(guide.absolute_url())
    doc = page(browser)
    items = doc.cssselect("details.dvc-guide-faq__item")
    assert [text(i.cssselect("summary")[0]) for i in items] == ["Nộp ở đâu?", "Mất bao lâu?"]
    assert text(items[0].cssselect(".dvc-guide-faq__answer")[0]) == "Trên Cổng."
    assert not doc.cssselect(".dvc-guide-steps")


def test_video_guide_page_has_captions_and_transcript(guides, browser):
    guide = make_guide(
        guides,
        "thu-video",
        guide_kind="video",
        video=NamedBlobFile(WEBM, filename="huong-dan.webm"),
        captions=NamedBlobFile(VTT, filename="phu-de.vtt"),
        transcript=RichTextValue("<p>Bước 1. Đăng nhập.</p>"),
    )
    transaction.commit()
    browser.open(guide.absolute_url())
    doc = page(browser)
    video = doc.cssselect("video")[0]
    assert video.get("controls") is not None
    source = video.cssselect("source")[0]
    assert source.get("type") == "video/webm"
    track = video.cssselect("track")[0]
    assert track.get("kind") == "captions"
    assert track.get("srclang") == "vi"
    assert track.get("default") is not None
    assert "Bước 1. Đăng nhập." in text(doc.cssselect(".dvc-guide-transcript")[0])
    browser.open(track.get("src"))
    assert browser.headers["content-type"].startswith("text/vtt")
    assert browser.contents.startswith("WEBVTT")
    browser.open(source.get("src"))
    assert browser.contents[:4] == b"\x1a\x45\xdf\xa3"


def test_video_guide_without_video_still_shows_the_transcript(guides, browser):
    guide = make_guide(
        guides,
        "thu-video-chua-co",
        guide_kind="video",
        transcript=RichTextValue("<p>Nội dung bằng chữ.</p>"),
    )
    transaction.commit()
    browser.open(guide.absolute_url())
    doc = page(browser)
    assert not doc.cssselect("video")
    assert "Nội dung bằng chữ." in text(doc.cssselect(".dvc-guide-transcript")[0])


def test_tiles_escape_editors_text(guides, browser):
    guide = make_guide(
        guides,
        "thu-ky-tu-dac-biet",
        title="<b>Tiêu đề</b>",
        guide_kind="steps",
        steps=[("<img src=x onerror=alert(1)>", '" onerror="alert(2)')],
        questions=[("<script>alert(3)</script>", "<p>Đáp<script>alert(4)</script></p>")],
        procedures=[intid(procedure(BIRTH))],
    )
    ILayoutAware(guide).contentLayout = KIND_LAYOUTS["steps"]
    transaction.commit()
    browser.open(guide.absolute_url())
    assert "<img src=x" not in browser.contents
    assert "&lt;img src=x onerror=alert(1)&gt;" in browser.contents
    assert "<b>Tiêu đề</b>" not in browser.contents
    alt = page(browser).cssselect(".dvc-guide-step img")[0].get("alt")
    assert alt == '" onerror="alert(2)'
    # The questions tile on the same guide, through the FAQ layout.
    ILayoutAware(guide).contentLayout = KIND_LAYOUTS["faq"]
    guide.reindexObject()
    transaction.commit()
    browser.open(guide.absolute_url())
    assert "<script>alert(3)" not in browser.contents
    assert "alert(4)" not in browser.contents
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in browser.contents


# --- Links both ways --------------------------------------------------------------


def guide_links(browser):
    return [(text(a), a.get("href")) for a in page(browser).cssselect("#dvc-guides li > a")]


def test_procedure_page_lists_the_starter_guides(functional_portal, browser):
    birth = procedure(BIRTH)
    browser.open(birth.absolute_url())
    section = page(browser).cssselect("#dvc-guides")
    assert section, "no related guides on the birth procedure page"
    assert text(section[0].cssselect("h2")[0]) == vi("Related guides")
    urls = [url for _title, url in guide_links(browser)]
    assert f"{functional_portal.absolute_url()}/huong-dan/dang-ky-khai-sinh-truc-tuyen" in urls


def test_guide_page_links_procedures_and_their_online_form(functional_portal, browser):
    guide = make_guide(
        functional_portal["huong-dan"],
        "thu-lien-ket",
        guide_kind="steps",
        procedures=[intid(procedure(BIRTH)), intid(procedure(BIRTH_GROUP))],
    )
    transaction.commit()
    browser.open(guide.absolute_url())
    doc = page(browser)
    assert text(doc.cssselect("#dvc-guide-procedures-heading")[0]) == vi("Related procedures")
    items = doc.cssselect(".dvc-guide-procedure")
    assert [i.cssselect(".dvc-guide-procedure__link")[0].get("href") for i in items] == [
        procedure(BIRTH).absolute_url(),
        procedure(BIRTH_GROUP).absolute_url(),
    ]
    submit = items[0].cssselect("a.dvc-guide-procedure__submit")
    form = f"{functional_portal.absolute_url()}/dich-vu-cong-truc-tuyen/dang-ky-khai-sinh"
    assert submit[0].get("href") == form
    assert text(submit[0]) == vi("Submit online")
    # The inter-agency birth group has no online form here (yet): no button.
    assert not items[1].cssselect("a.dvc-guide-procedure__submit")
    # And back: the birth procedure page lists the new guide.
    browser.open(procedure(BIRTH).absolute_url())
    assert ("thu-lien-ket", guide.absolute_url()) in guide_links(browser)


def test_readers_see_only_guides_they_may_view(functional_portal, browser):
    birth = procedure(BIRTH)
    draft = make_guide(
        functional_portal["huong-dan"],
        "thu-ban-nhap",
        publish=False,
        procedures=[intid(birth)],
    )
    later = make_guide(
        functional_portal["huong-dan"],
        "thu-hen-gio",
        procedures=[intid(birth)],
    )
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        later.setEffectiveDate(api.portal.get_tool("portal_catalog").ZopeTime() + 7)
        later.reindexObject()
    transaction.commit()
    browser.open(birth.absolute_url())
    urls = [url for _title, url in guide_links(browser)]
    assert draft.absolute_url() not in urls
    assert later.absolute_url() not in urls
    # Staff see the draft (and what is scheduled) on the same page.
    as_site_owner(browser).open(birth.absolute_url())
    urls = [url for _title, url in guide_links(browser)]
    assert draft.absolute_url() in urls
    assert later.absolute_url() in urls


def test_procedure_own_guides_come_first(functional_portal, browser):
    page_ = create(
        functional_portal["huong-dan"],
        "Document",
        id="thu-trang-huong-dan",
        title="Trang hướng dẫn riêng",
    )
    birth = procedure(BIRTH)
    birth.guides = [intid(page_)]
    transaction.commit()
    browser.open(birth.absolute_url())
    links = guide_links(browser)
    assert links[0] == ("Trang hướng dẫn riêng", page_.absolute_url())
    # Listed once, even when it also points at the procedure.
    assert len({url for _title, url in links}) == len(links)


def test_guide_search_finds_the_words_of_its_steps(functional_portal):
    guide = make_guide(
        functional_portal["huong-dan"],
        "thu-tim-kiem",
        steps=[("Chụp giấy chứng sinh", "Ảnh giấy chứng sinh")],
    )
    found = [b.getURL() for b in api.content.find(SearchableText="chup giay chung sinh")]
    assert guide.absolute_url() in found
    # Steps and questions are found through their guide, not on their own.
    not_searched = api.portal.get_registry_record("plone.types_not_searched")
    assert {"GuideStep", "GuideQuestion"} <= set(not_searched)


# --- Forms through the web ------------------------------------------------------


def test_edit_form_refuses_captions_that_are_not_webvtt(functional_portal, browser):
    guide = make_guide(functional_portal["huong-dan"], "thu-phu-de", guide_kind="video")
    transaction.commit()
    as_site_owner(browser).open(f"{guide.absolute_url()}/edit")
    control = browser.getControl(name="form.widgets.captions")
    control.add_file(io.BytesIO(b"1\n00:00 --> 00:02\nXin chao"), "text/vtt", "phu-de.vtt")
    browser.getControl(name="form.buttons.save").click()
    assert "WebVTT" in browser.contents or "WEBVTT" in browser.contents
    assert page(browser).cssselect(".invalid-feedback, .fieldErrorBox, .error")
    transaction.begin()
    assert guide.captions is None


def test_add_form_refuses_a_step_image_without_description(functional_portal, browser):
    guide = make_guide(functional_portal["huong-dan"], "thu-mo-ta-anh")
    transaction.commit()
    as_site_owner(browser).open(f"{guide.absolute_url()}/++add++GuideStep")
    browser.getControl(name="form.widgets.title").value = "Đăng nhập"
    browser.getControl(name="form.widgets.image").add_file(io.BytesIO(PNG), "image/png", "a.png")
    browser.getControl(name="form.buttons.save").click()
    assert vi("Describe the image for readers who cannot see it.") in browser.contents
    transaction.begin()
    assert guide.objectIds() == []


def test_service_form_links_the_guides_of_its_procedure(functional_portal, browser):
    """The other way back: a citizen on the birth form reaches its guide."""
    form = functional_portal["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"]
    browser.open(form.absolute_url())
    (aside,) = page(browser).cssselect(".dvc-form-guides")
    assert aside.get("aria-label") == vi("Related guides")
    links = {a.get("href"): text(a) for a in aside.cssselect("li > a")}
    url = f"{functional_portal.absolute_url()}/huong-dan/dang-ky-khai-sinh-truc-tuyen"
    title = "Đăng ký khai sinh trực tuyến cho con"
    assert links[url] == vi("Read the guide: ${title}", title=title)
    # A form whose procedure has no guide shows no empty box.
    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(
            container=functional_portal["dich-vu-cong-truc-tuyen"], type="EasyForm", title="Khác"
        )
        api.content.transition(other, to_state="published")
    transaction.commit()
    browser.open(other.absolute_url())
    assert not page(browser).cssselect(".dvc-form-guides")
