"""The pins are the install: constraints.txt, versions.cfg and .venv agree."""

from importlib import metadata
from pathlib import Path
import importlib.util
import pytest
import re


ROOT = Path(__file__).resolve().parent.parent

spec = importlib.util.spec_from_file_location("versions_cfg", ROOT / "scripts" / "versions_cfg.py")
versions_cfg = importlib.util.module_from_spec(spec)
spec.loader.exec_module(versions_cfg)


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.fixture(scope="module")
def constraints():
    return versions_cfg.read_constraints(ROOT / "constraints.txt")


def read_versions_cfg(path):
    pins = {}
    in_versions = False
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("["):
            in_versions = line == "[versions]"
            continue
        if in_versions and "=" in line:
            name, version = (part.strip() for part in line.split("=", 1))
            pins[name] = version
    return pins


def test_constraints_are_exact_pins_only(constraints):
    text = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert "://" not in text, "constraints.txt must not point to another host"
    assert "-c " not in text and "-r " not in text, "constraints.txt must be flat"
    assert len(constraints) > 250


def test_core_pins(constraints):
    assert constraints["Plone"] == "6.2.2"
    assert constraints["Products.CMFPlone"] == "6.2.2"
    # 7.0.0a6 breaks Zope start (ImportError: AccountPanelValidation).
    assert constraints["plone.app.layout"] == "6.0.2"
    for name in ("plone.restapi", "collective.easyform", "plone.app.mosaic", "plone.app.caching"):
        assert name in constraints


def test_versions_cfg_matches_constraints(constraints):
    """Buildout users get exactly the pins pip users get (`make versions` regenerates)."""
    versions = read_versions_cfg(ROOT / "versions.cfg")
    assert {canonical(k): v for k, v in versions.items()} == {
        canonical(k): v for k, v in constraints.items()
    }


def test_installed_distributions_match_constraints(constraints):
    """What runs is what is pinned: every installed distribution has its pinned version."""
    pinned = {canonical(name): version for name, version in constraints.items()}
    mismatches = {}
    unpinned = []
    for dist in metadata.distributions():
        name = canonical(dist.metadata["Name"])
        if name == "dichvucong":
            continue
        if name not in pinned:
            unpinned.append(name)
        elif pinned[name] != dist.version:
            mismatches[name] = (dist.version, pinned[name])
    assert mismatches == {}
    assert unpinned == []


def test_buildout_uses_generated_versions():
    buildout = (ROOT / "buildout.cfg").read_text(encoding="utf-8")
    assert re.search(r"^extends\s*=\s*versions\.cfg", buildout, re.MULTILINE)
    # Nothing fetched from another host: no remote extends, indexes or find-links.
    assert not re.search(r"^(extends|find-links|index)\s*=.*://", buildout, re.MULTILINE)
