"""Fixtures of the service form tests (the easyform integration of src/dichvucong/forms)."""

import pytest


@pytest.fixture
def portal(people):
    """The site with its people (tests/conftest.py); nobody logged in."""
    return people


@pytest.fixture
def form(portal):
    """The Hanoi birth registration form, linked to its procedure by the city profile."""
    return portal["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"]
