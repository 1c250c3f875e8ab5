"""The procedure's tables (channels, documents, legal basis): edited as tables in the
edit form, stored and served as before (lists of plain dicts), and held to the same
rules from the form, the REST API and the import."""

from dichvucong import _
from dichvucong.catalogue.content.procedure import CHANNELS_SCHEMA
from dichvucong.catalogue.content.procedure import DOCUMENTS_SCHEMA
from dichvucong.catalogue.content.procedure import LEGAL_BASIS_SCHEMA
from dichvucong.catalogue.content.procedure import IProcedure
from dichvucong.catalogue.content.procedure_tables import IChannelRow
from dichvucong.catalogue.content.procedure_tables import IDocumentRow
from dichvucong.catalogue.content.procedure_tables import ILegalBasisRow
from dichvucong.catalogue.tables.fields import ITable
from dichvucong.catalogue.tables.widget import NumberConverter
from dichvucong.catalogue.transfer.exporter import export
from dichvucong.catalogue.transfer.importer import import_file
from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.helpers.content import table_procedure
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.pages import vi
from tests.helpers.users import logged_in
from tests.helpers.users import make_editor
from z3c.form.browser.text import TextWidget
from z3c.form.converter import FormatterValidationError
from zope.component import getUtility
from zope.i18n import translate
from zope.publisher.browser import TestRequest as Request
from zope.schema import getFieldNamesInOrder
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import ValidationError
import json
import pytest
import requests
import transaction


HANOI = Path(__file__).resolve().parents[2] / "profiles" / "hanoi" / "catalogue"
TABLES = [
    ("channels", CHANNELS_SCHEMA, IChannelRow),
    ("documents", DOCUMENTS_SCHEMA, IDocumentRow),
    ("legal_basis", LEGAL_BASIS_SCHEMA, ILegalBasisRow),
]
EDITOR = "bientap"
PASSWORD = "mat-khau-bien-tap-1"


# --- The rules ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "json_schema", "row"), TABLES)
def test_row_schemas_follow_the_json_schemas(portal, name, json_schema, row):
    items = json.loads(json_schema)["items"]
    field = IProcedure[name]
    assert ITable.providedBy(field) and field.json_schema == json.loads(json_schema)
    assert field.value_type.schema is row
    assert getFieldNamesInOrder(row) == list(items["properties"])
    assert [n for n in getFieldNamesInOrder(row) if row[n].required] == items["required"]
    for key, spec in items["properties"].items():
        if "enum" in spec:
            vocabulary = row[key].bind(portal).vocabulary
            assert [term.value for term in vocabulary] == spec["enum"]
            assert all(vi(term.title) != term.title for term in vocabulary), key
    expected = {"time", "fee"} if name == "channels" else set()
    assert field.value_type.nullable == expected


@pytest.mark.parametrize(("name", "json_schema", "row"), TABLES)
def test_tables_accept_the_city_data(portal, name, json_schema, row):
    procedures = json.loads((HANOI / "procedures.json").read_text("utf-8"))
    field = IProcedure[name].bind(portal)
    checked = 0
    for procedure in procedures:
        if name in procedure:
            field.validate(procedure[name])
            checked += 1
    assert checked


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("channels", [{"channel": "fax"}]),
        ("channels", [{"time": 3}]),
        ("channels", [{"channel": "online", "colour": "red"}]),
        ("channels", [{"channel": "online", "time": -1}]),
        ("channels", [{"channel": "online", "time": "3"}]),
        ("channels", [{"channel": "online", "time": True}]),
        ("channels", [{"channel": "online", "time_unit": "weeks"}]),
        ("channels", [{"channel": "online", "fee": 1.5}]),
        ("channels", [{"channel": "online", "fee": -1000}]),
        ("channels", [{"channel": "online", "fee": False}]),
        ("channels", [{"channel": "online", "time_note": None}]),
        ("documents", [{"case": "Khi ủy quyền"}]),
        ("documents", [{"name": ""}]),
        ("documents", [{"name": "Tờ khai", "originals": -1}]),
        ("documents", [{"name": "Tờ khai", "copies": 1.5}]),
        ("legal_basis", [{"summary": "Luật Hộ tịch"}]),
        ("legal_basis", [{"number": "60/2014/QH13", "issued": "2014"}]),
        ("legal_basis", ["60/2014/QH13"]),
        ("legal_basis", {"number": "60/2014/QH13"}),
    ],
)
def test_tables_refuse_what_the_json_schemas_refuse(portal, name, rows):
    with pytest.raises(ValidationError):
        IProcedure[name].bind(portal).validate(rows)


