"""dichvucong: a Plone 6 portal for a Vietnamese city's online public services."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "dichvucong"

_ = MessageFactory(PACKAGE_NAME)

# Must run before any template is compiled; see compat.py.
from dichvucong import compat  # noqa: E402,F401
