"""The 2026120201 handler brings a site made before the behaviors and the table editor
to the new profile: content keeps its values, forms and the REST API work."""

from collective.z3cform.datagridfield.interfaces import IDataGridFieldLayer
from dichvucong.publishing.behaviors import IAudience
from dichvucong.publishing.behaviors import IRelatedGuides
from dichvucong.publishing.behaviors import IRequiredAudience
from dichvucong.upgrades.v2026120201.behaviors import BEHAVIORS
from dichvucong.upgrades.v2026120201.behaviors import DATAGRID
from dichvucong.upgrades.v2026120201.behaviors import use_behaviors_and_tables
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.browserlayer.utils import registered_layers
from plone.browserlayer.utils import unregister_layer
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.pages import page
from tests.helpers.users import as_site_owner
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import pytest
import requests
import transaction


CAMPAIGN = "tin-tuc/chien-dich-dich-vu-cong-truc-tuyen"
KIT = f"{CAMPAIGN}/tai-lieu-cho-nguoi-dan"
GUIDE = "huong-dan/dang-ky-khai-sinh-truc-tuyen"


def birth_procedure():
    return procedure(BIRTH)


@pytest.fixture
def old_site(functional_portal):
    """The site as it was before 2026120201: FTIs without our behaviors (Guide with
    the audience at its old place, the end), no datagrid add-on, a procedure with
    guides of its own, stored on the object as the old schema stored them."""
    portal = functional_portal
    types = portal.portal_types
    for portal_type, (behavior, _after) in BEHAVIORS.items():
        behaviors = [b for b in types[portal_type].behaviors if b != behavior]
        types[portal_type].manage_changeProperties(behaviors=tuple(behaviors))
    unregister_layer("collective.z3cform.datagridfield")
    portal.portal_setup.unsetLastVersionForProfile(DATAGRID)
    guide = portal.unrestrictedTraverse(GUIDE)
    birth_procedure().guides = [RelationValue(getUtility(IIntIds).getId(guide))]
    transaction.commit()
    assert not IAudience.providedBy(portal.unrestrictedTraverse(CAMPAIGN))
    assert IDataGridFieldLayer not in registered_layers()
    return portal


def test_upgrade_enables_the_behaviors_and_keeps_values(old_site):
    use_behaviors_and_tables(None)
    transaction.commit()
    types = old_site.portal_types
    for portal_type, (behavior, _after) in BEHAVIORS.items():
        assert types[portal_type].behaviors.count(behavior) == 1
    guide_behaviors = list(types.Guide.behaviors)
    assert guide_behaviors.index("dichvucong.audience") == guide_behaviors.index("plone.basic") + 1
    assert IDataGridFieldLayer in registered_layers()
    campaign = old_site.unrestrictedTraverse(CAMPAIGN)
    kit = old_site.unrestrictedTraverse(KIT)
    guide = old_site.unrestrictedTraverse(GUIDE)
    assert IAudience(campaign).audience == {"citizens", "elderly"}
    assert IRequiredAudience(kit).audience == {"citizens", "elderly"}
    assert IAudience(guide).audience == guide.audience
    assert [r.to_object for r in IRelatedGuides(birth_procedure()).guides] == [guide]
    # The catalog knows the new interfaces (the behaviors are markers).
    found = api.content.find(
        object_provides=IRequiredAudience.__identifier__, portal_type="OutreachKit"
    )
    assert kit.UID() in {brain.UID for brain in found}
    # A second run changes nothing.
    use_behaviors_and_tables(None)
    for portal_type, (behavior, _after) in BEHAVIORS.items():
        assert types[portal_type].behaviors.count(behavior) == 1


def test_forms_and_rest_work_after_the_upgrade(old_site, browser):
    use_behaviors_and_tables(None)
    transaction.commit()
    as_site_owner(browser)
    # The procedure's form: the tables as tables, its own guides among the links.
    birth = birth_procedure()
    browser.open(f"{birth.absolute_url()}/edit")
    form = page(browser)
    for name in ("channels", "documents", "legal_basis"):
        assert form.cssselect(f".pat-datagridfield table#form-widgets-{name}")
    assert form.cssselect("#fieldset-links [data-fieldname='form.widgets.IRelatedGuides.guides']")
    browser.getControl(name="form.widgets.channels.0.widgets.fee").value = "0"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert birth.channels[0]["fee"] == 0
    # The procedure page lists the guide it names, first.
    links = page(browser).cssselect("#dvc-guides li > a")
    assert links[0].get("href") == old_site.unrestrictedTraverse(GUIDE).absolute_url()
    # The campaign's form: the audience in the campaign's tab, with its value.
    browser.open(f"{old_site.absolute_url()}/{CAMPAIGN}/edit")
    control = browser.getControl(name="form.widgets.IAudience.audience:list")
    assert set(control.value) == {"citizens", "elderly"}
    # The REST API: the same keys as before.
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    session.headers["Accept"] = "application/json"
    data = session.get(f"{old_site.absolute_url()}/{KIT}", timeout=30).json()
    assert sorted(term["token"] for term in data["audience"]) == ["citizens", "elderly"]
    data = session.get(birth.absolute_url(), timeout=30).json()
    assert [item["@id"] for item in data["guides"]] == [
        old_site.unrestrictedTraverse(GUIDE).absolute_url()
    ]
    assert data["channels"] == birth.channels
    response = session.patch(
        birth.absolute_url(), json={"channels": [{"channel": "fax"}]}, timeout=30
    )
    assert response.status_code == 400
