"""2026112103 -> 2026112201: publishing. Guide, Campaign, OutreachKit, Glossary types;
communications_workflow and its groups; comments with moderation (plone.app.discussion,
our comment workflow), ratings and guide feedback; the glossary, reader tools and the
Mosaic home page; the city's starter content."""

from dichvucong.publishing.editorial.setup import adopt_existing_content
from dichvucong.setup.site import city_profile_id
from plone import api
import os


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
    portal = api.portal.get()
    # News items and events move to communications_workflow keeping their public state.
    adopt_existing_content(portal)
    # The news section shows news and events with the search by date.
    news = portal.get("tin-tuc")
    if news is not None and news.getLayout() == "listing_view":
        news.setLayout("news-by-date")
    # The city's starter content, groups and home page (each step leaves what exists).
    city = city_profile_id(os.environ.get("CITY", "hanoi"))
    if city in {profile["id"] for profile in setup.listProfileInfo()}:
        for step in ("dichvucong-publishing", "dichvucong-editorial", "dichvucong-home"):
            setup.runImportStepFromProfile(f"profile-{city}", step)
