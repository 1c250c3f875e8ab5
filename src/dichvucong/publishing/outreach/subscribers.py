"""News items get their publication date when they are published.

The news listing by date reads the effective date. Plone's publish button sets it
when empty, but a transition through plone.api, the REST API or an import step does
not: such news would carry no date and drop out of every date search.
"""

from DateTime import DateTime


PUBLISHED_STATES = ("published",)


def date_on_publish(obj, event):
    if event.new_state is None or event.new_state.id not in PUBLISHED_STATES:
        return
    if getattr(obj, "effective_date", None) is None:
        obj.setEffectiveDate(DateTime())
        obj.reindexObject(idxs=["effective", "effectiveRange"])
