"""The citizen-facing page of a procedure: what to bring, how long, how much, where.

Everything shown comes from the procedure's fields. Unknown facts (a ``null`` time or
fee) read "To be confirmed", never 0. Links from editors' data (form templates) are
only kept when they are web addresses or paths of the site.
"""

from AccessControl import getSecurityManager
from dichvucong import _
from dichvucong.base.dates import format_date
from dichvucong.base.internals import unrestricted_object
from dichvucong.base.links import safe_url
from dichvucong.base.links import tel_href
from dichvucong.base.numbers import format_number
from dichvucong.base.text import paragraphs
from dichvucong.catalogue import stages
from functools import cached_property
from plone import api
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.component import queryMultiAdapter
from zope.schema.interfaces import IVocabularyFactory
from zope.viewlet.interfaces import IViewletManager


TO_BE_CONFIRMED = _("To be confirmed")
TIME_UNITS = {
    "working_days": _("${number} working days"),
    "working_hours": _("${number} working hours"),
    "days": _("${number} days"),
}


def vocabulary(name, context):
    return getUtility(IVocabularyFactory, name)(context)


def term_title(vocab, value):
    """The title of a vocabulary term, or the value itself when it is not (or no
    longer) a term: a code is better than nothing."""
    if value is None:
        return None
    try:
        return vocab.getTerm(value).title
    except LookupError:
        return value


def find_by_code(portal_type, code):
    """The agency or domain with this code, whoever may view it (or None)."""
    if not code:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=portal_type, catalogue_code=code):
        return unrestricted_object(brain)
    return None


def viewable(relation):
    """The target of a relation if it exists and the current user may view it."""
    if relation is None or relation.isBroken():
        return None
    target = relation.to_object
    if target is None or not getSecurityManager().checkPermission("View", target):
        return None
    return target


