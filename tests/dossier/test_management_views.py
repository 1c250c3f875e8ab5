"""A citizen cannot reach the management views of their own dossier (sharing, local
roles, management screens, properties, versions history...), through the real
publisher (requests against the functional layer); the official still gets every page
he uses, and a site administrator still manages the dossier."""

from plone.app.testing import setRoles
from tests.helpers.content import submit_birth
from tests.helpers.users import add_dossier_people
from tests.helpers.users import credentials
from tests.helpers.users import make_user
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}
# Pages of Plone and Zope that manage an object, and REST endpoints that show or change
# who may do what. (The dossier is an item: no folder contents, no add menu.)
MANAGEMENT_PAGES = (
    "@@sharing",
    "@@sharing?search_term=a",
    "manage_main",
    "manage_access",
    "manage_interfaces",
    "manage_propertiesForm",
    "manage_listLocalRoles",
    "manage_owner",
    "manage_UndoForm",
    "select_default_view",
    "@@edit",
    "content_status_history",
    "@@history",
    "@@historyview",
    "@@delete_confirmation",
    "@@manage-portlets",
    "@@folder_contents",
)
MANAGEMENT_API = ("@sharing", "@history", "@local-roles")


@pytest.fixture
def dossier(functional, functional_portal):
    add_dossier_people()
    make_user("site_admin", "Site Admin")
    setRoles(functional_portal, "site_admin", ["Member", "Site Administrator"])
    dossier = submit_birth()
    transaction.commit()
    return dossier


def get(address, user, **kwargs):
    return requests.get(address, auth=credentials(user), timeout=60, **kwargs)


@pytest.mark.parametrize("view", MANAGEMENT_PAGES)
def test_citizen_refused_management_page(dossier, view):
    """Refused: the publisher raises Unauthorized (401), which Plone answers a logged-in
    user with a redirect to its "insufficient privileges" page, a 403 (theme/privileges.py);
    or there is no such page on a dossier (404)."""
    response = get(f"{dossier.absolute_url()}/{view}", "citizen_a", allow_redirects=False)
    assert response.status_code in (302, 401, 403, 404), response.status_code
    if response.status_code == 302:
        assert "/require_login" in response.headers["Location"]
        followed = get(response.headers["Location"], "citizen_a")
        assert followed.url.endswith("/insufficient-privileges")
        assert followed.status_code == 403
        assert view.split("?")[0].lstrip("@") not in followed.url


@pytest.mark.parametrize("endpoint", MANAGEMENT_API)
def test_citizen_refused_management_api(dossier, endpoint):
    response = get(f"{dossier.absolute_url()}/{endpoint}", "citizen_a", headers=JSON)
    assert response.status_code in (401, 403, 404)
    assert "staff" not in response.text and "official_x" not in response.text


def test_citizen_cannot_share_their_dossier(dossier):
    """POST @sharing: a citizen giving someone else a role on her dossier."""
    response = requests.post(
        f"{dossier.absolute_url()}/@sharing",
        json={"entries": [{"id": "citizen_b", "type": "user", "roles": {"Reader": True}}]},
        auth=credentials("citizen_a"),
        headers=JSON,
        timeout=60,
    )
    assert response.status_code in (401, 403)
    transaction.begin()  # what the server committed
    assert "citizen_b" not in dict(dossier.get_local_roles())
    assert get(dossier.absolute_url(), "citizen_b", headers=JSON).status_code == 401


def test_citizen_keeps_her_dossier(dossier):
    assert get(dossier.absolute_url(), "citizen_a").status_code == 200
    assert get(dossier.absolute_url(), "citizen_a", headers=JSON).status_code == 200


def test_official_keeps_his_pages(dossier, functional_portal):
    url = dossier.absolute_url()
    for address in (
        url,
        f"{url}/@@dossier-transition?transition=accept",
        f"{url}/@@dossier-note",
        f"{functional_portal.absolute_url()}/ho-so/@@worklist",
    ):
        response = get(address, "official_x")
        assert response.status_code == 200, address
        assert "require_login" not in response.url, address
    assert get(url, "official_x", headers=JSON).status_code == 200
    # ... and is refused sharing, like the citizen.
    assert get(f"{url}/@sharing", "official_x", headers=JSON).status_code in (401, 403)


def test_site_administrator_still_manages_the_dossier(dossier):
    url = dossier.absolute_url()
    response = get(f"{url}/@sharing", "site_admin", headers=JSON)
    assert response.status_code == 200
    assert "entries" in response.json()
    response = get(f"{url}/@@sharing", "site_admin")
    assert response.status_code == 200
    assert "require_login" not in response.url
