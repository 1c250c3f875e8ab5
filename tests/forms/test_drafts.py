"""Drafts a citizen comes back to (src/dichvucong/forms/drafts.py, saving.py,
prefill.py, my_drafts.py, notice.py): "Lưu nháp" keeps a half-filled form without
checking it, "Hồ sơ của tôi" lists it with the service name and its expiry date, the
citizen resumes or deletes it, an expired draft disappears and the citizen is told,
and answers posted after the login session ended come back after logging in."""

from datetime import timedelta
from dichvucong.base.dates import portal_now
from dichvucong.dossier import audit
from dichvucong.dossier.storage import ensure_store
from dichvucong.forms import drafts
from dichvucong.forms import notice
from plone import api
from plone.app.testing import logout
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.users import browser_for
from tests.helpers.users import logged_in
from tests.helpers.users import make_user
from urllib.parse import parse_qs
from urllib.parse import urlencode
from urllib.parse import urlparse
import io
import pytest
import transaction


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
CITIZEN = "citizen_drafts"
OTHER = "citizen_other"
SERVICE = "Đăng ký khai sinh trực tuyến"  # the form's title


@pytest.fixture
def site(functional_portal):
    make_user(CITIZEN, "Nguyen Thi Hong Nhung")
    make_user(OTHER, "Tran Van Khac")
    transaction.commit()
    notice.PARKINGS.reset()
    return functional_portal


@pytest.fixture
def form_url(site):
    return site["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"].absolute_url()


@pytest.fixture
def my_dossiers(site):
    return f"{site.absolute_url()}/@@my-dossiers"


@pytest.fixture
def citizen(functional_app, form_url):
    browser = browser_for(functional_app, CITIZEN)
    browser.open(form_url)
    return browser


def control(browser, name):
    return browser.getControl(name=f"form.widgets.{name}")


def save(browser):
    browser.getControl(name="form.buttons.save_draft").click()


def token_in(url):
    return parse_qs(urlparse(url).query)["draft"][0]


def messages(browser):
    return [text(element) for element in page(browser).cssselect(".portalMessage")]


def days_later(days):
    return f"{portal_now().date() + timedelta(days=days):%d/%m/%Y}"


def half_fill(browser, upload=True):
    """Half the birth form: a name, a date still being typed, a choice, a file."""
    control(browser, "child_name").value = "Nguyễn Minh An"
    control(browser, "child_birth_date").value = "12/0"
    browser.getControl(name="form.widgets.child_sex").displayValue = ["Nam"]  # radio buttons
    if upload:
        control(browser, "birth_certificate").add_file(
            io.BytesIO(PDF), "application/pdf", "giay-chung-sinh.pdf"
        )


def store_draft(token):
    transaction.begin()
    return ensure_store(api.portal.get()).drafts.get(token)


def test_save_keeps_the_form_as_typed_unchecked(citizen, form_url):
    button = citizen.getControl(name="form.buttons.save_draft")
    assert button.value == "Lưu nháp"
    (rendered,) = page(citizen).cssselect("#form-buttons-save_draft")
    assert rendered.get("formnovalidate") is not None  # a half-filled form is saved
    half_fill(citizen)
    save(citizen)
    # Back on the form, reloaded from the draft (no error: nothing was checked).
    assert citizen.url.startswith(f"{form_url}?draft=")
    assert citizen.headers["status"].startswith("200")
    assert not page(citizen).cssselect("#dvc-error-summary")
    (message,) = messages(citizen)
    assert "Đã lưu bản nháp" in message
    assert days_later(30) in message
    assert "Hồ sơ của tôi" in message
    assert control(citizen, "child_name").value == "Nguyễn Minh An"
    assert control(citizen, "child_birth_date").value == "12/0"
    assert citizen.getControl(name="form.widgets.child_sex").displayValue == ["Nam"]
    token = token_in(citizen.url)
    assert citizen.getControl(name="dvc-draft").value == token
    assert text(page(citizen).cssselect("#form-widgets-birth_certificate-kept")[0]) == (
        "Đã tải lên: giay-chung-sinh.pdf"
    )
    # No answer in the URL: only the token.
    assert urlparse(citizen.url).query == f"draft={token}"

    # Saving again updates the same draft.
    control(citizen, "child_birth_date").value = "12/05/2025"
    save(citizen)
    assert token_in(citizen.url) == token
    assert control(citizen, "child_birth_date").value == "12/05/2025"
    draft = store_draft(token)
    assert draft.kind == drafts.SAVED and draft.userid == CITIZEN
    assert [f.filename for f in draft.files["birth_certificate"]] == ["giay-chung-sinh.pdf"]


