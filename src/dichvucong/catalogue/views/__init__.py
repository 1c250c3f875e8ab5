"""views of the catalogue."""
