"""Outreach content: audiences, campaigns, kits (types, fields, index, button)."""

from datetime import date
from dichvucong.publishing.outreach.campaign import ICampaign
from dichvucong.publishing.outreach.campaign import call_to_action
from dichvucong.publishing.outreach.kinds import content_type
from dichvucong.publishing.outreach.kinds import format_name
from dichvucong.publishing.outreach.kinds import format_size
from dichvucong.publishing.outreach.kinds import kind_of
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.file import NamedBlobFile
from tests.helpers.content import intid
from zope.component import getUtility
from zope.interface import Invalid
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import ValidationError
import pytest


@pytest.fixture
def news(portal):
    return portal["tin-tuc"]


@pytest.fixture
def campaign(news):
    return api.content.create(
        container=news,
        type="Campaign",
        title="Chiến dịch kiểm thử",
        audience={"citizens", "elderly"},
    )


def test_audiences_vocabulary(portal):
    vocabulary = getUtility(IVocabularyFactory, "dichvucong.Audiences")(portal)
    assert [term.token for term in vocabulary] == [
        "citizens",
        "elderly",
        "businesses",
        "local-units",
    ]
    assert all(term.title for term in vocabulary)


def test_campaign_holds_communications_content_only(campaign):
    allowed = {fti.getId() for fti in campaign.allowedContentTypes()}
    assert {"News Item", "Event", "OutreachKit", "Image", "File", "Document"} <= allowed
    assert not allowed & {"Folder", "Campaign", "Procedure", "Dossier"}
    types_tool = api.portal.get_tool("portal_types")
    if types_tool.getTypeInfo("Guide") is not None:
        assert "Guide" in allowed


def test_campaign_behaviors_and_landing_layout(campaign):
    fti = api.portal.get_tool("portal_types")["Campaign"]
    for behavior in (
        "plone.leadimage",
        "plone.richtext",
        "plone.layoutaware",
        "plone.publication",
        "plone.allowdiscussion",
        "plone.namefromtitle",
    ):
        assert behavior in fti.behaviors
    assert campaign.getId() == "chien-dich-kiem-thu"
    assert campaign.getLayout() == "layout_view"
    assert (
        api.portal.get_registry_record("plone.app.blocks.default_layout.Campaign")
        == "++contentlayout++dichvucong/campaign-landing.html"
    )


def test_campaign_dates_must_be_in_order():
    class Data:
        campaign_start = date(2025, 5, 1)
        campaign_end = date(2025, 4, 1)

    with pytest.raises(Invalid):
        ICampaign.getTaggedValue("invariants")[0](Data)
    Data.campaign_end = date(2025, 6, 1)
    ICampaign.validateInvariants(_data(Data, cta_label=None))


def _data(cls, **extra):
    obj = cls()
    for key, value in extra.items():
        setattr(obj, key, value)
    obj.cta_target = getattr(obj, "cta_target", None)
    obj.cta_url = getattr(obj, "cta_url", None)
    return obj


def test_call_to_action_link_must_be_safe():
    field = ICampaign["cta_url"]
    field.validate("https://dichvucong.gov.vn/")
    field.validate("/dich-vu-cong-truc-tuyen/dang-ky-khai-sinh")
    for bad in ("javascript:alert(1)", "ftp://example.org/x", "dich-vu-cong"):
        with pytest.raises(ValidationError):
            field.validate(bad)


def test_button_needs_a_target():
    class Data:
        campaign_start = None
        campaign_end = None
        cta_label = "Nộp hồ sơ"
        cta_target = None
        cta_url = None

    with pytest.raises(Invalid):
        ICampaign.validateInvariants(Data())


def test_call_to_action_prefers_the_procedure_and_resolves_site_paths(portal, campaign):
    assert call_to_action(campaign) is None
    campaign.cta_label = "Nộp hồ sơ trực tuyến"
    campaign.cta_url = "/dich-vu-cong-truc-tuyen"
    cta = call_to_action(campaign)
    assert cta == {
        "label": "Nộp hồ sơ trực tuyến",
        "url": portal.absolute_url() + "/dich-vu-cong-truc-tuyen",
    }
    procedure = api.content.find(portal_type="Procedure", catalogue_code="1.001193")[0]
    campaign.cta_target = intid(procedure.getObject())
    assert call_to_action(campaign)["url"] == procedure.getURL()


def audience_field(portal_type):
    """The audience field as the type has it (its schema and behaviors)."""
    (field,) = [s["audience"] for s in iterSchemataForType(portal_type) if "audience" in s]
    return field


