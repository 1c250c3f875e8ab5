"""Keep the cached terms (``terms.py``) in step with the glossary.

The cache is keyed on each glossary's last commit. Adding, editing, renaming or
removing a term changes only the term and the container's internal tree, so the
glossary object itself is marked changed: its next commit gives it a new serial.
"""

from dichvucong.publishing.glossary.content import IGlossary


def _touch(container):
    if container is not None and IGlossary.providedBy(container):
        container._p_changed = True


def term_moved(term, event):
    """Added, renamed, moved or removed: both the old and the new glossary change."""
    _touch(getattr(event, "oldParent", None))
    _touch(getattr(event, "newParent", None))


def term_modified(term, event):
    _touch(term.__parent__)
