"""Registering a city's site data (profiles/<city>/) as a GenericSetup profile.

A city's data lives outside the package so another province can deploy the same
code with its own folder. The instance configuration (and the test layer) register
that folder under the profile id ``dichvucong:<city>``.
"""

from pathlib import Path
from xml.sax.saxutils import quoteattr


def city_zcml(city, directory):
    """ZCML that registers ``directory`` as the extension profile dichvucong:<city>."""
    directory = Path(directory).resolve()
    if not (directory / "metadata.xml").is_file():
        raise FileNotFoundError(f"no metadata.xml in city profile folder {directory}")
    return f"""<configure
    xmlns="http://namespaces.zope.org/zope"
    xmlns:genericsetup="http://namespaces.zope.org/genericsetup"
    i18n_domain="dichvucong"
    package="dichvucong"
    >
  <include package="Products.GenericSetup" file="meta.zcml" />
  <genericsetup:registerProfile
      name={quoteattr(city)}
      title={quoteattr(f"dichvucong: site data of {city}")}
      directory={quoteattr(str(directory))}
      provides="Products.GenericSetup.interfaces.EXTENSION"
      for="plone.base.interfaces.IPloneSiteRoot"
      />
</configure>
"""
