"""Shared fields as behaviors: the audience of guides, campaigns and kits, and the
guides an editor links to a procedure. Same stored attributes, same forms, same
REST answers as when each type's schema had its own copy."""

from dichvucong.catalogue.content.procedure import IProcedure
from dichvucong.publishing.behaviors import IAudience
from dichvucong.publishing.behaviors import IRelatedGuides
from dichvucong.publishing.behaviors import IRequiredAudience
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.behavior.interfaces import IBehavior
from plone.dexterity.utils import iterSchemataForType
from tests.helpers.pages import page
from tests.helpers.users import as_site_owner
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import pytest
import requests
import transaction


BEHAVIORS = {
    "Guide": "dichvucong.audience",
    "Campaign": "dichvucong.audience",
    "OutreachKit": "dichvucong.audience_required",
    "Procedure": "dichvucong.related_guides",
}
CAMPAIGN = "tin-tuc/chien-dich-dich-vu-cong-truc-tuyen"
GUIDE = "huong-dan/dang-ky-khai-sinh-truc-tuyen"


def field_of(portal_type, name):
    (field,) = [s[name] for s in iterSchemataForType(portal_type) if name in s]
    return field


@pytest.mark.parametrize(("portal_type", "behavior"), BEHAVIORS.items())
def test_types_have_the_behaviors(portal, portal_type, behavior):
    assert behavior in portal.portal_types[portal_type].behaviors
    (brain, *_others) = api.content.find(portal_type=portal_type)
    assert getUtility(IBehavior, name=behavior).interface.providedBy(brain.getObject())


def test_behaviors_are_registered_with_their_schemas():
    assert getUtility(IBehavior, name="dichvucong.audience").interface is IAudience
    assert getUtility(IBehavior, name="dichvucong.audience_required").interface is (
        IRequiredAudience
    )
    assert getUtility(IBehavior, name="dichvucong.related_guides").interface is IRelatedGuides


def test_audience_is_optional_on_guides_and_campaigns_required_on_kits(portal):
    for portal_type in ("Guide", "Campaign"):
        field = field_of(portal_type, "audience")
        assert not field.required
        field.validate(set())
        assert field.value_type.vocabularyName == "dichvucong.Audiences"
    kit = field_of("OutreachKit", "audience")
    assert kit.required and kit.min_length == 1
    assert kit.value_type.vocabularyName == "dichvucong.Audiences"


def test_the_catalogue_schema_no_longer_declares_guides(portal):
    assert "guides" not in IProcedure
    assert field_of("Procedure", "guides").interface is IRelatedGuides


def test_existing_content_reads_its_values_through_the_behaviors(portal):
    """Stored as attributes, under the names the types' schemas used."""
    campaign = portal.unrestrictedTraverse(CAMPAIGN)
    assert IAudience.providedBy(campaign)
    assert campaign.__dict__["audience"] == {"citizens", "elderly"}
    assert IAudience(campaign).audience == {"citizens", "elderly"}
    kit = portal.unrestrictedTraverse(f"{CAMPAIGN}/tai-lieu-cho-nguoi-dan")
    assert IRequiredAudience.providedBy(kit) and IAudience.providedBy(kit)
    assert IRequiredAudience(kit).audience == {"citizens", "elderly"}
    guide = portal.unrestrictedTraverse(GUIDE)
    assert IAudience(guide).audience == guide.__dict__["audience"]


def test_procedure_guides_are_stored_on_the_procedure(portal):
    guide = portal.unrestrictedTraverse(GUIDE)
    birth = api.content.find(portal_type="Procedure", catalogue_code="1.001193")[0].getObject()
    assert IRelatedGuides.providedBy(birth)
    IRelatedGuides(birth).guides = [RelationValue(getUtility(IIntIds).getId(guide))]
    assert birth.__dict__["guides"][0].to_object == guide


# --- Forms: same places, same rules ----------------------------------------------


@pytest.fixture
def owner(browser):
    return as_site_owner(browser)


def fields_by_tab(browser):
    return {
        fieldset.get("id"): [
            div.get("data-fieldname").rsplit(".", 1)[-1]
            for div in fieldset.cssselect("div.field[data-fieldname]")
        ]
        for fieldset in page(browser).cssselect("fieldset")
    }