class ProcedureView(BrowserView):
    """@@procedure_view, the default view of a Procedure."""

    def number(self, value):
        return format_number(value, request=self.request)

    def tel_href(self, phone):
        return tel_href(phone)

    # --- Header -------------------------------------------------------------

    def level(self):
        level = self.context.level
        if not level:
            return None
        return {
            "value": level,
            "title": term_title(vocabulary("dichvucong.ProcedureLevels", self.context), level),
        }

    def domain(self):
        code = self.context.domain
        domain = find_by_code("Domain", code)
        if domain is not None:
            return domain.Title()
        return term_title(vocabulary("dichvucong.Domains", self.context), code)

    @cached_property
    def online_form(self):
        """The form to submit a dossier online, if there is one the user may open and
        the service's stage lets the user submit (catalogue/stages.py)."""
        if not stages.may_submit(self.context):
            return None
        return viewable(getattr(self.context, "online_form", None))

    def online_coming(self):
        """Online submission is coming (a service in draft, or in trial for somebody
        who is not a tester): the sentence saying so, else None."""
        if stages.stage_of(self.context) == stages.OFFICIAL or stages.may_submit(self.context):
            return None
        return _("Online submission of this service is coming soon.")

    def stage_admin(self):
        """For those who change a service's stage: the stage and the link to
        @@service-stage (its checklist and switch); None for everybody else."""
        if not getSecurityManager().checkPermission(stages.CHANGE_PERMISSION, self.context):
            return None
        titles = dict(stages.STAGES)
        return {
            "title": titles[stages.stage_of(self.context)],
            "url": f"{self.context.absolute_url()}/@@service-stage",
        }

    def trial_run(self):
        """The user submits here as a tester: the "Trial run" mark by the button."""
        return self.online_form is not None and stages.is_tester(self.context)

    def online_form_url(self):
        return self.online_form.absolute_url() if self.online_form is not None else None

    def in_person_note(self):
        agency = self.implementing_agency
        if agency:
            return _(
                "Submit your dossier in person at ${agency}.",
                mapping={"agency": agency["title"]},
            )
        return _("Submit your dossier in person at the implementing agency.")

    # --- Body ---------------------------------------------------------------

    def result(self):
        return paragraphs(self.context.result)

    def conditions(self):
        return paragraphs(self.context.conditions)

    def applicant_types(self):
        chosen = set(self.context.applicant_types or ())
        vocab = vocabulary("dichvucong.ApplicantTypes", self.context)
        known = [term.title for term in vocab if term.value in chosen]
        unknown = sorted(chosen - {term.value for term in vocab})
        return known + unknown

    def document_groups(self):
        """Documents by case, in the order editors gave them. Documents without a
        case apply in every case and come first."""
        groups = {}
        for document in self.context.documents or ():
            case = (document.get("case") or "").strip()
            groups.setdefault(case, []).append(self._document(document))
        general = groups.pop("", [])
        result = []
        if general:
            result.append({"case": _("In every case") if groups else None, "documents": general})
        result.extend({"case": case, "documents": docs} for case, docs in groups.items())
        return result

    def _document(self, document):
        counts = []
        if document.get("originals"):
            counts.append(_("Originals: ${count}", mapping={"count": document["originals"]}))
        if document.get("copies"):
            counts.append(_("Copies: ${count}", mapping={"count": document["copies"]}))
        return {
            "name": document.get("name", ""),
            "counts": counts,
            "template_url": safe_url(document.get("template_url")),
        }

    def channels(self):
        vocab = vocabulary("dichvucong.Channels", self.context)
        rows = []
        for channel in self.context.channels or ():
            time = channel.get("time")
            fee = channel.get("fee")
            rows.append(
                {
                    "channel": term_title(vocab, channel.get("channel")),
                    "time": self._time(time, channel.get("time_unit")),
                    "time_known": time is not None,
                    "time_note": channel.get("time_note") or "",
                    "fee": self._fee(fee),
                    "fee_known": fee is not None,
                    "fee_note": channel.get("fee_note") or "",
                }
            )
        return rows

    def _time(self, time, unit):
        if time is None:
            return TO_BE_CONFIRMED
        number = self.number(time)
        if unit in TIME_UNITS:
            return _(TIME_UNITS[unit], mapping={"number": number})
        return number

    def _fee(self, fee):
        if fee is None:
            return TO_BE_CONFIRMED
        if fee == 0:
            return _("Free of charge")
        return _("${amount} VND", mapping={"amount": self.number(fee)})

    def _agency(self, code):
        """Name, page and contact details of an agency by code.

        The name comes from the agency itself, without the code the vocabulary's
        titles carry, and even when the agency's page is not public (a citizen
        still needs to know where to go); the link and contact details only when
        the user may view the page. Unknown codes fall back to the vocabulary."""
        if not code:
            return None
        agency = find_by_code("Agency", code)
        if agency is None:
            title = term_title(vocabulary("dichvucong.Agencies", self.context), code)
            return {
                "title": title,
                "url": None,
                "address": None,
                "opening_hours": None,
                "phone": None,
            }
        public = getSecurityManager().checkPermission("View", agency)
        return {
            "title": agency.Title(),
            "url": agency.absolute_url() if public else None,
            "address": agency.address if public else None,
            "opening_hours": agency.opening_hours if public else None,
            "phone": agency.phone if public else None,
        }

    @cached_property
    def implementing_agency(self):
        return self._agency(self.context.implementing_agency)

    @cached_property
    def where_online(self):
        """What other rooms say about where an online dossier goes (the viewlets of
        ``dichvucong.procedure.where``), or "" when none has anything to say."""
        manager = queryMultiAdapter(
            (self.context, self.request, self), IViewletManager, name="dichvucong.procedure.where"
        )
        if manager is None:
            return ""
        manager.update()
        return manager.render().strip()

    @cached_property
    def competent_agency(self):
        if self.context.competent_agency == self.context.implementing_agency:
            return None
        return self._agency(self.context.competent_agency)

    def steps(self):
        return [step for step in self.context.steps or () if step and step.strip()]

    def legal_basis(self):
        items = []
        for item in self.context.legal_basis or ():
            date = format_date(item.get("date"), self.request)
            items.append(
                {
                    "number": item.get("number", ""),
                    "summary": item.get("summary") or "",
                    "issued": _("Issued on ${date}", mapping={"date": date}) if date else None,
                    "issuer": item.get("issuer") or "",
                }
            )
        return items

    def related_procedures(self):
        related = []
        for relation in self.context.related_procedures or ():
            target = viewable(relation)
            if target is not None:
                related.append(
                    {
                        "title": target.Title(),
                        "code": getattr(target, "code", None),
                        "url": target.absolute_url(),
                    }
                )
        return related

    def guide_html(self):
        guide = self.context.guide_text
        if not guide or not guide.raw.strip():
            return None
        # The rich text's safe_html transform output, never the raw value.
        return guide.output_relative_to(self.context)
