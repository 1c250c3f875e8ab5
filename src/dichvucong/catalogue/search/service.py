"""GET @procedures: the procedure search for apps and other systems (JSON).

Same parameters and results as the @@procedures page: q, domain, agency, level,
applicant (repeatable), online (1 or 0), b_start, b_size.
"""

from dichvucong.catalogue.search.engine import FACETS
from dichvucong.catalogue.search.listing import Listing
from plone.restapi.services import Service


class ProceduresGet(Service):
    def reply(self):
        listing = Listing(self.context, self.request)
        params = listing.params
        base = f"{self.context.absolute_url()}/@procedures"
        items = [
            {
                "@id": item["url"],
                "title": item["title"],
                "description": item["description"],
                "code": item["code"],
                "level": item["level"],
                "domain": item["domain"],
                "has_online_form": item["has_online_form"],
                "score": item["score"],
            }
            for item in listing.items()
        ]
        facets = {
            facet: [
                {key: entry[key] for key in ("value", "title", "count", "selected")}
                for entry in listing.facet(facet)
            ]
            for facet in FACETS
        }
        return {
            "@id": params.url(base),
            "items_total": listing.result.total,
            "items": items,
            "facets": facets,
            "batching": self.batching(listing, base),
        }

    def batching(self, listing, base):
        """Links to this page of results and its neighbours (like plone.restapi's)."""
        params = listing.params
        info = listing.batch()
        links = {
            "@id": params.url(base),
            "first": params.replace(b_start=0).url(base),
            "last": params.replace(b_start=info["last_start"]).url(base),
        }
        if info["prev_start"] is not None:
            links["prev"] = params.replace(b_start=info["prev_start"]).url(base)
        if info["next_start"] is not None:
            links["next"] = params.replace(b_start=info["next_start"]).url(base)
        return links
