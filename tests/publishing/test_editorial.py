"""communications_workflow: who may do what, who sees what, the required reason, the
reviewers' list, scheduled items in the catalog (integration layer).

Writers (communications-writers) and reviewers (communications-reviewers) get their
roles on the sections huong-dan and tin-tuc from the Hanoi profile; a writer can never
publish, a reviewer can; the public sees published items only.
"""

from contextlib import contextmanager
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from dichvucong.interfaces import IDichvucongLayer
from dichvucong.publishing.editorial.setup import EditorialDataError
from dichvucong.publishing.editorial.setup import adopt_existing_content
from dichvucong.publishing.editorial.setup import parse
from dichvucong.publishing.editorial.workflow import REASON_REQUIRED
from plone import api
from plone.app.layout.viewlets.interfaces import IAboveContent
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.publishing.editorial_helpers import ACTORS
from tests.publishing.editorial_helpers import PATHS
from tests.publishing.editorial_helpers import REVIEWERS
from tests.publishing.editorial_helpers import SECTION
from tests.publishing.editorial_helpers import WRITERS
from tests.publishing.editorial_helpers import bring_to
from tests.publishing.editorial_helpers import make_team
from tests.publishing.editorial_helpers import write
from zExceptions import Unauthorized
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.viewlet.interfaces import IViewletManager
import pytest


BOUND = ("Guide", "Campaign", "OutreachKit", "News Item", "Event", "Glossary")
PEOPLE = ("writer", "writer2", "reviewer", "citizen", None)


@pytest.fixture
def portal(manager_portal):
    make_team()
    return manager_portal


@pytest.fixture
def item_in(portal):
    def make(state, **fields):
        return bring_to(write(portal, **fields), state)

    return make


@contextmanager
def acting_as(userid):
    """The given user, or an anonymous visitor for None."""
    if userid is not None:
        with api.env.adopt_user(username=userid):
            yield
        return
    portal = api.portal.get()
    logout()
    try:
        yield
    finally:
        login(portal, TEST_USER_NAME)


def can(userid, permission, obj):
    with acting_as(userid):
        return bool(api.user.has_permission(permission, obj=obj))


def found_by(userid, **query):
    with acting_as(userid):
        return len(api.content.find(**query))


# ---- Setup: bindings, groups, local roles


def test_workflow_bound_to_communications_types(portal):
    tool = api.portal.get_tool("portal_workflow")
    for type_id in BOUND:
        assert tool.getChainForPortalType(type_id) == ("communications_workflow",), type_id
    for type_id in ("GuideStep", "GuideQuestion", "GlossaryTerm"):
        assert tool.getChainForPortalType(type_id) == (), type_id
    # Pages and folders keep Plone's default workflow.
    for type_id in ("Document", "Folder"):
        assert tool.getChainForPortalType(type_id) == ("simple_publication_workflow",)


def test_groups_work_in_their_sections_only(portal):
    for section in ("huong-dan", "tin-tuc", "tu-viet-tat"):
        roles = dict(portal[section].get_local_roles())
        assert roles[WRITERS] == ("Contributor",)
        assert roles[REVIEWERS] == ("Reviewer",)
    # Nothing site-wide: outside the sections they are plain members.
    assert "Contributor" not in api.user.get_roles(username="writer", obj=portal)
    assert "Reviewer" not in api.user.get_roles(username="reviewer", obj=portal)
    catalogue = portal["thu-tuc-hanh-chinh"]
    assert not can("writer", "Add portal content", catalogue)


def test_reapplying_the_city_profile_keeps_roles_as_they_are(portal):
    portal["tin-tuc"].manage_setLocalRoles(WRITERS, ["Contributor", "Reader"])
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        "profile-dichvucong:hanoi", "dichvucong-editorial"
    )
    assert dict(portal["tin-tuc"].get_local_roles())[WRITERS] == ("Contributor", "Reader")
    assert dict(portal["huong-dan"].get_local_roles())[REVIEWERS] == ("Reviewer",)
    assert api.group.get(groupname=WRITERS).getProperty("title")


def test_editorial_data_errors_name_the_file():
    for raw in (
        '{"sectons": []}',
        '{"groups": {"writers": {}}}',
        '{"groups": {"communications-writers": {"titel": "x"}}}',
        '{"sections": [1]}',
    ):
        with pytest.raises(EditorialDataError, match=r"editorial\.json"):
            parse(raw, "editorial.json")


