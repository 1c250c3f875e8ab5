"""Upgrade steps to dichvucong:default 2026120301 (issue [5]): one file per topic."""
