"""The 2026112201 upgrade step brings an existing site to the publishing profile."""

from dichvucong.upgrades.v2026112201 import add_publishing
from plone import api


def test_upgrade_step_is_registered(upgrade_steps):
    assert any(step["dest"] == ("2026112201",) for step in upgrade_steps)


def test_upgrade_adopts_existing_news_and_keeps_starter_content(manager_portal):
    portal = manager_portal
    workflow = portal.portal_workflow
    # A news item published before the upgrade, under Plone's default workflow.
    workflow.setChainForPortalTypes(["News Item"], ["simple_publication_workflow"])
    news = api.content.create(container=portal["tin-tuc"], type="News Item", title="Cũ")
    api.content.transition(news, to_state="published")
    guides = len(api.content.find(portal_type="Guide"))

    add_publishing(None)

    assert workflow.getChainForPortalType("News Item") == ("communications_workflow",)
    assert api.content.get_state(news) == "published"
    assert len(api.content.find(portal_type="Guide")) == guides  # nothing doubled
    assert "Discussion Item" in portal.portal_types
