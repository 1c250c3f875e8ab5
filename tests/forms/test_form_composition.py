"""Service forms composed from shared groups (src/dichvucong/forms/composition.py):
a question written once in groups/ reaches every form that uses it, on the next import,
unless editors changed that form's questions; the birth form of sites made before it
was composed takes the groups when still as shipped."""

from collective.easyform.api import get_schema
from dichvucong.forms import profile
from dichvucong.forms.composition import CompositionError
from dichvucong.forms.composition import compose
from dichvucong.forms.composition import fingerprint
from plone import api
from Products.GenericSetup.context import DirectoryImportContext
from zope.annotation.interfaces import IAnnotations
from zope.schema import getFieldsInOrder
import json
import pathlib
import pytest
import shutil


DATA = pathlib.Path(__file__).parents[2] / "profiles/hanoi"
FORMS = json.loads((DATA / "forms/forms.json").read_text("utf-8"))


def read(name):
    return (DATA / "forms" / name).read_text("utf-8")


def birth_entry():
    return next(e for e in FORMS if e["id"] == "dang-ky-khai-sinh")


def test_groups_are_composed_in_order_with_the_source_named():
    model = compose(birth_entry(), read)
    assert "<!-- Theo Tờ khai đăng ký khai sinh" in model
    assert model.index('name="applicant_name"') < model.index('name="relationship"')
    assert model.index('name="relationship"') < model.index('name="child_name"')
    assert model.count('name="receiving_agency"') == 1
    # "only": a newborn has no ID number yet.
    assert 'name="child_id_number"' not in model


def test_a_question_asked_twice_is_refused():
    entry = {**birth_entry(), "parts": [{"group": "applicant"}, {"group": "applicant"}]}
    with pytest.raises(CompositionError, match="applicant_name is asked twice"):
        compose(entry, read)


def test_a_person_group_needs_its_prefix():
    entry = {**birth_entry(), "parts": [{"group": "person", "label": "X"}]}
    with pytest.raises(CompositionError, match="needs a prefix"):
        compose(entry, read)


def test_optional_makes_a_group_question_optional():
    entry = {
        "id": "x",
        "parts": [
            {"group": "person", "prefix": "mother", "label": "Mẹ", "optional": ["id_number"]}
        ],
    }
    model = compose(entry, read)
    start = model.index('name="mother_id_number"')
    assert "<required>False</required>" in model[start : model.index("</field>", start)]


@pytest.fixture
def city_data(tmp_path):
    """A copy of the city's site data that a test may change."""
    shutil.copytree(DATA, tmp_path / "hanoi")
    return tmp_path / "hanoi"


def run_import(portal, folder):
    context = DirectoryImportContext(portal.portal_setup, str(folder))
    profile.import_forms(context)


@pytest.fixture
def form(manager_portal):
    return manager_portal["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"]


def title(form, name):
    return dict(getFieldsInOrder(get_schema(form)))[name].title


def test_a_changed_group_reaches_the_forms_editors_left_alone(manager_portal, form, city_data):
    assert IAnnotations(form)[profile.COMPOSED] == fingerprint(form.fields_model)
    group = city_data / "forms/groups/applicant.xml"
    group.write_text(group.read_text("utf-8").replace("Số điện thoại<", "Số điện thoại di động<"))
    run_import(manager_portal, city_data)
    assert title(form, "applicant_phone") == "Số điện thoại di động"
    assert IAnnotations(form)[profile.COMPOSED] == fingerprint(form.fields_model)


def test_a_form_editors_changed_keeps_their_questions(manager_portal, form, city_data):
    form.fields_model = form.fields_model.replace("Nơi sinh<", "Nơi sinh (địa chỉ)<")
    group = city_data / "forms/groups/applicant.xml"
    group.write_text(group.read_text("utf-8").replace("Số điện thoại<", "Số điện thoại di động<"))
    run_import(manager_portal, city_data)
    assert title(form, "child_birth_place") == "Nơi sinh (địa chỉ)"
    assert title(form, "applicant_phone") == "Số điện thoại"


def test_the_birth_form_as_shipped_before_takes_the_groups(manager_portal, form):
    form.fields_model = read("legacy/dang-ky-khai-sinh.2026120301.fields.xml")
    del IAnnotations(form)[profile.COMPOSED]
    assert "mother_id_number" not in get_schema(form)
    run_import(manager_portal, DATA)
    assert "mother_id_number" in get_schema(form)
    assert api.content.get_state(form) == "published"


def test_the_birth_form_editors_changed_before_is_left_alone(manager_portal, form):
    legacy = read("legacy/dang-ky-khai-sinh.2026120301.fields.xml")
    form.fields_model = legacy.replace("Nơi sinh<", "Nơi sinh (địa chỉ)<")
    del IAnnotations(form)[profile.COMPOSED]
    run_import(manager_portal, DATA)
    assert "mother_id_number" not in get_schema(form)
    assert title(form, "child_birth_place") == "Nơi sinh (địa chỉ)"


def test_a_form_gives_a_group_question_its_own_help():
    stay = next(e for e in FORMS if e["id"] == "thong-bao-luu-tru")
    model = compose(stay, read)
    start = model.index('name="receiving_agency"')
    field = model[start : model.index("</field>", start)]
    assert "nơi khách đến lưu trú" in field
    assert "nơi Ông/Bà cư trú" not in field
