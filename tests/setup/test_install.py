"""Installing dichvucong:default gives the whole stack the portal relies on."""

from dichvucong.interfaces import IDichvucongLayer
from plone import api
from plone.base.interfaces import INonInstallable
from zope.component import getAllUtilitiesRegisteredFor
import pytest


PACKAGE = "dichvucong"


class TestInstall:
    @pytest.fixture(autouse=True)
    def _setup(self, portal, installer):
        self.portal = portal
        self.installer = installer

    def test_addon_installed(self):
        assert self.installer.is_product_installed(PACKAGE) is True

    @pytest.mark.parametrize(
        "addon",
        ["plone.restapi", "plone.app.caching", "plone.app.mosaic", "collective.easyform"],
    )
    def test_dependencies_installed(self, addon):
        assert self.installer.is_product_installed(addon) is True

    def test_browserlayer(self, browser_layers):
        assert IDichvucongLayer in browser_layers

    def test_profile_version_is_date_stamped(self, profile_last_version):
        version = profile_last_version(f"{PACKAGE}:default")
        assert len(version) == 10 and version.startswith("20")

    def test_theme_bundle_registered(self):
        prefix = "plone.bundles/dichvucong"
        assert api.portal.get_registry_record(f"{prefix}.enabled") is True
        css = api.portal.get_registry_record(f"{prefix}.csscompilation")
        assert css == "++plone++dichvucong/theme.css"

    def test_uninstall_profile_hidden(self):
        hidden = [
            profile
            for utility in getAllUtilitiesRegisteredFor(INonInstallable)
            for profile in utility.getNonInstallableProfiles()
        ]
        assert "dichvucong:uninstall" in hidden


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstall(self, portal, installer):
        installer.uninstall_product(PACKAGE)
        self.installer = installer

    def test_addon_uninstalled(self):
        assert self.installer.is_product_installed(PACKAGE) is False

    def test_browserlayer_removed(self, browser_layers):
        assert IDichvucongLayer not in browser_layers

    def test_bundle_removed(self):
        record = api.portal.get_registry_record("plone.bundles/dichvucong.enabled", default=None)
        assert record is None

    def test_toolbar_and_dashboard_as_plone_gives_them(self, portal):
        """The account menu's settings go: every logged-in person gets the toolbar and
        the dashboard action again."""
        roles = {r["name"] for r in portal.rolesOfPermission("Show Toolbar") if r["selected"]}
        assert roles == {"Authenticated"}
        assert api.portal.get_tool("portal_actions").user.dashboard.visible

    def test_plone_bundle_for_everyone_again(self):
        light = api.portal.get_registry_record(
            "plone.bundles/dichvucong-light.enabled", default=None
        )
        assert light is None
        assert not api.portal.get_registry_record("plone.bundles/plone.expression")
        assert not api.portal.get_registry_record("plone.bundles/datagridfield-bundle.expression")