def test_my_dossiers_lists_the_draft_to_resume(citizen, form_url, my_dossiers):
    half_fill(citizen, upload=False)
    save(citizen)
    token = token_in(citizen.url)
    citizen.open(my_dossiers)
    (section,) = page(citizen).cssselect("#dvc-my-drafts")
    assert text(section.cssselect("h2")[0]) == "Bản nháp"
    (item,) = section.cssselect(".dvc-draft")
    assert text(item.cssselect(".dvc-draft__title")[0]) == SERVICE
    assert text(item.cssselect(".dvc-draft__expires")[0]) == days_later(30)
    assert text(item.cssselect(".dvc-draft__saved")[0]).startswith(days_later(0))
    (resume,) = item.cssselect("a.dvc-draft__resume")
    assert text(resume) == "Tiếp tục điền"
    assert resume.get("href") == f"{form_url}?draft={token}"
    citizen.open(resume.get("href"))
    assert control(citizen, "child_name").value == "Nguyễn Minh An"
    assert control(citizen, "child_birth_date").value == "12/0"


def test_a_draft_is_only_its_owners(functional_app, citizen, form_url, my_dossiers):
    half_fill(citizen, upload=False)
    save(citizen)
    url = citizen.url
    other = browser_for(functional_app, OTHER)
    other.open(url)
    assert control(other, "child_name").value == ""
    assert any("Bản nháp đã hết hạn" in message for message in messages(other))
    other.open(my_dossiers)
    assert not page(other).cssselect("#dvc-my-drafts")


def test_delete_from_my_dossiers(functional_app, citizen, my_dossiers):
    half_fill(citizen, upload=False)
    save(citizen)
    token = token_in(citizen.url)
    # Someone else's POST, even with their own valid CSRF token, deletes nothing.
    other = browser_for(functional_app, OTHER)
    other.open(citizen.url.split("?")[0])
    authenticator = api_token(other)
    other.open(
        f"{my_dossiers.rsplit('/', 1)[0]}/@@delete-draft",
        data=urlencode({"draft": token, "_authenticator": authenticator}),
    )
    assert store_draft(token) is not None

    citizen.open(my_dossiers)
    warning = text(page(citizen).cssselect("#dvc-drafts-note")[0])
    assert "không khôi phục được" in warning
    (button,) = page(citizen).cssselect(".dvc-draft__delete button")
    assert text(button) == "Xóa"
    assert button.get("aria-describedby") == "dvc-drafts-note"
    citizen.getForm(index=form_index(citizen, "dvc-draft__delete")).submit()
    assert citizen.url == my_dossiers
    assert any(f"Đã xóa bản nháp “{SERVICE}”." in m for m in messages(citizen))
    assert not page(citizen).cssselect("#dvc-my-drafts")
    assert store_draft(token) is None


def test_delete_needs_the_csrf_token(functional_app, citizen, my_dossiers):
    half_fill(citizen, upload=False)
    save(citizen)
    token = token_in(citizen.url)
    forged = browser_for(functional_app, CITIZEN)
    forged.open(f"{my_dossiers.rsplit('/', 1)[0]}/@@delete-draft", data=urlencode({"draft": token}))
    assert forged.headers["status"].startswith("403")
    assert store_draft(token) is not None


