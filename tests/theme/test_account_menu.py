"""The header's account menu and who gets Plone's editing toolbar.

Visitors see "Đăng nhập"; every logged-in person gets the account menu (their name,
the actions of Plone's ``user`` category, "Đăng xuất"); only people who edit content
where they are get the toolbar: citizens, officials and leaders never do.
"""

from dichvucong.dossier.submission import submit
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from Products.CMFCore.ActionInformation import Action
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.users import add_dossier_people
from tests.helpers.users import as_site_owner
from tests.helpers.users import browser_for
from tests.helpers.users import make_editor
from tests.helpers.users import make_user
import pytest
import transaction


REVIEWERS = "communications-reviewers"  # the Hanoi data's communications reviewers


@pytest.fixture
def people(functional_portal):
    """Citizens, officials, the leader, a communications reviewer and an editor of the
    procedures section; committed for the test browser."""
    add_dossier_people()
    make_user("reviewer", "Reviewer One", groups=[REVIEWERS])
    make_editor("catalogue_editor", functional_portal["thu-tuc-hanh-chinh"])
    transaction.commit()
    return functional_portal


@pytest.fixture
def dossier(people):
    """A birth registration of citizen_a, received by official_x's agency."""
    with api.env.adopt_user(username="citizen_a"):
        dossier = submit(procedure(BIRTH), {"applicant_name": "Nguyen Van A"})
    transaction.commit()
    return dossier


def open_as(app, url, userid):
    browser = browser_for(app, userid, handle_errors=False)
    browser.open(url)
    assert browser.headers["status"].startswith("200"), url
    return page(browser)


def menu(doc):
    """The account menu's links: {label: href}."""
    return {text(link): link.get("href") for link in doc.cssselect("#dvc-account-menu a")}


def has_toolbar(doc):
    """The toolbar's markup or the body classes that make room for it."""
    (body,) = doc.cssselect("body")
    classes = body.get("class").split()
    return bool(
        doc.cssselect("#edit-bar, #edit-zone, [class*='plone-toolbar']")
        or [name for name in classes if name.startswith("plone-toolbar")]
    )


def test_visitor_sees_log_in_and_no_menu(home):
    doc = page(home)
    (login,) = doc.cssselect("#portal-anontools a")
    assert text(login) == "Đăng nhập"
    assert not doc.cssselect("#dvc-account")
    assert "account.js" not in home.contents
    assert not has_toolbar(doc)


def test_citizen_gets_the_menu_and_no_toolbar(functional_app, people):
    portal_url = people.absolute_url()
    doc = open_as(functional_app, portal_url, "citizen_a")
    assert not has_toolbar(doc)
    # Plone's own member tools (shown when the toolbar is not) are replaced by ours.
    assert not doc.cssselect("#portal-membertools-wrapper, #portal-anontools")
    (nav,) = doc.cssselect("nav#dvc-account")
    assert nav.get("aria-label") == "Tài khoản"
    (button,) = nav.cssselect("button.dvc-account__toggle")
    assert button.get("type") == "button"
    assert button.get("aria-expanded") == "false"
    assert button.get("aria-controls") == "dvc-account-menu"
    assert text(button) == "Tài khoản của Nguyen Van A"
    # Without JavaScript the name and the links are shown as they are.
    assert text(nav.cssselect(".dvc-account__who")[0]) == "Nguyen Van A"
    links = menu(doc)
    assert links["Hồ sơ của tôi"] == f"{portal_url}/@@my-dossiers"
    assert "Hồ sơ cần xử lý" not in links
    assert "Chờ tôi duyệt" not in links
    assert "Bảng điều khiển" not in links  # Plone's dashboard is not the portal's
    # Logging out is Plone's logout action, last in the menu.
    logout = api.portal.get_tool("portal_actions").user.logout
    assert list(links)[-1] == "Đăng xuất"
    assert links["Đăng xuất"] == f"{portal_url}/logout"
    assert logout.visible


def test_citizen_pages_lay_out_without_the_toolbar(functional_app, people):
    """Wherever a citizen goes (their dossiers, a procedure, a service form), no
    toolbar, the same menu."""
    birth = procedure(BIRTH)
    for url in (
        f"{people.absolute_url()}/@@my-dossiers",
        birth.absolute_url(),
        people["thu-tuc-hanh-chinh"].absolute_url(),
    ):
        doc = open_as(functional_app, url, "citizen_a")
        assert not has_toolbar(doc), url
        assert "Hồ sơ của tôi" in menu(doc), url


