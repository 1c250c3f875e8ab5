"""How a dossier's answers read JSON where plone.restapi's field deserializers do not
fit the portal's API contract (docs/dossiers.md, "REST API").

Registered for the service forms (collective.easyform's IEasyForm), so they apply to
the answers checked against a form and nowhere else; every other field type goes
through plone.restapi's own deserializers.

- Dates are ``YYYY-MM-DD`` and nothing else: "02/01/2025" is day-first in Vietnam and
  month-first elsewhere, so it is refused rather than guessed.
- A date and time without an offset is the portal's local time (plone.restapi takes
  it as UTC).
- Yes/no answers are JSON booleans: a string such as "yes" is refused (plone.restapi
  would read any string but "true"/"on" as False).
"""

from collective.easyform.interfaces import IEasyForm
from datetime import date
from datetime import datetime
from dichvucong import _
from dichvucong.base.dates import portal_time
from dichvucong.base.dates import storable
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
import re


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_FORMAT = _("Please give the date as YYYY-MM-DD.")
DATETIME_FORMAT = _("Please give the date and time as YYYY-MM-DDTHH:MM.")
INVALID = _("This value is not valid for this field.")


class Invalid(ValueError):
    """A value the citizen must correct; ``message`` says how."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@implementer(IFieldDeserializer)
@adapter(IDate, IEasyForm, IBrowserRequest)
class DateDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if value is None:
            self.field.validate(value)
            return None
        if not isinstance(value, str) or not DATE.match(value):
            raise Invalid(DATE_FORMAT)
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise Invalid(DATE_FORMAT) from None
        self.field.validate(day)
        return day


@implementer(IFieldDeserializer)
@adapter(IDatetime, IEasyForm, IBrowserRequest)
class DatetimeDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if value is None:
            self.field.validate(value)
            return None
        if not isinstance(value, str):
            raise Invalid(DATETIME_FORMAT)
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise Invalid(DATETIME_FORMAT) from None
        # A time without offset is portal time; stored at a fixed offset.
        moment = moment if moment.tzinfo else storable(portal_time(moment))
        self.field.validate(moment)
        return moment


@implementer(IFieldDeserializer)
@adapter(IBool, IEasyForm, IBrowserRequest)
class BoolDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if value is not None and not isinstance(value, bool):
            raise Invalid(INVALID)
        self.field.validate(value)
        return value
