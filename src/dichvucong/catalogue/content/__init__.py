"""Dexterity types of the catalogue: Procedure, Agency, Domain."""