def test_unknown_time_and_fee_are_null_never_zero(portal):
    IProcedure["channels"].bind(portal).validate([{"channel": "post", "time": None, "fee": None}])


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("5", 5), ("0", 0), ("0,5", 0.5), ("0.5", 0.5), (" 1,25 ", 1.25), ("", None)],
)
def test_number_cells_read_either_decimal_sign(typed, stored):
    converter = NumberConverter(IChannelRow["time"], TextWidget(Request()))
    value = converter.toFieldValue(typed)
    assert value == stored and type(value) is type(stored)


@pytest.mark.parametrize("typed", ["-1", "1.000.000", "5 ngày", "1e3", "nan"])
def test_number_cells_refuse_other_text(typed):
    converter = NumberConverter(IChannelRow["time"], TextWidget(Request()))
    with pytest.raises(FormatterValidationError):
        converter.toFieldValue(typed)


@pytest.mark.parametrize(("language", "shown"), [("vi", "0,5"), ("en", "0.5")])
def test_number_cells_show_the_reader_s_decimal_sign(language, shown):
    request = Request(HTTP_ACCEPT_LANGUAGE=language)
    converter = NumberConverter(IChannelRow["time"], TextWidget(request))
    assert converter.toWidgetValue(0.5) == shown
    assert converter.toWidgetValue(3) == "3"
    assert converter.toWidgetValue(None) == ""


# --- The edit form ------------------------------------------------------------------


@pytest.fixture
def procedure(functional_portal):
    """A published procedure of the catalogue folder, and an editor of that folder."""
    folder = functional_portal["thu-tuc-hanh-chinh"]
    make_editor(EDITOR, folder, password=PASSWORD)
    procedure = table_procedure(
        folder,
        "thu-bang",
        "Thủ tục thử bảng",
        "T-BANG-01",
        channels=[{"channel": "in_person", "time": 5, "time_unit": "working_days", "fee": None}],
        documents=[{"name": "Tờ khai", "originals": 1}],
        legal_basis=[{"number": "60/2014/QH13", "summary": "Luật Hộ tịch"}],
    )
    transaction.commit()
    return procedure


@pytest.fixture
def editor(browser):
    return logged_in(browser, EDITOR, PASSWORD)


def test_edit_form_shows_tables_not_json(procedure, editor):
    editor.open(f"{procedure.absolute_url()}/edit")
    form = page(editor)
    for name, _schema, row in TABLES:
        assert not form.cssselect(f"textarea[name='form.widgets.{name}']")
        (table,) = form.cssselect(f"table#form-widgets-{name}")
        headings = [text(th.cssselect("label span")[0]) for th in table.cssselect("thead th label")]
        assert headings == [vi(row[n].title) for n in getFieldNamesInOrder(row)]
        # Every cell of the first row is named after its column for screen readers.
        first = table.cssselect("tbody tr[data-index='0']")[0]
        cells = first.cssselect("input[type=text], select")
        assert [cell.get("title") for cell in cells] == headings
    select = form.cssselect("select[name='form.widgets.channels.0.widgets.channel:list']")[0]
    assert [o.text for o in select.cssselect("option")] == [
        "Trực tiếp",
        "Trực tuyến",
        "Qua dịch vụ bưu chính",
    ]
    time = form.cssselect("input[name='form.widgets.channels.0.widgets.time']")[0]
    assert time.get("value") == "5"


