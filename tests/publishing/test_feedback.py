"""Reader feedback: moderated comments with spam protection, star ratings (one vote per
reader session), “was this guide helpful?” answers that editors review.

Functional tests through the publisher with test browsers: each browser is one reader
session (its own cookies), posting what the page's forms post (CSRF token, honeypot
field). Messages are compared with their Vietnamese translation."""

from dichvucong.publishing.feedback import clients
from dichvucong.publishing.feedback import helpful
from dichvucong.publishing.feedback import rating
from dichvucong.publishing.feedback.honeypot import WithoutPersonalData
from plone import api
from plone.app.discussion.interfaces import IConversation
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import applyProfile
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.textfield.value import RichTextValue
from tests.helpers.pages import page
from tests.helpers.pages import vi
from tests.helpers.users import browser_for
from tests.helpers.users import make_user
from urllib.parse import urlencode
import json
import logging
import pytest
import transaction


HONEYPOT = "protected_1"
SCRIPT = "<script>alert(1)</script><b>x</b>"
SETTINGS = "dichvucong.publishing.feedback.interfaces.IFeedbackSettings"
# Mosaic layouts replace the viewlets below the content: guide (and campaign) layouts
# carry the feedback tile and Plone's discussion tile instead, as this one does.
GUIDE_LAYOUT = """<!DOCTYPE html>
<html data-layout="./@@page-site-layout"><body><div data-panel="content">
<div data-tile="./@@plone.app.standardtiles.field?field=IDublinCore-title"></div>
<div data-tile="./@@dichvucong.feedback/feedback"></div>
<div data-tile="./@@plone.app.standardtiles.discussion/discussion"></div>
</div></body></html>"""


def ensure_discussion(portal):
    """plone.app.discussion's profile, until dichvucong:default depends on it; then
    our workflow binding and rolemap again (the discussion profile resets both)."""
    setup = portal.portal_setup
    if setup.getLastVersionForProfile("plone.app.discussion:default") == "unknown":
        applyProfile(portal, "plone.app.discussion:default")
        for step in ("rolemap", "workflow"):
            setup.runImportStepFromProfile(
                "profile-dichvucong:default", step, run_dependencies=False
            )


def create(container, portal_type, id, **fields):
    obj = api.content.create(container=container, type=portal_type, id=id, **fields)
    api.content.transition(obj=obj, to_state="published")
    return obj


@pytest.fixture
def site(functional_portal):
    portal = functional_portal
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    ensure_discussion(portal)
    news = create(
        portal["tin-tuc"],
        "News Item",
        "ra-mat-dich-vu",
        title="Ra mắt dịch vụ công mới",
        text=RichTextValue("<p>Nội dung bản tin.</p>", "text/html", "text/x-html-safe"),
    )
    guide = create(portal["huong-dan"], "Guide", "huong-dan-thu", title="Hướng dẫn thử")
    guide.customContentLayout = GUIDE_LAYOUT
    page = create(portal["tin-tuc"], "Document", "trang", title="Trang")
    # Moderators: the communications reviewers (Reviewer on the sections, editorial),
    # an Editor given one section; and a member who is neither.
    make_user("pheduyet_test", groups=["communications-reviewers"])
    make_user("section_editor")
    portal["tin-tuc"].manage_setLocalRoles("section_editor", ["Editor"])
    portal["tin-tuc"].reindexObjectSecurity()
    make_user("citizen")
    clients.reset()
    transaction.commit()
    yield {"portal": portal, "news": news, "guide": guide, "page": page}
    clients.reset()


@pytest.fixture
def reader(functional_app):
    return browser_for(functional_app)


@pytest.fixture
def other_reader(functional_app):
    return browser_for(functional_app)


def status(browser):
    return int(browser.headers["status"].split()[0])


def refused(browser):
    """Anonymous: sent to log in; logged in without the permission: told so."""
    return status(browser) in (401, 403) or any(
        part in browser.url for part in ("login", "insufficient-privileges")
    )


def token_from(browser, obj):
    """The CSRF token of the page's feedback forms (what a bot would copy)."""
    browser.open(obj.absolute_url())
    return page(browser).cssselect(".dvc-rating input[name=_authenticator]")[0].get("value")


