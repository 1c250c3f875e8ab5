"""Where the city's sections are: read from the city's site data, never written in code.

A city's ``dichvucong-site.json`` gives each main section an id and, for the ones the
code must find, a role ("procedures", "lookup", "dossiers", ...). Its import step records
``role -> path`` in the registry record ``dichvucong.sections``, so another province
renames a section in its data, and a site manager can repoint a role in the registry.
The roles the portal asks for are listed in docs/layout.md ("A city's site data").
"""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility


RECORD = "dichvucong.sections"


class SectionMissing(LookupError):
    """The city's site data names no section for a role the code needs."""

    def __init__(self, role):
        super().__init__(
            f"the city's site data names no section with the role {role!r} "
            f"(dichvucong-site.json, registry record {RECORD})"
        )
        self.role = role


def section_paths():
    """{role: path relative to the site} as the city's site data recorded them."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return {}
    return dict(registry.get(RECORD) or {})


def section_path(role):
    """The path of the section with this role, relative to the site root."""
    path = section_paths().get(role)
    if not path:
        raise SectionMissing(role)
    return path.strip("/")


def section(role, portal=None):
    """The section object with this role, or None when it is gone (an editor may have
    deleted it). Whether the current user may view it is the caller's question."""
    if portal is None:
        portal = api.portal.get()
    return portal.unrestrictedTraverse(section_path(role), None)


def section_url(role, portal=None):
    """The address of the section with this role (built from its path: the section
    need not exist, e.g. in an e-mail written before an editor restores it)."""
    if portal is None:
        portal = api.portal.get()
    return f"{portal.absolute_url()}/{section_path(role)}"
