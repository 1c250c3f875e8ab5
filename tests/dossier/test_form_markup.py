"""What a person using a screen reader relies on in the dossier forms: every input has
its label, a field in error says so and points to its message, one summary on top."""

from tests.dossier.views import call
from tests.dossier.views import fields
from tests.dossier.views import walk
from tests.helpers.pages import parse


def test_every_input_has_a_label(portal, submit, as_user):
    dossier = submit()
    walk(dossier, as_user, "accept", "start_processing")
    doc = parse(call(dossier, "dossier_view")[0])
    inputs = doc.cssselect(
        "#dvc-dossier form textarea, #dvc-dossier form select, "
        "#dvc-dossier form input:not([type=hidden])"
    )
    assert len(inputs) >= 6
    for element in inputs:
        (label,) = doc.cssselect(f"label[for='{element.get('id')}']")
        assert label.text_content().strip()
    ids = [element.get("id") for element in doc.cssselect("[id]")]
    assert len(ids) == len(set(ids)), "an id used twice"


def test_errors_are_tied_to_their_fields(portal, submit, as_user):
    dossier = submit()
    walk(dossier, as_user, "accept", "start_processing")
    body, response = call(
        dossier, "dossier-apology", method="POST", **fields("apology", reason=" ", new_date="x")
    )
    assert response.getStatus() == 400
    doc = parse(body)
    assert len(doc.cssselect("#dvc-error[role=alert]")) == 1
    for field_id in ("dvc-apology-reason", "dvc-apology-date"):
        element = doc.get_element_by_id(field_id)
        assert element.get("aria-invalid") == "true"
        assert element.get("required") == "required"
        error = doc.get_element_by_id(f"{field_id}-error")
        assert error.get("id") in element.get("aria-describedby").split()
        assert error.text_content().strip()
    # The first field in error takes the focus, and only it.
    assert [e.get("id") for e in doc.cssselect("[autofocus]")] == ["dvc-apology-reason"]
