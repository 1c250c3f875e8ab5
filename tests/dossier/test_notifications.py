"""Telling the applicant: email through the site's real MailHost to an SMTP server on
loopback, SMS through the "log" sender, and the satisfaction rating.

Functional layer: mails leave only when the transaction commits, so these tests commit
(each test has its own stacked DemoStorage). The SMTP server is a minimal one written
below with the standard library (aiosmtpd is not installed in this environment).
"""

from dichvucong.dossier.notifications import applicant
from dichvucong.dossier.notifications.rating import can_rate
from dichvucong.dossier.notifications.rating import rating_of
from dichvucong.dossier.notifications.sms import mask_phone
from dichvucong.dossier.submission import attach
from dichvucong.dossier.submission import submit as do_submit
from dichvucong.interfaces import IDichvucongLayer
from email import message_from_bytes
from email import policy
from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from plone.namedfile.file import NamedBlobFile
from plone.protect.authenticator import createToken
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.instance import free_port
from tests.helpers.users import add_dossier_people
from tests.helpers.users import browser_for
from urllib.parse import urlencode
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
import logging
import pytest
import socketserver
import threading
import transaction


ID_NUMBER = "001200012345"
PHONE = "0912345678"
SENDER = "noreply@dichvucong.example.org"


# A minimal SMTP server on 127.0.0.1 that keeps what it receives.


class _SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self):
        self.reply("220 localhost test SMTP")
        envelope = {"from": None, "to": []}
        while line := self.rfile.readline():
            verb = line[:4].decode("ascii", "replace").upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif verb == "MAIL":
                envelope = {"from": line.decode().split(":", 1)[1].strip(), "to": []}
                self.reply("250 OK")
            elif verb == "RCPT":
                envelope["to"].append(line.decode().split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                self.server.received.append((envelope, b"".join(data)))
                self.reply("250 OK")
            elif verb == "RSET":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Not implemented")


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SMTPHandler)
        self.received = []
        self.port = self.server_address[1]

    def messages(self):
        """[(recipients, email.message.EmailMessage)]"""
        return [
            (env["to"], message_from_bytes(data, policy=policy.default))
            for env, data in self.received
        ]


@pytest.fixture
def smtp():
    server = SMTPServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(functional, smtp):
    """The functional portal with users, a sender address and its SMTP server ``smtp``."""
    portal = functional["portal"]
    add_dossier_people()
    api.portal.set_registry_record("plone.email_from_address", SENDER)
    api.portal.set_registry_record("plone.email_from_name", "Dich vu cong")
    # Plone's SMTP settings are registry records (they override the MailHost's own).
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", smtp.port)
    transaction.commit()
    yield portal
    login(portal, TEST_USER_NAME)


@pytest.fixture
def submit(site):
    """submit(**answers) -> a committed birth-registration dossier of citizen_a."""
    birth = procedure(BIRTH)

    def make(userid="citizen_a", **answers):
        login(site, userid)
        values = {
            "applicant_name": "Nguyen Van A",
            "applicant_id_number": ID_NUMBER,
            "applicant_phone": PHONE,
            "child_name": "Nguyen Van Be",
            **answers,
        }
        dossier = do_submit(birth, values)
        transaction.commit()
        logout()
        return dossier

    return make


def transition(site, dossier, name, userid="official_x", commit=True, **kw):
    login(site, userid)
    api.content.transition(dossier, transition=name, **kw)
    if commit:
        transaction.commit()
    logout()


def mails_to(smtp, address):
    messages = smtp.messages()
    for _recipients, message in messages:  # whatever the test, never the ID number
        assert ID_NUMBER not in message.as_string()
        assert ID_NUMBER not in message.get_content()
    return [message for recipients, message in messages if address in recipients]


# Email


