"""The dossier REST API and the public lookup, over real HTTP (functional layer)."""

from datetime import date
from datetime import timedelta
from dichvucong.dossier import audit
from dichvucong.dossier.api.status import LOOKUPS
from dichvucong.dossier.submission import submit
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.helpers.content import BIRTH
from tests.helpers.content import intid
from tests.helpers.users import AGENCY_X
from tests.helpers.users import add_dossier_people
from tests.helpers.users import credentials
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import base64
import pytest
import re
import requests
import transaction


ID_NUMBER = "001200012345"
PHONE = "0912345678"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
JSON = {"Accept": "application/json"}
FORM_MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="child_name" type="zope.schema.TextLine">
      <title>Child name</title>
    </field>
    <field name="birth_date" type="zope.schema.Date">
      <title>Birth date</title>
      <required>False</required>
    </field>
    <field name="sex" type="zope.schema.Choice">
      <title>Sex</title>
      <required>False</required>
      <values><element>female</element><element>male</element></values>
    </field>
    <field name="birth_paper" type="plone.namedfile.field.NamedBlobFile">
      <title>Birth paper</title>
      <required>False</required>
    </field>
  </schema>
</model>"""


@pytest.fixture
def site(functional, functional_portal):
    """Users of the dossier tests, 1 MB uploads, a fresh lookup limiter; committed."""
    portal = functional_portal
    add_dossier_people()
    api.portal.set_registry_record("dichvucong.dossier.max_upload_mb", 1)
    transaction.commit()
    LOOKUPS.reset()
    yield portal
    LOOKUPS.reset()


@pytest.fixture
def url(site):
    return site.absolute_url()


@pytest.fixture
def birth(site):
    """The birth registration procedure, without an online form (the city's form is
    unlinked: answers are then kept as given)."""
    brain = site.portal_catalog.unrestrictedSearchResults(
        portal_type="Procedure", catalogue_code=BIRTH
    )[0]
    procedure = brain._unrestrictedGetObject()
    procedure.online_form = None
    transaction.commit()
    return procedure


@pytest.fixture
def with_form(site, birth):
    """The birth procedure with an online form: child_name (required), birth_date,
    sex (female/male), birth_paper (a file)."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        form = api.content.create(
            container=site, type="EasyForm", id="to-khai-khai-sinh", title="Birth form"
        )
        form.fields_model = FORM_MODEL
        birth.online_form = intid(form)
    transaction.commit()
    return birth


def post(url, body, user="citizen_a"):
    return requests.post(
        f"{url}/@dossiers", json=body, auth=credentials(user), headers=JSON, timeout=60
    )


def get(url, user=None, **params):
    return requests.get(url, params=params, auth=credentials(user), headers=JSON, timeout=30)


def dossier_count(portal):
    transaction.abort()  # see what the server committed
    return len(portal.portal_catalog.unrestrictedSearchResults(portal_type="Dossier"))


def answers(**extra):
    return {
        "applicant_name": "Nguyen Van A",
        "applicant_id_number": ID_NUMBER,
        "applicant_phone": PHONE,
        "child_name": "Nguyen Van Be",
        **extra,
    }


def pdf_file(field="birth_paper", filename="giay-chung-sinh.pdf", data=PDF):
    return {"field": field, "filename": filename, "data": base64.b64encode(data).decode()}


@pytest.fixture
def dossier(site, birth):
    """A birth dossier of citizen_a (received by AGENCY_X), with one internal history
    entry; committed."""
    with api.env.adopt_user(username="citizen_a"):
        dossier = submit(birth, answers(), uploads={"birth_paper": [("giay.pdf", PDF)]})
    audit.record(dossier, "note", comment="internal remark", public=False, actor="official_x")
    transaction.commit()
    return dossier


# POST @dossiers


def test_submit_without_form(site, birth, url):
    response = post(url, {"procedure": BIRTH, "answers": answers(), "files": [pdf_file()]})
    assert response.status_code == 201, response.text
    data = response.json()
    assert re.fullmatch(r"HN-TTPVHCC-\d{6}-\d{4}", data["code"])
    assert response.headers["Location"] == data["@id"]
    assert data["@id"].startswith(f"{url}/ho-so/hn-ttpvhcc/")
    assert (data["status"], data["status_code"], data["channel_code"]) == ("new", 1, 2)
    assert data["answers"]["child_name"] == "Nguyen Van Be"
    assert data["applicant_id_number"] == ID_NUMBER  # the owner sees their own data
    [attached] = data["files"]
    assert attached["filename"] == "giay-chung-sinh.pdf"
    assert attached["kind"] == "submitted"
    assert attached["download"] == f"{data['@id']}/@@dossier-file/{attached['name']}"
    assert [entry["action"] for entry in data["history"]] == ["submitted"]
    assert dossier_count(site) == 1


