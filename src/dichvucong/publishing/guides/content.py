"""Guide, GuideStep, GuideQuestion: how communications staff explain a service.

A Guide is a folder-like page: its intro text, the procedures it explains, and the
pieces its layout shows (numbered steps, questions with answers, a captioned video).
Steps and questions are items inside it, so editors reorder them like any folder
content and each step keeps its own screenshot.

Uploaded media are checked by content, not by name or browser-reported type: a
video must really be MP4 or WebM, captions must really be WebVTT, otherwise the
player shows nothing and a deaf reader is left without captions.
"""

from dichvucong import _
from plone.app.blocks.layoutbehavior import ILayoutBehaviorAdaptable
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant
from zope.schema import ValidationError


# How many bytes of an upload the checks read (never the whole file).
HEAD = 64
# Captions are a small text file; anything larger is not what editors meant to upload.
MAX_CAPTIONS_BYTES = 1_000_000


class InvalidVideo(ValidationError):
    __doc__ = _("The video must be an MP4 or WebM file.")


class InvalidCaptions(ValidationError):
    __doc__ = _("The captions must be a WebVTT file (a text file that starts with WEBVTT).")


class NotAProcedure(ValidationError):
    __doc__ = _("Choose procedures of the catalogue only.")


def _head(value, size=HEAD):
    """The first bytes of a named file, without loading a large blob."""
    if hasattr(value, "open"):
        with value.open() as blob:
            return blob.read(size)
    return (value.data or b"")[:size]


def video_format(value):
    """'mp4', 'webm' or None, from the file's signature."""
    head = _head(value)
    # ISO base media (MP4): a box size, then "ftyp" and a brand.
    if head[4:8] == b"ftyp":
        return "mp4"
    # Matroska/WebM: the EBML magic number, then a DocType of "webm".
    if head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head:
        return "webm"
    return None


def check_video(value):
    if value is not None and video_format(value) is None:
        raise InvalidVideo(value)
    return True


def is_webvtt(value):
    head = _head(value, 16)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    # "WEBVTT" alone on the line, or followed by a space or tab and a header.
    return head.startswith(b"WEBVTT") and head[6:7] in (b"", b" ", b"\t", b"\n", b"\r")


def check_captions(value):
    if value is None:
        return True
    if not is_webvtt(value) or value.getSize() > MAX_CAPTIONS_BYTES:
        raise InvalidCaptions(value)
    try:
        value.data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidCaptions(value) from error
    return True


def check_procedure(value):
    """Relation targets of ``procedures`` must be procedures of the catalogue."""
    target = getattr(value, "to_object", value)
    if target is not None and getattr(target, "portal_type", None) != "Procedure":
        raise NotAProcedure(value)
    return True


class IGuide(model.Schema):
    model.fieldset(
        "media",
        label=_("Video"),
        fields=["video", "captions", "transcript"],
    )

    guide_kind = schema.Choice(
        title=_("Kind of guide"),
        description=_(
            "Numbered steps, a video with captions, or questions and answers. "
            "The page layout follows the kind unless you choose another layout."
        ),
        vocabulary="dichvucong.GuideKinds",
        required=True,
        default="steps",
    )
    # After the audience (behavior dichvucong.audience), which follows the kind.
    directives.order_after(procedures="IAudience.audience")
    directives.widget(
        "procedures",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Procedure"], "recentlyUsed": True},
    )
    procedures = RelationList(
        title=_("Procedures"),
        description=_(
            "The procedures this guide explains. The guide is listed on their pages "
            "under “Related guides”."
        ),
        value_type=RelationChoice(
            vocabulary="plone.app.vocabularies.Catalog",
            constraint=check_procedure,
        ),
        required=False,
        default=[],
    )
    video = NamedBlobFile(
        title=_("Video file"),
        description=_("MP4 or WebM. Keep it short and small: many readers use a phone."),
        required=False,
        constraint=check_video,
    )
    captions = NamedBlobFile(
        title=_("Captions (WebVTT)"),
        description=_("Vietnamese captions of the video, as a .vtt file."),
        required=False,
        constraint=check_captions,
    )
    transcript = RichText(
        title=_("Transcript"),
        description=_("Everything the video says and shows, as text."),
        required=False,
    )


class IGuideLayout(ILayoutBehaviorAdaptable):
    """Guides choose their Mosaic layout by kind (see layout.py).

    A subinterface of the layout behaviour's marker, implemented by the class: the
    adapter registered for it then comes before the behaviour's own adapter.
    """


@implementer(IGuide, IGuideLayout)
class Guide(Container):
    """A guide for citizens: steps, a video or questions, linked to procedures."""


class IGuideStep(model.Schema):
    title = schema.TextLine(title=_("Step"), required=True)
    text = RichText(title=_("What to do"), required=False)
    image = NamedBlobImage(
        title=_("Screenshot or photo"),
        required=False,
    )
    image_alt = schema.TextLine(
        title=_("Image description"),
        description=_("What the image shows, for readers who cannot see it."),
        required=False,
    )

    @invariant
    def image_has_alt(data):
        if data.image and not (data.image_alt or "").strip():
            raise Invalid(_("Describe the image for readers who cannot see it."))


@implementer(IGuideStep)
class GuideStep(Item):
    """One numbered step of a guide."""


class IGuideQuestion(model.Schema):
    title = schema.TextLine(title=_("Question"), required=True)
    answer = RichText(title=_("Answer"), required=True)


@implementer(IGuideQuestion)
class GuideQuestion(Item):
    """One question of a guide, with its answer."""

    # No body text of its own: indexers that read ``obj.text`` would otherwise
    # acquire the guide's intro text.
    text = None
