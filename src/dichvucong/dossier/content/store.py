"""Where dossiers live: one store per site, partitioned by agency and month.

``/ho-so/<agency>/<YYYY-MM>/<dossier>``. Every level is an *unordered* BTree folder:
no order list to rewrite, so concurrent submissions touch different BTree buckets
and ZODB resolves them; a month never grows past what one agency receives in it.
Officials' access comes from a local role on their agency's folder.
"""

from dichvucong.base.headers import IPersonalData
from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IDossierStore(model.Schema):
    """The site's dossier store (one, at the site root)."""


class IDossierFolder(model.Schema):
    """One partition of the store: an agency, or a month inside it."""


class _Unordered(Container):
    # plone.folder's "unordered" ordering keeps no position list.
    _ordering = "unordered"
    text = None

    def notifyModified(self):
        """Adding a dossier must not rewrite its folder: every concurrent submission
        would change the folder's modification date and conflict on it."""


# Everything published from inside the store (dossiers, files, slips, drafts, lists)
# carries personal data: base/headers.py sends it private, no-store.
@implementer(IDossierStore, IPersonalData)
class DossierStore(_Unordered):
    pass


@implementer(IDossierFolder)
class DossierFolder(_Unordered):
    pass
