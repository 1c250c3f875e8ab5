"""Places on the catalogue's pages that other parts of the portal fill."""

from zope.viewlet.interfaces import IViewletManager


class IProcedureRelated(IViewletManager):
    """After the submit button of a procedure page: what else helps with this procedure
    (publishing adds its related guides). Viewlets are registered for IProcedure."""


class IProcedureWhereToApply(IViewletManager):
    """In the "Where to apply" section of a procedure page, before the agencies: where a
    dossier goes when it is submitted online (forms says when the citizen picks the
    receiving agency in the form). Viewlets are registered for IProcedure."""