def test_nobody_working_on_a_dossier_gets_the_toolbar(functional_app, dossier):
    """The citizen on their dossier, its official and the leader: not editing content
    (the dossier page has its own buttons), no toolbar."""
    for userid in ("citizen_a", "official_x", "leader"):
        doc = open_as(functional_app, dossier.absolute_url(), userid)
        assert not has_toolbar(doc), userid
        assert "Đăng xuất" in menu(doc), userid


def test_official_reaches_the_worklist_from_the_menu(functional_app, people, dossier):
    doc = open_as(functional_app, people.absolute_url(), "official_x")
    links = menu(doc)
    assert links["Hồ sơ cần xử lý"].endswith("/@@worklist")
    assert "Hồ sơ của tôi" in links
    assert not has_toolbar(doc)
    # On the worklist itself the official is not editing content either.
    doc = open_as(functional_app, links["Hồ sơ cần xử lý"], "official_x")
    assert not has_toolbar(doc)
    assert "Hồ sơ cần xử lý" in menu(doc)


def test_leader_reaches_the_worklist_without_toolbar(functional_app, people):
    doc = open_as(functional_app, people.absolute_url(), "leader")
    assert "Hồ sơ cần xử lý" in menu(doc)
    assert not has_toolbar(doc)


def test_reviewer_reaches_pending_review_from_the_menu(functional_app, people):
    doc = open_as(functional_app, people.absolute_url(), "reviewer")
    links = menu(doc)
    assert links["Chờ tôi duyệt"] == f"{people.absolute_url()}/@@pending-review"
    assert "Hồ sơ cần xử lý" not in links


def test_site_manager_keeps_the_toolbar(functional_app, people):
    browser = as_site_owner(browser_for(functional_app, handle_errors=False))
    browser.open(people.absolute_url())
    doc = page(browser)
    assert has_toolbar(doc)
    assert doc.cssselect("#edit-zone #personaltools-menulink")
    (body,) = doc.cssselect("body")
    assert "plone-toolbar-left" in body.get("class").split()
    # The header is the same for everyone: the account menu too.
    assert text(doc.cssselect(".dvc-account__name")[0]) == SITE_OWNER_NAME
    assert "Đăng xuất" in menu(doc)


def test_editor_keeps_the_toolbar_where_they_edit(functional_app, people):
    """An Editor of the procedures section gets the toolbar there, and only there."""
    section = people["thu-tuc-hanh-chinh"]
    doc = open_as(functional_app, section.absolute_url(), "catalogue_editor")
    assert has_toolbar(doc)
    doc = open_as(functional_app, procedure(BIRTH).absolute_url(), "catalogue_editor")
    assert has_toolbar(doc)
    doc = open_as(functional_app, people.absolute_url(), "catalogue_editor")
    assert not has_toolbar(doc)
    assert "Đăng xuất" in menu(doc)


def test_a_room_adds_an_entry_as_a_user_action(functional_app, people):
    """The menu lists Plone's ``user`` actions: an entry added there shows, for the
    people its expression and permission allow, in the category's order."""
    user = api.portal.get_tool("portal_actions").user
    user._setObject(
        "help-desk",
        Action(
            "help-desk",
            title="Help desk",
            url_expr="string:${portal_url}/help",
            available_expr="python:member is not None",
            permissions=("View",),
            visible=True,
        ),
    )
    user.moveObjectsToTop(["help-desk"])
    transaction.commit()
    links = menu(open_as(functional_app, people.absolute_url(), "citizen_a"))
    assert next(iter(links)) == "Help desk"
    assert links["Help desk"] == f"{people.absolute_url()}/help"


def test_menu_in_english(functional_app, people):
    browser = browser_for(functional_app, "citizen_a", handle_errors=False)
    browser.open(f"{people.absolute_url()}?set_language=en")
    browser.open(people.absolute_url())
    doc = page(browser)
    assert doc.cssselect("nav#dvc-account")[0].get("aria-label") == "Account"
    links = menu(doc)
    assert "My dossiers" in links
    assert "Log out" in links
