"""Schema of the ``<dichvucong:cities />`` ZCML directive (handler in cities.py)."""

from zope.configuration.fields import Path
from zope.interface import Interface


class ICitiesDirective(Interface):
    directory = Path(
        title="Folder of the cities",
        description=(
            "One sub-folder per city. Default: the zope.conf product-config "
            "'dichvucong city-profiles', else the repository's profiles/ folder."
        ),
        required=False,
    )
