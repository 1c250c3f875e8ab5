"""The forms people fill in on a dossier (z3c.form, see docs/dossiers.md): workflow
transitions, the citizen's supplement, and the officials' note, assignment, result
document and apology. Each is a page of its own and, filled in place, a part of the
dossier page."""
