"""The language a page is shown in."""

from plone.registry.interfaces import IRegistry
from zope.component import queryUtility
from zope.globalrequest import getRequest


DEFAULT_LANGUAGE = "vi"


def current_language(request=None):
    """Plone's negotiated language of the request (``request["LANGUAGE"]``, bound when
    the site is traversed), else the site's default language, else Vietnamese.

    """
    if request is None:
        request = getRequest()
    language = request.get("LANGUAGE") if request is not None else None
    if not language:
        registry = queryUtility(IRegistry)
        language = registry.get("plone.default_language") if registry is not None else None
    return language or DEFAULT_LANGUAGE
