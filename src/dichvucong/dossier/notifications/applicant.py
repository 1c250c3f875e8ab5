"""Email and SMS to the applicant when something happens to their dossier.

Messages are composed just before the transaction commits (every subscriber has run by
then: the final status, the extended due date) and sent only once it has committed:
nothing is sent for a transition that is rolled back, and a mail server or SMS provider
that is down never undoes a transition.

Why not Plone's usual ``MailHost.send(immediate=False)``: its direct delivery joins the
transaction and connects to the SMTP server in ``tpc_vote``, so an unreachable server
aborts the whole commit (the transition is lost). Here a site whose MailHost uses a
mail queue (``smtp_queue``) still gets its mails through the queue (written on commit,
no network involved); otherwise mails go out right after the commit.

Texts are always Vietnamese (target language "vi", English msgids) and never contain the
applicant's ID number; logs never contain personal data.
"""

from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.dossier.content.dossier import CLOSED_STATES
from dichvucong.dossier.notifications import sms
from dichvucong.dossier.statuses import TITLES
from email.mime.text import MIMEText
from email.utils import formataddr
from email.utils import make_msgid
from email.utils import parseaddr
from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message
import logging
import transaction


logger = logging.getLogger("dichvucong.notifications")

LANGUAGE = "vi"

# What happened, in one sentence: the first line of the mail and the SMS text.
# Keys: "submitted", the dossier_workflow transitions that concern the applicant, and
# "apology" (recorded by the apology view, which calls notify_applicant itself).
EVENTS = {
    "submitted": _("Your dossier ${code} has been received."),
    "accept": _("Your dossier ${code} has been accepted."),
    "refuse": _("Your dossier ${code} was refused. See the reason on the portal."),
    "request_supplement": _(
        "Your dossier ${code} needs more documents. See the request on the portal."
    ),
    "supplement": _("We have received your supplement to dossier ${code}."),
    "request_fees": _("Please pay the fees of dossier ${code}. See the amount on the portal."),
    "decide": _("Dossier ${code} has been decided; the result will be returned to you."),
    "return_result": _("The result of dossier ${code} has been returned. Please rate the service."),
    "stop": _("Processing of dossier ${code} was stopped. See the reason on the portal."),
    "withdraw": _("Your dossier ${code} has been withdrawn as you asked."),
    "apology": _("The agency apologises for the delay of dossier ${code}."),
}
# Transitions only the office cares about (start_processing, confirm_fees) are not here.
TRANSITIONS = frozenset(EVENTS) - {"submitted", "apology"}
# The comment of these events is the reason the applicant must read.
REASON_EVENTS = frozenset({"refuse", "request_supplement", "stop", "apology"})


def notify_applicant(dossier, event_name, comment="", **extra):
    """Tell the applicant of ``dossier`` about ``event_name`` (a key of ``EVENTS``) by email
    (if they gave an address) and SMS (if they gave a phone number).

    Call it inside the transaction that records the event; the messages are composed
    just before it commits and sent once it has committed (never if it is aborted).
    ``comment`` is the reason or note shown to the applicant. ``extra``:
    ``new_due_at`` (aware datetime), the new due date announced with an apology; other
    keys are ignored. Sending failures are logged without personal data and never
    raise; an unknown ``event_name`` raises ValueError at once.

    The apology view, after ``audit.record(dossier, "apology", ...)``::

        notify_applicant(dossier, "apology", comment=reason, new_due_at=new_due)
    """
    if event_name not in EVENTS:
        raise ValueError(f"Unknown dossier event {event_name!r}")
    transaction.get().addBeforeCommitHook(
        _before_commit, args=(dossier, event_name, comment or "", extra)
    )


def on_submitted(dossier, event):
    notify_applicant(dossier, "submitted")


def after_transition(dossier, event):
    if event.transition is not None and event.transition.id in TRANSITIONS:
        comment = (event.kwargs or {}).get("comment") or ""
        notify_applicant(dossier, event.transition.id, comment=comment)


# Composing


def _t(msgid, **mapping):
    if mapping:
        msgid = Message(msgid, mapping=mapping)  # keeps the domain and the default
    return translate(msgid, domain="dichvucong", target_language=LANGUAGE)


def _when(value):
    return format_datetime(value, target_language=LANGUAGE)


def site_title():
    title = api.portal.get_registry_record("plone.site_title", default=None)
    return title or api.portal.get().Title()


