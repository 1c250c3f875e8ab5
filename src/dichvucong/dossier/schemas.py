"""Form schema versions: every dossier displays with the form it was submitted with.

Editors change service forms through the web. At submission the form's model (the
supermodel XML easyform keeps in ``fields_model``) is archived in the store under its
hash; the dossier records the hash. Reading a dossier loads that archived model.
"""

from functools import lru_cache
from plone.supermodel import loadString
from zope.schema import getFieldsInOrder
import hashlib


def version_of(model_xml):
    return hashlib.sha256(model_xml.encode("utf-8")).hexdigest()[:16]


def archive(store, model_xml):
    """Keep ``model_xml`` in the store; return its version."""
    version = version_of(model_xml)
    if version not in store.schemas:
        store.schemas[version] = model_xml
    return version


@lru_cache(maxsize=256)
def _parsed(model_xml):
    return loadString(model_xml).schema


def fields_of(store, version):
    """[(name, field)] of an archived form schema, in form order; [] if unknown."""
    model_xml = store.schemas.get(version) if version else None
    if not model_xml:
        return []
    return getFieldsInOrder(_parsed(model_xml))