def refresh(obj):
    transaction.begin()
    obj._p_jar.sync()
    return obj


# --- Comments ---------------------------------------------------------------------


def comment_form(browser, obj):
    """Plone's comment form on the page (it posts to the page's view or tile)."""
    browser.open(obj.absolute_url())
    index = next(
        i for i, form in enumerate(page(browser).forms) if "form.widgets.text" in form.fields
    )
    return browser.getForm(index=index)


def post_comment(browser, obj, text, name="Bà Nguyễn Thị Lan", honeypot=None):
    form = comment_form(browser, obj)
    if name is not None:
        form.getControl(name="form.widgets.author_name").value = name
    form.getControl(name="form.widgets.text").value = text
    if honeypot is not None:
        form.getControl(name=HONEYPOT, index=0).value = honeypot
    form.getControl(name="form.buttons.comment").click()
    return browser


def comments_of(obj):
    return list(IConversation(refresh(obj)).getComments())


def field_errors(browser):
    return [el.text_content().strip() for el in page(browser).cssselect(".invalid-feedback")]


def moderate(browser, where, comment, action="publish"):
    """Approve (or reject...) a comment in the moderation view of ``where``."""
    browser.open(f"{where.absolute_url()}/@@moderate-comments")
    form = browser.getForm(action="@@bulk-actions")
    form.getControl(name="form.select.BulkAction").value = [action]
    form.getControl(name="paths:list").value = ["/".join(comment.getPhysicalPath())]
    form.getControl(name="form.button.BulkAction").click()


def test_comment_form_for_readers_without_account(site, reader):
    reader.open(site["news"].absolute_url())
    doc = page(reader)
    (name,) = doc.cssselect("input[name='form.widgets.author_name']")
    assert name.get("required") == "required"
    # No e-mail asked (it would only be personal data we have no use for).
    assert not doc.cssselect("input[name='form.widgets.author_email'][type=text]")
    assert doc.cssselect(f"#commenting input[name={HONEYPOT}]")

    post_comment(reader, site["news"], "Cảm ơn, rất dễ hiểu.", name="")
    assert status(reader) == 200
    assert comments_of(site["news"]) == []
    assert vi("Please write your name.") in field_errors(reader)
    post_comment(reader, site["news"], "Cảm ơn, rất dễ hiểu.")
    assert len(comments_of(site["news"])) == 1


def test_new_comment_waits_for_a_moderator(site, reader, functional_app):
    news, section = site["news"], site["portal"]["tin-tuc"]
    post_comment(reader, news, "Xin hỏi lệ phí bao nhiêu?")
    (comment,) = comments_of(news)
    assert api.content.get_state(comment) == "pending"
    assert comment.author_name == "Bà Nguyễn Thị Lan"
    reader.open(news.absolute_url())
    assert "Xin hỏi lệ phí bao nhiêu?" not in reader.contents

    # Moderators find it in the section's moderation view; a member does not.
    for userid in ("pheduyet_test", "section_editor"):
        moderator = browser_for(functional_app, userid)
        moderator.open(f"{section.absolute_url()}/@@moderate-comments")
        assert status(moderator) == 200, userid
        assert "Xin hỏi lệ phí bao nhiêu?" in moderator.contents, userid
    member = browser_for(functional_app, "citizen")
    member.open(f"{section.absolute_url()}/@@moderate-comments")
    assert refused(member)
    assert "Xin hỏi lệ phí bao nhiêu?" not in member.contents

    # The section's editor approves it; now every reader sees it.
    moderate(browser_for(functional_app, "section_editor"), section, comment)
    assert api.content.get_state(refresh(comment)) == "published"
    reader.open(news.absolute_url())
    assert "Xin hỏi lệ phí bao nhiêu?" in reader.contents


