"""Which dossiers count: statistics and any sync with the National Portal must ask the
catalog through ``real_dossiers_query``, which leaves trial dossiers out (submitted
while their service was in trial: officials and testers "playing the citizen").

There is no statistics or sync code yet; whatever counts or sends dossiers starts
from here (docs/dossiers.md).
"""

from plone import api


def real_dossiers_query(**query):
    """A catalog query for real dossiers only, narrowed by ``query`` (e.g.
    ``dossier_agency="HN-TTPVHCC"``, ``review_state="decided"``)."""
    return {**query, "portal_type": "Dossier", "dossier_trial": False}


def real_dossiers(**query):
    """Brains of the real dossiers matching ``query``, whoever asks (statistics and
    sync run for the whole city; they read catalog data, never personal answers)."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(**real_dossiers_query(**query))


def trial_dossiers(procedure_code):
    """Brains of the trial dossiers of one procedure, oldest first: the trial checklist
    (who played the citizen, when, with which dossier)."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="Dossier",
        dossier_trial=True,
        dossier_procedure=procedure_code,
        sort_on="dossier_received",
    )
