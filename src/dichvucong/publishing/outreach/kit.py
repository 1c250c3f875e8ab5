"""OutreachKit: a folder of downloadable material (posters, leaflets, slides, videos).

Items are plain File and Image objects, so editors upload as they always do; the
kind of material is read from the file type, never typed in by hand (see kinds.py).
"""

from dichvucong import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IOutreachKit(model.Schema):
    audience = schema.Set(
        title=_("Audience"),
        description=_("Who the material is for; the kits listing is grouped by it."),
        value_type=schema.Choice(vocabulary="dichvucong.Audiences"),
        required=True,
        min_length=1,
    )


@implementer(IOutreachKit)
class OutreachKit(Container):
    """Downloadable outreach material for one or more audiences."""

    # No body text of its own: indexers reading ``obj.text`` would otherwise
    # acquire the text of the campaign or the front page.
    text = None
