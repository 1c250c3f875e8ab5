"""Test layers: a Plone site made by a city's distribution (Hanoi by default, or
``CITY=...``), the way `make start` makes it."""

from dichvucong.setup.cities import distribution_name
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing.interfaces import PLONE_SITE_ID
from plone.distribution.testing.layer import PloneDistributionFixture
from plone.testing.zope import WSGIServer
from Products.CMFCore.indexing import processQueue
from zope.component.hooks import setSite
import os


CITY = os.environ.get("CITY", "hanoi")

ANSWERS = {
    "site_id": PLONE_SITE_ID,
    "title": PLONE_SITE_ID,
    "default_language": "vi",
    "portal_timezone": "Asia/Ho_Chi_Minh",
    "setup_content": True,
}


class DichvucongFixture(PloneDistributionFixture):
    PACKAGE_NAME = "dichvucong"
    SITES = ((distribution_name(CITY), ANSWERS),)

    def setUpDefaultContent(self, app):
        super().setUpDefaultContent(app)
        # Index while the new site's components are set, then leave the site: the
        # layer commits after this, and a commit that still finds the site set looks
        # its utilities up in objects the commit is writing.
        processQueue()
        setSite(None)


FIXTURE = DichvucongFixture()


class DichvucongServer(WSGIServer):
    """plone.testing's WSGI server with the filters of instance/templates/zope.ini.in
    that change what a browser receives (no X-Powered-By, gzip), outermost first."""

    pipeline = (
        ("dichvucong", "paste.filter_app_factory", "dichvucong_hide_server", {}),
        ("dichvucong", "paste.filter_app_factory", "gzip_text", {}),
        *WSGIServer.pipeline,
    )


WSGI_SERVER_FIXTURE = DichvucongServer(name="Dichvucong:WSGIServer")

INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="Dichvucong:Integration")
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="Dichvucong:Functional"
)
