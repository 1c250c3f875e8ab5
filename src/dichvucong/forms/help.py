"""Help above the fields of a service form, filled by the rooms that hold it.

The forms room does not know guides (publishing sits above it, docs/layout.md): the
service form renders the viewlet manager ``dichvucong.form.help`` between the error
summary and the fields, and publishing registers its "read the guide" viewlet there
(``publishing/guides/viewlets.py``). Viewlets are registered for IEasyForm.
"""

from zope.viewlet.interfaces import IViewletManager


class IServiceFormHelp(IViewletManager):
    """Before the fields of a service form: help for the citizen filling it in."""
