"""The editorial workflow over HTTP, as writers, reviewers and the public meet it: the
toolbar's transitions, CSRF, the REST @workflow endpoint, the reason form, the
reviewers' list, and scheduled items appearing and going at their time (real clock,
anonymous pages cached in RAM as in production)."""

from DateTime import DateTime
from dichvucong import _
from dichvucong.publishing.editorial.workflow import REASON_REQUIRED
from html import escape
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.helpers.content import state_of
from tests.helpers.pages import vi
from tests.helpers.users import credentials
from tests.publishing.editorial_helpers import SECTION
from tests.publishing.editorial_helpers import bring_to
from tests.publishing.editorial_helpers import make_team
from tests.publishing.editorial_helpers import write
import pytest
import re
import requests
import time
import transaction


JSON = {"Accept": "application/json"}


# A private item: anonymous visitors are sent to log in (302) or told to (401).
REFUSED = (302, 401)


@pytest.fixture
def site(functional, functional_portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        make_team()
    transaction.commit()
    return functional_portal


@pytest.fixture
def item_in(site):
    def make(state, title="Tin thử", **fields):
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            item = bring_to(write(site, title=title, **fields), state)
        transaction.commit()
        return item

    return make


def get(url, user=None, **kwargs):
    return requests.get(url, auth=credentials(user), timeout=30, allow_redirects=False, **kwargs)


def post(url, user=None, **kwargs):
    return requests.post(url, auth=credentials(user), timeout=30, allow_redirects=False, **kwargs)


def token(page_html):
    match = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page_html) or re.search(
        r"_authenticator=([0-9a-f]+)", page_html
    )
    assert match, "no CSRF token on the page"
    return match.group(1)


def through_the_ui(item, user, workflow_action, **data):
    """Post Plone's transition form (content_status_modify) as ``user``, with the token
    of the item's page."""
    page = get(item.absolute_url(), user).text
    return post(
        f"{item.absolute_url()}/content_status_modify",
        user,
        data={"workflow_action": workflow_action, **data, "_authenticator": token(page)},
    )


# ---- The toolbar: what each person is offered


def test_toolbar_offers_each_person_their_transitions(item_in):
    draft = item_in("draft")
    page = get(draft.absolute_url(), "writer").text
    assert 'id="workflow-transition-submit"' in page
    assert "workflow-transition-publish" not in page

    pending = item_in("pending", title="Chờ duyệt")
    page = get(pending.absolute_url(), "writer").text
    assert 'id="workflow-transition-retract"' in page
    assert "workflow-transition-publish" not in page
    page = get(pending.absolute_url(), "reviewer").text
    assert 'id="workflow-transition-publish"' in page
    # Sending back asks for the reason first.
    assert re.search(r'href="[^"]*/@@editorial-transition\?workflow_action=reject', page)


def test_writer_cannot_publish_through_the_ui(item_in):
    item = item_in("pending")
    response = through_the_ui(item, "writer", "publish")
    assert response.status_code in (302, 303)
    assert state_of(item) == "pending"
    assert get(item.absolute_url()).status_code in REFUSED


def test_reviewer_publishes_through_the_ui(item_in):
    item = item_in("pending")
    response = through_the_ui(item, "reviewer", "publish")
    assert response.status_code in (302, 303)
    assert state_of(item) == "published"
    assert get(item.absolute_url()).status_code == 200


def test_transition_without_csrf_token_is_refused(item_in):
    item = item_in("pending")
    for url, data in (
        (f"{item.absolute_url()}/content_status_modify", {"workflow_action": "publish"}),
        (f"{item.absolute_url()}/@@editorial-transition", {"workflow_action": "publish"}),
        (
            f"{item.absolute_url()}/@@editorial-transition",
            {
                "workflow_action": "reject",
                "form.widgets.comment": "Không có mã chống giả mạo",
                "form.buttons.confirm": "1",
            },
        ),
    ):
        response = post(url, "reviewer", data=data)
        assert response.status_code == 403, url
        assert state_of(item) == "pending"


# ---- REST


