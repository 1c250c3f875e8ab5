"""@@dossier-rating: the applicant rates the service once the result is returned, then
reads the rating given (the rules and the storage are notifications/rating.py)."""

from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.base.forms import set_attributes
from dichvucong.base.forms.radio import TokenRadioFieldWidget
from dichvucong.dossier.forms.common import DossierForm
from dichvucong.dossier.notifications.rating import CRITERIA
from dichvucong.dossier.notifications.rating import MAX_COMMENT
from dichvucong.dossier.notifications.rating import SCALE
from dichvucong.dossier.notifications.rating import RatingError
from dichvucong.dossier.notifications.rating import rate
from dichvucong.dossier.notifications.rating import rating_of
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form.error import ErrorViewMessage
from zope import schema
from zope.interface import Interface
from zope.interface.interface import InterfaceClass
from zope.schema.interfaces import RequiredMissing
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


SCORES = SimpleVocabulary(
    [
        SimpleTerm(
            score,
            str(score),
            _(
                "rating_choice",
                default="${score} - ${title}",
                mapping={"score": score, "title": title},
            ),
        )
        for score, title in SCALE.items()
    ]
)
CHOOSE_SCORE = _("Please choose a rating from 1 to 5.")


# One required choice of 1..5 per criterion, then the optional comment.
IRating = InterfaceClass(
    "IRating",
    (Interface,),
    {
        **{
            name: schema.Choice(title=label, vocabulary=SCORES, required=True)
            for name, label in CRITERIA.items()
        },
        "comment": schema.Text(
            title=_("Comment (optional, at most 1000 characters)"), required=False
        ),
    },
    __module__=__name__,
)


class RatingForm(DossierForm):
    page = ViewPageTemplateFile("templates/rating.pt")
    primary_buttons = frozenset({"send"})
    view_name = "dossier-rating"
    id = "rating-form"
    formErrorsMessage = _("Some answers need correcting before the rating can be sent.")
    scale = SCALE

    @property
    def widget_ids(self):
        return {name: f"rating-{name}" for name in IRating.names()}

    @property
    def fields(self):
        fields = field.Fields(IRating).select(*CRITERIA, "comment")
        for name in CRITERIA:
            fields[name].widgetFactory = TokenRadioFieldWidget
        return fields

    def hint(self, widget):
        return None

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        comment = self.widgets["comment"]
        comment.rows = 4
        set_attributes(comment, {"maxlength": MAX_COMMENT})

    @button.buttonAndHandler(_("Send my rating"), name="send")
    def handle_send(self, action):
        data, _errors = self.extractData()
        values = {name: data.get(name) for name in CRITERIA}
        values["comment"] = data.get("comment") or ""
        try:
            # Checks everything (again) and writes only if all is well.
            rate(self.context, values)
        except RatingError as error:
            self.refuse(error.errors)
            return
        api.portal.show_message(_("Thank you: your rating has been recorded."), self.request)
        self.request.response.redirect(self.action)

    def refuse(self, errors):
        if "__form__" in errors:  # rated already
            api.portal.show_message(errors["__form__"], self.request, type="warning")
            self.request.response.setStatus(409)
            return
        for name, message in errors.items():
            if self.widgets[name].error is None:
                self.set_error(name, message)

    # The rating given.

    def rating(self):
        return rating_of(self.context)

    def given(self):
        rating = self.rating() or {}
        return [
            {
                "name": name,
                "label": label,
                "given": rating.get(name),
                "given_label": SCALE.get(rating.get(name)),
            }
            for name, label in CRITERIA.items()
        ]

    def when(self):
        return format_datetime((self.rating() or {}).get("when"), self.request)


# "Please choose a rating from 1 to 5." for a criterion left unanswered (or answered
# with something else than 1..5).
choose_overall = ErrorViewMessage(CHOOSE_SCORE, error=RequiredMissing, field=IRating["overall"])
choose_timeliness = ErrorViewMessage(
    CHOOSE_SCORE, error=RequiredMissing, field=IRating["timeliness"]
)
choose_convenience = ErrorViewMessage(
    CHOOSE_SCORE, error=RequiredMissing, field=IRating["convenience"]
)
choose_attitude = ErrorViewMessage(CHOOSE_SCORE, error=RequiredMissing, field=IRating["attitude"])