def test_editor_changes_a_row_and_the_page_shows_it(procedure, editor):
    editor.open(f"{procedure.absolute_url()}/edit")
    editor.getControl(name="form.widgets.channels.0.widgets.channel:list").value = ["online"]
    editor.getControl(name="form.widgets.channels.0.widgets.time").value = "0,5"
    editor.getControl(name="form.widgets.channels.0.widgets.time_unit:list").value = ["days"]
    editor.getControl(name="form.widgets.channels.0.widgets.fee").value = "0"
    editor.getControl(name="form.widgets.documents.0.widgets.case").value = "Khi ủy quyền"
    editor.getControl(name="form.widgets.legal_basis.0.widgets.date").value = "2014-11-20"
    editor.getControl(name="form.buttons.save").click()
    assert editor.url == procedure.absolute_url()
    transaction.begin()
    # Stored as the import stores it: empty notes left out, keys as in the file format.
    assert procedure.channels == [{"channel": "online", "time": 0.5, "time_unit": "days", "fee": 0}]
    assert procedure.documents == [{"case": "Khi ủy quyền", "name": "Tờ khai", "originals": 1}]
    assert procedure.legal_basis == [
        {"number": "60/2014/QH13", "summary": "Luật Hộ tịch", "date": "2014-11-20"}
    ]
    (row,) = page(editor).cssselect("#dvc-channels tbody tr")
    assert text(row.cssselect("th")[0]) == "Trực tuyến"
    values = [text(value) for value in row.cssselect(".dvc-value")]
    assert values == [
        vi(_("${number} days", mapping={"number": "0,5"})),
        vi(_("Free of charge")),
    ]
    assert "20/11/2014" in text(page(editor).cssselect("#dvc-legal-basis")[0])


def test_an_emptied_time_is_to_be_confirmed(procedure, editor):
    editor.open(f"{procedure.absolute_url()}/edit")
    editor.getControl(name="form.widgets.channels.0.widgets.time").value = ""
    editor.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert procedure.channels == [
        {"channel": "in_person", "time": None, "time_unit": "working_days", "fee": None}
    ]
    (row,) = page(editor).cssselect("#dvc-channels tbody tr")
    tbc = vi(_("To be confirmed"))
    assert [text(value) for value in row.cssselect(".dvc-value")] == [tbc, tbc]


@pytest.mark.parametrize(
    ("control", "typed"),
    [
        ("form.widgets.channels.0.widgets.time", "-2"),
        ("form.widgets.channels.0.widgets.time", "năm"),
        ("form.widgets.channels.0.widgets.fee", "-5000"),
        ("form.widgets.documents.0.widgets.name", ""),
        ("form.widgets.documents.0.widgets.copies", "-1"),
        ("form.widgets.legal_basis.0.widgets.number", ""),
    ],
)
def test_edit_form_refuses_bad_cells_and_changes_nothing(procedure, editor, control, typed):
    before = (procedure.channels, procedure.documents, procedure.legal_basis)
    editor.open(f"{procedure.absolute_url()}/edit")
    editor.getControl(name=control).value = typed
    editor.getControl(name="form.buttons.save").click()
    assert editor.url.endswith("edit")
    table = control.split(".")[2]
    (field,) = page(editor).cssselect(f"#formfield-form-widgets-{table}")
    # One message on the table, one in the cell; the empty row at the end stays clean.
    messages = [text(error) for error in field.cssselect(".invalid-feedback")]
    assert messages[-1] == vi(
        _("Some cells of this table need correcting: see the messages in the table.")
    )
    (cell,) = field.cssselect("tr[data-index='0'] td .invalid-feedback")
    zope_messages = ("Required input is missing.", "Value is too small")
    expected = {translate(m, domain="zope", target_language="vi") for m in zope_messages}
    assert not expected & set(zope_messages)  # Vietnamese, not zope.schema's English
    assert text(cell) in expected | {vi(_("Give a number, like 5 or 0,5."))}
    assert not field.cssselect("tr[data-index='AA'] .invalid-feedback")
    transaction.begin()
    assert (procedure.channels, procedure.documents, procedure.legal_basis) == before


