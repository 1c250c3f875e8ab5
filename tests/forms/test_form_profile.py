"""The city's forms import step brings new checks (forms.json ``validators``) to
forms that exist already, keeping what editors changed; the Hanoi upgrade
2026120201 -> 2026120301 runs it."""

from collective.easyform.api import get_schema
from collective.easyform.interfaces import IFieldExtender
from dichvucong.setup.cities import profile_id
import pytest


HANOI = profile_id("hanoi")


def validators(form, name):
    return IFieldExtender(get_schema(form)[name]).validators


@pytest.fixture
def old_form(form):
    """The birth form as a site made before 2026120301 has it, with an editor's change."""
    form.fields_model = form.fields_model.replace(
        ' easyform:validators="isNotInTheFuture"', ""
    ).replace("Nơi sinh", "Nơi sinh (địa chỉ)")
    assert not validators(form, "child_birth_date")
    return form


def test_a_new_site_refuses_future_birth_dates(form):
    assert validators(form, "child_birth_date") == ["isNotInTheFuture"]


def test_the_upgrade_adds_the_check_and_keeps_editors_changes(portal, old_form, setup_tool):
    setup_tool.setLastVersionForProfile(HANOI, "2026120201")
    steps = [
        step
        for item in setup_tool.listUpgrades(HANOI)
        for step in (item if isinstance(item, list) else [item])
    ]
    assert ("2026120201", "2026120301") in [(s["ssource"], s["sdest"]) for s in steps]
    setup_tool.upgradeProfile(HANOI, dest="2026120301")
    assert setup_tool.getLastVersionForProfile(HANOI) == ("2026120301",)
    assert validators(old_form, "child_birth_date") == ["isNotInTheFuture"]
    assert get_schema(old_form)["child_birth_place"].title == "Nơi sinh (địa chỉ)"
    # Again: nothing doubles.
    setup_tool.runImportStepFromProfile(f"profile-{HANOI}", "dichvucong-forms")
    assert validators(old_form, "child_birth_date") == ["isNotInTheFuture"]
