"""Dossier pages: detail, processing actions, files and slips."""
