"""Registry records that the city's site data replaced."""

from plone import api


# The home page read its sections' paths from these; they now come from the city's
# site data (dichvucong.sections).
HOME_SECTION_RECORDS = (
    "dichvucong.home.procedures_section",
    "dichvucong.home.guides_section",
    "dichvucong.home.news_section",
    "dichvucong.home.help_page",
)


def drop_home_section_records(context):
    registry = api.portal.get_tool("portal_registry")
    for name in HOME_SECTION_RECORDS:
        if name in registry.records:
            del registry.records[name]