def test_submission_mail(site, smtp, submit):
    dossier = submit()
    [mail] = mails_to(smtp, "citizen_a@example.org")
    assert mail["To"] == "citizen_a@example.org"
    assert SENDER in mail["From"]
    site_title = applicant.site_title()
    assert mail["Subject"].startswith(f"[{site_title}] ")
    assert dossier.code in mail["Subject"]
    body = mail.get_content()
    assert mail.get_content_type() == "text/plain"
    assert "Nguyen Van A" in body
    assert dossier.code in body
    assert dossier.procedure_title in body
    assert dossier.absolute_url() in body
    assert f"{dossier.due_at:%d/%m/%Y %H:%M}" in body
    assert "0912345678" not in body


def test_no_mail_before_commit_nor_after_abort(site, smtp, submit):
    dossier = submit()
    smtp.received.clear()
    login(site, "official_x")
    api.content.transition(dossier, transition="accept")
    assert smtp.received == []
    transaction.abort()
    assert smtp.received == []
    assert api.content.get_state(dossier) == "new"


def test_refusal_mail_carries_the_reason(site, smtp, submit):
    dossier = submit()
    reason = "Thieu giay chung sinh ban chinh"
    transition(site, dossier, "refuse", comment=reason)
    mails = mails_to(smtp, "citizen_a@example.org")
    assert len(mails) == 2
    refusal = mails[-1]
    assert dossier.code in refusal["Subject"]
    assert reason in refusal.get_content()
    # A closed dossier has no due date any more.
    assert f"{dossier.due_at:%d/%m/%Y %H:%M}" not in refusal.get_content()


def test_transitions_that_concern_the_applicant(site, smtp, submit):
    dossier = submit()
    transition(site, dossier, "accept")
    transition(site, dossier, "start_processing")  # office only: no mail
    transition(site, dossier, "request_supplement", comment="Ban sao giay dang ky ket hon")
    transition(site, dossier, "supplement", userid="citizen_a")
    transition(site, dossier, "decide")
    mails = mails_to(smtp, "citizen_a@example.org")
    assert len(mails) == 5  # submitted, accept, request_supplement, supplement, decide
    assert "Ban sao giay dang ky ket hon" in mails[2].get_content()
    assert all(dossier.code in m["Subject"] for m in mails)


def test_no_mail_without_an_email_address(site, smtp, submit, caplog):
    caplog.set_level(logging.INFO, logger="dichvucong.sms")
    with api.env.adopt_roles(["Manager"]):
        api.user.get(userid="citizen_b").setMemberProperties({"email": ""})
    transaction.commit()
    dossier = submit(userid="citizen_b")
    assert not dossier.applicant_email
    transition(site, dossier, "accept")
    assert smtp.received == []
    assert len([r for r in caplog.records if r.name == "dichvucong.sms"]) == 2  # SMS still go


def test_apology_through_notify_applicant(site, smtp, submit):
    dossier = submit()
    new_due = dossier.due_at.replace(year=dossier.due_at.year + 1)
    login(site, "official_x")
    applicant.notify_applicant(dossier, "apology", comment="Cho xac minh", new_due_at=new_due)
    transaction.commit()
    apology = mails_to(smtp, "citizen_a@example.org")[-1]
    assert "Cho xac minh" in apology.get_content()
    assert f"{new_due:%d/%m/%Y %H:%M}" in apology.get_content()
    with pytest.raises(ValueError):
        applicant.notify_applicant(dossier, "start_processing")


def test_apology_page_tells_the_applicant(site, smtp, submit):
    """The officials' apology form (template 04) sends the new date to the applicant."""
    dossier = submit()
    login(site, "official_x")
    request = site.REQUEST
    request.environ["REQUEST_METHOD"] = "POST"
    request.form.update(
        {
            "form.widgets.reason": "Cho xac minh",
            "form.widgets.new_date": "15/01/2031",
            "form.buttons.apology": "1",
            "_authenticator": createToken(),
        }
    )
    getMultiAdapter((dossier, request), name="dossier-apology")()
    transaction.commit()
    apology = mails_to(smtp, "citizen_a@example.org")[-1]
    assert "Cho xac minh" in apology.get_content()
    assert "15/01/2031" in apology.get_content()


