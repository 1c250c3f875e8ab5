from plone import api


def test_submit_and_walk(portal, submit, as_user):
    dossier = submit()
    assert dossier.code.startswith("HN-TTPVHCC-")
    assert api.content.get_state(dossier) == "new"
    as_user("official_x")
    api.content.transition(dossier, transition="accept")
    api.content.transition(dossier, transition="start_processing")
    assert api.content.get_state(dossier) == "processing"
