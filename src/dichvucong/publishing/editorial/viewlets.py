"""What writers and reviewers see on an item: the latest review comment, and whether
the public sees it yet (scheduled) or still (expired). The public sees neither."""

from DateTime import DateTime
from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.publishing.editorial.scheduling import is_expired
from dichvucong.publishing.editorial.scheduling import is_not_yet_effective
from dichvucong.publishing.editorial.workflow import describe
from dichvucong.publishing.editorial.workflow import latest_comment
from dichvucong.publishing.editorial.workflow import uses_workflow
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.CMFCore.utils import _checkPermission
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


# Who reads the review comments: those who may see the item's history (writers and
# reviewers; communications_workflow manages both permissions per state).
HISTORY_PERMISSIONS = ("Request review", "Review portal content")


def is_staff_for(obj):
    return any(_checkPermission(permission, obj) for permission in HISTORY_PERMISSIONS)


class ReviewCommentViewlet(ViewletBase):
    """The latest comment given on a transition (e.g. the reason for sending back).

    Shown above the content (also on Mosaic pages): a labelled region, not a heading,
    since it comes before the page's h1."""

    index = ViewPageTemplateFile("templates/review_comment.pt")

    def update(self):
        super().update()
        self.entry = None
        if api.user.is_anonymous() or not uses_workflow(self.context):
            return
        if not is_staff_for(self.context):
            return
        entry = latest_comment(self.context)
        if entry is not None:
            self.entry = describe(entry, self.request)
            self.entry["lines"] = self.entry["comment"].splitlines()

    def render(self):
        return self.index() if self.entry else ""


class ScheduleNoticeViewlet(ViewletBase):
    """ "Not yet due for publication" / "Expired", for the staff who still see the item."""

    index = ViewPageTemplateFile("templates/schedule_notice.pt")

    def update(self):
        super().update()
        self.notice = None
        if api.user.is_anonymous() or not uses_workflow(self.context):
            return
        now = DateTime()
        published = api.content.get_state(self.context, default="") == "published"
        if is_not_yet_effective(self.context, now):
            date = format_datetime(self.context.effective(), self.request)
            if published:
                text = _("Readers will see this item from ${date}.", mapping={"date": date})
            else:
                text = _(
                    "Readers will see this item from ${date}, once it is published.",
                    mapping={"date": date},
                )
            self.notice = {
                "kind": "scheduled",
                "title": translate(_("Not yet due for publication"), context=self.request),
                "text": translate(text, context=self.request),
            }
        elif is_expired(self.context, now):
            date = format_datetime(self.context.expires(), self.request)
            self.notice = {
                "kind": "expired",
                "title": translate(_("Expired"), context=self.request),
                "text": translate(
                    _("Readers no longer see this item since ${date}.", mapping={"date": date}),
                    context=self.request,
                ),
            }

    def render(self):
        return self.index() if self.notice else ""
