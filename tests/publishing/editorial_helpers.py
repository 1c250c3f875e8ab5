"""Shared by the editorial tests: the people of a communications team and their items.

writer and writer2 are communications writers, reviewer a communications reviewer,
citizen a plain member; None is an anonymous visitor. Items are News Items in the
tin-tuc section, written by ``writer`` (its Owner) and moved on by the reviewer.
"""

from plone import api
from tests.helpers.users import make_user


SECTION = "tin-tuc"
WRITERS = "communications-writers"
REVIEWERS = "communications-reviewers"
# How a new draft reaches each state, and who does each step.
PATHS = {
    "draft": [],
    "pending": ["submit"],
    "published": ["submit", "publish"],
    "archived": ["submit", "publish", "archive"],
}
ACTORS = {
    "submit": "writer",
    "retract": "writer",
    "publish": "reviewer",
    "reject": "reviewer",
    "archive": "reviewer",
    "republish": "reviewer",
    "redraft": "writer",
}


def make_team():
    """The communications team (see above), password tests/helpers/users.PASSWORD."""
    make_user("writer", "Writer One", groups=[WRITERS])
    make_user("writer2", "Writer Two", groups=[WRITERS])
    make_user("reviewer", "Reviewer One", groups=[REVIEWERS])
    make_user("citizen", "Citizen")


def write(portal, title="Tin thử", container=None, **fields):
    """A new News Item draft in tin-tuc, created by the writer."""
    container = container if container is not None else portal[SECTION]
    with api.env.adopt_user(username="writer"):
        return api.content.create(container=container, type="News Item", title=title, **fields)


def bring_to(obj, state):
    """Move a new draft to ``state`` the way the team does (comment on each step)."""
    for transition in PATHS[state]:
        with api.env.adopt_user(username=ACTORS[transition]):
            api.content.transition(obj, transition=transition, comment=f"{transition} note")
    assert api.content.get_state(obj) == state
    return obj
