"""Fixtures of the base tests: a request in the language a reader chose."""

from zope.event import notify
from zope.traversing.interfaces import BeforeTraverseEvent
import pytest


@pytest.fixture
def request_(integration):
    """The integration layer's request, its language not chosen yet."""
    request = integration["request"]

    def forget():
        request.form.clear()
        request.other.pop("LANGUAGE", None)
        request.other.pop("LANGUAGE_TOOL", None)

    forget()
    yield request
    forget()


def in_language(portal, request, language):
    """The request as Plone negotiates it when the reader chose ``language``
    (?set_language=, kept in a cookie): bound when the site is traversed."""
    request.form["set_language"] = language
    notify(BeforeTraverseEvent(portal, request))
    assert request["LANGUAGE"] == language
    return request
