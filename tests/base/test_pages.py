"""Dates on a page anonymous readers see, in the language they chose (functional layer)."""

from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.helpers.pages import page
from tests.helpers.pages import text
import pytest
import transaction


@pytest.fixture
def news(functional_portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        folder = api.content.create(
            container=functional_portal, type="Folder", id="tin-kiem-thu", title="Tin kiểm thử"
        )
        item = api.content.create(container=folder, type="News Item", id="tin", title="Tin")
        # 10/03/2025 at 06:30 in Hanoi: still 09/03 in UTC, the server's zone here.
        item.setEffectiveDate(DateTime("2025/03/09 23:30:00 UTC"))
        for obj in (folder, item):
            api.content.transition(obj=obj, to_state="published")
        item.reindexObject()
    transaction.commit()
    return folder


def shown_date(browser, folder):
    browser.open(f"{folder.absolute_url()}/@@news-by-date")
    (time,) = page(browser).cssselect(".dvc-news-item time")
    return text(time), time.get("datetime")


def test_vietnamese_page_shows_a_vietnamese_date(browser, news):
    assert shown_date(browser, news) == ("10/03/2025", "2025-03-10T06:30")


def test_english_page_shows_an_english_date(browser, functional_portal, news):
    browser.open(f"{functional_portal.absolute_url()}?set_language=en")
    assert shown_date(browser, news) == ("Mar 10, 2025", "2025-03-10T06:30")
