"""Checks that fit Vietnamese data, one set for both doors (the service form in the
browser and REST ``@dossiers``): pure functions on typed answers, each returning the
message for the citizen or None. ``rules.check`` applies them by field name
(docs/forms.md, "Checks by field name")."""