def test_writer_cannot_touch_the_section_itself(portal):
    """Contributor only: a writer adds to tin-tuc but cannot edit, retract or delete it."""
    section = portal[SECTION]
    assert can("writer", "Add portal content", section)
    assert not can("writer", "Modify portal content", section)
    assert not can("writer", "Delete objects", section)
    with api.env.adopt_user(username="writer"):
        allowed = [t["id"] for t in portal.portal_workflow.getTransitionsFor(section)]
    assert allowed == []


# ---- Transitions: who may do which


CASES = [
    ("submit", "draft", {"writer", "writer2"}),
    ("retract", "pending", {"writer", "writer2"}),
    ("publish", "pending", {"reviewer"}),
    ("reject", "pending", {"reviewer"}),
    ("archive", "published", {"reviewer"}),
    ("republish", "archived", {"reviewer"}),
    ("redraft", "archived", {"writer", "writer2", "reviewer"}),
]


@pytest.mark.parametrize("transition,source,allowed", CASES)
@pytest.mark.parametrize("actor", PEOPLE)
def test_who_may_perform(item_in, transition, source, allowed, actor):
    item = item_in(source)
    new_state = (
        api.portal.get_tool("portal_workflow")
        .getWorkflowById("communications_workflow")
        .transitions[transition]
        .new_state_id
    )
    if actor in allowed:
        with api.env.adopt_user(username=actor):
            api.content.transition(item, transition=transition, comment="A reason")
        assert api.content.get_state(item) == new_state
        entry = item.workflow_history["communications_workflow"][-1]
        assert (entry["action"], entry["actor"]) == (transition, actor)
    else:
        with (
            pytest.raises((WorkflowException, api.exc.InvalidParameterError)),
            acting_as(actor),
        ):
            api.content.transition(item, transition=transition, comment="A reason")
        assert api.content.get_state(item) == source


def test_writer_never_publishes(portal, item_in):
    """Not by the transition, not by reaching the state another way."""
    item = item_in("pending")
    with api.env.adopt_user(username="writer"):
        allowed = [t["id"] for t in portal.portal_workflow.getTransitionsFor(item)]
        assert "publish" not in allowed
        with pytest.raises(WorkflowException):
            portal.portal_workflow.doActionFor(item, "publish")
        with pytest.raises((WorkflowException, api.exc.InvalidParameterError)):
            api.content.transition(item, to_state="published")
    assert api.content.get_state(item) == "pending"
    assert not can(None, "View", item)


def test_reviewer_publishes(portal, item_in):
    item = item_in("pending")
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(item, transition="publish")
    assert api.content.get_state(item) == "published"
    assert can(None, "View", item)
    assert found_by(None, UID=item.UID()) == 1


def test_reviewer_outside_the_sections_cannot_publish(portal):
    """The Reviewer role is local: an item elsewhere is not theirs to publish."""
    elsewhere = api.content.create(container=portal, type="Folder", id="elsewhere", title="E")
    item = api.content.create(container=elsewhere, type="News Item", title="Elsewhere")
    api.content.transition(item, transition="submit")
    with api.env.adopt_user(username="reviewer"), pytest.raises(WorkflowException):
        portal.portal_workflow.doActionFor(item, "publish")
    assert api.content.get_state(item) == "pending"


# ---- Editing per state


@pytest.mark.parametrize(
    "state,editors",
    [
        ("draft", {"writer", "writer2"}),
        ("pending", {"reviewer"}),
        ("published", {"reviewer"}),
        ("archived", {"reviewer"}),
    ],
)
def test_who_may_edit(item_in, state, editors):
    item = item_in(state)
    for person in PEOPLE:
        assert can(person, "Modify portal content", item) is (person in editors), person


def test_only_the_owner_deletes_a_draft(item_in):
    item = item_in("draft")
    assert can("writer", "Delete objects", item)
    assert not can("writer2", "Delete objects", item)
    assert not can("reviewer", "Delete objects", item)
    published = item_in("published")
    assert not can("writer", "Delete objects", published)


# ---- Who sees what


@pytest.mark.parametrize("state", sorted(PATHS))
def test_who_sees(item_in, state):
    item = item_in(state)
    public = state == "published"
    for person in PEOPLE:
        staff = person in ("writer", "writer2", "reviewer")
        expected = public or staff
        assert can(person, "View", item) is expected, (person, state)
        assert bool(found_by(person, UID=item.UID())) is expected, (person, state)


