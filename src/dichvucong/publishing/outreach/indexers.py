"""The ``audience`` index: campaigns, kits and any other content with an audience
field (guides use the same vocabulary)."""

from Acquisition import aq_base
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer


@indexer(IDexterityContent)
def audience(obj):
    # aq_base: a file inside a kit must not acquire the kit's audience.
    value = getattr(aq_base(obj), "audience", None)
    if not value:
        raise AttributeError("audience")
    if isinstance(value, str):
        return (value,)
    return tuple(sorted(value))
