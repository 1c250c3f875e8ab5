"""2026120201: shared fields as behaviors, and the procedure's table editor.

Guides and campaigns get ``dichvucong.audience``, kits ``dichvucong.audience_required``,
procedures ``dichvucong.related_guides``; the datagrid add-on (the table editor of the
procedure's channels, documents and legal basis) is installed. Stored values need no
migration: the behaviors keep the attribute names the types' schemas used.
"""

from dichvucong.base.internals import unrestricted_object
from plone import api
from Products.GenericSetup.tool import UNKNOWN


DATAGRID = "collective.z3cform.datagridfield:default"
# type -> (behavior, the behavior it follows: its place decides the field's place in
# the form, see publishing/guides/content.py; None: at the end)
BEHAVIORS = {
    "Guide": ("dichvucong.audience", "plone.basic"),
    "Campaign": ("dichvucong.audience", None),
    "OutreachKit": ("dichvucong.audience_required", None),
    "Procedure": ("dichvucong.related_guides", None),
}


def use_behaviors_and_tables(context):
    setup = api.portal.get_tool("portal_setup")
    # Its browser layer (the widget's templates) and its JavaScript bundle.
    if setup.getLastVersionForProfile(DATAGRID) == UNKNOWN:
        setup.runAllImportStepsFromProfile(f"profile-{DATAGRID}")
    types = api.portal.get_tool("portal_types")
    catalog = api.portal.get_tool("portal_catalog")
    for portal_type, (behavior, after) in BEHAVIORS.items():
        fti = types.get(portal_type)
        if fti is None or behavior in fti.behaviors:
            continue
        behaviors = list(fti.behaviors)
        place = behaviors.index(after) + 1 if after in behaviors else len(behaviors)
        behaviors.insert(place, behavior)
        # Through the property manager: Dexterity then drops its cached schemas.
        fti.manage_changeProperties(behaviors=tuple(behaviors))
        # Their content now provides the behavior's interface.
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
            unrestricted_object(brain).reindexObject(idxs=["object_provides"])