def test_events_follow_the_same_review(portal):
    start = datetime.now() + timedelta(days=7)
    with api.env.adopt_user(username="writer"):
        event = api.content.create(
            container=portal[SECTION],
            type="Event",
            title="Ngày hội dịch vụ công",
            start=start,
            end=start + timedelta(hours=3),
        )
    assert api.content.get_state(event) == "draft"
    assert not can(None, "View", event)
    assert can("writer2", "Modify portal content", event)
    bring_to(event, "published")
    assert can(None, "View", event)
    assert not can("writer", "Modify portal content", event)


def test_archive_hides_and_republish_shows(item_in):
    item = item_in("published")
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(item, transition="archive")
    assert not can(None, "View", item)
    assert found_by(None, UID=item.UID()) == 0
    assert can("writer", "View", item)
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(item, transition="republish")
    assert can(None, "View", item)


# ---- The reason for sending back


def test_send_back_without_reason_is_refused(portal, item_in):
    item = item_in("pending")
    with api.env.adopt_user(username="reviewer"):
        for comment in ("", "   "):
            with pytest.raises(WorkflowException) as refused:
                portal.portal_workflow.doActionFor(item, "reject", comment=comment)
            assert str(refused.value) == translate(REASON_REQUIRED, context=portal.REQUEST)
    assert api.content.get_state(item) == "pending"


def test_send_back_with_reason_keeps_it(portal, item_in):
    item = item_in("pending")
    with api.env.adopt_user(username="reviewer"):
        portal.portal_workflow.doActionFor(item, "reject", comment="Thiếu ảnh minh hoạ.")
    assert api.content.get_state(item) == "draft"
    with api.env.adopt_user(username="writer"):
        history = portal.portal_workflow.getInfoFor(item, "review_history")
    assert history[-1]["action"] == "reject"
    assert history[-1]["comments"] == "Thiếu ảnh minh hoạ."
    assert history[-1]["actor"] == "reviewer"


def _viewlet_html(portal, item, userid, name):
    request = portal.REQUEST
    alsoProvides(request, IDichvucongLayer)
    view = getMultiAdapter((item, request), name="view")
    manager = getMultiAdapter((item, request, view), IViewletManager, name="plone.abovecontent")
    assert IAboveContent.providedBy(manager)

    def render():
        manager.update()
        viewlets = [v for v in manager.viewlets if v.__name__ == name]
        return viewlets[0].render() if viewlets else ""

    with acting_as(userid):
        return render()


def test_latest_review_comment_shown_to_the_team_only(portal, item_in):
    item = item_in("pending")
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(item, transition="reject", comment="Sửa tiêu đề <b>ngắn hơn</b>.")
    name = "dichvucong.editorial.review-comment"
    for person in ("writer", "writer2", "reviewer"):
        html = _viewlet_html(portal, item, person, name)
        assert "Reviewer One" in html, person
        # Escaped like any text a person typed.
        assert "Sửa tiêu đề &lt;b&gt;ngắn hơn&lt;/b&gt;." in html, person
    for person in ("citizen", None):
        assert _viewlet_html(portal, item, person, name) == ""
    # Published: the public reads the item, never the team's comments.
    with api.env.adopt_user(username="writer"):
        api.content.transition(item, transition="submit")
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(item, transition="publish")
    assert "Reviewer One" in _viewlet_html(portal, item, "writer", name)
    for person in ("citizen", None):
        assert _viewlet_html(portal, item, person, name) == ""


# ---- The reviewers' list


def _pending_review(portal, userid):
    request = portal.REQUEST
    alsoProvides(request, IDichvucongLayer)
    view = getMultiAdapter((portal, request), name="pending-review")
    with api.env.adopt_user(username=userid):
        view.items = view.pending_items()
        return view


def test_pending_review_lists_what_the_reviewer_may_publish(portal, item_in):
    first = item_in("pending", title="Cũ nhất")
    second = item_in("pending", title="Mới hơn")
    item_in("draft", title="Bản nháp")
    item_in("published", title="Đã đăng")
    elsewhere = api.content.create(container=portal, type="Folder", id="khac", title="Khác")
    foreign = api.content.create(container=elsewhere, type="News Item", title="Nơi khác")
    api.content.transition(foreign, transition="submit")
    # Scheduled items wait for review too.
    third = item_in("pending", title="Hẹn giờ", effective_date=DateTime() + 2)

    view = _pending_review(portal, "reviewer")
    assert [row["url"] for row in view.items] == [
        first.absolute_url(),
        second.absolute_url(),
        third.absolute_url(),
    ]
    assert view.items[0]["submitted_by"] == "Writer One"
    assert view.items[0]["note"] == "submit note"
    assert view.items[2]["notices"]