def api_token(browser):
    return page(browser).cssselect("input[name='_authenticator']")[0].get("value")


def form_index(browser, css_class):
    forms = page(browser).cssselect("form")
    return next(i for i, f in enumerate(forms) if css_class in (f.get("class") or ""))


def expire(token):
    draft = store_draft(token)
    draft.expires = audit.now() - timedelta(minutes=1)
    transaction.commit()


def test_an_expired_draft_disappears_and_the_citizen_is_told(citizen, my_dossiers):
    half_fill(citizen, upload=False)
    save(citizen)
    url = citizen.url
    token = token_in(url)
    expire(token)
    # Its link says so on the form, which comes back empty.
    citizen.open(url)
    assert any("Bản nháp đã hết hạn" in m for m in messages(citizen))
    assert control(citizen, "child_name").value == ""
    # "My dossiers" says once which drafts expired, and lists them no more.
    citizen.open(my_dossiers)
    (told,) = page(citizen).cssselect("#dvc-drafts-expired")
    assert text(told) == f"Các bản nháp sau đã hết hạn và đã bị xóa: {SERVICE}."
    assert not page(citizen).cssselect(".dvc-draft")
    assert store_draft(token) is None  # purged
    citizen.open(my_dossiers)
    assert not page(citizen).cssselect("#dvc-my-drafts")


def test_an_expired_draft_purged_by_someone_elses_save_is_still_told(citizen, my_dossiers, form):
    """Saving purges expired drafts everywhere: the answers and files go at once, the
    service name stays until its owner's list has said so."""
    half_fill(citizen)
    save(citizen)
    token = token_in(citizen.url)
    expire(token)
    drafts._purge(ensure_store(api.portal.get()).drafts, scan=10**6)
    transaction.commit()
    buried = store_draft(token)
    assert buried.kind == drafts.EXPIRED
    assert not buried.raw and not buried.files
    citizen.open(my_dossiers)
    assert SERVICE in text(page(citizen).cssselect("#dvc-drafts-expired")[0])
    assert store_draft(token) is None


@pytest.fixture
def form(site):
    return site["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"]


def test_submitting_a_resumed_draft_deletes_it(citizen, form_url, my_dossiers):
    half_fill(citizen)
    save(citizen)
    token = token_in(citizen.url)
    citizen.open(f"{form_url}?draft={token}")
    for name, value in {
        "applicant_id_number": "001190012345",
        "applicant_phone": "0912345678",
        "child_birth_date": "01/11/2025",
        "child_birth_place": "Bệnh viện Phụ sản Hà Nội",
        "mother_name": "Nguyễn Thị Hồng Nhung",
    }.items():
        control(citizen, name).value = value
    citizen.getControl(name="form.widgets.relationship:list").displayValue = ["Mẹ"]
    citizen.getControl(name="form.widgets.receiving_agency:list").displayValue = [
        "Phường Hoàn Kiếm"
    ]
    citizen.getControl(name="form.buttons.submit").click()
    assert "@@check-answers?draft=" in citizen.url
    # The file saved with the draft goes with the dossier.
    assert text(page(citizen).cssselect("#answer-birth_certificate .answer-value")[0]) == (
        "giay-chung-sinh.pdf"
    )
    # "Sửa" and back: still the same saved draft in the form.
    change = page(citizen).cssselect("#answer-child_name .answer-change")[0].get("href")
    citizen.open(change)
    assert citizen.getControl(name="dvc-draft").value == token
    citizen.getControl(name="form.buttons.submit").click()
    citizen.getControl(name="form.submitted").click()
    assert citizen.url.endswith("/@@dossier-submitted")
    assert store_draft(token) is None
    citizen.open(my_dossiers)
    assert not page(citizen).cssselect("#dvc-my-drafts")


