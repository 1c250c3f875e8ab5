"""The applicant's satisfaction rating, once the result has been returned.

One rating per dossier, stored on it as ``dossier.rating`` (a PersistentMapping:
overall, timeliness, convenience, attitude as ints 1-5, comment, when) and recorded in
the audit as "rated" (public). ``can_rate`` tells the dossier page whether to link to
``@@dossier-rating``; ``rating_of`` gives statistics the rating without the catalog.

The scale follows the usual five levels of satisfaction surveys of public services
("very dissatisfied" .. "very satisfied"). The exact scale and criteria the National
Public Service Portal uses are UNVERIFIED: check them before syncing ratings there.
"""

from dichvucong import _
from dichvucong.base.dates import format_datetime
from dichvucong.dossier import audit
from dichvucong.dossier.submission import check_answers
from persistent.mapping import PersistentMapping
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


PERMISSION = "dichvucong: Rate dossier"
SCALE = {
    1: _("rating_1", default="Very dissatisfied"),
    2: _("rating_2", default="Dissatisfied"),
    3: _("rating_3", default="Neither satisfied nor dissatisfied"),
    4: _("rating_4", default="Satisfied"),
    5: _("rating_5", default="Very satisfied"),
}
CRITERIA = {
    "overall": _("Overall satisfaction"),
    "timeliness": _("Timeliness of the result"),
    "convenience": _("Convenience of the procedure"),
    "attitude": _("Attitude of the staff"),
}
MAX_COMMENT = 1000


class RatingError(ValueError):
    """Refused rating: ``errors`` maps criteria (or "comment", "__form__") to msgids."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def can_rate(dossier):
    """True if the current user may rate ``dossier`` now (its applicant, result returned,
    not rated yet)."""
    return dossier.rating is None and bool(api.user.has_permission(PERMISSION, obj=dossier))


def rating_of(dossier):
    """The dossier's rating as a plain dict (see the module docstring), or None."""
    return dict(dossier.rating) if dossier.rating is not None else None


def _score(value):
    try:
        score = int(value)
    except (TypeError, ValueError):
        return None
    return score if score in SCALE and str(score) == str(value).strip() else None


def check(values):
    """(scores by criterion, comment, errors) for the submitted ``values``."""
    errors, scores = {}, {}
    for criterion in CRITERIA:
        score = _score(values.get(criterion))
        if score is None:
            errors[criterion] = _("Please choose a rating from 1 to 5.")
        scores[criterion] = score
    comment = values.get("comment") or ""
    if not isinstance(comment, str):
        comment = ""
    comment = comment.replace("\r\n", "\n").strip()
    if len(comment) > MAX_COMMENT:
        errors["comment"] = _("The comment can have at most 1000 characters.")
    errors.update(check_answers({"comment": comment}))
    return scores, comment, errors


def rate(dossier, values):
    """Store the rating in ``values`` (criteria -> 1..5, optional comment) on ``dossier``.
    The caller checks the permission. Raises RatingError (nothing written) if the
    dossier is already rated or a value is refused."""
    if dossier.rating is not None:
        raise RatingError(
            {"__form__": _("This dossier has already been rated; a rating cannot be changed.")}
        )
    scores, comment, errors = check(values)
    if errors:
        raise RatingError(errors)
    when = audit.now()
    dossier.rating = PersistentMapping({**scores, "comment": comment, "when": when})
    audit.record(dossier, "rated", public=True, when=when)
    return rating_of(dossier)


class RatingView(BrowserView):
    """@@dossier-rating: the form, then the rating given."""

    index = ViewPageTemplateFile("templates/rating.pt")
    errors = None
    scale = SCALE

    def __call__(self):
        self.errors = {}
        if self.request.method == "POST" and "form.submitted" in self.request.form:
            CheckAuthenticator(self.request)
            try:
                rate(self.context, self.request.form)
            except RatingError as error:
                self.errors = error.errors
                already = "__form__" in error.errors
                api.portal.show_message(
                    error.errors["__form__"]
                    if already
                    else _("Some answers need correcting before the rating can be sent."),
                    request=self.request,
                    type="warning" if already else "error",
                )
                self.request.response.setStatus(409 if already else 400)
            else:
                api.portal.show_message(
                    _("Thank you: your rating has been recorded."), request=self.request
                )
                return self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@dossier-rating"
                )
        return self.index()

    def rating(self):
        return rating_of(self.context)

    def criteria(self):
        given = self.rating() or {}
        form = self.request.form
        return [
            {
                "name": name,
                "label": label,
                "error": (self.errors or {}).get(name),
                "given": given.get(name),
                "given_label": SCALE.get(given.get(name)),
                "selected": str(form.get(name, "")),
            }
            for name, label in CRITERIA.items()
        ]

    def comment(self):
        if self.rating() is not None:
            return self.rating()["comment"]
        value = self.request.form.get("comment", "")
        return value if isinstance(value, str) else ""

    def when(self):
        return format_datetime((self.rating() or {}).get("when"), self.request)