def test_rest_writer_cannot_publish(item_in):
    item = item_in("pending")
    response = post(f"{item.absolute_url()}/@workflow/publish", "writer", headers=JSON, json={})
    # plone.restapi answers a transition the user may not perform with 400.
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "WorkflowException"
    assert state_of(item) == "pending"
    assert get(item.absolute_url(), headers=JSON).status_code in REFUSED


def test_rest_reviewer_publishes(item_in):
    item = item_in("pending")
    response = post(f"{item.absolute_url()}/@workflow/publish", "reviewer", headers=JSON, json={})
    assert response.status_code == 200
    assert response.json()["review_state"] == "published"
    assert get(item.absolute_url(), headers=JSON).status_code == 200


def test_rest_send_back_needs_a_reason(item_in):
    item = item_in("pending")
    url = f"{item.absolute_url()}/@workflow/reject"
    refused = post(url, "reviewer", headers=JSON, json={"comment": " "})
    assert refused.status_code == 400
    assert refused.json()["error"]["message"] == vi(REASON_REQUIRED)
    assert state_of(item) == "pending"
    done = post(url, "reviewer", headers=JSON, json={"comment": "Thiếu nguồn ảnh."})
    assert done.status_code == 200
    assert state_of(item) == "draft"


# ---- The reason form and the review comment on the item


def test_send_back_form_requires_the_reason_and_shows_it(item_in):
    item = item_in("pending")
    form_url = f"{item.absolute_url()}/@@editorial-transition?workflow_action=reject"
    form = get(form_url, "reviewer")
    assert form.status_code == 200
    assert 'name="form.widgets.comment"' in form.text and "required" in form.text
    url = f"{item.absolute_url()}/@@editorial-transition"
    data = {
        "workflow_action": "reject",
        "_authenticator": token(form.text),
        "form.buttons.confirm": "1",
    }
    empty = post(url, "reviewer", data={**data, "form.widgets.comment": "  "})
    assert empty.status_code == 400
    assert escape(vi(REASON_REQUIRED), quote=False) in empty.text
    assert state_of(item) == "pending"

    done = post(
        url, "reviewer", data={**data, "form.widgets.comment": "Ảnh thứ hai bị mờ.\nThay ảnh khác."}
    )
    assert done.status_code == 303
    assert state_of(item) == "draft"
    page = get(item.absolute_url(), "writer").text
    assert 'id="dvc-review-comment"' in page
    assert "Ảnh thứ hai bị mờ." in page and "Thay ảnh khác." in page
    assert "Reviewer One" in page
    # Also in Plone's history of the item.
    history = get(f"{item.absolute_url()}/@@historyview", "writer").text
    assert "Ảnh thứ hai bị mờ." in history


def test_send_back_from_the_advanced_form_without_reason(item_in):
    """Plone's own transition form: refused with the reason form, nothing changed."""
    item = item_in("pending")
    response = through_the_ui(item, "reviewer", "reject", comment="")
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/@@editorial-transition?workflow_action=reject")
    assert state_of(item) == "pending"
    # content_status_modify sets a missing publishing date first: not kept either.
    assert item.EffectiveDate() == "None"


def test_writer_is_refused_the_publish_form(item_in):
    item = item_in("pending")
    response = get(
        f"{item.absolute_url()}/@@editorial-transition?workflow_action=publish", "writer"
    )
    assert response.status_code == 403
    assert state_of(item) == "pending"


# ---- Pending my review


def test_pending_review_page_and_action(item_in, site):
    older = item_in("pending", title="Hướng dẫn cũ hơn")
    newer = item_in("pending", title="Tin mới hơn")
    item_in("draft", title="Bản nháp không hiện")
    url = f"{site.absolute_url()}/@@pending-review"

    page = get(url, "reviewer")
    assert page.status_code == 200
    assert vi(_("Pending my review")) in page.text
    listed = re.findall(r'class="dvc-pending-review__link"\s+href="([^"]+)"', page.text)
    assert listed == [older.absolute_url(), newer.absolute_url()]
    assert "Writer One" in page.text
    assert page.headers["Cache-Control"].startswith("no-store")
    # The reviewer's personal menu links to it; the writer's does not.
    assert "/@@pending-review" in get(site.absolute_url(), "reviewer").text
    assert "/@@pending-review" not in get(site.absolute_url(), "writer").text

    # Others: Plone's login page, or "insufficient privileges" for members.
    for person in ("writer", "citizen", None):
        refused = get(url, person)
        assert refused.status_code in (302, 401, 403), person
        if refused.status_code == 302:
            assert "require_login" in refused.headers["Location"], person
        assert "dvc-pending-review" not in refused.text


