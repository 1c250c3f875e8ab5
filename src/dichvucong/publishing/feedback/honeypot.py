"""collective.honeypot for our forms, and its logs without personal data.

collective.honeypot checks every POST to the site before traversal: a request whose
hidden field (``HONEYPOT_FIELD``, default ``protected_1``) is filled in is refused
(403). Its transform adds the field to every HTML form, and its form extender adds
it to plone.app.discussion's comment form. For the actions named here the field must
also be present, so a bot that posts straight to them without loading the page is
refused too; our views check the same themselves (``check``), whatever the URL.

Its log lines carry the visitor's address and, for accepted posts, the whole form
(names, comment text): the filter below keeps only the outcome and the URL.
"""

from collective.honeypot import config
from collective.honeypot.utils import deny
from collective.honeypot.utils import found_honeypot
import logging


PROTECTED_ACTIONS = ("rate-page", "guide-helpful")
config.EXTRA_PROTECTED_ACTIONS.update(PROTECTED_ACTIONS)


def field_name():
    return config.HONEYPOT_FIELD


def check(request):
    """Refuse (403) a post whose honeypot field is missing or filled in."""
    if found_honeypot(getattr(request, "form", {}), required=True):
        deny()


class WithoutPersonalData(logging.Filter):
    """Rewrites collective.honeypot's ACCEPTED/SPAMMER lines to outcome + URL."""

    def filter(self, record):
        message = str(record.msg)
        args = record.args if isinstance(record.args, tuple) else ()
        try:
            if message.startswith("ACCEPTED POST"):
                record.msg, record.args = "ACCEPTED POST to %r", (args[1],)
            elif message.startswith("SPAMMER caught"):
                record.msg, record.args = (
                    "SPAMMER caught in honeypot: %s. url %r",
                    (
                        args[0],
                        args[2],
                    ),
                )
        except IndexError:
            record.msg, record.args = message.split(" ", 2)[0] + " (details hidden)", ()
        return True


_logger = logging.getLogger("collective.honeypot")
if not any(isinstance(f, WithoutPersonalData) for f in _logger.filters):
    _logger.addFilter(WithoutPersonalData())
