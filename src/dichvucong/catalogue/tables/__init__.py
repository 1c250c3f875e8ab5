"""Tables inside catalogue records (a procedure's channels, documents, legal basis).

A table is stored as a list of plain dicts whose keys are the catalogue file format's
(docs/catalogue-format.md), and its JSON schema is the rule every way in must pass:
the edit form, the REST API and the import. ``fields.py`` holds the schema fields,
``widget.py`` the table editor of the edit form (collective.z3cform.datagridfield),
``restapi.py`` how the REST API reads a table.
"""