def test_section_moderators_act_only_on_their_section(site, reader, functional_app):
    post_comment(reader, site["guide"], "Bình luận ở mục Hướng dẫn")
    (comment,) = comments_of(site["guide"])
    editor = browser_for(functional_app, "section_editor")  # Editor of tin-tuc only
    editor.open(f"{site['portal']['tin-tuc'].absolute_url()}/@@moderate-comments")
    assert "Bình luận ở mục Hướng dẫn" not in editor.contents
    token = page(editor).cssselect("input[name=_authenticator]")[0].get("value")
    path = "/".join(comment.getPhysicalPath())
    for action in ("publish", "delete"):
        editor.post(
            f"{site['portal']['tin-tuc'].absolute_url()}/@@bulk-actions",
            urlencode(
                {
                    "form.select.BulkAction": action,
                    "paths:list": path,
                    "form.button.BulkAction": "Apply",
                    "_authenticator": token,
                }
            ),
        )
    (comment,) = comments_of(site["guide"])
    assert api.content.get_state(comment) == "pending"


def test_switching_moderation_on_keeps_our_workflow(site):
    record = "plone.app.discussion.interfaces.IDiscussionSettings.moderation_enabled"
    chain = site["portal"].portal_workflow.getChainForPortalType
    assert chain("Discussion Item") == ("dichvucong_comment_workflow",)
    api.portal.set_registry_record(record, False)
    assert chain("Discussion Item") == ("comment_one_state_workflow",)
    api.portal.set_registry_record(record, True)
    assert chain("Discussion Item") == ("dichvucong_comment_workflow",)


def test_comments_on_a_guide_through_its_layout(site, reader, functional_app):
    guide = site["guide"]
    post_comment(reader, guide, "Bước 2 chưa rõ.")
    assert reader.url.startswith(guide.absolute_url())
    (comment,) = comments_of(guide)
    assert api.content.get_state(comment) == "pending"
    moderate(browser_for(functional_app, "pheduyet_test"), site["portal"]["huong-dan"], comment)
    reader.open(guide.absolute_url())
    assert "Bước 2 chưa rõ." in reader.contents


def test_comment_honeypot_refuses_filled_hidden_field(site, reader):
    post_comment(reader, site["news"], "Mua thuốc giá rẻ", honeypot="http://spam.example")
    assert status(reader) == 403
    assert comments_of(site["news"]) == []


def test_comment_with_too_many_links_refused(site, reader):
    news = site["news"]
    post_comment(reader, news, "Xem http://a.example và https://b.example và www.c.example")
    assert comments_of(news) == []
    message = vi("Your comment has too many links: at most ${max}, please.", max=2)
    assert message in field_errors(reader)

    post_comment(reader, news, "Xem https://dichvucong.gov.vn và http://hanoi.gov.vn")
    assert len(comments_of(news)) == 1


def test_comment_rate_limit_per_visitor(site, reader, other_reader):
    news = site["news"]
    for number in range(5):
        post_comment(reader, news, f"Góp ý số {number}")
    assert len(comments_of(news)) == 5
    # Another browser from the same address is the same visitor.
    post_comment(other_reader, news, "Góp ý số 6")
    assert len(comments_of(news)) == 5
    message = vi(
        "You have sent many comments in a short time. Please wait a few minutes and try again."
    )
    assert message in field_errors(other_reader)
    clients.reset()  # ten minutes later
    post_comment(other_reader, news, "Góp ý số 6")
    assert len(comments_of(news)) == 6


def test_comment_html_is_shown_as_text(site, reader, functional_app):
    news = site["news"]
    post_comment(reader, news, SCRIPT, name="<i>Lan</i>")
    (comment,) = comments_of(news)
    moderate(browser_for(functional_app, "pheduyet_test"), site["portal"]["tin-tuc"], comment)

    reader.open(news.absolute_url())
    doc = page(reader)
    (body,) = doc.cssselect(".comment .comment-body")
    assert SCRIPT in body.text_content()
    assert not body.cssselect("script, b")
    assert "<script>alert(1)" not in reader.contents
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" in reader.contents
    assert not doc.cssselect(".comment i")


