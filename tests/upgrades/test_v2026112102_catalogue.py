"""The 2026112102 upgrade step (the catalogue) is there for existing sites."""


def test_upgrade_step_registered(upgrade_steps):
    assert any(step["dest"] == ("2026112102",) for step in upgrade_steps)
