"""OutreachKit: a folder of downloadable material (posters, leaflets, slides, videos).

Items are plain File and Image objects, so editors upload as they always do; the
kind of material is read from the file type, never typed in by hand (see kinds.py).
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IOutreachKit(model.Schema):
    """No fields of its own: title and description (plone.basic), and at least one
    audience (behavior dichvucong.audience_required)."""


@implementer(IOutreachKit)
class OutreachKit(Container):
    """Downloadable outreach material for one or more audiences."""

    # No body text of its own: indexers reading ``obj.text`` would otherwise
    # acquire the text of the campaign or the front page.
    text = None
