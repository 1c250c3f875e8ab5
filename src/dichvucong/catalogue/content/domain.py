"""Domain: the field a procedure belongs to. Editors add new ones as content."""

from dichvucong import _
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IDomain(model.Schema):
    code = schema.ASCIILine(
        title=_("Code"),
        description=_("Stable identifier used by imports, exports and filters."),
        required=True,
    )


@implementer(IDomain)
class Domain(Item):
    """A field of procedures (civil status, residence, ...)."""

    # No body text of its own: without this, indexers that read ``obj.text`` would
    # acquire the site front page\'s text into this record\'s search text.
    text = None
