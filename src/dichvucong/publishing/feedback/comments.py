"""Our checks on plone.app.discussion's comment form (HTML form and REST @comments).

- Anonymous readers must give a name (many citizens have no account); no e-mail is
  asked (the discussion setting ``anonymous_email_enabled`` stays off): we would
  have no use for it.
- The text may hold at most ``comment_max_links`` links and ``comment_max_length``
  characters; each visitor may post ``comments_per_window`` comments in 10 minutes.
  Moderators (who hold "Review comments") are not limited.
- Every comment then waits in ``dichvucong_comment_workflow`` (pending) for a
  moderator: a copy of Plone's comment_review_workflow in which Editors (of a
  section, or site-wide) may moderate too.

Comments are plain text (``text_transform`` ``text/plain``): Plone escapes them
when it renders them, so ``<script>`` shows as text.
"""

from AccessControl import getSecurityManager
from dichvucong import _
from dichvucong.publishing.feedback import clients
from dichvucong.publishing.feedback.interfaces import setting
from plone.app.discussion.browser.comments import CommentForm
from plone.app.discussion.browser.moderation import BulkActionsView
from plone.app.discussion.browser.moderation import View as ModerationView
from plone.app.discussion.interfaces import IComment
from plone.app.discussion.interfaces import IDiscussionSettings
from plone.z3cform.fieldsets import extensible
from Products.CMFCore.utils import getToolByName
from z3c.form import validator
from z3c.form.error import ErrorViewMessage
from z3c.form.field import Fields
from zope.component.hooks import getSite
from zope.interface import Invalid
from zope.schema.interfaces import RequiredMissing
import copy
import re


WORKFLOW = "dichvucong_comment_workflow"

# What counts as a link: web addresses, bare www. names, HTML anchors, BBCode.
LINK = re.compile(r"https?://|\bwww\.|<a[\s>]|\[url", re.IGNORECASE)


def count_links(text):
    return len(LINK.findall(text or ""))


def can_moderate(context):
    return bool(getSecurityManager().checkPermission("Review comments", context))


def _field(schema_field, **changes):
    """A copy of a comment field with our label and rules. Made once: the schema's
    fields and the form's class-level fields are shared by every request."""
    field = copy.copy(schema_field)
    for name, value in changes.items():
        setattr(field, name, value)
    return field


AUTHOR_NAME = _field(
    IComment["author_name"],
    title=_("Your name"),
    description=_("Shown with your comment. A first name is enough."),
    required=True,
)
COMMENT_TEXT = _field(
    IComment["text"],
    title=_("Your comment"),
    description=_(
        "Plain text. Please do not write personal details such as ID card or phone numbers."
    ),
)


class CommentFields(extensible.FormExtender):
    """Our labels on the comment text; for anonymous readers, a required name."""

    def update(self):
        fields = self.form.fields
        if "text" in fields:
            self._replace("text", COMMENT_TEXT)
        portal_membership = getToolByName(self.context, "portal_membership")
        if portal_membership.isAnonymousUser() and "author_name" in fields:
            self._replace("author_name", AUTHOR_NAME)

    def _replace(self, name, field):
        index = list(self.form.fields.keys()).index(name)
        self.remove(name)
        self.add(Fields(field), index=index)


name_missing = ErrorViewMessage(
    _("Please write your name."), error=RequiredMissing, field=AUTHOR_NAME
)
text_missing = ErrorViewMessage(
    _("Please write your comment."), error=RequiredMissing, field=COMMENT_TEXT
)


class CommentTextValidator(validator.SimpleFieldValidator):
    """Length, links and the visitor's rate limit, with messages in plain words."""

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        max_length = setting("comment_max_length")
        if len(value) > max_length:
            raise Invalid(
                _(
                    "Your comment is too long: at most ${max} characters, please.",
                    mapping={"max": max_length},
                )
            )
        max_links = setting("comment_max_links")
        if count_links(value) > max_links:
            raise Invalid(
                _(
                    "Your comment has too many links: at most ${max}, please.",
                    mapping={"max": max_links},
                )
            )
        context = getattr(self.view, "context", None)
        if context is not None and can_moderate(context):
            return
        if not clients.allow("comment", self.request, setting("comments_per_window")):
            raise Invalid(
                _(
                    "You have sent many comments in a short time. "
                    "Please wait a few minutes and try again."
                )
            )


validator.WidgetValidatorDiscriminators(CommentTextValidator, view=CommentForm, field=COMMENT_TEXT)


def keep_moderation_workflow(event):
    """When moderation is switched on (control panel or our profile),
    plone.app.discussion binds comment_review_workflow; bind ours instead, so
    Editors keep moderating. Switching moderation off is left as Plone does it."""
    record = event.record
    if (
        getattr(record, "interfaceName", None) != IDiscussionSettings.__identifier__
        or getattr(record, "fieldName", None) != "moderation_enabled"
        or record.value is not True
    ):
        return
    site = getSite()
    workflow_tool = getToolByName(site, "portal_workflow", None) if site is not None else None
    if workflow_tool is None or WORKFLOW not in workflow_tool.objectIds():
        return
    workflow_tool.setChainForPortalTypes(("Discussion Item",), WORKFLOW)


class SectionModerationView(ModerationView):
    """@@moderate-comments on a section (Plone offers it only on the site): the
    section's comments, for Editors given the section."""

    def comments(self):
        catalog = getToolByName(self.context, "portal_catalog")
        query = {
            "object_provides": IComment.__identifier__,
            "path": "/".join(self.context.getPhysicalPath()),
            "sort_on": "created",
            "sort_order": "reverse",
        }
        if self.request.review_state != "all":
            query["review_state"] = self.request.review_state
        return catalog(**query)


class SectionBulkActionsView(BulkActionsView):
    """@@bulk-actions of a section's moderation view: only on the section's comments
    (Plone's view acts on any path it is given, and deletes without asking for
    "Delete comments" on the comment)."""

    def _in_section(self):
        prefix = "/".join(self.context.getPhysicalPath()) + "/"
        return [path for path in self.paths or () if path.startswith(prefix)]

    def transmit(self, action=None):
        self.paths = self._in_section()
        super().transmit(action)

    def delete(self):
        checker = getSecurityManager()
        self.paths = [
            path
            for path in self._in_section()
            if checker.checkPermission("Delete comments", self.context.restrictedTraverse(path))
        ]
        super().delete()
