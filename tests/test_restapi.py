"""plone.restapi answers for the portal (apps and other government systems use it)."""

import pytest
import requests


@pytest.fixture
def api_url(functional, functional_portal):
    return functional_portal.absolute_url()


def test_site_endpoint(api_url):
    response = requests.get(f"{api_url}/@site", headers={"Accept": "application/json"}, timeout=30)
    assert response.status_code == 200
    data = response.json()
    assert data["plone.default_language"] == "vi"
    assert data["plone.available_languages"] == ["vi", "en"]


def test_navigation_endpoint_lists_sections(api_url):
    response = requests.get(
        f"{api_url}/@navigation", headers={"Accept": "application/json"}, timeout=30
    )
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert "Thủ tục hành chính" in titles
    assert "Hỏi đáp - Góp ý" in titles


def test_content_endpoint(api_url):
    response = requests.get(api_url, headers={"Accept": "application/json"}, timeout=30)
    assert response.status_code == 200
    assert response.json()["title"] == "Cổng dịch vụ công thành phố Hà Nội"
