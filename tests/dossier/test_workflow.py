"""dossier_workflow, every transition for every role: who may do it, who may see it.

Citizen A owns the dossier (received by agency X); citizen B, agency Y's official,
the leader and anonymous must never act on it; only A or X's officials may, each in
their own transitions and states.
"""

from datetime import timedelta
from dichvucong.dossier.submission import attach
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import setRoles
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException
import pytest


ACTORS = ("citizen_a", "citizen_b", "official_x", "official_y", "leader", None)
CITIZEN = {"citizen_a"}
OFFICIAL = {"official_x"}
# Transition -> (source states, who may do it).
TRANSITIONS = {
    "accept": (["new"], OFFICIAL),
    "refuse": (["new"], OFFICIAL),
    "start_processing": (["accepted"], OFFICIAL),
    "request_supplement": (["processing"], OFFICIAL),
    "supplement": (["supplement_requested"], CITIZEN),
    "request_fees": (["processing"], OFFICIAL),
    "confirm_fees": (["fees_due"], OFFICIAL),
    "decide": (["processing"], OFFICIAL),
    "return_result": (["decided"], OFFICIAL),
    "withdraw": (
        ["new", "accepted", "processing", "supplement_requested", "fees_due"],
        CITIZEN,
    ),
    "stop": (["accepted", "processing", "supplement_requested", "fees_due"], OFFICIAL),
}
# How a site manager brings a new dossier into each state.
PATHS = {
    "new": [],
    "accepted": ["accept"],
    "refused": ["refuse"],
    "processing": ["accept", "start_processing"],
    "supplement_requested": ["accept", "start_processing", "request_supplement"],
    "fees_due": ["accept", "start_processing", "request_fees"],
    "decided": ["accept", "start_processing", "decide"],
    "returned": ["accept", "start_processing", "decide", "return_result"],
    "withdrawn": ["withdraw"],
    "stopped": ["accept", "stop"],
}
COMMENT = "Reason given to the applicant"


def attach_result(dossier):
    blob = NamedBlobFile(b"%PDF-1.4 result", filename="ket-qua.pdf")
    attach(dossier, "result", blob, actor="official_x")


@pytest.fixture
def dossier_in(portal, submit, as_user):
    def make(state):
        dossier = submit("citizen_a")
        for transition in PATHS[state]:
            as_user("citizen_a" if TRANSITIONS[transition][1] == CITIZEN else "official_x")
            if transition == "return_result":
                attach_result(dossier)
            api.content.transition(dossier, transition=transition, comment=COMMENT)
        as_user("official_x")
        assert api.content.get_state(dossier) == state
        return dossier

    return make


CASES = [
    (transition, source, actor)
    for transition, (sources, _allowed) in TRANSITIONS.items()
    for source in sources
    for actor in ACTORS
]


@pytest.mark.parametrize("transition,source,actor", CASES)
def test_who_may_perform(dossier_in, as_user, transition, source, actor):
    dossier = dossier_in(source)
    if transition == "return_result":
        attach_result(dossier)
    target = api.portal.get_tool("portal_workflow").getWorkflowById("dossier_workflow")
    new_state = target.transitions[transition].new_state_id
    as_user(actor)
    allowed = actor in TRANSITIONS[transition][1]
    if allowed:
        api.content.transition(dossier, transition=transition, comment=COMMENT)
        assert api.content.get_state(dossier) == new_state
        assert dossier.audit[-1]["action"] == transition
        assert dossier.audit[-1]["actor"] == actor
    else:
        with pytest.raises((WorkflowException, api.exc.InvalidParameterError)):
            api.content.transition(dossier, transition=transition, comment=COMMENT)
        as_user("official_x")
        assert api.content.get_state(dossier) == source


VISIBLE_TO = {"citizen_a", "official_x", "leader"}


@pytest.mark.parametrize("state", sorted(PATHS))
def test_who_may_see(dossier_in, as_user, state):
    dossier = dossier_in(state)
    for actor in ACTORS:
        as_user(actor)
        sees = bool(api.user.has_permission("View", obj=dossier))
        found = bool(api.content.find(portal_type="Dossier", dossier_code=dossier.code))
        assert sees is (actor in VISIBLE_TO), (actor, state)
        assert found is (actor in VISIBLE_TO), (actor, state)


@pytest.mark.parametrize("state", sorted(PATHS))
def test_leader_reads_but_changes_nothing(dossier_in, as_user, state):
    dossier = dossier_in(state)
    as_user("leader")
    assert not api.portal.get_tool("portal_workflow").getTransitionsFor(dossier)
    assert not api.user.has_permission("dichvucong: Process dossier", obj=dossier)
    assert not api.user.has_permission("Modify portal content", obj=dossier)
    assert api.user.has_permission("dichvucong: View dossier internals", obj=dossier)


@pytest.mark.parametrize("transition", ["refuse", "request_supplement", "stop"])
def test_reason_is_required(dossier_in, as_user, transition):
    source = TRANSITIONS[transition][0][-1]
    dossier = dossier_in(source)
    as_user("official_x")
    workflow = api.portal.get_tool("portal_workflow")
    with pytest.raises(WorkflowException, match=r"(reason|lý do)"):
        workflow.doActionFor(dossier, transition, comment="  ")
    assert api.content.get_state(dossier) == source


def test_result_needs_a_result_file(dossier_in, as_user):
    dossier = dossier_in("decided")
    as_user("official_x")
    with pytest.raises((WorkflowException, api.exc.InvalidParameterError)):
        api.content.transition(dossier, transition="return_result")
    attach_result(dossier)
    api.content.transition(dossier, transition="return_result")
    assert dossier.status_code == 10


def test_status_codes_follow_the_national_list(dossier_in):
    codes = {state: dossier_in(state).status_code for state in PATHS}
    assert codes == {
        "new": 1,
        "accepted": 2,
        "refused": 3,
        "processing": 4,
        "supplement_requested": 5,
        "fees_due": 6,
        "withdrawn": 7,
        "stopped": 8,
        "decided": 9,
        "returned": 10,
    }


def test_supplement_pauses_the_clock(dossier_in, as_user):
    dossier = dossier_in("supplement_requested")
    assert dossier.paused_since is not None
    due = dossier.due_at
    # The citizen answers two working days later (move the pause start back).
    dossier.paused_since = dossier.paused_since - timedelta(days=7)
    as_user("citizen_a")
    api.content.transition(dossier, transition="supplement", comment="Here it is")
    assert dossier.paused_since is None
    assert dossier.due_at > due


def test_site_manager_can_repair(portal, submit, as_user):
    dossier = submit("citizen_a")
    setRoles(portal, TEST_USER_ID, ["Manager"])
    as_user(TEST_USER_NAME)
    api.content.transition(dossier, transition="accept")
    assert api.content.get_state(dossier) == "accepted"
