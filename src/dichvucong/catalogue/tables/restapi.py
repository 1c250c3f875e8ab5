"""The REST API reads a table as it read the JSON field it replaces: the JSON as sent
(a list of objects), stored as it is once it passes the table's JSON schema."""

from dichvucong.catalogue.tables.fields import ITable
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.publisher.interfaces.browser import IBrowserRequest
import json


@implementer(IFieldDeserializer)
@adapter(ITable, IDexterityContent, IBrowserRequest)
class TableDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if isinstance(value, str):
            # A table sent as a JSON string, as the JSON field accepted it.
            value = json.loads(value)
        self.field.validate(value)
        return value
