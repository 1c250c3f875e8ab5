"""search of the catalogue."""
