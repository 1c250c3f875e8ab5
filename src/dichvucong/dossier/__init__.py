"""Dossiers (ho so): the typed record of one submission, its workflow, codes, deadlines, slips."""
