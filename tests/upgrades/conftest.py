"""Fixtures of the upgrade tests."""

import pytest


@pytest.fixture
def upgrade_steps(setup_tool):
    """Every upgrade step of dichvucong:default, done or still to do, in one flat list."""
    listed = setup_tool.listUpgrades("dichvucong:default", show_old=True)
    return [step for item in listed for step in (item if isinstance(item, list) else [item])]