def test_broken_smtp_server_does_not_break_the_transition(site, smtp, submit, caplog):
    api.portal.set_registry_record("plone.smtp_port", free_port())  # nobody listens
    transaction.commit()
    dossier = submit()
    transition(site, dossier, "accept")
    transaction.begin()
    assert api.content.get_state(dossier) == "accepted"
    assert dossier.audit[-1]["action"] == "accept"
    errors = [r for r in caplog.records if r.name == "dichvucong.notifications"]
    assert len(errors) == 2  # one line per mail not sent, no personal data
    for record in errors:
        line = record.getMessage()
        assert dossier.code in line
        assert "ConnectionRefusedError" in line
        assert "example.org" not in line
        assert "Nguyen" not in line
        assert not record.exc_info
    assert smtp.received == []


def test_no_sender_address_one_warning_and_no_mail(site, smtp, submit, caplog):
    api.portal.set_registry_record("plone.email_from_address", "")
    transaction.commit()
    submit()
    warnings = [r for r in caplog.records if r.name == "dichvucong.notifications"]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert "example.org" not in warnings[0].getMessage()
    assert smtp.received == []


def test_queued_mailhost_writes_to_the_queue_on_commit(site, smtp, submit, tmp_path, monkeypatch):
    monkeypatch.setenv("MAILHOST_QUEUE_ONLY", "1")  # no queue thread: leave it on disk
    site.MailHost.smtp_queue = True
    site.MailHost.smtp_queue_directory = str(tmp_path / "queue")  # created as a Maildir
    transaction.commit()
    dossier = submit()
    [queued] = list((tmp_path / "queue" / "new").iterdir())
    assert dossier.code.encode() in queued.read_bytes()
    assert smtp.received == []


# SMS


def test_sms_log_line_masks_the_phone(site, submit, caplog):
    caplog.set_level(logging.INFO, logger="dichvucong.sms")
    dossier = submit()
    transition(site, dossier, "accept")
    lines = [r.getMessage() for r in caplog.records if r.name == "dichvucong.sms"]
    assert len(lines) == 2
    for line in lines:
        assert "*******678" in line
        assert PHONE not in line
        assert dossier.code in line
        assert ID_NUMBER not in line
        assert "Nguyen" not in line


def test_sms_sender_is_chosen_by_the_registry(site, submit, caplog):
    caplog.set_level(logging.INFO)
    api.portal.set_registry_record("dichvucong.sms.sender", "missing")
    transaction.commit()
    dossier = submit()
    assert api.content.get_state(dossier) == "new"
    assert not [r for r in caplog.records if r.name == "dichvucong.sms" and r.levelno == 20]
    assert any("missing" in r.getMessage() for r in caplog.records if r.levelno == 30)


def test_mask_phone():
    assert mask_phone("0912345678") == "*******678"
    assert mask_phone("+84912345678") == "*********678"
    assert mask_phone("") == ""


# Rating


@pytest.fixture
def returned(site, submit):
    dossier = submit()
    transition(site, dossier, "accept", commit=False)
    transition(site, dossier, "start_processing", commit=False)
    transition(site, dossier, "decide", commit=False)
    attach(dossier, "result", NamedBlobFile(data=b"%PDF-1.4\n%%EOF\n", filename="kq.pdf"))
    transition(site, dossier, "return_result")
    return dossier


def rating_url(dossier):
    return f"{dossier.absolute_url()}/@@dossier-rating"


def post_rating(browser, dossier, token=True, **values):
    answers = {"overall": "5", "timeliness": "4", "convenience": "3", "attitude": "5", **values}
    # z3c.form's names: the fields, and the button pressed.
    form = {
        name if name.startswith("_") else f"form.widgets.{name}": value
        for name, value in answers.items()
    }
    form["form.buttons.send"] = "1"
    if token:
        browser.open(rating_url(dossier))
        form["_authenticator"] = browser.getControl(name="_authenticator").value
    browser.post(rating_url(dossier), urlencode(form))


