"""2026112103 -> 2026112201: publishing. Guide, Campaign, OutreachKit, Glossary types;
communications_workflow; comments with moderation (plone.app.discussion, our comment
workflow), ratings and guide feedback; the glossary, reader tools and the Mosaic home
page. The city's starter content, groups, home page and news view come with the
city's own upgrade (profiles/<city>/upgrades.json)."""

from dichvucong.publishing.editorial.setup import adopt_existing_content
from plone import api


PROFILE = "profile-dichvucong:default"


def add_publishing(context):
    setup = api.portal.get_tool("portal_setup")
    # Discussion first: its profile resets the comment workflow binding and the rolemap
    # that ours then sets.
    setup.runAllImportStepsFromProfile("profile-plone.app.discussion:default")
    for step in (
        "rolemap",
        "typeinfo",
        "workflow",
        "catalog",
        "plone.app.registry",
        "actions",
    ):
        setup.runImportStepFromProfile(PROFILE, step)
    # News items and events move to communications_workflow keeping their public state.
    adopt_existing_content(api.portal.get())
