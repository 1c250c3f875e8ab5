"""REST services for dossiers (one module per endpoint) and the public status lookup."""
