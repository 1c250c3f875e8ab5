"""Tiles of guide pages: steps, video, questions, related procedures.

Transient tiles without settings: each reads the page it sits on, so an editor
drops one into a Mosaic layout and it shows that guide's own steps (or video,
questions, procedures). Every tile renders nothing when there is nothing to show,
and lists only what the reader may view.

Rich text comes from the field's safe_html output, never the raw value; every other
value is escaped by the page template.
"""

from AccessControl import getSecurityManager
from dichvucong.publishing.guides.content import video_format
from plone.tiles import Tile
from Products.Five.browser import BrowserView
from zExceptions import NotFound


def can_view(obj):
    return obj is not None and bool(getSecurityManager().checkPermission("View", obj))


def rich_text(obj, name):
    """Filtered HTML of a rich text field, or None when it is empty."""
    value = getattr(obj, name, None)
    if value is None or not (value.raw or "").strip():
        return None
    return value.output_relative_to(obj)


def children(context, portal_type):
    """Viewable items of one type inside ``context``, in folder order."""
    if not hasattr(context, "objectValues"):
        return []
    return [
        obj
        for obj in context.objectValues()
        if getattr(obj, "portal_type", None) == portal_type and can_view(obj)
    ]


def relation_target(relation):
    """The object a relation points to, if it exists and the reader may view it."""
    if relation is None or relation.isBroken():
        return None
    target = relation.to_object
    return target if can_view(target) else None


def image_scale(obj, field, scale):
    """url, width and height of an image scale, or None without an image."""
    if getattr(obj, field, None) is None:
        return None
    scaled = obj.restrictedTraverse("@@images").scale(field, scale=scale)
    if scaled is None:
        return None
    return {"url": scaled.url, "width": scaled.width, "height": scaled.height}


class GuideStepsTile(Tile):
    """Numbered steps: each step's title, text and screenshot with its description."""

    def steps(self):
        result = []
        for number, step in enumerate(children(self.context, "GuideStep"), 1):
            result.append(
                {
                    "number": number,
                    "id": step.getId(),
                    "title": step.Title(),
                    "text": rich_text(step, "text"),
                    "image": image_scale(step, "image", "large"),
                    "alt": step.image_alt or "",
                }
            )
        return result


VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}


class GuideVideoTile(Tile):
    """The guide's video with Vietnamese captions, and the transcript beneath."""

    def video(self):
        video = getattr(self.context, "video", None)
        if video is None:
            return None
        kind = video_format(video)
        url = self.context.absolute_url()
        captions = getattr(self.context, "captions", None)
        poster = image_scale(self.context, "image", "large")
        return {
            "url": f"{url}/@@download/video",
            "type": VIDEO_TYPES.get(kind, video.contentType),
            "captions": f"{url}/@@captions.vtt" if captions is not None else None,
            "poster": poster["url"] if poster else None,
            "download_name": video.filename or "",
        }

    def transcript(self):
        return rich_text(self.context, "transcript")


class GuideQuestionsTile(Tile):
    """Questions and answers as an accordion that needs no JavaScript."""

    def questions(self):
        return [
            {
                "id": question.getId(),
                "title": question.Title(),
                "answer": rich_text(question, "answer"),
            }
            for question in children(self.context, "GuideQuestion")
        ]


class GuideProceduresTile(Tile):
    """The procedures a guide explains, each with its online form when there is one."""

    def procedures(self):
        result = []
        for relation in getattr(self.context, "procedures", None) or ():
            procedure = relation_target(relation)
            if procedure is None:
                continue
            form = relation_target(getattr(procedure, "online_form", None))
            result.append(
                {
                    "title": procedure.Title(),
                    "url": procedure.absolute_url(),
                    "code": getattr(procedure, "code", None),
                    "description": procedure.Description(),
                    "form_url": form.absolute_url() if form is not None else None,
                }
            )
        return result


class CaptionsView(BrowserView):
    """@@captions.vtt: the guide's captions as text/vtt, the type players expect."""

    def __call__(self):
        captions = getattr(self.context, "captions", None)
        if captions is None:
            raise NotFound(self.context, "captions.vtt", self.request)
        response = self.request.response
        response.setHeader("Content-Type", "text/vtt; charset=utf-8")
        response.setHeader("X-Content-Type-Options", "nosniff")
        return captions.data
