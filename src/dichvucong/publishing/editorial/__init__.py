"""Editorial workflow of communications content: writers write and submit, reviewers
publish, send back with a reason or take down; scheduled publication and expiry.

The workflow itself is ``profiles/default/workflows/communications_workflow`` (see the
README beside it); this package holds what a workflow definition cannot say: the
required reason, the visibility of scheduled items, the editorial groups and the
reviewers' list.
"""
