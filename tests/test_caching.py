"""Anonymous reading is cached in RAM (plone.app.caching, Hanoi profile); editors are not
served cached pages."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import requests


def test_caching_enabled(portal):
    assert api.portal.get_registry_record("plone.caching.interfaces.ICacheSettings.enabled")


def test_search_page_served_from_ram_cache_for_anonymous(functional, functional_portal):
    url = f"{functional_portal.absolute_url()}/@@procedures?q=khai+sinh"
    first = requests.get(url, timeout=30)
    second = requests.get(url, timeout=30)
    assert first.status_code == second.status_code == 200
    assert "X-RAMCache" not in first.headers
    assert "X-RAMCache" in second.headers
    assert second.text == first.text


def test_authenticated_pages_not_shared(functional, functional_portal):
    url = f"{functional_portal.absolute_url()}/@@procedures?q=ket+hon"
    requests.get(url, timeout=30)
    as_admin = requests.get(url, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=30)
    assert "X-RAMCache" not in as_admin.headers
    assert "Đăng xuất" in as_admin.text or "logout" in as_admin.text
