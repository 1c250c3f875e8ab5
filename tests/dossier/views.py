"""Calling the dossier's views as the publisher would, as the current user: used by the
page tests and the form markup tests of the dossier room."""

from plone import api
from plone.protect import createToken


def call(dossier, name, method="GET", token=True, traverse=None, **form):
    """Call the view ``name`` on ``dossier`` as the current user, like the publisher
    would (permission of the view checked); returns (body, response)."""
    request = dossier.REQUEST
    request.form.clear()
    request.form.update(form)
    request.environ["REQUEST_METHOD"] = method
    if token:
        request.form["_authenticator"] = createToken()
    request.response = request.response.__class__()
    view = dossier.restrictedTraverse(f"@@{name}")
    if traverse is not None:
        view = view.publishTraverse(request, traverse)
    return view(), request.response


def fields(button, **values):
    """What a browser sends for a z3c.form: its fields (``form.widgets.<name>``) and the
    button pressed (``form.buttons.<name>``)."""
    data = {f"form.widgets.{name}": value for name, value in values.items()}
    data[f"form.buttons.{button}"] = "1"
    return data


def walk(dossier, as_user, *transitions, user="official_x", comment="Needs a stamp"):
    """Move ``dossier`` through ``transitions`` as ``user`` (an official of its agency)."""
    as_user(user)
    for transition in transitions:
        api.content.transition(dossier, transition=transition, comment=comment)
