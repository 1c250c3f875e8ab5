"""Rich text fields of our types (base/forms/richtext.py): the editor's frame, the
textarea behind it and the text format select all have names, in the reader's
language; what an editor types is stored with its format as before."""

from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import json
import pytest
import transaction


@pytest.fixture
def procedure(functional_portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        procedure = api.content.create(
            container=functional_portal["thu-tuc-hanh-chinh"],
            type="Procedure",
            id="thu-van-ban",
            title="Thủ tục thử văn bản",
            local_code="T-VB-01",
            level="partial",
        )
    transaction.commit()
    return procedure


@pytest.fixture
def manager(browser):
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def guide_text_widget(browser, procedure):
    browser.open(f"{procedure.absolute_url()}/edit")
    (field,) = html.fromstring(browser.contents).cssselect("#formfield-form-widgets-guide_text")
    (label,) = field.cssselect("label.form-label")
    (textarea,) = field.cssselect("textarea[name='form.widgets.guide_text']")
    (select,) = field.cssselect("select[name='form.widgets.guide_text.mimeType']")
    options = json.loads(select.get("data-pat-textareamimetypeselector"))
    return label, textarea, select, options


def test_rich_text_field_names_its_parts(manager, procedure):
    label, textarea, select, options = guide_text_widget(manager, procedure)
    # The field's label names the textarea (what the page shows until TinyMCE runs).
    assert textarea.get("id") == label.get("for") == "form-widgets-guide_text"
    assert select.get("id") == "form-widgets-guide_text_text_format"
    assert select.get("aria-label") == "Định dạng văn bản"
    assert [(o.get("value"), o.get("selected")) for o in select.cssselect("option")] == [
        ("text/html", "selected"),
        ("text/x-web-textile", None),
    ]
    assert options["textareaName"] == "form.widgets.guide_text"
    editor = options["widgets"]["text/html"]
    assert editor["pattern"] == "tinymce"
    tiny = editor["patternOptions"]["tiny"]
    # TinyMCE's frame is titled with the field's label.
    assert tiny["iframe_attrs"] == {"title": "Lưu ý cho người dân"}
    # The registry's options still arrive: resizing in height only (registry/tinymce.xml).
    assert tiny["resize"] is True
    assert tiny["menubar"] == "edit table format tools view insert"


def test_rich_text_field_names_in_english(manager, functional_portal, procedure):
    manager.open(f"{functional_portal.absolute_url()}?set_language=en")
    _label, _textarea, select, options = guide_text_widget(manager, procedure)
    assert select.get("aria-label") == "Text format"
    tiny = options["widgets"]["text/html"]["patternOptions"]["tiny"]
    assert tiny["iframe_attrs"] == {"title": "Notes for citizens"}


def test_rich_text_is_stored_with_its_format(manager, procedure):
    manager.open(f"{procedure.absolute_url()}/edit")
    manager.getControl(name="form.widgets.guide_text").value = "<p>Mang theo bản chính.</p>"
    manager.getControl(name="form.widgets.guide_text.mimeType").value = ["text/html"]
    manager.getControl(name="form.buttons.save").click()
    assert manager.url == procedure.absolute_url()
    transaction.begin()
    assert procedure.guide_text.raw == "<p>Mang theo bản chính.</p>"
    assert procedure.guide_text.mimeType == "text/html"
    # The edit form shows it again, in the textarea the editor starts from.
    _label, textarea, _select, _options = guide_text_widget(manager, procedure)
    assert textarea.text == "<p>Mang theo bản chính.</p>"
