"""Upgrade steps to dichvucong:default 2026120401 (issue [6]): one file per topic."""
