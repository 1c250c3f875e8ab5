"""Helpers every room's tests share (plain functions; the fixtures are in tests/conftest.py)."""
