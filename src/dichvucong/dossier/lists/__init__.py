"""Lists of dossiers: the citizen's "my dossiers" and the officials' worklist."""
