"""GET /@dossiers: the current user's dossiers, newest first (batched).

``?agency=CODE`` lists that agency's dossiers instead, for staff with "dichvucong:
View dossier worklist" on the agency's dossier folder (its officials, leaders).
"""

from dichvucong import _
from dichvucong.dossier.api.common import error
from dichvucong.dossier.api.common import json_safe
from dichvucong.dossier.api.common import status_title
from dichvucong.dossier.content.dossier import STATUS_CODES
from dichvucong.dossier.storage import get_store
from plone import api
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service


VIEW_WORKLIST = "dichvucong: View dossier worklist"


class DossiersGet(Service):
    def reply(self):
        request = self.request
        if api.user.is_anonymous():
            return error(request, 401, "Unauthorized", _("Please log in to see your dossiers."))
        query = {
            "portal_type": "Dossier",
            "sort_on": "dossier_received",
            "sort_order": "descending",
        }
        agency = request.form.get("agency")
        if agency:
            if not isinstance(agency, str):
                return error(request, 400, "BadRequest", _("Give one agency code."))
            agency = agency.strip()
            store = get_store()
            folder = store.get(agency.lower()) if store is not None else None
            where = folder if folder is not None else api.portal.get()
            if not api.user.has_permission(VIEW_WORKLIST, obj=where):
                return error(
                    request, 403, "Forbidden", _("You may not see this agency's dossiers.")
                )
            query["dossier_agency"] = agency
        else:
            query["dossier_applicant"] = api.user.get_current().getId()

        batch = HypermediaBatch(request, api.content.find(**query))
        result = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "items": [self.item(brain) for brain in batch],
        }
        if batch.links:
            result["batching"] = batch.links
        return result

    def item(self, brain):
        state = brain.review_state
        return {
            "@id": brain.getURL(),
            "@type": brain.portal_type,
            "title": brain.Title,
            "code": brain.dossier_code,
            "procedure_code": brain.dossier_procedure,
            "agency_code": brain.dossier_agency,
            "status": state,
            "status_code": STATUS_CODES.get(state),
            "status_title": status_title(state, self.request),
            "received_at": json_safe(brain.dossier_received),
            "due_at": json_safe(brain.dossier_due),
        }
