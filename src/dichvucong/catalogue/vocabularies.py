"""Named vocabularies of the catalogue."""

from datetime import date
from dichvucong import _
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


LEVELS = (
    ("full", _("Fully online")),
    ("partial", _("Partly online")),
    ("offline", _("Not online")),
)
APPLICANT_TYPES = (
    ("citizen", _("Citizen")),
    ("organisation", _("Organisation")),
)
AGENCY_KINDS = (
    ("city", _("City")),
    ("department", _("City department")),
    ("centre", _("Public administration service centre")),
    ("branch", _("Service centre branch")),
    ("ward", _("Ward")),
    ("commune", _("Commune")),
    ("police", _("Ward or commune police")),
    ("district", _("District (before 2025-07-01)")),
    ("other", _("Other agency")),
)
CHANNELS = (
    ("in_person", _("In person")),
    ("online", _("Online")),
    ("post", _("By post")),
)
TIME_UNITS = (
    ("working_days", _("Working days")),
    ("working_hours", _("Working hours")),
    ("days", _("Days")),
)


def _static(pairs):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


@provider(IVocabularyFactory)
def procedure_levels(context):
    return _static(LEVELS)


@provider(IVocabularyFactory)
def applicant_types(context):
    return _static(APPLICANT_TYPES)


@provider(IVocabularyFactory)
def agency_kinds(context):
    return _static(AGENCY_KINDS)


@provider(IVocabularyFactory)
def channels(context):
    return _static(CHANNELS)


@provider(IVocabularyFactory)
def time_units(context):
    """Units of a channel's processing time."""
    return _static(TIME_UNITS)


def _by_code(portal_type):
    brains = api.content.find(portal_type=portal_type, sort_on="sortable_title")
    terms = []
    seen = set()
    for brain in brains:
        code = brain.catalogue_code
        if code and code not in seen:
            seen.add(code)
            terms.append(SimpleTerm(code, code, f"{brain.Title} ({code})"))
    return SimpleVocabulary(terms)


@provider(IVocabularyFactory)
def domains(context):
    """Domains by code (the content in the site, so editors can add new ones)."""
    return _by_code("Domain")


@provider(IVocabularyFactory)
def agencies(context):
    """Agencies by code, including dissolved ones (history stays readable)."""
    return _by_code("Agency")


LOCAL_KINDS = ("ward", "commune")
POLICE_KINDS = ("police",)


def _current(kinds):
    """Agencies of these kinds that exist today, by title, as a vocabulary of codes."""
    today = date.today()
    terms = []
    for brain in api.content.find(portal_type="Agency", sort_on="sortable_title"):
        agency = brain.getObject()
        if agency.kind not in kinds or (agency.valid_to and agency.valid_to < today):
            continue
        terms.append(SimpleTerm(agency.code, agency.code, brain.Title))
    return SimpleVocabulary(terms)


@provider(IVocabularyFactory)
def local_agencies(context):
    """Wards and communes that exist today: where citizens file most civil-status
    dossiers (service forms offer them as the receiving agency), and the ward pickers
    of addresses."""
    return _current(LOCAL_KINDS)


@provider(IVocabularyFactory)
def commune_police(context):
    """Ward and commune police that exist today: where residence and motorbike
    dossiers go (service forms offer them as the receiving agency)."""
    return _current(POLICE_KINDS)
