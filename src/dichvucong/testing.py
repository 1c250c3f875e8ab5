"""Test layers: a Plone site with dichvucong and a city's site data (Hanoi by default)."""

from Acquisition import aq_parent
from dichvucong.setup.cities import city_zcml
from dichvucong.setup.site import BASE_PROFILES
from dichvucong.setup.site import city_profile_id
from pathlib import Path
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing.zope import WSGI_SERVER_FIXTURE
from Products.CMFCore.indexing import processQueue
from Testing.makerequest import makerequest
from zope.configuration import xmlconfig
import os


CITY = os.environ.get("CITY", "hanoi")
# The repository's profiles/ folder (tests run from a checkout).
CITY_PROFILES = Path(
    os.environ.get("CITY_PROFILES", Path(__file__).resolve().parents[2] / "profiles")
)


class DichvucongLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import dichvucong

        self.loadZCML(package=dichvucong)
        xmlconfig.string(city_zcml(CITY, CITY_PROFILES / CITY), context=configurationContext)

    def setUpPloneSite(self, portal):
        # As on a real Classic UI site (PLONE_FIXTURE leaves the chain empty).
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")
        for profile_id in (*BASE_PROFILES, city_profile_id(CITY)):
            applyProfile(portal, profile_id)
        # Index now, while the site is set: the layer commits after unsetting it, and
        # a queue processed then indexes without the site's workflows and types.
        processQueue()
        # The layer's import steps run without a request in their acquisition chain
        # (`make start` has one, through zconsole), and is_default_page needs it: a
        # section reindexed during setup would drop out of the navigation.
        portal = makerequest(aq_parent(portal))[portal.getId()]
        portal.portal_catalog.reindexIndex("is_default_page", portal.REQUEST)


FIXTURE = DichvucongLayer()

INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="Dichvucong:Integration")
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="Dichvucong:Functional"
)
