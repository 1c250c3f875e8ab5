"""The three kinds of catalogue records: their type, folder, code and fields."""

from dataclasses import dataclass
from dataclasses import field
from dichvucong.catalogue.content.agency import IAgency
from dichvucong.catalogue.content.domain import IDomain
from dichvucong.catalogue.content.procedure import IProcedure


@dataclass(frozen=True)
class Kind:
    name: str
    portal_type: str
    schema: object
    # The role of the section holding this kind (dichvucong.base.sections).
    section: str
    # Fields of the file, in export order. title/description come from IBasic.
    fields: tuple
    required: tuple
    extra: tuple = field(default=())  # file fields that are not schema fields

    def code_of(self, values):
        if self.name == "procedures":
            return values.get("national_code") or values.get("local_code")
        return values.get("code")


DOMAINS = Kind(
    name="domains",
    portal_type="Domain",
    schema=IDomain,
    section="domains",
    fields=("code", "title", "description"),
    required=("code", "title"),
)
AGENCIES = Kind(
    name="agencies",
    portal_type="Agency",
    schema=IAgency,
    section="agencies",
    fields=(
        "code",
        "title",
        "kind",
        "parent",
        "description",
        "address",
        "opening_hours",
        "phone",
        "email",
        "valid_from",
        "valid_to",
    ),
    required=("code", "title", "kind"),
    extra=("parent",),
)
PROCEDURES = Kind(
    name="procedures",
    portal_type="Procedure",
    schema=IProcedure,
    section="procedures",
    fields=(
        "national_code",
        "local_code",
        "title",
        "description",
        "publishing_decision",
        "level",
        "domain",
        "applicant_types",
        "implementing_agency",
        "competent_agency",
        "steps",
        "channels",
        "documents",
        "conditions",
        "legal_basis",
        "result",
        "keywords",
        "related_procedures",
        "online_stage",
        "popularity",
    ),
    required=("title", "level"),
    extra=("related_procedures",),
)
KINDS = {kind.name: kind for kind in (DOMAINS, AGENCIES, PROCEDURES)}


def kind_from_filename(filename):
    stem = (filename or "").rsplit("/", 1)[-1].split(".", 1)[0].lower()
    return KINDS.get(stem)
