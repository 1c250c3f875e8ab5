"""The cities: each folder of the city profiles folder is one city's site data.

``profiles/<city>/`` holds, side by side, what Plone 6.2 needs to make a city's site:

- a Plone distribution (``profiles.json``, ``schema.json``): the profiles a new site
  gets and the questions Plone's "add site" form asks (plone.distribution);
- a GenericSetup extension profile (``metadata.xml`` and the import steps' files):
  the city's settings, sections, catalogue, forms and starter content, registered
  as ``dichvucong:<city>`` with its own version;
- the city's upgrade steps (``upgrades.json``): when a city's data changes, its
  version goes up and the steps named there are re-run on existing sites.

The ZCML directive ``<dichvucong:cities />`` registers all three for every city, so
neither an instance nor a test writes ZCML for a city. Which folder holds the cities
is instance configuration (``<product-config dichvucong> city-profiles ...``), the
repository's ``profiles/`` folder by default.
"""

from App.config import getConfiguration
from pathlib import Path
from plone.base.interfaces import IPloneSiteRoot
from plone.distribution.api import distribution as distribution_api
from plone.distribution.metaconfigure import register_distribution
from Products.GenericSetup import zcml as genericsetup
from Products.GenericSetup.interfaces import EXTENSION
from zope.configuration.exceptions import ConfigurationError
import json


PACKAGE = "dichvucong"
PRODUCT_CONFIG = "city-profiles"
# The repository's profiles/ folder, for a checkout (src/dichvucong/setup/cities.py).
DEFAULT_FOLDER = Path(__file__).resolve().parents[3] / "profiles"
DISTRIBUTION_PREFIX = "dichvucong-"


def profile_id(city):
    """The GenericSetup profile of a city's site data."""
    return f"{PACKAGE}:{city}"


def distribution_name(city):
    """The Plone distribution that makes a city's site."""
    return f"{DISTRIBUTION_PREFIX}{city}"


def cities_folder():
    """The folder holding one folder per city."""
    config = getattr(getConfiguration(), "product_config", None) or {}
    configured = (config.get(PACKAGE) or {}).get(PRODUCT_CONFIG)
    return Path(configured).resolve() if configured else DEFAULT_FOLDER


def city_folders(folder=None):
    """{city: folder} for every folder that holds a city's site data."""
    folder = Path(folder) if folder is not None else cities_folder()
    if not folder.is_dir():
        return {}
    return {
        path.name: path
        for path in sorted(folder.iterdir())
        if (path / "metadata.xml").is_file() and (path / "profiles.json").is_file()
    }


def read_upgrades(folder):
    """The city's upgrade steps from ``upgrades.json`` (none when it has no such file)."""
    path = Path(folder) / "upgrades.json"
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ConfigurationError(f"{path} is not valid JSON: {exc}") from None
    upgrades = data.get("upgrades", [])
    for upgrade in upgrades:
        missing = {"source", "destination", "title", "import_steps"} - set(upgrade)
        if missing:
            raise ConfigurationError(f"{path}: an upgrade lacks {', '.join(sorted(missing))}")
    return upgrades


def _title(folder, city):
    """The distribution's title and description, from the questions' schema."""
    try:
        schema = json.loads((folder / "schema.json").read_text(encoding="utf-8"))["schema"]
    except (OSError, ValueError, KeyError):
        return city, ""
    return schema.get("title") or city, schema.get("description") or ""


def register_cities(_context, directory=None):
    """Handler of ``<dichvucong:cities />``: one distribution, one extension profile
    and the upgrade steps of every city folder."""
    if _context.package is None or _context.package.__name__ != PACKAGE:
        raise ConfigurationError("<dichvucong:cities /> belongs in the dichvucong package")
    for city, folder in city_folders(directory).items():
        title, description = _title(folder, city)
        genericsetup.registerProfile(
            _context,
            name=city,
            title=f"dichvucong: site data of {city}",
            description=description,
            directory=str(folder),
            provides=EXTENSION,
            for_=IPloneSiteRoot,
        )
        register_distribution(
            _context,
            name=distribution_name(city),
            title=title,
            description=description,
            directory=str(folder),
            headless=False,
            post_handler="plone.distribution.handler.post_handler",
        )
        for upgrade in read_upgrades(folder):
            genericsetup.upgradeDepends(
                _context,
                title=upgrade["title"],
                profile=profile_id(city),
                description=upgrade.get("description"),
                import_steps=upgrade["import_steps"],
                source=upgrade["source"],
                destination=upgrade["destination"],
            )


def site_city(site, setup_tool=None):
    """The city whose data made this site: from the distribution that created it, or,
    for a site made before distributions, the city profile installed on it."""
    report = distribution_api.get_creation_report(site)
    name = getattr(report, "name", "") or ""
    if name.startswith(DISTRIBUTION_PREFIX):
        return name[len(DISTRIBUTION_PREFIX) :]
    setup_tool = setup_tool if setup_tool is not None else site.portal_setup
    for city in city_folders():
        if setup_tool.getLastVersionForProfile(profile_id(city)) != "unknown":
            return city
    return None