# --- The login session ends mid-form ---------------------------------------------


POSTED = {
    "form.widgets.child_name": "Nguyễn Minh An",
    "form.widgets.child_birth_date": "12/0",
    "form.buttons.submit": "Nộp",
}


def post_anonymously(browser, form_url, **headers):
    for name, value in headers.items():
        browser.addHeader(name, value)
    browser.open(form_url, data=urlencode(POSTED))


def test_answers_posted_after_the_session_ended_come_back_after_login(
    functional_app, form_url, my_dossiers
):
    browser = browser_for(functional_app)
    post_anonymously(browser, form_url, Origin=urlparse(form_url)._replace(path="").geturl())
    # Told in Vietnamese, on the log-in page, whose came_from leads back to the form.
    login = urlparse(browser.url)
    assert login.path.endswith("/login")
    came_from = parse_qs(login.query)["came_from"][0]
    assert came_from.startswith(f"{form_url}?draft=")
    assert "Nguy" not in browser.url
    assert any("Phiên đăng nhập của Ông/Bà đã hết" in m for m in messages(browser))
    token = token_in(came_from)
    parked = store_draft(token)
    assert parked.kind == drafts.PARKED and parked.userid is None
    assert parked.expires - parked.saved == timedelta(hours=2)

    # Someone else, in another browser, with the link only: nothing.
    other = browser_for(functional_app, OTHER)
    other.open(came_from)
    assert control(other, "child_name").value == ""

    # The citizen logs in again in the same browser and comes back.
    logged_in(browser, CITIZEN)
    browser.open(came_from)
    assert control(browser, "child_name").value == "Nguyễn Minh An"
    assert control(browser, "child_birth_date").value == "12/0"
    assert any("đã được khôi phục" in m for m in messages(browser))
    assert browser.getControl(name="dvc-draft").value == token
    claimed = store_draft(token)
    assert claimed.kind == drafts.SAVED and claimed.userid == CITIZEN
    browser.open(my_dossiers)
    assert text(page(browser).cssselect(".dvc-draft__title")[0]) == SERVICE


def test_a_cross_site_post_parks_nothing(functional_app, form_url):
    browser = browser_for(functional_app)
    post_anonymously(browser, form_url, Origin="https://evil.example")
    assert browser.url == form_url
    assert page(browser).cssselect("#dossier-login-notice")
    assert "dvc_parked" not in browser.cookies


def test_parking_is_rate_limited(functional_app, form_url):
    for _ in range(notice.PARKINGS_PER_WINDOW):
        post_anonymously(browser_for(functional_app), form_url)
    browser = browser_for(functional_app)
    post_anonymously(browser, form_url)
    assert page(browser).cssselect("#dossier-login-notice")
    assert "/login" not in browser.url


def test_a_parked_draft_is_nobodys_until_claimed(form):
    """Anonymous (whose user id is None too) cannot reach a parked draft's files
    through a kept-file token, nor load it."""
    logout()
    token, _secret = drafts.park(form, {"form.widgets.child_name": "An"}, {})
    assert drafts.load(form, token) is None
    assert drafts.kept_file(form, token, "birth_certificate") is None
    assert drafts.parked_draft(form, token) is not None
    assert drafts.claim(form, token, "not-the-secret") is None
    transaction.abort()


def test_only_service_forms_offer_save_as_draft(functional_app, site):
    """A plain EasyForm (a survey, no Create-dossier action) gets no draft button."""
    with api.env.adopt_roles(["Manager"]):
        survey = api.content.create(container=site, type="EasyForm", id="khao-sat", title="Survey")
        api.content.transition(obj=survey, to_state="published")
    transaction.commit()
    browser = browser_for(functional_app, CITIZEN)
    browser.open(survey.absolute_url())
    controls = [control.name for control in browser.getForm(id="form").controls]
    assert "form.buttons.submit" in controls
    assert "form.buttons.save_draft" not in controls
