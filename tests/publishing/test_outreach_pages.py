"""What readers see: the kit page, social media variants, kits by audience, news by
date and the campaign landing page (anonymous browser on the functional layer)."""

from DateTime import DateTime
from datetime import datetime
from dichvucong import _
from dichvucong.publishing.outreach.news import NewsByDateView
from io import BytesIO
from PIL import Image
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.pages import vi
from zExceptions import NotFound
from zExceptions import Unauthorized
import pytest
import pytz
import transaction


HANOI = pytz.timezone("Asia/Ho_Chi_Minh")


def at(year, month, day, hour):
    return HANOI.localize(datetime(year, month, day, hour))


def morning_event(container, id, title, year):
    """An event on 20 March ``year`` from 8:00 to 11:00 in Hanoi (not published)."""
    return api.content.create(
        container=container,
        type="Event",
        id=id,
        title=title,
        start=at(year, 3, 20, 8),
        end=at(year, 3, 20, 11),
    )


def png(width, height, colour=(165, 15, 21)):
    buffer = BytesIO()
    image = Image.new("RGB", (width, height), colour)
    # A white centre: a "cover" crop must keep it in the middle.
    Image.Image.paste(
        image, (255, 255, 255), (width // 4, height // 4, width * 3 // 4, height * 3 // 4)
    )
    image.save(buffer, "PNG")
    return buffer.getvalue()


def publish(*objs):
    for obj in objs:
        api.content.transition(obj=obj, to_state="published")


@pytest.fixture
def owner(functional_portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        yield functional_portal


@pytest.fixture
def folder(owner):
    folder = api.content.create(container=owner, type="Folder", id="kiem-thu", title="Kiểm thử")
    publish(folder)
    return folder


@pytest.fixture
def kit(folder):
    campaign = api.content.create(
        container=folder,
        type="Campaign",
        id="chien-dich",
        title="Chiến dịch",
        audience={"citizens"},
    )
    kit = api.content.create(
        container=campaign,
        type="OutreachKit",
        id="bo-tai-lieu",
        title="Bộ tài liệu",
        audience={"elderly", "citizens"},
    )
    publish(campaign, kit)
    api.content.create(
        container=kit,
        type="File",
        id="to-roi.pdf",
        title='Tờ rơi <script>alert("x")</script>',
        file=NamedBlobFile(b"%PDF-1.4\n" + b"0" * (1_258_291 - 9), filename="to-roi.pdf"),
    )
    api.content.create(
        container=kit,
        type="Image",
        id="ap-phich.png",
        title="Áp phích",
        image=NamedBlobImage(png(800, 600), filename="ap-phich.png"),
    )
    api.content.create(
        container=kit,
        type="File",
        id="bai-trinh-chieu.pptx",
        title="Bài trình chiếu",
        file=NamedBlobFile(b"PK" + b"0" * 2046, filename="bai-trinh-chieu.pptx"),
    )
    transaction.commit()
    return kit


def test_kit_page_groups_files_with_format_and_size(kit, browser):
    browser.open(kit.absolute_url())
    doc = page(browser)
    groups = doc.cssselect("#content .dvc-kit-group")
    assert [group.get("id") for group in groups] == [
        "dvc-kit-posters",
        "dvc-kit-leaflets",
        "dvc-kit-slides",
    ]
    (leaflet,) = groups[1].cssselect(".dvc-kit-file")
    assert text(leaflet.cssselect(".dvc-kit-file__details")[0]) == "PDF, 1,2 MB"
    link = leaflet.cssselect("a.dvc-download")[0]
    assert link.get("href") == kit["to-roi.pdf"].absolute_url() + "/@@download/file"
    (slides,) = groups[2].cssselect(".dvc-kit-file")
    assert text(slides.cssselect(".dvc-kit-file__details")[0]) == "PPTX, 2 KB"
    audiences = [text(span) for span in doc.cssselect(".dvc-kit .dvc-audience")]
    assert audiences == [vi(_("Citizens")), vi(_("Elderly people"))]


def test_kit_page_escapes_titles(kit, browser):
    browser.open(kit.absolute_url())
    assert "<script>alert" not in browser.contents
    assert "&lt;script&gt;alert" in browser.contents


def test_kit_download_is_the_file(kit, browser):
    browser.open(kit["to-roi.pdf"].absolute_url() + "/@@download/file")
    assert browser.headers["Content-Type"].startswith("application/pdf")
    assert len(browser.contents) == 1_258_291


@pytest.mark.parametrize(
    "variant, size",
    [
        ("social-landscape", (1200, 630)),
        ("social-square", (1080, 1080)),
        ("social-story", (1080, 1920)),
    ],
)
def test_social_variants_have_the_exact_size(kit, browser, variant, size):
    browser.open(kit.absolute_url())
    links = [a.get("href") for a in page(browser).cssselect(".dvc-kit-variants a")]
    url = f"{kit['ap-phich.png'].absolute_url()}/@@social-image/{variant}"
    assert url in links
    browser.open(url)
    assert "attachment" in browser.headers["Content-Disposition"]
    assert f"ap-phich-{variant}.png" in browser.headers["Content-Disposition"]
    image = Image.open(BytesIO(browser.contents))
    assert image.size == size
    # Cropped to fill, not letter-boxed: the centre is the source's white centre
    # and the edges its red border, with no padding.
    rgb = image.convert("RGB")
    assert rgb.getpixel((size[0] // 2, size[1] // 2)) == (255, 255, 255)
    assert rgb.getpixel((2, size[1] // 2))[0] > 150


def test_unknown_social_variant_is_not_found(kit, browser):
    with pytest.raises(NotFound):
        browser.open(f"{kit['ap-phich.png'].absolute_url()}/@@social-image/thumb")


def test_unpublished_kit_hides_its_files(folder, browser):
    draft = api.content.create(
        container=folder, type="OutreachKit", id="nhap", title="Bộ nháp", audience={"citizens"}
    )
    api.content.create(
        container=draft,
        type="File",
        id="to-roi.pdf",
        title="Tờ rơi nháp",
        file=NamedBlobFile(b"%PDF-1.4", filename="to-roi.pdf"),
    )
    transaction.commit()
    download = draft["to-roi.pdf"].absolute_url() + "/@@download/file"
    browser.open(folder.absolute_url() + "/@@outreach-kits")
    assert "Bộ nháp" not in browser.contents
    with pytest.raises(Unauthorized):
        browser.open(download)


def test_kits_listing_filters_by_audience(folder, kit, browser):
    business = api.content.create(
        container=folder,
        type="OutreachKit",
        id="doanh-nghiep",
        title="Tài liệu cho doanh nghiệp",
        audience={"businesses"},
    )
    publish(business)
    transaction.commit()
    browser.open(folder.absolute_url() + "/@@outreach-kits")
    doc = page(browser)
    headings = [text(h) for h in doc.cssselect(".dvc-kits-group h2")]
    assert headings == [vi(_("Citizens")), vi(_("Elderly people")), vi(_("Businesses"))]

    browser.open(folder.absolute_url() + "/@@outreach-kits?audience=businesses")
    doc = page(browser)
    titles = [text(a) for a in doc.cssselect(".dvc-kits .dvc-card__title a")]
    assert titles == ["Tài liệu cho doanh nghiệp"]
    current = doc.cssselect(".dvc-filter a[aria-current=page]")
    assert [text(a) for a in current] == [vi(_("Businesses"))]


# News by date


@pytest.fixture
def news(folder):
    def news_item(id, when, state="published"):
        item = api.content.create(container=folder, type="News Item", id=id, title=f"Tin {id}")
        item.setEffectiveDate(DateTime(when))
        if state == "published":
            publish(item)
        item.reindexObject()
        return item

    news_item("thang-1", "2025/01/15 09:00 GMT+7")
    news_item("thang-3", "2025/03/10 09:00 GMT+7")
    news_item("thang-3-nhap", "2025/03/12 09:00 GMT+7", state="private")
    news_item("thang-5", "2025/05/02 09:00 GMT+7")
    event = morning_event(folder, "su-kien", "Ngày hội dịch vụ công", 2025)
    publish(event)
    transaction.commit()
    return folder


def titles(browser):
    return [text(a) for a in page(browser).cssselect(".dvc-news-item__title a")]


def test_news_by_date_newest_first_news_and_events(news, browser):
    browser.open(news.absolute_url() + "/@@news-by-date")
    assert titles(browser) == ["Tin thang-5", "Ngày hội dịch vụ công", "Tin thang-3", "Tin thang-1"]
    doc = page(browser)
    event = doc.cssselect(".dvc-news-item--event")[0]
    assert "20/03/2025, 08:00" in text(event.cssselect("time")[0])
    assert doc.cssselect("input[type=date][name=date_from]")
    assert doc.cssselect("label[for=dvc-date_from]")


def test_news_by_date_filters_by_range(news, browser):
    browser.open(news.absolute_url() + "/@@news-by-date?date_from=2025-03-01&date_to=2025-03-31")
    assert titles(browser) == ["Ngày hội dịch vụ công", "Tin thang-3"]
    # Day/month/year as typed where the browser has no date picker; bounds included.
    browser.open(news.absolute_url() + "/@@news-by-date?date_from=10/03/2025&date_to=10/03/2025")
    assert titles(browser) == ["Tin thang-3"]
    browser.open(news.absolute_url() + "/@@news-by-date?date_from=2025-04-01")
    assert titles(browser) == ["Tin thang-5"]


def test_news_by_date_hides_unpublished_from_anonymous(news, browser):
    browser.open(news.absolute_url() + "/@@news-by-date?date_from=2025-03-11&date_to=2025-03-13")
    assert titles(browser) == []
    assert "Tin thang-3-nhap" not in browser.contents


def test_news_by_date_hides_scheduled_news(news, browser):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        item = api.content.create(
            container=news, type="News Item", id="sap-toi", title="Tin sắp tới"
        )
        item.setEffectiveDate(DateTime() + 30)
        publish(item)
        item.reindexObject()
    transaction.commit()
    browser.open(news.absolute_url() + "/@@news-by-date")
    assert "Tin sắp tới" not in titles(browser)


def test_news_by_date_rejects_start_after_end(news, browser):
    browser.open(news.absolute_url() + "/@@news-by-date?date_from=2025-04-01&date_to=2025-03-01")
    doc = page(browser)
    errors = text(doc.cssselect(".dvc-errors")[0])
    assert vi(_("The start date is after the end date. Please correct the dates.")) in errors
    assert titles(browser) == []
    # The dates stay in the form, to correct them.
    assert doc.cssselect("input[name=date_from]")[0].get("value") == "2025-04-01"


def test_news_by_date_rejects_malformed_dates(news, browser):
    browser.open(news.absolute_url() + "/@@news-by-date?date_from=31/02/2025&date_to=hom-qua")
    doc = page(browser)
    messages = [text(li) for li in doc.cssselect(".dvc-errors li")]
    assert messages == [
        vi(_("Enter the start date as day/month/year, for example 25/03/2025.")),
        vi(_("Enter the end date as day/month/year, for example 25/03/2025.")),
    ]
    date_to = doc.cssselect("input[name=date_to]")[0]
    assert date_to.get("aria-invalid") == "true"
    assert "dvc-date_to-error" in date_to.get("aria-describedby")


def test_news_by_date_rejects_years_out_of_range(news, browser):
    browser.open(news.absolute_url() + "/@@news-by-date?date_from=0001-01-01")
    messages = [text(li) for li in page(browser).cssselect(".dvc-errors li")]
    assert messages == [vi(_("Enter the start date as day/month/year, for example 25/03/2025."))]


def test_news_by_date_batches(news, browser, monkeypatch):
    monkeypatch.setattr(NewsByDateView, "page_size", 2)
    browser.open(news.absolute_url() + "/@@news-by-date?date_from=2025-01-01")
    assert titles(browser) == ["Tin thang-5", "Ngày hội dịch vụ công"]
    browser.open(news.absolute_url() + "/@@news-by-date?date_from=2025-01-01&b_start:int=2")
    assert titles(browser) == ["Tin thang-3", "Tin thang-1"]


def test_published_news_gets_its_publication_date(folder):
    item = api.content.create(container=folder, type="News Item", id="moi", title="Tin mới")
    assert item.effective_date is None
    publish(item)
    assert item.effective_date is not None
    assert abs(item.effective_date - DateTime()) < 0.01  # today (days)


# Campaign landing page


def test_campaign_landing_page(folder, kit, browser):
    campaign = kit.__parent__
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        campaign.description = "Hướng dẫn người dân dùng dịch vụ công trực tuyến."
        campaign.text = RichTextValue(
            "<p>Giới thiệu chiến dịch.</p>", "text/html", "text/x-html-safe"
        )
        campaign.cta_label = "Nộp hồ sơ <ngay>"
        campaign.cta_url = "/dich-vu-cong-truc-tuyen"
        campaign.image = NamedBlobImage(png(1200, 630), filename="banner.png")
        event = morning_event(campaign, "ngay-hoi", "Ngày hội hướng dẫn", 2099)
        past = morning_event(campaign, "da-qua", "Sự kiện đã qua", 2020)
        item = api.content.create(
            container=campaign, type="News Item", id="tin", title="Tin chiến dịch"
        )
        draft = api.content.create(
            container=campaign, type="News Item", id="nhap", title="Tin nháp"
        )
        publish(event, past, item)
        campaign.reindexObject()
    transaction.commit()
    assert draft is not None

    browser.open(campaign.absolute_url())
    doc = page(browser)
    (hero,) = doc.cssselect(".dvc-hero")
    assert text(hero.cssselect("h1")[0]) == "Chiến dịch"
    assert hero.cssselect(".dvc-hero__media img")
    cta = hero.cssselect("a.dvc-cta")[0]
    assert cta.get("href") == api.portal.get().absolute_url() + "/dich-vu-cong-truc-tuyen"
    assert text(cta) == "Nộp hồ sơ <ngay>"
    assert "Nộp hồ sơ &lt;ngay&gt;" in browser.contents
    assert "Giới thiệu chiến dịch." in browser.contents
    groups = {
        section.get("aria-labelledby"): [text(a) for a in section.cssselect(".dvc-card__title a")]
        for section in doc.cssselect(".dvc-campaign-group")
    }
    assert groups["dvc-campaign-events"] == ["Ngày hội hướng dẫn"]
    assert groups["dvc-campaign-news"] == ["Tin chiến dịch"]
    assert groups["dvc-campaign-kits"] == ["Bộ tài liệu"]
    assert "Tin nháp" not in browser.contents