def test_comment_checks_apply_to_the_rest_api(site, functional_app):
    browser = browser_for(functional_app)
    browser.addHeader("Accept", "application/json")
    url = f"{site['news'].absolute_url()}/@comments"
    links = {"author_name": "Lan", "text": "http://a.example http://b.example http://c.example"}
    browser.post(url, json.dumps(links), "application/json")
    assert status(browser) == 400
    browser.post(
        url, json.dumps({"author_name": "Lan", HONEYPOT: "x", "text": "Hi"}), "application/json"
    )
    assert status(browser) == 403
    assert comments_of(site["news"]) == []
    browser.post(url, json.dumps({"author_name": "Lan", "text": "Cảm ơn"}), "application/json")
    assert status(browser) == 204
    (comment,) = comments_of(site["news"])
    assert api.content.get_state(comment) == "pending"


def test_honeypot_logs_without_address_or_form():
    spammer = logging.LogRecord(
        "collective.honeypot",
        logging.ERROR,
        __file__,
        1,
        "SPAMMER caught in honeypot: %s.  ip %s, url %r",
        ("has forbidden field", "203.0.113.7", "http://nohost/plone/tin"),
        None,
    )
    WithoutPersonalData().filter(spammer)
    assert "203.0.113.7" not in spammer.getMessage()
    assert "http://nohost/plone/tin" in spammer.getMessage()
    accepted = logging.LogRecord(
        "collective.honeypot",
        logging.DEBUG,
        __file__,
        1,
        "ACCEPTED POST from ip %s, url %r, referer %r, with form %r",
        ("203.0.113.7", "http://nohost/plone/x", "", {"form.widgets.author_name": "Lan"}),
        None,
    )
    WithoutPersonalData().filter(accepted)
    assert "203.0.113.7" not in accepted.getMessage()
    assert "Lan" not in accepted.getMessage()


# --- Ratings ----------------------------------------------------------------------


def rate(browser, obj, stars):
    browser.open(obj.absolute_url())
    form = browser.getForm(action="@@rate-page")
    form.getControl(name="stars").value = [str(stars)]
    form.submit()
    return browser


def rating_box(browser):
    (box,) = page(browser).cssselect("#dvc-rating")
    return box


def box_text(browser):
    return " ".join(rating_box(browser).text_content().split())


def test_rating_one_vote_per_reader_session(site, reader, other_reader, functional_app):
    news = site["news"]
    passer_by = browser_for(functional_app)  # reads the page (RAM-cached), never rates
    passer_by.open(news.absolute_url())
    assert vi("No ratings yet.") in box_text(passer_by)
    token = token_from(reader, news)
    box = rating_box(reader)
    assert len(box.cssselect("input[type=radio][name=stars]")) == 5
    assert all(box.cssselect(f"label[for=dvc-rating-{n}]") for n in range(1, 6))

    rate(reader, news, 5)
    assert "dvc-rating=thanks" in reader.url
    assert rating.summary(refresh(news)) == {"count": 1, "average": 5.0}
    assert vi("Thank you for your rating.") in box_text(reader)

    # The same session again: told it has rated, no form; a post is not counted.
    reader.open(news.absolute_url())
    assert not rating_box(reader).cssselect("form")
    assert vi("You have already rated this page.") in box_text(reader)
    reader.post(
        f"{news.absolute_url()}/@@rate-page",
        urlencode({"stars": "1", "_authenticator": token, HONEYPOT: ""}),
    )
    assert "dvc-rating=already" in reader.url
    assert rating.summary(refresh(news)) == {"count": 1, "average": 5.0}

    # Another session counts; the average is shown to everybody.
    rate(other_reader, news, 2)
    assert rating.summary(refresh(news)) == {"count": 2, "average": 3.5}
    average = vi("Average ${average} out of 5 (${count} ratings)", average="3,5", count=2)
    assert average in box_text(other_reader)
    passer_by.open(news.absolute_url())
    assert average in box_text(passer_by)
    assert rating_box(passer_by).cssselect("form")


def test_rating_on_a_guide_through_its_layout(site, reader):
    guide = site["guide"]
    rate(reader, guide, 4)
    assert reader.url.startswith(guide.absolute_url())
    assert "dvc-rating=thanks" in reader.url
    assert vi("Thank you for your rating.") in box_text(reader)
    assert rating.summary(refresh(guide)) == {"count": 1, "average": 4.0}
    reader.open(guide.absolute_url())
    assert vi("You have already rated this page.") in box_text(reader)


