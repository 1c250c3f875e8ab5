"""Marker interfaces shared across the portal's rooms."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IDichvucongLayer(IDefaultBrowserLayer):
    """Browser layer: views and viewlets of this package apply only where it is installed."""