def test_submit_by_uid(site, url, birth):
    response = post(url, {"procedure": birth.UID(), "answers": answers()})
    assert response.status_code == 201, response.text
    assert response.json()["procedure_code"] == BIRTH


def test_submit_anonymous_refused(site, birth, url):
    response = post(url, {"procedure": BIRTH, "answers": answers()}, user=None)
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "Unauthorized"
    assert dossier_count(site) == 0


def test_submit_needs_json(site, birth, url):
    response = requests.post(
        f"{url}/@dossiers",
        data={"procedure": BIRTH},
        auth=credentials("citizen_a"),
        headers=JSON,
        timeout=30,
    )
    assert response.status_code == 415
    assert dossier_count(site) == 0


BAD_FILES = {
    "bad_type": (pdf_file(filename="setup.exe", data=b"MZ\x90\x00"), "birth_paper"),
    "fake_pdf": (pdf_file(data=b"MZ\x90\x00 not a pdf"), "birth_paper"),
    "path_in_name": (pdf_file(filename="../../etc/giay.pdf"), "birth_paper"),
    "windows_path": (pdf_file(filename="C:\\Users\\a\\giay.pdf"), "birth_paper"),
    # The test site allows 1 MB: 2 MB are refused (before decoding).
    "too_large": (pdf_file(data=PDF + b"0" * (2 * 1024 * 1024)), "birth_paper"),
    "not_base64": ({"field": "birth_paper", "filename": "a.pdf", "data": "%%%"}, "birth_paper"),
    "no_data": ({"field": "birth_paper", "filename": "a.pdf"}, "files"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_submit_refuses_bad_files(site, birth, url, case):
    entry, field = BAD_FILES[case]
    response = post(url, {"procedure": BIRTH, "answers": answers(), "files": [entry]})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "ValidationError"
    assert set(error["errors"]) == {field}
    assert dossier_count(site) == 0


def test_submit_refuses_oversized_body_unread(site, birth, url):
    """A body larger than any acceptable dossier (20 files at the limit) is refused
    from its Content-Length, before it is parsed."""
    huge = "A" * (28 * 1024 * 1024)  # > 20 x 1 MB in base64
    body = {"procedure": BIRTH, "answers": answers(), "files": [pdf_file()]}
    body["files"][0]["data"] = huge
    response = post(url, body)
    assert response.status_code == 413
    assert response.json()["error"]["type"] == "PayloadTooLarge"
    assert dossier_count(site) == 0


def test_submit_refuses_markup(site, birth, url):
    body = {"procedure": BIRTH, "answers": answers(child_name="<script>alert(1)</script>")}
    response = post(url, body)
    assert response.status_code == 400
    assert set(response.json()["error"]["errors"]) == {"child_name"}
    assert dossier_count(site) == 0


@pytest.mark.parametrize(
    "body, field",
    [
        ({"procedure": "9.999999", "answers": {}}, "procedure"),
        ({"procedure": BIRTH, "answers": answers(), "channel": "in_person"}, "channel"),
        ({"procedure": BIRTH, "answers": ["not", "a", "mapping"]}, "answers"),
        (
            {"procedure": BIRTH, "answers": answers(applicant_id_number="12345")},
            "applicant_id_number",
        ),
        ({"procedure": BIRTH, "answers": {"bad name!": "x"}}, "bad name!"),
        ({"procedure": BIRTH, "answers": answers(), "files": [pdf_file()] * 21}, "files"),
    ],
    ids=[
        "unknown_procedure",
        "channel",
        "answers_not_object",
        "id_number",
        "field_name",
        "too_many_files",
    ],
)
def test_submit_refuses_bad_requests(site, birth, url, body, field):
    response = post(url, body)
    assert response.status_code == 400, response.text
    assert field in response.json()["error"]["errors"]
    assert dossier_count(site) == 0


def test_submit_with_form_converts_answers(with_form, url):
    body = {
        "procedure": BIRTH,
        "answers": {"child_name": "Nguyen Van Be", "birth_date": "2025-01-02", "sex": "male"},
        "files": [pdf_file()],
    }
    response = post(url, body)
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["answers"] == {
        "child_name": "Nguyen Van Be",
        "birth_date": "2025-01-02",
        "sex": "male",
    }
    assert data["form_uid"] and data["schema_version"]
    transaction.abort()
    [brain] = with_form.portal_catalog.unrestrictedSearchResults(UID=data["UID"])
    dossier = brain._unrestrictedGetObject()

    assert dossier.answers["birth_date"] == date(2025, 1, 2)


@pytest.mark.parametrize(
    "given, field",
    [
        ({"birth_date": "2025-01-02"}, "child_name"),  # required
        ({"child_name": "Be", "nickname": "Bi"}, "nickname"),  # not in the form
        ({"child_name": "Be", "birth_date": "02/01/2025"}, "birth_date"),
        ({"child_name": "Be", "birth_date": "2025-02-30"}, "birth_date"),
        ({"child_name": "Be", "sex": "other"}, "sex"),  # not in the vocabulary
        ({"child_name": "Be\nline two"}, "child_name"),  # a TextLine has no new lines
        ({"child_name": 42}, "child_name"),
        ({"child_name": "Be", "birth_paper": "a.pdf"}, "birth_paper"),  # files go in files
    ],
    ids=["required", "unknown", "date_format", "no_such_date", "choice", "newline", "type", "file"],
)
def test_submit_with_form_validates(with_form, url, given, field):
    response = post(url, {"procedure": BIRTH, "answers": given})
    assert response.status_code == 400, response.text
    errors = response.json()["error"]["errors"]
    assert set(errors) == {field}
    assert errors[field]
    assert dossier_count(with_form) == 0


def test_submit_with_form_refuses_files_of_unknown_fields(with_form, url):
    body = {
        "procedure": BIRTH,
        "answers": {"child_name": "Be"},
        "files": [pdf_file(field="passport")],
    }
    response = post(url, body)
    assert response.status_code == 400
    assert set(response.json()["error"]["errors"]) == {"passport"}
    assert dossier_count(with_form) == 0


def test_submit_with_the_city_birth_form(site, url):
    """The Hanoi birth registration form (profiles/hanoi/forms) through the API."""
    procedure = site.portal_catalog.unrestrictedSearchResults(
        portal_type="Procedure", catalogue_code=BIRTH
    )[0]._unrestrictedGetObject()
    form = procedure.online_form.to_object
    ward = next(iter(getUtility(IVocabularyFactory, "dichvucong.LocalAgencies")(form))).value
    given = {
        "applicant_name": "Nguyen Van A",
        "applicant_id_number": ID_NUMBER,
        "applicant_phone": PHONE,
        "relationship": "Cha",
        "child_name": "Nguyen Van Be",
        "child_birth_date": "2026-11-01",
        "child_sex": "Nam",
        "child_birth_place": "Benh vien Phu san Ha Noi",
        "child_ethnicity": "Kinh",
        "child_nationality": "Viet Nam",
        "mother_name": "Tran Thi C",
        "receiving_agency": ward,
    }
    files = [pdf_file(field="birth_certificate")]
    refused = post(url, {"procedure": BIRTH, "answers": given})  # the certificate is required
    assert refused.status_code == 400
    assert set(refused.json()["error"]["errors"]) == {"birth_certificate"}

    response = post(url, {"procedure": BIRTH, "answers": given, "files": files})
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["agency_code"] == ward
    assert data["code"].startswith(f"{ward}-")
    assert data["answers"]["child_birth_date"] == "2026-11-01"
    assert data["form_uid"] == form.UID()


# GET @dossiers


def test_list_mine(dossier, url):
    mine = get(f"{url}/@dossiers", user="citizen_a")
    assert mine.status_code == 200
    data = mine.json()
    assert data["items_total"] == 1
    [item] = data["items"]
    assert item["code"] == dossier.code
    assert (item["status"], item["status_code"]) == ("new", 1)
    assert item["@id"] == dossier.absolute_url()

    assert get(f"{url}/@dossiers", user="citizen_b").json()["items_total"] == 0
    assert get(f"{url}/@dossiers").status_code == 401


def test_list_newest_first_and_batched(site, url, birth):
    with api.env.adopt_user(username="citizen_a"):
        codes = [
            submit(birth, answers(), when=audit.now() - timedelta(days=days)).code
            for days in (3, 1, 2)
        ]
    transaction.commit()
    first = get(f"{url}/@dossiers", user="citizen_a", b_size=2).json()
    assert first["items_total"] == 3
    assert [i["code"] for i in first["items"]] == [codes[1], codes[2]]
    assert "next" in first["batching"]
    rest = get(first["batching"]["next"], user="citizen_a").json()
    assert [i["code"] for i in rest["items"]] == [codes[0]]


@pytest.mark.parametrize(
    "user, status, total",
    [
        ("official_x", 200, 1),
        ("leader", 200, 1),
        ("official_y", 403, None),
        ("citizen_a", 403, None),
    ],
)
def test_list_agency(dossier, url, user, status, total):
    response = get(f"{url}/@dossiers", user=user, agency=AGENCY_X)
    assert response.status_code == status
    if total is not None:
        assert response.json()["items_total"] == total
    else:
        assert response.json()["error"]["type"] == "Forbidden"


# GET <dossier>


@pytest.mark.parametrize(
    "user, status, internals",
    [
        ("citizen_a", 200, False),
        ("official_x", 200, True),
        ("leader", 200, True),
        ("citizen_b", (401, 403), None),
        ("official_y", (401, 403), None),
        (None, 401, None),
    ],
)
def test_get_dossier(dossier, user, status, internals):
    response = get(dossier.absolute_url(), user=user)
    if isinstance(status, tuple):
        assert response.status_code in status
    else:
        assert response.status_code == status
    if response.status_code != 200:
        assert ID_NUMBER not in response.text and PHONE not in response.text
        return
    data = response.json()
    assert data["code"] == dossier.code
    assert data["status_title"]
    assert data["due_flag"] in ("on_time", "due_soon", "overdue")
    assert (data["applicant_id_number"], data["applicant_phone"]) == (ID_NUMBER, PHONE)
    actions = [entry["action"] for entry in data["history"]]
    assert ("note" in actions) is internals
    assert ("actor" in data["history"][0]) is internals
    assert data["files"][0]["size"] == len(PDF)


def test_personal_data_hidden_from_other_viewers(dossier):
    """Someone who may view the dossier (here: given the Owner role on it) but is
    neither the applicant nor staff does not see the applicant's contact data."""
    dossier.manage_setLocalRoles("citizen_b", ["Owner"])
    dossier.reindexObjectSecurity()
    transaction.commit()
    response = get(dossier.absolute_url(), user="citizen_b")
    assert response.status_code == 200
    data = response.json()
    assert data["applicant_id_number"] is None
    assert data["applicant_phone"] is None
    assert data["applicant_email"] is None
    assert ID_NUMBER not in response.text and PHONE not in response.text
    assert data["answers"]["child_name"] == "Nguyen Van Be"


# POST <dossier>/@workflow/<transition>


def transition(dossier, name, user, **body):
    return requests.post(
        f"{dossier.absolute_url()}/@workflow/{name}",
        json=body,
        auth=credentials(user),
        headers=JSON,
        timeout=30,
    )


def state_and_history(dossier):
    transaction.abort()
    return api.content.get_state(dossier), len(dossier.audit)


def test_workflow_transitions(dossier):
    before = state_and_history(dossier)
    # refuse needs the reason
    response = transition(dossier, "refuse", "official_x")
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "WorkflowException"
    assert state_and_history(dossier) == before
    # the citizen cannot accept their own dossier
    response = transition(dossier, "accept", "citizen_a")
    assert response.status_code == 403
    assert state_and_history(dossier) == before
    # officials of another agency do not even see it
    assert transition(dossier, "accept", "official_y").status_code in (401, 403)
    assert transition(dossier, "accept", "leader").status_code == 403
    assert transition(dossier, "accept", None).status_code == 401
    assert state_and_history(dossier) == before
    # not a transition of the current state
    assert transition(dossier, "decide", "official_x").status_code == 400
    assert state_and_history(dossier) == before

    response = transition(dossier, "accept", "official_x", comment="Complete")
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "accepted"
    state, entries = state_and_history(dossier)
    assert (state, entries) == ("accepted", before[1] + 1)
    assert dossier.audit[-1]["comment"] == "Complete"

    response = transition(dossier, "stop", "official_x", comment="Duplicate dossier")
    assert response.status_code == 200
    assert state_and_history(dossier)[0] == "stopped"


def test_workflow_owner_withdraws(dossier):
    response = transition(dossier, "withdraw", "citizen_a")
    assert response.status_code == 200
    assert state_and_history(dossier)[0] == "withdrawn"


# GET @dossier-status


STATUS_KEYS = {
    "code",
    "procedure_title",
    "status",
    "status_code",
    "status_title",
    "received_at",
    "due_at",
    "decided_at",
    "returned_at",
}


def lookup(url, code, check):
    return requests.get(
        f"{url}/@dossier-status", params={"code": code, "check": check}, headers=JSON, timeout=30
    )


@pytest.mark.parametrize("check", [ID_NUMBER[-4:], PHONE[-4:]])
def test_status_lookup(dossier, url, check):
    response = lookup(url, dossier.code.lower(), check)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == STATUS_KEYS
    assert (data["code"], data["status"], data["status_code"]) == (dossier.code, "new", 1)
    assert data["received_at"].startswith(f"{dossier.received_at:%Y-%m-%d}")
    for personal in (ID_NUMBER, PHONE, "Nguyen Van A", "citizen_a"):
        assert personal not in response.text
    assert response.headers["Cache-Control"] == "no-store"


def test_status_lookup_post(dossier, url):
    response = requests.post(
        f"{url}/@dossier-status",
        json={"code": dossier.code, "check": PHONE[-4:]},
        headers=JSON,
        timeout=30,
    )
    assert response.status_code == 200
    assert response.json()["code"] == dossier.code


def test_status_lookup_no_oracle(dossier, url):
    wrong_check = lookup(url, dossier.code, "0000")
    unknown_code = lookup(url, "HN-TTPVHCC-990101-9999", ID_NUMBER[-4:])
    assert wrong_check.status_code == unknown_code.status_code == 404
    assert wrong_check.json() == unknown_code.json()
    assert lookup(url, dossier.code, "12").status_code == 400


def test_status_lookup_rate_limited(dossier, url):
    api.portal.set_registry_record("dichvucong.lookup.per_minute", 3)
    transaction.commit()
    for _ in range(3):
        assert lookup(url, dossier.code, "0000").status_code == 404
    limited = lookup(url, dossier.code, ID_NUMBER[-4:])
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.json()["error"]["type"] == "TooManyRequests"


# @@dossier-lookup (the page)


def lookup_page(page_url, code, check):
    return requests.post(page_url, data={"code": code, "check": check}, timeout=30)


def test_lookup_page(dossier, url):
    page_url = f"{url}/@@dossier-lookup"
    form = requests.get(page_url, params={"code": dossier.code}, timeout=30)
    assert form.status_code == 200
    assert 'id="dossier-lookup-form"' in form.text
    assert f'value="{dossier.code}"' in form.text

    found = lookup_page(page_url, dossier.code, ID_NUMBER[-4:])
    assert found.status_code == 200
    assert 'id="dossier-lookup-result"' in found.text
    assert 'id="dossier-lookup-fact-status"' in found.text
    assert dossier.code in found.text
    assert ID_NUMBER not in found.text and PHONE not in found.text

    # Not served from a cache: another check, another answer.
    wrong = lookup_page(page_url, dossier.code, "0000")
    assert 'id="dossier-lookup-not-found"' in wrong.text
    assert 'id="dossier-lookup-result"' not in wrong.text
    assert 'id="dossier-lookup-invalid"' in lookup_page(page_url, "", "").text


def test_lookup_page_as_layout_of_the_section(dossier, site):
    page = site["tra-cuu-ho-so"]
    page.setLayout("dossier-lookup")
    transaction.commit()
    page_url = page.absolute_url()
    shown = requests.get(page_url, timeout=30)
    assert shown.status_code == 200
    assert 'id="dossier-lookup-form"' in shown.text
    found = lookup_page(page_url, dossier.code, PHONE[-4:])
    assert 'id="dossier-lookup-result"' in found.text
    assert dossier.code in found.text


def test_lookup_page_rate_limited(dossier, url):
    api.portal.set_registry_record("dichvucong.lookup.per_minute", 2)
    transaction.commit()
    page_url = f"{url}/@@dossier-lookup"
    for _ in range(2):
        assert lookup_page(page_url, dossier.code, "0000").status_code == 200
    # The JSON endpoint and the page share the limit.
    assert lookup(url, dossier.code, ID_NUMBER[-4:]).status_code == 429
    limited = lookup_page(page_url, dossier.code, ID_NUMBER[-4:])
    assert limited.status_code == 429
    assert "Retry-After" in limited.headers
    assert 'id="dossier-lookup-limited"' in limited.text
    assert 'id="dossier-lookup-result"' not in limited.text
