"""GenericSetup handlers of the dichvucong add-on profiles."""

from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Keep the uninstall profile out of the add-ons control panel."""
        return ["dichvucong:uninstall"]


def uninstall(context):
    """After dichvucong:uninstall: nothing beyond the profile yet."""
