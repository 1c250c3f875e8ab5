"""Every service form of the city's data (profiles/hanoi/forms/forms.json), through
both doors: the browser form (fill in, check your answers, send) and REST
``@dossiers``. Each dossier goes to the agency its service sends it to, and an empty
form is refused with the same Vietnamese message next to every required field.

The answers each form is sent with are in tests/forms/samples/<form id>.json:
``{"agency": expected receiving agency, "answers": {...} as REST JSON, "files":
{file field: file name}}``."""

from collective.easyform.api import get_schema
from datetime import date
from dichvucong.dossier.api.answers import form_fields
from tests.helpers.pages import field_errors
from tests.helpers.users import browser_for
from tests.helpers.users import credentials
from tests.helpers.users import make_user
from urllib.parse import urlparse
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
import base64
import io
import json
import pathlib
import pytest
import requests
import transaction


ROOT = pathlib.Path(__file__).parents[2]
FORMS = json.loads((ROOT / "profiles/hanoi/forms/forms.json").read_text("utf-8"))
SAMPLES = pathlib.Path(__file__).parent / "samples"
IDS = [entry["id"] for entry in FORMS]
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
CITIZEN = "citizen_every_form"
JSON = {"Accept": "application/json"}


def sample(form_id):
    return json.loads((SAMPLES / f"{form_id}.json").read_text("utf-8"))


def entry(form_id):
    return next(e for e in FORMS if e["id"] == form_id)


@pytest.fixture
def site(functional_portal):
    make_user(CITIZEN, "Nguyễn Thị Hồng Nhung")
    transaction.commit()
    return functional_portal


def service_form(site, form_id):
    return site.unrestrictedTraverse(f"{entry(form_id)['container']}/{form_id}")


def dossier_at(site, url):
    """The dossier a page of it (…/<code>/@@dossier-submitted) is about."""
    transaction.begin()  # see what the request committed
    path = urlparse(url).path.split("/@@")[0]
    return site.getPhysicalRoot().unrestrictedTraverse(path)


def rest_post(site, body):
    return requests.post(
        f"{site.absolute_url()}/@dossiers",
        json=body,
        auth=credentials(CITIZEN),
        headers=JSON,
        timeout=60,
    )


def rest_body(form_id, answers, files):
    return {
        "procedure": entry(form_id)["procedure"],
        "answers": answers,
        "files": [
            {"field": field, "filename": name, "data": base64.b64encode(PDF).decode()}
            for field, name in files.items()
        ],
    }


def test_every_form_has_its_samples():
    assert sorted(p.stem for p in SAMPLES.glob("*.json")) == sorted(IDS)


@pytest.mark.parametrize("form_id", IDS)
def test_rest_submission_reaches_the_right_agency(site, form_id):
    data = sample(form_id)
    response = rest_post(site, rest_body(form_id, data["answers"], data["files"]))
    assert response.status_code == 201, response.text
    dossier = dossier_at(site, response.headers["Location"])
    assert dossier.agency_code == data["agency"]
    assert dossier.procedure_code == entry(form_id)["procedure"]
    assert set(dossier.answers) >= set(data["answers"]) - {"applicant_email"}


def widget_value(form, field, value):
    """What the citizen types or picks in the browser for a REST JSON ``value``."""
    if IDate.providedBy(field):
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    if IChoice.providedBy(field):
        return [field.bind(form).vocabulary.getTerm(value).token]
    if ICollection.providedBy(field) and IChoice.providedBy(field.value_type):
        vocabulary = field.value_type.bind(form).vocabulary
        return [vocabulary.getTerm(item).token for item in value]
    if IBool.providedBy(field):
        return bool(value)
    return str(value)


def control(browser, name):
    try:
        return browser.getControl(name=f"form.widgets.{name}")
    except LookupError:
        return browser.getControl(name=f"form.widgets.{name}:list")


def tick(found, on):
    """A yes/no question's checkbox; the widget's checkbox comes as a one-item list."""
    for item in getattr(found, "controls", [found]):
        item.selected = on


def fill(browser, form, answers, files):
    schema = get_schema(form)
    for name, value in answers.items():
        typed = widget_value(form, schema[name], value)
        if IBool.providedBy(schema[name]):
            tick(control(browser, name), typed)
        else:
            control(browser, name).value = typed
    for name, filename in files.items():
        control(browser, name).add_file(io.BytesIO(PDF), "application/pdf", filename)


@pytest.mark.parametrize("form_id", IDS)
def test_from_the_procedure_page_the_browser_form_reaches_the_right_agency(
    site, functional_app, form_id
):
    data = sample(form_id)
    form = service_form(site, form_id)
    browser = browser_for(functional_app, CITIZEN)
    # From the procedure page, as a citizen comes.
    (brain,) = site.portal_catalog.unrestrictedSearchResults(
        portal_type="Procedure", catalogue_code=entry(form_id)["procedure"]
    )
    browser.open(brain.getURL())
    browser.getLink("Nộp hồ sơ trực tuyến").click()
    assert browser.url == form.absolute_url()
    fill(browser, form, data["answers"], data["files"])
    browser.getControl(name="form.buttons.submit").click()
    assert "@@check-answers" in browser.url, field_errors(browser)
    browser.getControl(name="form.submitted").click()
    assert browser.url.endswith("/@@dossier-submitted"), browser.url
    dossier = dossier_at(site, browser.url)
    assert dossier.agency_code == data["agency"]
    assert dossier.procedure_code == entry(form_id)["procedure"]


def required_fields(form):
    answers, files = form_fields(form)
    return {name for name, field in {**answers, **files}.items() if field.required}


def clear(browser, form):
    """Empty every answer the page offers (prefilled name and email, defaults)."""
    for name, field in getFieldsInOrder(get_schema(form)):
        try:
            found = control(browser, name)
        except LookupError:
            continue
        if IChoice.providedBy(field) or ICollection.providedBy(field):
            found.value = []
        elif IBool.providedBy(field):
            tick(found, False)
        elif getattr(found, "type", "") != "file":
            found.value = ""


@pytest.mark.parametrize("form_id", IDS)
def test_an_empty_form_gets_the_same_vietnamese_message_on_every_required_field(
    site, functional_app, form_id
):
    form = service_form(site, form_id)
    required = required_fields(form)
    assert required, "a service form with no required question"

    response = rest_post(site, rest_body(form_id, {}, {}))
    assert response.status_code == 400
    rest = response.json()["error"]["errors"]

    browser = browser_for(functional_app, CITIZEN)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(form.absolute_url())
    clear(browser, form)
    browser.getControl(name="form.buttons.submit").click()
    shown = field_errors(browser)

    assert set(shown) >= required
    assert set(rest) >= required
    for name in required:
        assert shown[name] == rest[name], name
        assert shown[name] != shown[name].encode("ascii", "ignore").decode(), shown[name]
