"""Security headers on every response, over real HTTP (functional layer): pages,
REST JSON, static resources, errors; HSTS over HTTPS only; no X-Powered-By; nothing of
a dossier kept by a cache; a login cookie refused once its user has logged out."""

from dichvucong.base.headers import PREFIX
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.helpers.content import submit_birth
from tests.helpers.users import PASSWORD
from tests.helpers.users import add_dossier_people
from tests.helpers.users import credentials
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}


@pytest.fixture
def site(functional, functional_portal):
    add_dossier_people()
    transaction.commit()
    return functional_portal


@pytest.fixture
def url(site):
    return site.absolute_url()


@pytest.fixture
def dossier(site):
    dossier = submit_birth()
    transaction.commit()
    return dossier


def get(address, user=None, **kwargs):
    return requests.get(
        address, auth=credentials(user), timeout=60, allow_redirects=False, **kwargs
    )


def assert_secured(response):
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    policy = [part.strip() for part in headers["Content-Security-Policy"].split(";")]
    assert "default-src 'self'" in policy
    assert any(part.startswith("script-src 'self'") for part in policy)
    assert not any("unsafe-inline" in part for part in policy if part.startswith("script"))
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy
    assert not any("unsafe-eval" in part for part in policy)
    assert "Strict-Transport-Security" not in headers  # plain HTTP
    assert "X-Powered-By" not in headers


def stylesheet(page):
    """The address of the portal's own stylesheet, as the page links it."""
    links = html.fromstring(page.text).xpath("//link[@rel='stylesheet']/@href")
    return next(link for link in links if "++plone++dichvucong/theme" in link)


def test_anonymous_page(url):
    response = get(url)
    assert response.status_code == 200
    assert_secured(response)


def test_logged_in_page(url):
    response = get(f"{url}/@@my-dossiers", user="citizen_a")
    assert response.status_code == 200
    assert "citizen" not in response.url
    assert_secured(response)


def test_rest_call(url):
    response = get(f"{url}/@site", headers=JSON)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert_secured(response)


def test_static_resource(url):
    response = get(stylesheet(get(url)))
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/css")
    assert_secured(response)


def test_not_found(url):
    response = get(f"{url}/no-such-page")
    assert response.status_code == 404
    assert_secured(response)
    response = get(f"{url}/no-such-page", headers=JSON)
    assert response.status_code == 404
    assert_secured(response)


def test_refused_request(url):
    response = get(f"{url}/@dossiers", headers=JSON)
    assert response.status_code == 401
    assert_secured(response)


def test_hsts_only_over_https(url):
    assert "Strict-Transport-Security" not in get(url).headers
    behind_proxy = get(url, headers={"X-Forwarded-Proto": "https"})
    assert behind_proxy.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )
    plain = get(url, headers={"X-Forwarded-Proto": "http"})
    assert "Strict-Transport-Security" not in plain.headers


def test_values_come_from_the_registry(url):
    api.portal.set_registry_record(f"{PREFIX}.referrer_policy", "no-referrer")
    api.portal.set_registry_record(f"{PREFIX}.content_security_policy", "")
    transaction.commit()
    response = get(url)
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Content-Security-Policy" not in response.headers  # empty: not sent
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def assert_not_stored(response):
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    # No validators: nothing to revalidate (plone.app.caching's ETag named the user).
    assert "ETag" not in response.headers
    assert "Last-Modified" not in response.headers
    assert_secured(response)


def test_dossier_page_not_stored(dossier):
    assert_not_stored(get(dossier.absolute_url(), user="citizen_a"))
    assert_not_stored(get(dossier.absolute_url(), user="official_x"))


def test_dossier_json_not_stored(dossier):
    """plone.app.caching's rule for plone.restapi's content GET said "public"."""
    response = get(dossier.absolute_url(), user="citizen_a", headers=JSON)
    assert response.json()["@type"] == "Dossier"
    assert "public" not in response.headers["Cache-Control"]
    assert_not_stored(response)


def test_dossier_list_json_not_stored(dossier, url):
    response = get(f"{url}/@dossiers", user="citizen_a", headers=JSON)
    assert response.json()["items_total"] == 1
    assert_not_stored(response)


def log_in(session, url, userid):
    """Log in through the login form, as a browser does; the session keeps the cookie."""
    page = html.fromstring(session.get(f"{url}/login", timeout=60).text)
    login = page.xpath("//form[.//input[@name='__ac_name']]")[0]
    data = dict(login.form_values())
    data.update({"__ac_name": userid, "__ac_password": PASSWORD})
    button = login.xpath(".//button[@type='submit'] | .//input[@type='submit']")[0]
    data[button.get("name")] = button.get("value") or "1"
    action = login.get("action") or f"{url}/login"
    response = session.post(action, data=data, timeout=60)
    assert response.status_code == 200
    return session.cookies["__ac"]


def test_logout_ends_the_session_on_the_server(dossier, url):
    browser = requests.Session()
    cookie = log_in(browser, url, "citizen_a")

    def replay():
        return requests.get(
            dossier.absolute_url(), cookies={"__ac": cookie}, headers=JSON, timeout=60
        )

    assert replay().status_code == 200  # the captured cookie works
    browser.get(f"{url}/logout", timeout=60)
    assert "__ac" not in browser.cookies
    assert replay().status_code == 401
    assert (
        requests.get(
            f"{url}/@dossiers", cookies={"__ac": cookie}, headers=JSON, timeout=60
        ).status_code
        == 401
    )
    # Logging in again gives a new cookie that works.
    fresh = log_in(requests.Session(), url, "citizen_a")
    assert fresh != cookie
    response = requests.get(
        dossier.absolute_url(), cookies={"__ac": fresh}, headers=JSON, timeout=60
    )
    assert response.status_code == 200


def test_editors_policy_allows_mosaic(url):
    """Who may edit the page gets the editors' policy: Mosaic's bundle needs eval."""
    response = requests.get(url, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=60)
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'self'" in policy