def compose_mail(dossier, event_name, comment="", **extra):
    """(subject, body) of the mail for ``event_name``, in Vietnamese."""
    site = site_title()
    state = api.content.get_state(dossier, default="new")
    status = _t(TITLES.get(state, state))
    subject = _t(
        _("mail_subject", default="[${site}] Dossier ${code}: ${status}"),
        site=site,
        code=dossier.code,
        status=status,
    )
    name = dossier.applicant_name
    lines = [
        _t(_("Dear ${name},"), name=name) if name else _t(_("Dear applicant,")),
        "",
        _t(EVENTS[event_name], code=dossier.code),
        "",
        _t(_("Dossier code: ${code}"), code=dossier.code),
        _t(_("Procedure: ${procedure}"), procedure=dossier.procedure_title or ""),
        _t(_("Status: ${status}"), status=status),
    ]
    if comment:
        label = _("Reason: ${text}") if event_name in REASON_EVENTS else _("Note: ${text}")
        lines.append(_t(label, text=comment))
    if extra.get("new_due_at") is not None:
        lines.append(
            _t(
                _("New due date: ${date}"),
                date=_when(extra["new_due_at"]),
            )
        )
    elif dossier.due_at is not None and state not in CLOSED_STATES and not dossier.paused_since:
        lines.append(
            _t(
                _("Due date: ${date}"),
                date=_when(dossier.due_at),
            )
        )
    lines += [
        _t(_("See your dossier: ${url}"), url=dossier.absolute_url()),
        "",
        "-- ",
        _t(_("This is an automatic message from ${site}. Please do not reply."), site=site),
    ]
    return subject, "\n".join(lines) + "\n"


def compose_sms(dossier, event_name):
    """A short text: the site's name and what happened (with the code, nothing else)."""
    line = _t(EVENTS[event_name], code=dossier.code)
    text = f"{site_title()}: {line}"
    return text if len(text) <= sms.MAX_LENGTH else line


def mail_sender():
    """The From header, or None (logged) when the site has no sender address."""
    address = api.portal.get_registry_record("plone.email_from_address", default=None)
    if not address:
        logger.warning("The site's email sender address is not configured: no email sent")
        return None
    name = api.portal.get_registry_record("plone.email_from_name", default=None) or ""
    sender = formataddr((name, address))
    return sender if parseaddr(sender)[1] == address else address


# Sending


def _before_commit(dossier, event_name, comment, extra):
    code = getattr(dossier, "code", "?")
    txn = transaction.get()
    try:
        if dossier.applicant_email:
            _queue_mail(txn, dossier, event_name, comment, extra)
    except Exception as error:
        logger.error("Mail about dossier %s (%s) not sent: %s", code, event_name, _kind(error))
    try:
        if dossier.applicant_phone:
            text = compose_sms(dossier, event_name)
            txn.addAfterCommitHook(
                _send_sms, args=(dossier.applicant_phone, text, code, event_name)
            )
    except Exception as error:
        logger.error("SMS about dossier %s (%s) not sent: %s", code, event_name, _kind(error))


def _queue_mail(txn, dossier, event_name, comment, extra):
    sender = mail_sender()
    if sender is None:
        return
    subject, body = compose_mail(dossier, event_name, comment, **extra)
    message = MIMEText(body, "plain", "utf-8")
    message["Message-Id"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    host = api.portal.get_tool("MailHost")
    args = (host, message, dossier.applicant_email, sender, subject)
    if getattr(host, "smtp_queue", False):
        # Written to the queue directory on commit; the queue thread sends it.
        host.send(message, mto=args[2], mfrom=sender, subject=subject, charset="utf-8")
    else:
        txn.addAfterCommitHook(_send_mail, args=(*args, dossier.code, event_name))


def _send_mail(committed, host, message, recipient, sender, subject, code, event_name):
    if not committed:
        return
    try:
        host.send(
            message, mto=recipient, mfrom=sender, subject=subject, charset="utf-8", immediate=True
        )
    except Exception as error:
        logger.error("Mail about dossier %s (%s) not sent: %s", code, event_name, _kind(error))


def _send_sms(committed, phone, text, code, event_name):
    if not committed:
        return
    try:
        sender = sms.get_sender()
        if sender is not None:
            sender.send(phone, text)
    except Exception as error:
        logger.error("SMS about dossier %s (%s) not sent: %s", code, event_name, _kind(error))


def _kind(error):
    # Only the class: SMTP errors quote the recipient's address.
    return type(error).__name__