def test_owner_rates_once(functional, site, returned):
    browser = browser_for(functional["app"], "citizen_a", handle_errors=False)
    browser.open(rating_url(returned))
    assert browser.headers["status"].startswith("200")
    for criterion in ("overall", "timeliness", "convenience", "attitude"):
        for score in range(1, 6):
            assert f'id="rating-{criterion}-{score}"' in browser.contents
    post_rating(browser, returned, comment="Nhanh, 1 < 2 & 3 > 2")
    assert browser.url == rating_url(returned)  # redirected to the rating given
    assert 'id="rating-given"' in browser.contents
    assert "1 &lt; 2 &amp; 3 &gt; 2" in browser.contents
    transaction.begin()
    rating = rating_of(returned)
    assert {k: rating[k] for k in ("overall", "timeliness", "convenience", "attitude")} == {
        "overall": 5,
        "timeliness": 4,
        "convenience": 3,
        "attitude": 5,
    }
    assert rating["comment"] == "Nhanh, 1 < 2 & 3 > 2"
    assert rating["when"] is not None
    entry = returned.audit[-1]
    assert (entry["action"], entry["public"], entry["actor"]) == ("rated", True, "citizen_a")

    # A second rating is refused with a message; nothing changes.
    browser.open(rating_url(returned))
    assert 'id="rating-form"' not in browser.contents
    login(site, "citizen_a")
    post_rating(browser, returned, token=False, overall="1", _authenticator=createToken())
    assert browser.headers["status"].startswith("409")
    transaction.begin()
    assert rating_of(returned)["overall"] == 5
    assert [e["action"] for e in returned.audit].count("rated") == 1


def refused(functional, userid, url):
    """True if ``userid`` is refused ``url`` (Plone's "insufficient privileges" page)."""
    # Unauthorized raised in traversal: let Plone answer.
    browser = browser_for(functional["app"], userid)
    browser.open(url)
    return browser.url.endswith(("/insufficient-privileges", "/require_login")) and (
        'id="rating-form"' not in browser.contents
    )


@pytest.mark.parametrize("userid", ["citizen_b", "official_x", "leader"])
def test_only_the_owner_may_rate(functional, site, returned, userid):
    assert refused(functional, userid, rating_url(returned))
    assert not refused(functional, "citizen_a", rating_url(returned))
    alsoProvides(site.REQUEST, IDichvucongLayer)
    login(site, userid)
    with pytest.raises(Unauthorized):
        returned.restrictedTraverse("@@dossier-rating")
    login(site, "citizen_a")
    assert returned.restrictedTraverse("@@dossier-rating")


def test_no_rating_before_the_result_is_returned(functional, site, submit):
    dossier = submit()
    transition(site, dossier, "accept")
    assert refused(functional, "citizen_a", rating_url(dossier))
    login(site, "citizen_a")
    assert not can_rate(dossier)


def test_can_rate(site, returned):
    login(site, "citizen_a")
    assert can_rate(returned)
    login(site, "citizen_b")
    assert not can_rate(returned)


def test_rating_needs_the_csrf_token(functional, returned):
    browser = browser_for(functional["app"], "citizen_a", handle_errors=False)
    with pytest.raises(Forbidden):
        post_rating(browser, returned, token=False)
    transaction.begin()
    assert rating_of(returned) is None


@pytest.mark.parametrize(
    "values",
    [
        {"overall": "6"},
        {"overall": "0"},
        {"timeliness": "3.5"},
        {"convenience": "abc"},
        {"attitude": ""},
        {"comment": "<b>hay</b>"},
        {"comment": "x" * 1001},
    ],
)
def test_refused_values(functional, returned, values):
    browser = browser_for(functional["app"], "citizen_a", handle_errors=False)
    post_rating(browser, returned, **values)
    assert browser.headers["status"].startswith("400")
    assert 'id="rating-form"' in browser.contents
    [name] = values
    assert f'id="rating-{name}-error"' in browser.contents
    transaction.begin()
    assert rating_of(returned) is None
