"""dichvucong: a Plone 6 portal for a Vietnamese city's online public services."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "dichvucong"

_ = MessageFactory(PACKAGE_NAME)
