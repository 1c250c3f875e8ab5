"""SMS to the applicant through a pluggable sender.

A provider is a named utility providing ``ISMSSender``; the registry record
``dichvucong.sms.sender`` names the one to use (default ``"log"``: one line per SMS in
the ``dichvucong.sms`` log, for sites without a provider and for tests). SMS texts
carry the dossier code and its status, never other personal data.
"""

from plone import api
from zope.component import queryUtility
from zope.interface import Interface
from zope.interface import implementer
import logging


REGISTRY_RECORD = "dichvucong.sms.sender"
DEFAULT_SENDER = "log"
# One segment of GSM text; Vietnamese with diacritics needs UCS-2 (70 per segment),
# so longer texts are sent as several segments by the provider.
MAX_LENGTH = 160

logger = logging.getLogger("dichvucong.sms")


class ISMSSender(Interface):
    """Sends one text message. Raise on failure: the caller logs it and carries on."""

    def send(phone, text):
        """Send ``text`` (unicode) to ``phone`` (as stored on the dossier: 0912345678 or
        +84912345678)."""


def mask_phone(phone):
    """``*******678``: the last 3 digits, the rest hidden (same length)."""
    phone = phone or ""
    keep = 3 if len(phone) > 3 else 0
    return "*" * (len(phone) - keep) + phone[len(phone) - keep :]


@implementer(ISMSSender)
class LogSMSSender:
    """Writes each SMS to the ``dichvucong.sms`` log instead of sending it."""

    def send(self, phone, text):
        logger.info("SMS to %s: %s", mask_phone(phone), text)


log_sender = LogSMSSender()


def get_sender():
    """The configured sender, or None (logged) when the record names no utility."""
    name = api.portal.get_registry_record(REGISTRY_RECORD, default=None) or DEFAULT_SENDER
    sender = queryUtility(ISMSSender, name=name)
    if sender is None:
        logger.warning("No SMS sender named %r: SMS not sent", name)
    return sender
