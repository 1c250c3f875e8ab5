"""transfer of the catalogue."""
