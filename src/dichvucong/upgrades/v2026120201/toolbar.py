"""2026120201: our types' View and Edit actions get Plone's toolbar icons, as
profiles/default/types/*.xml give them on new sites.

Without an icon, the folded toolbar (phones, or unpinned) shows these two links as
empty rows a few pixels high: invisible, and too small to tap.
"""

from plone import api


TYPES = (
    "Agency",
    "Campaign",
    "Domain",
    "Dossier",
    "DossierFolder",
    "DossierStore",
    "Glossary",
    "GlossaryTerm",
    "Guide",
    "GuideQuestion",
    "GuideStep",
    "OutreachKit",
    "Procedure",
)
ICONS = {"view": "string:toolbar-action/view", "edit": "string:toolbar-action/edit"}


def toolbar_icons(context):
    types = api.portal.get_tool("portal_types")
    for name in TYPES:
        fti = types.get(name)
        if fti is None:
            continue
        for action in fti.listActions():
            icon = ICONS.get(action.getId())
            # An icon an administrator chose stays.
            if icon and not action.getIconExpression():
                action.edit(icon_expr=icon)
