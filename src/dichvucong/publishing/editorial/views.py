"""Pages of the editorial workflow: Plone's transition form that says why it refused,
and the reviewers' list (the transition with a reason is transition.py)."""

from DateTime import DateTime
from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.base.dates import isoformat
from dichvucong.publishing.editorial.scheduling import is_expired
from dichvucong.publishing.editorial.scheduling import is_not_yet_effective
from dichvucong.publishing.editorial.setup import REVIEWERS_GROUP
from dichvucong.publishing.editorial.transition import NOT_ALLOWED
from dichvucong.publishing.editorial.transition import no_store
from dichvucong.publishing.editorial.workflow import COMMENT_REQUIRED
from dichvucong.publishing.editorial.workflow import PUBLISH_PERMISSION
from dichvucong.publishing.editorial.workflow import allowed_transitions
from dichvucong.publishing.editorial.workflow import bound_types
from dichvucong.publishing.editorial.workflow import describe
from dichvucong.publishing.editorial.workflow import last_submission
from dichvucong.publishing.editorial.workflow import uses_workflow
from plone import api
from plone.app.content.browser.content_status_modify import (
    ContentStatusModifyView as BaseContentStatusModifyView,
)
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Unauthorized
from zope.i18n import translate
import transaction


class ContentStatusModifyView(BaseContentStatusModifyView):
    """Plone's content_status_modify (the toolbar and its "Advanced..." form), except
    that a refused transition, e.g. "Send back" without a reason, changes nothing and
    says why, instead of answering with an error page."""

    def __call__(self, workflow_action=None, comment="", **kwargs):
        try:
            return super().__call__(workflow_action=workflow_action, comment=comment, **kwargs)
        except WorkflowException as error:
            transaction.doom()  # the dates it may have set are not kept either
            IStatusMessage(self.request).add(str(error) or NOT_ALLOWED, "error")
            url = self.context.absolute_url()
            if uses_workflow(self.context) and workflow_action in COMMENT_REQUIRED:
                url = f"{url}/@@editorial-transition?workflow_action={workflow_action}"
            else:
                url = f"{url}/content_status_history"
            self.request.response.redirect(url, status=303)
            return ""


def is_reviewer(user=None):
    """A member of the reviewers' group, or someone who may publish site-wide."""
    if api.user.is_anonymous():
        return False
    user = user or api.user.get_current()
    if REVIEWERS_GROUP in (user.getGroups() or ()):
        return True
    return bool(api.user.has_permission(PUBLISH_PERMISSION, user=user, obj=api.portal.get()))


class IsCommunicationsReviewer(BrowserView):
    """For the "Pending my review" action: shown to reviewers only."""

    def __call__(self):
        return is_reviewer()


class PendingReviewView(BrowserView):
    """@@pending-review: items waiting for review that the current user may publish,
    oldest submission first, with who submitted them, when, and their note."""

    index = ViewPageTemplateFile("templates/pending_review.pt")

    def __call__(self):
        if not is_reviewer():
            # Anonymous: Plone's login form, then back here; others: insufficient privileges.
            raise Unauthorized("Only reviewers have a review list.")
        no_store(self.request.response)
        self.items = self.pending_items()
        return self.index()

    def pending_items(self):
        types = bound_types()
        if not types:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        # Scheduled items are pending too: show them whatever their publishing date.
        brains = catalog(review_state="pending", portal_type=types, show_inactive=True)
        rows = []
        for brain in brains:
            obj = brain.getObject()
            if "publish" not in allowed_transitions(obj):
                continue
            rows.append(self.row(obj))
        rows.sort(key=lambda row: (row["sort_key"], row["title"]))
        return rows

    def row(self, obj):
        submission = last_submission(obj)
        entry = describe(submission, self.request) if submission else {}
        moment = submission.get("time") if submission else obj.modified()
        notices = []
        if is_not_yet_effective(obj):
            notices.append(
                translate(
                    _(
                        "Publishing date: ${date}",
                        mapping={"date": format_datetime(obj.effective(), self.request)},
                    ),
                    context=self.request,
                )
            )
        if is_expired(obj):
            notices.append(translate(_("Expired"), context=self.request))
        return {
            "title": obj.Title() or obj.getId(),
            "url": obj.absolute_url(),
            "type": self.type_title(obj),
            "section": self.section_title(obj),
            "submitted_by": entry.get("actor", ""),
            "submitted_at": entry.get("when") or format_datetime(moment, self.request),
            "submitted_iso": isoformat(moment),
            "note": entry.get("comment", ""),
            "notices": notices,
            "sort_key": moment.timeTime() if isinstance(moment, DateTime) else 0,
        }

    def type_title(self, obj):
        info = api.portal.get_tool("portal_types").getTypeInfo(obj)
        if info is None:
            return obj.portal_type
        return translate(info.Title(), domain=info.i18n_domain or "plone", context=self.request)

    def section_title(self, obj):
        parent = obj.aq_parent
        return parent.Title() if parent is not None else ""

    def count_text(self):
        return translate(
            _("Items waiting for your review: ${count}", mapping={"count": len(self.items)}),
            context=self.request,
        )
