"""Settings of the reader-feedback features (registry, profile registry/feedback.xml)."""

from dichvucong import _
from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface


class IFeedbackSettings(Interface):
    """Which pages offer ratings and the helpful question; the spam limits."""

    rating_types = schema.List(
        title=_("Content types with a star rating"),
        value_type=schema.TextLine(),
        default=["Guide", "News Item"],
        required=False,
    )

    helpful_types = schema.List(
        title=_("Content types that ask whether they were helpful"),
        value_type=schema.TextLine(),
        default=["Guide"],
        required=False,
    )

    comment_max_links = schema.Int(
        title=_("Most links allowed in one comment"),
        default=2,
        min=0,
    )

    comment_max_length = schema.Int(
        title=_("Most characters allowed in one comment"),
        default=3000,
        min=100,
    )

    comments_per_window = schema.Int(
        title=_("Comments per visitor in 10 minutes"),
        default=5,
        min=1,
    )

    ratings_per_window = schema.Int(
        title=_("Ratings per visitor in 10 minutes"),
        default=30,
        min=1,
    )

    helpful_per_window = schema.Int(
        title=_("Helpful answers per visitor in 10 minutes"),
        default=5,
        min=1,
    )


def setting(name):
    """The registry value of one setting, or its default when the record is missing
    (the profile not yet upgraded)."""
    field = IFeedbackSettings[name]
    registry = queryUtility(IRegistry)
    if registry is not None:
        value = registry.get(f"{IFeedbackSettings.__identifier__}.{name}")
        if value is not None:
            return value
    return field.default