def test_guide_form_keeps_the_audience_after_the_kind(functional_portal, owner):
    owner.open(f"{functional_portal.absolute_url()}/{GUIDE}/edit")
    default = fields_by_tab(owner)["fieldset-default"]
    kind = default.index("guide_kind")
    assert default[kind : kind + 3] == ["guide_kind", "audience", "procedures"]


def test_campaign_form_keeps_the_audience_in_its_tab(functional_portal, owner):
    owner.open(f"{functional_portal.absolute_url()}/{CAMPAIGN}/edit")
    tabs = fields_by_tab(owner)
    assert tabs["fieldset-campaign"][:2] == ["audience", "campaign_start"]
    assert "audience" not in tabs["fieldset-default"]


def test_procedure_form_keeps_guides_among_the_links(functional_portal, owner):
    birth = api.content.find(portal_type="Procedure", catalogue_code="1.001193")[0]
    owner.open(f"{birth.getURL()}/edit")
    assert fields_by_tab(owner)["fieldset-links"] == [
        "keywords",
        "related_procedures",
        "online_form",
        "guides",
        "popularity",
    ]


def test_kit_add_form_refuses_a_kit_without_audience(functional_portal, owner):
    news = functional_portal["tin-tuc"]
    before = set(news.objectIds())
    owner.open(f"{news.absolute_url()}/++add++OutreachKit")
    (label,) = page(owner).cssselect("label[for^='form-widgets-IRequiredAudience-audience']")[:1]
    assert label.cssselect(".required")
    owner.getControl(name="form.widgets.IBasic.title").value = "Bộ tài liệu không đối tượng"
    owner.getControl(name="form.buttons.save").click()
    assert page(owner).cssselect(
        "#formfield-form-widgets-IRequiredAudience-audience .invalid-feedback, "
        "#formfield-form-widgets-IRequiredAudience-audience .fieldErrorBox"
    )
    transaction.begin()
    assert set(news.objectIds()) == before
    # With an audience it is added, and stored as before.
    owner.getControl(name="form.widgets.IRequiredAudience.audience:list").value = ["elderly"]
    owner.getControl(name="form.widgets.IBasic.title").value = "Bộ tài liệu có đối tượng"
    owner.getControl(name="form.buttons.save").click()
    transaction.begin()
    (new,) = set(news.objectIds()) - before
    kit = news[new]
    kit._p_activate()  # a ghost after the new transaction: its __dict__ is empty until then
    assert kit.__dict__["audience"] == {"elderly"}
    assert api.content.find(UID=kit.UID(), audience="elderly", unrestricted=True)


# --- REST: the same keys as before -----------------------------------------------


def test_rest_api_reads_and_writes_the_behavior_fields(functional_portal):
    auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    headers = {"Accept": "application/json"}
    url = f"{functional_portal.absolute_url()}/{CAMPAIGN}"
    data = requests.get(url, headers=headers, auth=auth, timeout=30).json()
    assert sorted(term["token"] for term in data["audience"]) == ["citizens", "elderly"]
    response = requests.patch(
        url, json={"audience": ["businesses"]}, headers=headers, auth=auth, timeout=30
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert functional_portal.unrestrictedTraverse(CAMPAIGN).audience == {"businesses"}
    birth = api.content.find(portal_type="Procedure", catalogue_code="1.001193")[0]
    data = requests.get(birth.getURL(), headers=headers, auth=auth, timeout=30).json()
    assert data["guides"] == []
    guide = functional_portal.unrestrictedTraverse(GUIDE)
    response = requests.patch(
        birth.getURL(), json={"guides": [guide.UID()]}, headers=headers, auth=auth, timeout=30
    )
    assert response.status_code == 204, response.text
    data = requests.get(birth.getURL(), headers=headers, auth=auth, timeout=30).json()
    assert [item["@id"] for item in data["guides"]] == [guide.absolute_url()]
    # A kit sent without an audience is refused, as before.
    kit = f"{url}/tai-lieu-cho-nguoi-dan"
    response = requests.patch(kit, json={"audience": []}, headers=headers, auth=auth, timeout=30)
    assert response.status_code == 400
