"""The procedure catalogue: procedures, agencies, domains, and Vietnamese-aware search."""
