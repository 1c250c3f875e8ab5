"""Check your answers, before the dossier exists (the confirmation after it: submitted.py)."""

from collective.easyform.api import get_schema
from dichvucong import _
from dichvucong.dossier.display import format_value
from dichvucong.dossier.submission import FORM_ERROR
from dichvucong.dossier.submission import SubmissionError
from dichvucong.dossier.submission import submit
from dichvucong.forms import drafts
from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from urllib.parse import quote
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.schema import getFieldsInOrder


class CheckAnswersView(BrowserView):
    """Every answer with a link to change it; confirming creates the dossier."""

    errors = None

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized
        self.token = self.request.form.get("draft", "")
        self.draft = drafts.load(self.context, self.token)
        if self.draft is not None and self.draft.procedure_uid is None:
            self.draft = None  # a file kept for the form (fields.py), not answers to check
        if self.draft is None:
            api.portal.show_message(
                _("Your answers were not found or have expired: please fill in the form again."),
                request=self.request,
                type="warning",
            )
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and "form.submitted" in self.request.form:
            CheckAuthenticator(self.request)
            dossier = self.confirm()
            if dossier is not None:
                return self.request.response.redirect(
                    f"{dossier.absolute_url()}/@@dossier-submitted"
                )
            self.request.response.setStatus(400)
        return self.index()

    def confirm(self):
        procedure = uuidToObject(self.draft.procedure_uid, unrestricted=True)
        try:
            dossier = submit(
                procedure,
                dict(self.draft.values),
                uploads={k: list(v) for k, v in self.draft.files.items()},
                form=self.context,
                channel=self.draft.channel,
            )
        except SubmissionError as error:
            self.errors = {
                name: translate(message, context=self.request)
                for name, message in error.errors.items()
            }
            return None
        drafts.delete(self.token)
        return dossier

    def change_url(self, name):
        return (
            f"{self.context.absolute_url()}?draft={quote(self.token)}"
            f"#formfield-form-widgets-{quote(name)}"
        )

    def rows(self):
        values, files = self.draft.values, self.draft.files
        errors = self.errors or {}
        rows = []
        for name, field in getFieldsInOrder(get_schema(self.context)):
            if name in files:
                shown = ", ".join(f.filename for f in files[name])
            elif name in values:
                lines = format_value(values[name], field, self.context)
                shown = ", ".join(translate(line, context=self.request) for line in lines)
            else:
                continue
            rows.append(
                {
                    "name": name,
                    "label": field.title,
                    "value": shown,
                    "change_url": self.change_url(name),
                    "error": errors.get(name),
                }
            )
        return rows

    def form_error(self):
        return (self.errors or {}).get(FORM_ERROR)