def test_rating_cookie_is_random_httponly_samesite(site, reader):
    news = site["news"]
    reader.open(news.absolute_url())
    form = reader.getForm(action="@@rate-page")
    form.getControl(name="stars").value = ["4"]
    reader.followRedirects = False
    form.submit()
    assert status(reader) == 303
    cookie = reader.headers["Set-Cookie"]
    assert cookie.startswith(f"{rating.COOKIE}=")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Path=/plone" in cookie
    assert "expires" not in cookie.lower()  # ends with the browser session
    token = cookie.split(";")[0].split("=", 1)[1]
    assert len(token) >= 43
    stored = list(rating._ratings(refresh(news)).votes.keys())
    assert len(stored) == 1 and token not in stored  # only a hash is kept


def test_rating_refuses_bad_values(site, reader):
    news = site["news"]
    token = token_from(reader, news)
    for stars in ("0", "6", "abc", ""):
        reader.post(
            f"{news.absolute_url()}/@@rate-page",
            urlencode({"stars": stars, "_authenticator": token, HONEYPOT: ""}),
        )
        assert "dvc-rating=invalid" in reader.url
        assert vi("Please choose from 1 to 5 stars.") in box_text(reader)
    assert rating.summary(refresh(news))["count"] == 0
    reader.open(f"{news.absolute_url()}/@@rate-page?stars=5")
    assert status(reader) == 405
    assert rating.summary(refresh(news))["count"] == 0


def test_rating_needs_csrf_token_and_honeypot(site, reader):
    news = site["news"]
    url = f"{news.absolute_url()}/@@rate-page"
    token = token_from(reader, news)
    for form in (
        {"stars": "5", HONEYPOT: ""},  # no token
        {"stars": "5", HONEYPOT: "", "_authenticator": "forged"},
        {"stars": "5", "_authenticator": token, HONEYPOT: "x"},  # a bot filled the trap
        {"stars": "5", "_authenticator": token},  # posted without loading the form
    ):
        reader.post(url, urlencode(form))
        assert status(reader) == 403, form
    assert rating.summary(refresh(news))["count"] == 0


def test_rating_only_where_offered(site, reader):
    token = token_from(reader, site["news"])
    reader.open(site["page"].absolute_url())
    assert not page(reader).cssselect("#dvc-rating")
    reader.post(
        f"{site['page'].absolute_url()}/@@rate-page",
        urlencode({"stars": "5", "_authenticator": token, HONEYPOT: ""}),
    )
    assert status(reader) == 404


def test_rating_rate_limit(site, functional_app):
    api.portal.set_registry_record(f"{SETTINGS}.ratings_per_window", 2)
    transaction.commit()
    news = site["news"]
    for _ in range(2):
        rate(browser_for(functional_app), news, 4)
    late = rate(browser_for(functional_app), news, 4)
    assert "dvc-rating=busy" in late.url
    assert rating.summary(refresh(news))["count"] == 2


def test_rating_in_the_catalog(site, reader):
    rate(reader, site["news"], 3)
    transaction.begin()
    (brain,) = api.content.find(UID=api.content.get_uuid(site["news"]))
    assert (brain.rating_average, brain.rating_count) == (3.0, 1)
    assert api.content.find(rating_average={"query": 3, "range": "min"})


# --- Was this guide helpful? ------------------------------------------------------


def answer(browser, obj, value, reason=""):
    browser.open(obj.absolute_url())
    form = browser.getForm(action="@@guide-helpful")
    form.getControl(name="answer").value = [value]
    form.getControl(name="reason").value = reason
    form.submit()
    return browser


def entries():
    transaction.begin()
    store = helpful.get_store()
    return list(store.entries.values()) if store is not None else []


