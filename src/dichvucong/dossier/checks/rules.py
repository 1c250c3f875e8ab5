"""The checks of a dossier's answers, chosen by the fields' names (docs/forms.md,
"Checks by field name"). One function for both doors: the service form (forms/form.py,
on the first POST, next to each field) and REST ``@dossiers`` (through
``submission.check_answers``).

A person prefix P names whose data a field holds (``applicant``, ``child``,
``deceased``, ``husband``, ...): ``P_id_number`` is checked against ``P_birth_date``
and ``P_sex`` of the same person, ``P_death_date`` against ``P_birth_date``.
"""

from dichvucong.base.dates import portal_now
from dichvucong.dossier.checks import contact
from dichvucong.dossier.checks import identity
from dichvucong.dossier.checks import life_events
from dichvucong.dossier.checks import vehicles


OLD_ID_NUMBER = "old_id_number"
ID_NUMBER = "id_number"
BIRTH_DATE = "birth_date"
DEATH_DATE = "death_date"
SEX = "sex"
HUSBAND_BIRTH_DATE = "husband_birth_date"
WIFE_BIRTH_DATE = "wife_birth_date"
# People whose sex their prefix says, when the form does not ask it (the marriage
# declaration's two sides).
SEX_OF_PREFIX = {"husband": identity.MALE, "wife": identity.FEMALE}

# Checks of one text answer, by how the field's name ends.
TEXT_CHECKS = (
    ("phone", contact.phone_problem),
    ("email", contact.email_problem),
    ("plate", vehicles.plate_problem),
    ("engine_number", vehicles.engine_number_problem),
    ("frame_number", vehicles.frame_number_problem),
)


def person(name, suffix):
    """The person prefix of ``name`` when it is ``<prefix>_<suffix>`` (or the bare
    ``suffix``: prefix ""), else None."""
    if name == suffix:
        return ""
    if name.endswith(f"_{suffix}"):
        return name[: -len(suffix) - 1]
    return None


def field(prefix, suffix):
    return f"{prefix}_{suffix}" if prefix else suffix


def filled(value):
    return value is not None and value != ""


def check(values, today=None):
    """{field name: message} for the answers ``values`` (typed: dates as dates) that
    cannot be right. Empty answers are not checked here (required ones are the
    form's business). ``today``: the portal's date by default."""
    if today is None:
        today = portal_now().date()
    errors = {}
    for name, value in values.items():
        if not filled(value):
            continue
        message = _check_one(name, value, values, today)
        if message is not None:
            errors[name] = message
    _check_marriage(values, today, errors)
    return errors


def _check_one(name, value, values, today):
    if isinstance(value, str):
        prefix = person(name, OLD_ID_NUMBER)
        if prefix is not None:
            return identity.old_id_number_problem(value)
        prefix = person(name, ID_NUMBER)
        if prefix is not None:
            return identity.id_number_problem(
                value,
                birth_date=life_events.as_date(values.get(field(prefix, BIRTH_DATE))),
                sex=values.get(field(prefix, SEX)) or SEX_OF_PREFIX.get(prefix),
                today=today,
            )
        for ending, problem in TEXT_CHECKS:
            if name.endswith(ending):
                return problem(value)
        return None
    day = life_events.as_date(value)
    if day is None:
        return None
    if person(name, BIRTH_DATE) is not None:
        return life_events.birth_date_problem(day, today)
    prefix = person(name, DEATH_DATE)
    if prefix is not None:
        born = life_events.as_date(values.get(field(prefix, BIRTH_DATE)))
        return life_events.death_date_problem(day, today, born=born)
    return None


def _check_marriage(values, today, errors):
    """Both spouses of legal age, when the form asks for both dates of birth."""
    husband = life_events.as_date(values.get(HUSBAND_BIRTH_DATE))
    wife = life_events.as_date(values.get(WIFE_BIRTH_DATE))
    if husband is None or wife is None:
        return
    for name, born, problem in (
        (HUSBAND_BIRTH_DATE, husband, life_events.husband_age_problem),
        (WIFE_BIRTH_DATE, wife, life_events.wife_age_problem),
    ):
        message = problem(born, today)
        if message is not None and name not in errors:
            errors[name] = message
