"""The rating and the helpful question as a Mosaic tile.

Pages shown with a Mosaic layout (guides, campaigns) replace the whole content area,
viewlets below the content included: their layouts place this tile (and Plone's
``plone.app.standardtiles.discussion`` tile for comments) where the widgets belong.
The forms post to the page itself (@@rate-page, @@guide-helpful), not to the tile.
"""

from dichvucong.publishing.feedback.helpful import HelpfulViewlet
from dichvucong.publishing.feedback.rating import RatingViewlet
from plone.tiles import Tile


class FeedbackTile(Tile):
    """dichvucong.feedback: whichever of the two widgets this page offers."""

    widgets = (HelpfulViewlet, RatingViewlet)

    def __call__(self):
        parts = []
        for factory in self.widgets:
            widget = factory(self.context, self.request, self, None)
            widget.in_layout = True
            widget.update()
            parts.append(widget.render())
        return "<html><body>{}</body></html>".format("".join(parts))
