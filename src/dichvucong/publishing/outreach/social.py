"""Social media variants of an image: exact sizes, cropped to fill ("cover").

The sizes are image scales named ``social-*`` in the registry (``plone.allowed_sizes``),
so a site can change them in the image-handling control panel. Plone's scale URLs
(``@@images/image/social-square``) keep the proportions and may return a smaller
image; a social network wants the exact box, so this view asks plone.namedfile for
the scale cropped to fill the box (centre kept) and serves it as a download.
"""

from dichvucong import _
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.component import getMultiAdapter
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse
import os


PREFIX = "social-"
FILL_AND_CROP = "contain"
LABELS = {
    "social-landscape": _("Landscape post (Facebook, Zalo)"),
    "social-square": _("Square post"),
    "social-story": _("Story (vertical)"),
}


def social_sizes(context, request):
    """{name: (width, height)} of the social variants, in a stable order."""
    images = getMultiAdapter((context, request), name="images")
    sizes = images.available_sizes
    return {
        name: sizes[name] for name in sorted(sizes) if name.startswith(PREFIX) and all(sizes[name])
    }


def social_variants(image, request):
    """The variants offered for an Image: name, label, size, download URL."""
    url = image.absolute_url()
    return [
        {
            "name": name,
            "label": LABELS.get(name, name),
            "width": width,
            "height": height,
            "url": f"{url}/@@social-image/{name}",
        }
        for name, (width, height) in social_sizes(image, request).items()
    ]


@implementer(IPublishTraverse)
class SocialImageView(BrowserView):
    """``<image>/@@social-image/social-square``: the cropped variant as a download."""

    variant = None

    def publishTraverse(self, request, name):
        if self.variant is not None:
            raise NotFound(self, name, request)
        self.variant = name
        return self

    def __call__(self):
        sizes = social_sizes(self.context, self.request)
        if self.variant not in sizes or getattr(self.context, "image", None) is None:
            raise NotFound(self, self.variant or "", self.request)
        images = getMultiAdapter((self.context, self.request), name="images")
        # "contain" in plone.scale = fill the box and crop (CSS "cover"); see above.
        scale = images.scale("image", scale=self.variant, mode=FILL_AND_CROP)
        if scale is None:
            raise NotFound(self, self.variant, self.request)
        data = scale.data
        set_headers(data, self.request.response, filename=self.filename(data))
        return stream_data(data)

    def filename(self, data):
        original = getattr(self.context.image, "filename", None) or self.context.getId()
        stem = os.path.splitext(original)[0] or "image"
        extension = (data.contentType or "image/png").split("/")[-1].replace("jpeg", "jpg")
        return f"{stem}-{self.variant}.{extension}"
