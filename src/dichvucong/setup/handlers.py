"""GenericSetup handlers of the dichvucong add-on profiles."""

from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Keep the uninstall profile out of the add-ons control panel."""
        return ["dichvucong:uninstall"]


def post_install(context):
    """After dichvucong:default: the dossier store (content, so not in the profile)."""
    from dichvucong.dossier.storage import setup_store
    from plone import api

    setup_store(api.portal.get())


def uninstall(context):
    """After dichvucong:uninstall: nothing beyond the profile yet."""
