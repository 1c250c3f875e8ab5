"""Import step ``dichvucong-home``: make the city's home page the site's front page.

The home page is a Mosaic page (a Document with the ``home.html`` content layout),
created like all starter content by ``dichvucong-publishing`` from the city profile's
``publishing/home.json``. This step, which runs after it, makes that page the site
root's default page, as an integrator does by hand with "Display > Select a content
item as default view". It acts only when the site has no default page yet, so an
editor's own choice stays; the page itself is never changed here.

Why a default page rather than the site root itself with Mosaic's layout behaviour:
plone.app.blocks and plone.app.mosaic support the layout behaviour on content types
(Document, Folder, News Item, Event in Mosaic's own profile); neither supports nor
tests the Plone Site root, whose type and views Plone treats specially. A Document
shown as the default page is the ordinary Plone front page: editors edit it with the
Mosaic editor like any other page, and its history, locking and workflow apply.
"""

from plone.registry.interfaces import IRegistry
from zope.component import queryUtility
import logging


logger = logging.getLogger(__name__)


def import_home(context):
    # Runs for every profile, Plone's own included (before the registry exists).
    registry = queryUtility(IRegistry)
    page_id = (registry.get("dichvucong.home.front_page") or "").strip() if registry else ""
    if not page_id:
        return
    portal = context.getSite()
    if portal.getDefaultPage():
        return
    if page_id not in portal.objectIds():
        logger.warning("home page %r not found at the site root; no front page set", page_id)
        return
    portal.setDefaultPage(page_id)
    logger.info("home page: %s is the site's front page", page_id)