def test_kit_requires_an_audience_and_holds_files_and_images(campaign):
    with pytest.raises(RequiredMissing):
        audience_field("OutreachKit").validate(None)
    with pytest.raises(ValidationError):
        audience_field("OutreachKit").validate(set())
    kit = api.content.create(
        container=campaign, type="OutreachKit", title="Bộ tài liệu", audience={"elderly"}
    )
    assert {fti.getId() for fti in kit.allowedContentTypes()} == {"File", "Image"}
    assert kit.getLayout() == "outreach_kit_view"


def test_audience_index_finds_kits_not_their_files(campaign):
    kit = api.content.create(
        container=campaign, type="OutreachKit", title="Bộ tài liệu", audience={"elderly"}
    )
    api.content.create(
        container=kit,
        type="File",
        title="Tờ rơi",
        file=NamedBlobFile(b"PDF", filename="to-roi.pdf", contentType="application/pdf"),
    )
    found = {brain.portal_type for brain in api.content.find(context=campaign, audience="elderly")}
    assert found == {"OutreachKit", "Campaign"}
    assert list(api.content.find(context=campaign, audience="businesses")) == []
    [brain] = api.content.find(context=campaign, portal_type="OutreachKit", audience="elderly")
    assert brain.audience == ("elderly",)


def test_contributor_may_add_campaigns_and_kits(portal, news):
    setRoles(portal, TEST_USER_ID, ["Member"])
    assert not api.user.has_permission("dichvucong: Add Campaign", obj=news)
    setRoles(portal, TEST_USER_ID, ["Contributor"])
    assert api.user.has_permission("dichvucong: Add Campaign", obj=news)
    assert api.user.has_permission("dichvucong: Add OutreachKit", obj=news)


@pytest.mark.parametrize(
    "mimetype, filename, kind, fmt",
    [
        ("application/pdf", "to-roi.pdf", "leaflets", "PDF"),
        ("image/png", "poster.png", "posters", "PNG"),
        ("image/jpeg", "anh.jpeg", "posters", "JPG"),
        ("application/octet-stream", "bai-giang.pptx", "slides", "PPTX"),
        ("video/mp4", "huong-dan.mp4", "videos", "MP4"),
        ("application/zip", "goi.zip", "other", "ZIP"),
    ],
)
def test_kind_and_format_from_the_file_type(mimetype, filename, kind, fmt):
    real = content_type(mimetype, filename)
    assert kind_of(real) == kind
    assert format_name(real, filename) == fmt


def test_sizes_read_as_vietnamese_write_them():
    assert format_size(900) == "900 B"
    assert format_size(1_258_291) == "1,2 MB"
    assert format_size(150 * 1024) == "150 KB"
    assert format_size(3 * 1024 * 1024) == "3 MB"
    assert format_size(1_258_291, "en") == "1.2 MB"


# Starter content of the Hanoi profile (profiles/hanoi/publishing/outreach.json)

CAMPAIGN = "tin-tuc/chien-dich-dich-vu-cong-truc-tuyen"
KIT = f"{CAMPAIGN}/tai-lieu-cho-nguoi-dan"


def test_starter_campaign_uses_the_landing_layout(portal):
    campaign = portal.unrestrictedTraverse(CAMPAIGN)
    assert campaign.portal_type == "Campaign"
    assert api.content.get_state(campaign) == "published"
    assert campaign.contentLayout == "++contentlayout++dichvucong/campaign-landing.html"
    assert campaign.getLayout() == "layout_view"
    assert campaign.audience == {"citizens", "elderly"}
    assert campaign.image is not None and campaign.image.getSize() < 200_000
    assert call_to_action(campaign)["url"].endswith("/dich-vu-cong-truc-tuyen")
    # No invented dates: the campaign has none.
    assert campaign.campaign_start is None and campaign.campaign_end is None


def test_starter_kit_has_a_one_page_leaflet_and_a_poster(portal):
    kit = portal.unrestrictedTraverse(KIT)
    assert kit.portal_type == "OutreachKit"
    assert api.content.get_state(kit) == "published"
    assert kit.audience == {"citizens", "elderly"}
    files = {obj.portal_type: obj for obj in kit.objectValues()}
    leaflet = files["File"].file
    assert leaflet.contentType == "application/pdf"
    assert leaflet.data.startswith(b"%PDF")
    assert leaflet.getSize() < 200_000
    poster = files["Image"].image
    assert poster.contentType == "image/png"
    assert poster.getImageSize()[1] > poster.getImageSize()[0]  # portrait
    assert poster.getSize() < 200_000


def test_starter_news_item_is_published_and_dated(portal):
    [brain] = api.content.find(
        path="/".join(portal.unrestrictedTraverse(CAMPAIGN).getPhysicalPath()),
        portal_type="News Item",
    )
    assert brain.review_state == "published"
    assert brain.effective.year() > 2000


def test_news_by_date_can_be_the_display_of_a_folder(news):
    assert "news-by-date" in [view_id for view_id, _title in news.getAvailableLayouts()]
