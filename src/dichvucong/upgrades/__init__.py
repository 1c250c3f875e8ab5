"""Upgrade steps, one folder per date-stamped profile version (vYYYYMMDDNN/)."""
