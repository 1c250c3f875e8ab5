"""Radio buttons whose ids end with their token (``rating-overall-5``), so a page can
link to and test one choice by its value, not by its position."""

from plone.app.z3cform.widgets.radio import RadioWidget
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.component import getMultiAdapter
from zope.interface import implementer
from zope.pagetemplate.interfaces import IPageTemplate


class TokenRadioWidget(RadioWidget):
    @property
    def items(self):
        for item in super().items or ():
            yield {**item, "id": f"{self.id}-{item['value']}"}

    def renderForValue(self, value):
        term = self.terms.getTermByToken(value)
        item = {
            "id": f"{self.id}-{term.token}",
            "name": self.name,
            "value": term.token,
            "checked": self.isChecked(term),
        }
        template = getMultiAdapter(
            (self.context, self.request, self.form, self.field, self),
            IPageTemplate,
            name=f"{self.mode}_single",
        )
        return template(self, item)


@implementer(IFieldWidget)
def TokenRadioFieldWidget(field, request):
    return FieldWidget(field, TokenRadioWidget(request))