def test_helpful_answer_stored_without_personal_data(site, reader):
    guide = site["guide"]
    reader.open(guide.absolute_url())
    (box,) = page(reader).cssselect("#dvc-helpful")
    assert box.cssselect("input[type=radio][name=answer][value=yes]")
    assert box.cssselect("input[type=radio][name=answer][value=no]")
    assert box.cssselect("textarea[name=reason][maxlength='1000']")
    reader.open(site["news"].absolute_url())
    assert not page(reader).cssselect("#dvc-helpful")  # guides only

    answer(reader, guide, "no", "Thiếu mẫu tờ khai")
    assert "dvc-helpful=thanks" in reader.url
    (box,) = page(reader).cssselect("#dvc-helpful")
    assert vi("Thank you for your feedback. Our editors read every answer.") in " ".join(
        box.text_content().split()
    )
    (entry,) = entries()
    assert (entry.helpful, entry.reason) == (False, "Thiếu mẫu tờ khai")
    assert entry.uid == api.content.get_uuid(guide)
    stored = " ".join(str(value) for value in vars(entry).values())
    assert "127.0.0.1" not in stored
    assert helpful.tally(entry.uid) == (0, 1)


def test_helpful_refuses_bad_answers_long_reasons_and_floods(site, reader):
    guide = site["guide"]
    token = token_from(reader, guide)
    url = f"{guide.absolute_url()}/@@guide-helpful"
    reader.post(url, urlencode({"answer": "maybe", "_authenticator": token, HONEYPOT: ""}))
    assert "dvc-helpful=invalid" in reader.url
    long_reason = {"answer": "no", "reason": "x" * 1001, "_authenticator": token, HONEYPOT: ""}
    reader.post(url, urlencode(long_reason))
    assert "dvc-helpful=long" in reader.url
    reader.post(url, urlencode({"answer": "yes", HONEYPOT: ""}))
    assert status(reader) == 403
    reader.post(url, urlencode({"answer": "yes", "_authenticator": token, HONEYPOT: "x"}))
    assert status(reader) == 403
    assert entries() == []

    for _ in range(5):
        answer(reader, guide, "yes")
    answer(reader, guide, "yes")
    assert "dvc-helpful=busy" in reader.url
    assert len(entries()) == 5


def test_editors_review_helpful_answers(site, reader, functional_app):
    guide = site["guide"]
    answer(reader, guide, "no", SCRIPT)
    answer(reader, guide, "yes")
    section_url = f"{site['portal']['huong-dan'].absolute_url()}/@@guide-feedback"

    # Hidden from readers and from members without an editorial role.
    for browser in (reader, browser_for(functional_app, "citizen")):
        browser.open(section_url)
        assert refused(browser)
        assert "alert(1)" not in browser.contents

    editor = browser_for(functional_app, "pheduyet_test")
    editor.open(section_url)
    assert status(editor) == 200
    doc = page(editor)
    items = doc.cssselect(".dvc-guide-feedback__entry")
    assert len(items) == 2
    # Newest first; the reason is plain text.
    assert items[0].cssselect(".dvc-badge--yes")
    assert items[1].cssselect(".dvc-badge--no")
    assert guide.Title() in items[1].text_content()
    (reason,) = items[1].cssselect(".dvc-guide-feedback__reason")
    assert reason.text_content() == SCRIPT
    assert not reason.cssselect("script, b")
    (row,) = doc.cssselect(".dvc-guide-feedback__tallies tbody tr")
    assert [cell.text_content().strip() for cell in row.cssselect("td")] == ["1", "1"]

    # Mark handled: a POST with the token (without it: refused).
    key = items[1].cssselect("input[name=entry]")[0].get("value")
    editor.post(section_url, urlencode({"entry": key}))
    assert status(editor) == 403
    editor.open(section_url)
    forms = page(editor).forms
    index = next(i for i, form in enumerate(forms) if form.fields.get("entry") == key)
    editor.getForm(index=index).submit()
    assert status(editor) == 200
    assert len(page(editor).cssselect(".dvc-guide-feedback__entry")) == 1
    (handled,) = [entry for entry in entries() if entry.handled_at is not None]
    assert handled.handled_by == "pheduyet_test"
    editor.open(f"{section_url}?show=all")
    assert len(page(editor).cssselect(".dvc-guide-feedback__entry")) == 2

    # An Editor of another section sees none of them.
    other = browser_for(functional_app, "section_editor")
    other.open(f"{site['portal']['tin-tuc'].absolute_url()}/@@guide-feedback")
    assert status(other) == 200
    assert not page(other).cssselect(".dvc-guide-feedback__entry")
