"""Places on the catalogue's pages that other rooms fill (the catalogue does not know
what they put there)."""

from zope.viewlet.interfaces import IViewletManager


class IBelowProcedureActions(IViewletManager):
    """On a procedure's page, under the "Submit online" button and before "What you
    get": help about the procedure from other parts of the portal."""
