"""Upgrade steps to dichvucong:default 2026120301 (a portal, not a CMS: issue [5]);
one file per topic."""