def test_pending_review_is_for_reviewers(portal):
    request = portal.REQUEST
    alsoProvides(request, IDichvucongLayer)
    for person in ("writer", "citizen"):
        with api.env.adopt_user(username=person), pytest.raises(Unauthorized):
            getMultiAdapter((portal, request), name="pending-review")()
    with acting_as(None), pytest.raises(Unauthorized):
        getMultiAdapter((portal, request), name="pending-review")()


def test_pending_review_action_for_reviewers_only(portal):
    alsoProvides(portal.REQUEST, IDichvucongLayer)
    actions = api.portal.get_tool("portal_actions")
    for person, shown in (("reviewer", True), ("writer", False), ("citizen", False)):
        with api.env.adopt_user(username=person):
            ids = [a["id"] for a in actions.listActionInfos(object=portal, categories=("user",))]
        assert ("pending-review" in ids) is shown, person


# ---- Scheduled publication and expiry (catalog side)


def test_scheduled_item_not_found_by_the_public_until_its_time(portal, item_in):
    item = item_in("published", effective_date=DateTime() + 1)
    assert found_by(None, UID=item.UID()) == 0
    assert found_by("citizen", UID=item.UID()) == 0
    # Staff find it in their section (Plone checks the permission on the path).
    path = "/".join(portal[SECTION].getPhysicalPath())
    assert found_by("reviewer", UID=item.UID(), path=path) == 1
    assert found_by("writer", UID=item.UID(), path=path) == 1
    item.setEffectiveDate(DateTime() - 1.0 / 1440)
    item.reindexObject()
    assert found_by(None, UID=item.UID()) == 1


def test_expired_item_not_found_by_the_public(portal, item_in):
    item = item_in("published")
    assert found_by(None, UID=item.UID()) == 1
    item.setExpirationDate(DateTime() - 1.0 / 1440)
    item.reindexObject()
    assert found_by(None, UID=item.UID()) == 0


# ---- Guides: their steps follow the guide


@pytest.fixture
def guide(portal):
    with api.env.adopt_user(username="writer"):
        guide = api.content.create(
            container=portal["huong-dan"], type="Guide", title="Hướng dẫn thử"
        )
        step = api.content.create(container=guide, type="GuideStep", title="Bước 1")
    return guide, step


def test_guide_steps_follow_their_guide(guide):
    guide, step = guide
    assert not can(None, "View", step)
    assert can("writer2", "Modify portal content", step)
    with api.env.adopt_user(username="writer"):
        api.content.transition(guide, transition="submit")
    # Pending: the writers can no longer change or add steps, the reviewer can.
    assert not can("writer", "Modify portal content", step)
    assert not can("writer", "Add portal content", guide)
    assert can("reviewer", "Modify portal content", step)
    assert not can(None, "View", step)
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(guide, transition="publish")
    assert can(None, "View", step)
    assert found_by(None, UID=step.UID()) == 1
    assert not can("writer", "Modify portal content", step)
    assert not can("writer", "Delete objects", step)
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(guide, transition="archive")
    assert not can(None, "View", step)
    assert found_by(None, UID=step.UID()) == 0


def test_published_glossary_terms_are_changed_by_reviewers(portal):
    glossary = portal["tu-viet-tat"]
    assert api.content.get_state(glossary) == "published"
    assert can("reviewer", "Add portal content", glossary)
    assert not can("writer", "Add portal content", glossary)
    term = glossary.objectValues()[0]
    assert can("reviewer", "Modify portal content", term)
    assert not can("writer", "Modify portal content", term)
    assert can(None, "View", term)


# ---- Existing sites


def test_adopt_existing_content_keeps_published_items_public(portal):
    tool = api.portal.get_tool("portal_workflow")
    tool.setChainForPortalTypes(("News Item",), ("simple_publication_workflow",))
    try:
        old = api.content.create(container=portal[SECTION], type="News Item", title="Tin cũ")
        api.content.transition(old, to_state="published")
        private = api.content.create(container=portal[SECTION], type="News Item", title="Riêng")
    finally:
        tool.setChainForPortalTypes(("News Item",), ("communications_workflow",))
    assert adopt_existing_content(portal) >= 2
    assert api.content.get_state(old) == "published"
    assert api.content.get_state(private) == "draft"
    assert can(None, "View", old)
    assert not can(None, "View", private)
    assert adopt_existing_content(portal) == 0


def test_actors_table_matches_workflow(portal):
    """The helpers' idea of who does what is the workflow's."""
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById("communications_workflow")
    assert set(ACTORS) == set(workflow.transitions.objectIds())
    assert set(PATHS) == set(workflow.states.objectIds())
