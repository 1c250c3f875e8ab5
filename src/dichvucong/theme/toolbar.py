"""Plone's toolbar with its pin and unpin controls named (templates/toolbar.pt)."""

from plone.app.layout.viewlets.toolbar import ToolbarViewletManager
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ToolbarManager(ToolbarViewletManager):
    custom_template = ViewPageTemplateFile("templates/toolbar.pt")
