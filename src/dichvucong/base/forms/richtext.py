"""Plone's rich text widget (plone.app.z3cform 5.0.2, widgets/richtext.py) with the names
assistive technology needs, for fields without a widget of their own (ours):

- TinyMCE's editing frame is titled with the field's label (TinyMCE 8 titles the frame
  only in Firefox; elsewhere it labels the document inside it);
- when the field offers several text formats, the textarea behind the editor keeps the
  widget's id, so the field's label names it while the editor is not running, and the
  format select has a name (upstream gives neither: mockup issue #1450).
"""

from plone.app.z3cform.interfaces import IRichTextWidgetInputModeRenderer
from plone.app.z3cform.widgets import richtext
from z3c.form.interfaces import INPUT_MODE
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.browserpage.viewpagetemplatefile import ViewPageTemplateFile
from zope.component import queryUtility
from zope.i18n import translate
from zope.interface import implementer
import json


class RichTextWidget(richtext.RichTextWidget):
    formats_template = ViewPageTemplateFile("templates/richtext_formats.pt")

    def get_pattern_options(self):
        options = super().get_pattern_options()
        tiny = options.setdefault("tiny", {})
        title = translate(self.label, context=self.request)
        tiny["iframe_attrs"] = {**tiny.get("iframe_attrs", {}), "title": title}
        return options

    @property
    def formats(self):
        return self.allowedMimeTypes()

    @property
    def current_format(self):
        return self.value.mimeType if self.value else self.field.default_mime_type

    def render(self):
        renderer = queryUtility(IRichTextWidgetInputModeRenderer, name=self.getWysiwygEditor())
        # Another editor's renderer (none is installed here) keeps its own markup.
        ours = renderer in (None, richtext.tinymce_richtextwidget_render)
        if self.mode == INPUT_MODE and ours and len(self.formats) > 1:
            return self.formats_template()
        return super().render()

    def textarea(self):
        """The textarea that the format select's pattern turns into the editor."""
        widget = richtext.RichTextWidgetBase(self.request)
        widget.field = self.field
        widget.name = self.name
        widget.id = self.id
        widget.value = self.value
        widget.update()
        return widget.render()

    def format_options(self):
        """Options of mockup's pat-textareamimetypeselector: the editor of HTML."""
        editor = {"pattern": self.pattern, "patternOptions": self.get_pattern_options()}
        return json.dumps({"textareaName": self.name, "widgets": {"text/html": editor}})


@implementer(IFieldWidget)
def RichTextFieldWidget(field, request):
    return FieldWidget(field, RichTextWidget(request))