# ---- Scheduled publication and expiry, real clock


def _next_minute(margin=25):
    """The next whole minute at least ``margin`` seconds away (Plone's catalog counts in
    minutes)."""
    now = time.time()
    start = (int(now // 60) + 1) * 60
    if start - now < margin:
        start += 60
    return start


def _seen_by_public(site, item):
    """Where an anonymous visitor meets the item: its URL, REST, search, REST search,
    the section's listing."""
    title = item.Title()
    section = f"{site.absolute_url()}/{SECTION}"
    search = get(f"{site.absolute_url()}/@@search", params={"SearchableText": title}).text
    rest_search = get(
        f"{site.absolute_url()}/@search", headers=JSON, params={"SearchableText": title}
    ).json()
    return {
        "page": get(item.absolute_url()).status_code == 200,
        "rest": get(item.absolute_url(), headers=JSON).status_code == 200,
        "search": item.absolute_url() in search,
        "rest_search": any(
            entry["@id"] == item.absolute_url() for entry in rest_search.get("items", [])
        ),
        "listing": item.absolute_url() in get(section).text,
    }


def test_scheduled_item_comes_and_expired_item_goes_at_their_time(site, item_in):
    moment = _next_minute()
    coming = item_in("published", title="Tin hẹn giờ đăng", effective_date=DateTime(moment))
    # Shown until the end of the minute before ``moment``.
    going = item_in("published", title="Tin sắp hết hạn", expiration_date=DateTime(moment - 60))
    before_coming = _seen_by_public(site, coming)
    before_going = _seen_by_public(site, going)
    assert time.time() < moment, "too slow: the scheduled minute has already come"
    assert not any(before_coming.values()), before_coming
    assert all(before_going.values()), before_going
    # The team still sees the scheduled item, with a notice.
    staff_page = get(coming.absolute_url(), "writer")
    assert staff_page.status_code == 200
    assert vi(_("Not yet due for publication")) in staff_page.text

    time.sleep(max(0.0, moment - time.time()) + 1)

    after_coming = _seen_by_public(site, coming)
    after_going = _seen_by_public(site, going)
    assert all(after_coming.values()), after_coming
    assert not any(after_going.values()), after_going
    staff_page = get(going.absolute_url(), "reviewer")
    assert staff_page.status_code == 200
    assert vi(_("Expired")) in staff_page.text


def test_scheduled_item_hidden_under_every_url(site, item_in):
    """Views of the item, its image, REST endpoints on it: 404 for the public."""
    item = item_in("published", effective_date=DateTime() + 1)
    url = item.absolute_url()
    for path in ("", "/view", "/@@images/image", "/RSS", "/++api++"):
        assert get(f"{url}{path}").status_code == 404, path
    # (Endpoints the public may not use at all answer 401 before this check, as always.)
    for endpoint in ("", "/@workflow", "/@breadcrumbs", "/@navigation"):
        assert get(f"{url}{endpoint}", headers=JSON).status_code == 404, endpoint
    assert get(url, "reviewer").status_code == 200
    assert get(url, "citizen").status_code == 404


def test_steps_of_a_scheduled_guide_are_hidden_with_it(site):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        with api.env.adopt_user(username="writer"):
            guide = api.content.create(
                container=site["huong-dan"],
                type="Guide",
                title="Hướng dẫn hẹn giờ",
                effective_date=DateTime() + 1,
            )
            step = api.content.create(container=guide, type="GuideStep", title="Bước 1")
        bring_to(guide, "published")
    transaction.commit()
    for url in (guide.absolute_url(), step.absolute_url()):
        assert get(url).status_code == 404, url
        assert get(url, headers=JSON).status_code == 404, url
    staff = get(guide.absolute_url(), "reviewer")
    assert staff.status_code == 200
    assert 'id="dvc-schedule-notice"' in staff.text
