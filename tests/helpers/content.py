"""Content the tests look up and make: the city's procedures by code, relations,
items the site owner creates and publishes, states the server committed."""

from dichvucong.dossier.submission import submit
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import transaction


BIRTH = "1.001193"  # Đăng ký khai sinh, with an online form in the Hanoi data
PASSPORT = "HN-DVCTY-09"  # its form sends every dossier to the passport office
BIRTH_GROUP = "HN-DVCTY-17"  # no online form in the Hanoi data (online submission is coming)


def procedure(code):
    """The shipped procedure with catalogue code ``code``."""
    return api.content.find(portal_type="Procedure", catalogue_code=code)[0].getObject()


# What a citizen answers in the birth form when a test does not say otherwise.
BIRTH_ANSWERS = {
    "applicant_name": "Nguyen Van A",
    "applicant_id_number": "001200012345",
    "applicant_phone": "0912345678",
    "child_name": "Nguyen Van Be",
}


def submit_birth(userid="citizen_a", uploads=None, **answers):
    """A birth dossier ``userid`` sends through the real submission code, with
    BIRTH_ANSWERS unless ``answers`` say otherwise (None: not answered); not committed."""
    values = {
        key: value for key, value in {**BIRTH_ANSWERS, **answers}.items() if value is not None
    }
    with api.env.adopt_user(username=userid):
        return submit(procedure(BIRTH), values, uploads=uploads)


def intid(obj):
    """A relation to ``obj``, as relation fields store it."""
    return RelationValue(getUtility(IIntIds).getId(obj))


def create(container, portal_type, publish=True, **fields):
    """A new ``portal_type`` in ``container``, made by the site owner and published
    unless ``publish`` is false (not committed)."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(container=container, type=portal_type, **fields)
        if publish:
            api.content.transition(obj=obj, to_state="published")
    return obj


def table_procedure(folder, procedure_id, title, code, **tables):
    """A published procedure with a local code and the given tables (channels,
    documents, legal basis), as the catalogue editors' form tests need (not committed)."""
    return create(
        folder,
        "Procedure",
        id=procedure_id,
        title=title,
        local_code=code,
        level="partial",
        **tables,
    )


def state_of(obj):
    """The workflow state of ``obj`` as the server committed it."""
    transaction.begin()
    return api.content.get_state(obj)
