"""Catalog indexers: the facets and the search text of the catalogue."""

from dichvucong.base.vietnamese import abbreviation_variants
from dichvucong.base.vietnamese import fold
from dichvucong.base.vietnamese import sortable
from dichvucong.catalogue import stages
from dichvucong.catalogue.content.agency import IAgency
from dichvucong.catalogue.content.domain import IDomain
from dichvucong.catalogue.content.procedure import IProcedure
from dichvucong.catalogue.search.engine import registry_abbreviations
from plone.indexer import indexer


@indexer(IProcedure)
def procedure_code(obj):
    return obj.code


@indexer(IAgency)
def agency_code(obj):
    return obj.code


@indexer(IDomain)
def domain_code(obj):
    return obj.code


@indexer(IProcedure)
def procedure_level(obj):
    return obj.level


@indexer(IProcedure)
def procedure_domain(obj):
    return obj.domain


@indexer(IProcedure)
def procedure_agencies(obj):
    return sorted({c for c in (obj.implementing_agency, obj.competent_agency) if c})


@indexer(IProcedure)
def procedure_applicants(obj):
    return sorted(obj.applicant_types or ())


@indexer(IProcedure)
def has_online_form(obj):
    """Citizens can submit online: a form, and the service is official (a draft or a
    service in trial is not offered in the search's "online submission" filter)."""
    return obj.has_online_form() and stages.stage_of(obj) == stages.OFFICIAL


@indexer(IProcedure)
def popularity(obj):
    return obj.popularity or 0


@indexer(IProcedure)
def procedure_keywords(obj):
    return tuple(obj.keywords or ())


@indexer(IProcedure)
def procedure_sortable_title(obj):
    return sortable(obj.title)


@indexer(IAgency)
def agency_sortable_title(obj):
    return sortable(obj.title)


@indexer(IDomain)
def domain_sortable_title(obj):
    return sortable(obj.title)


@indexer(IProcedure)
def searchable_text(obj):
    """Site-wide search text: names, codes, keywords, documents, and abbreviations
    both ways (a text with an expansion is also found by its abbreviation)."""
    parts = [
        obj.title,
        obj.description,
        obj.national_code,
        obj.local_code,
        *(obj.keywords or ()),
        obj.result,
        *(document.get("name", "") for document in obj.documents or ()),
    ]
    text = " ".join(part for part in parts if part)
    variants = abbreviation_variants(text, registry_abbreviations())
    # The folded copy lets unaccented queries match letters Plone's own text
    # normaliser leaves accented (some letters with a hook above).
    return " ".join([text, *variants, fold(" ".join([text, *variants]))])