def test_a_table_saved_by_the_form_exports_and_reimports_unchanged(
    functional_portal, procedure, editor
):
    editor.open(f"{procedure.absolute_url()}/edit")
    editor.getControl(name="form.widgets.channels.0.widgets.time_note").value = "Kể từ khi nhận"
    editor.getControl(name="form.buttons.save").click()
    transaction.begin()
    data = export(functional_portal, "procedures", "json")
    report = import_file(functional_portal, data, "procedures.json", "procedures", dry_run=True)
    changed = {row.code: set(row.changed) for row in report.rows}
    assert not {"channels", "documents", "legal_basis"} & changed["T-BANG-01"]
    # Only the form's empty text lists (stored as None, exported as null) differ:
    # that is the steps and keywords widgets, not the tables.
    assert set().union(*changed.values()) <= {"steps", "keywords"}


# --- The REST API -------------------------------------------------------------------


@pytest.fixture
def rest(procedure):
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    session.headers["Accept"] = "application/json"
    return session


def test_rest_api_serves_the_tables_as_json_lists(procedure, rest):
    data = rest.get(procedure.absolute_url(), timeout=30).json()
    assert data["channels"] == [
        {"channel": "in_person", "time": 5, "time_unit": "working_days", "fee": None}
    ]
    assert data["documents"] == [{"name": "Tờ khai", "originals": 1}]
    assert data["legal_basis"] == [{"number": "60/2014/QH13", "summary": "Luật Hộ tịch"}]
    schema = rest.get(f"{procedure.portal_url()}/@types/Procedure", timeout=30)
    assert schema.status_code == 200
    assert schema.json()["properties"]["channels"]["type"] == "array"


def test_rest_api_stores_tables_as_sent(procedure, rest):
    channels = [
        {"channel": "post", "time": None, "fee": 25000, "fee_note": "Cước bưu chính riêng"},
        {"channel": "online", "time": 1.5, "time_unit": "working_hours"},
    ]
    documents = [{"case": "Khi ủy quyền", "name": "Giấy ủy quyền", "copies": 1}]
    response = rest.patch(
        procedure.absolute_url(),
        json={"channels": channels, "documents": documents, "legal_basis": []},
        timeout=30,
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert procedure.channels == channels
    assert procedure.documents == documents
    assert procedure.legal_basis == []
    assert rest.get(procedure.absolute_url(), timeout=30).json()["channels"] == channels


@pytest.mark.parametrize(
    "body",
    [
        {"channels": [{"channel": "fax"}]},
        {"channels": [{"channel": "online", "time": -1}]},
        {"channels": [{"channel": "online", "fee": "miễn phí"}]},
        {"channels": [{"channel": "online", "colour": "red"}]},
        {"documents": [{"name": ""}]},
        {"documents": [{"name": "Tờ khai", "originals": -1}]},
        {"legal_basis": [{"summary": "Không có số"}]},
        {"legal_basis": "not json ["},
    ],
)
def test_rest_api_refuses_what_the_schema_refuses(procedure, rest, body):
    before = (procedure.channels, procedure.documents, procedure.legal_basis)
    response = rest.patch(procedure.absolute_url(), json=body, timeout=30)
    assert response.status_code == 400, response.text
    transaction.begin()
    assert (procedure.channels, procedure.documents, procedure.legal_basis) == before


def test_rest_api_still_takes_a_table_sent_as_a_json_string(procedure, rest):
    rows = [{"number": "123/2015/NĐ-CP"}]
    response = rest.patch(
        procedure.absolute_url(), json={"legal_basis": json.dumps(rows)}, timeout=30
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert procedure.legal_basis == rows


def test_channel_and_time_unit_vocabularies_are_named(portal):
    for name in ("dichvucong.Channels", "dichvucong.TimeUnits"):
        vocabulary = getUtility(IVocabularyFactory, name)(portal)
        assert all(vi(term.title) != term.title for term in vocabulary)
