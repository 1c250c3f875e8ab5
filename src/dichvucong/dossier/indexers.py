"""Catalog indexes of dossiers: worklists, "my dossiers" and the status lookup query
these, never the objects."""

from dichvucong.dossier.content.dossier import IDossier
from plone.indexer import indexer


@indexer(IDossier)
def dossier_code(obj):
    return obj.code


@indexer(IDossier)
def dossier_agency(obj):
    return obj.agency_code


@indexer(IDossier)
def dossier_procedure(obj):
    return obj.procedure_code


@indexer(IDossier)
def dossier_applicant(obj):
    return obj.applicant_userid


@indexer(IDossier)
def dossier_assignee(obj):
    return obj.assignee or ""


@indexer(IDossier)
def dossier_due(obj):
    return obj.due_at


@indexer(IDossier)
def dossier_acknowledge_by(obj):
    """When an online dossier must be accepted or sent back (8 working hours)."""
    return obj.acknowledge_by


@indexer(IDossier)
def dossier_received(obj):
    return obj.received_at


@indexer(IDossier)
def dossier_paused(obj):
    """Waiting on the citizen (supplement): the clock is stopped."""
    return obj.paused_since is not None


@indexer(IDossier)
def dossier_trial(obj):
    """Submitted while its service was in trial: statistics and sync leave it out."""
    return bool(obj.trial)


@indexer(IDossier)
def dossier_searchable(obj):
    """Only the code: staff find a dossier they may view by its code in the site
    search (the catalog's security filter hides it from everybody else); no answer,
    name or other personal data is full-text indexed."""
    return obj.code or ""
