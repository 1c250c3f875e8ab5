"""Seed synthetic dossiers into a bench site (run by `zconsole run zope.conf ...`).

Environment: SITE_ID, SEED_COUNT (how many to add), SEED_BATCH (commit every N).
Dossiers go through the real submission code (codes, partitions, deadlines, index) as
the demo citizens, spread over the wards of the city data and the last 12 months;
about two thirds are closed (result returned), the rest open in the worklist states.
Synthetic data, marked as such in the child's name ("gia lap").
"""

from datetime import timedelta
from dichvucong.dossier import audit
from dichvucong.dossier.submission import submit
from plone import api
from zope.component.hooks import setSite
import os
import random
import sys
import time
import transaction


app = globals()["app"]
site = app[os.environ.get("SITE_ID", "bench")]
setSite(site)
count = int(os.environ.get("SEED_COUNT", "1000"))
batch = int(os.environ.get("SEED_BATCH", "500"))
rng = random.Random(int(os.environ.get("SEED", "7")))

with api.env.adopt_user(username="admin"):
    form = site["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"]
    procedure = api.content.find(portal_type="Procedure", catalogue_code="1.001193")[0].getObject()
    wards = [
        b.catalogue_code
        for b in api.content.find(portal_type="Agency")
        if b.catalogue_code.startswith("HN-P-")
    ]
workflow = site.portal_workflow
STATES = ["returned"] * 6 + ["new", "accepted", "processing", "supplement_requested"]
now = audit.now()
started = time.monotonic()
for number in range(count):
    when = now - timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
    values = {
        "applicant_name": "Cong dan gia lap",
        # A personal ID number the checks accept: Ha Noi (001), a woman born 1990-1999.
        "applicant_id_number": f"00119{rng.randrange(10**7):07d}",
        "applicant_phone": f"09{rng.randrange(10**7, 10**8)}",
        "child_name": f"Tre gia lap {number}",
        "receiving_agency": rng.choice(wards),
    }
    with api.env.adopt_user(username=rng.choice(["congdan", "congdan2"])):
        dossier = submit(procedure, values, form=form, when=when)
    state = rng.choice(STATES)
    if state != "new":
        workflow.setStatusOf(
            "dossier_workflow",
            dossier,
            {"review_state": state, "action": None, "actor": "admin", "comments": "", "time": None},
        )
        workflow.getWorkflowById("dossier_workflow").updateRoleMappingsFor(dossier)
        dossier.reindexObject()
    if (number + 1) % batch == 0:
        transaction.commit()
        app._p_jar.cacheMinimize()
        rate = (number + 1) / (time.monotonic() - started)
        print(f"seeded {number + 1}/{count} ({rate:.0f}/s)", flush=True)
transaction.commit()
print(f"seeded {count} in {time.monotonic() - started:.0f} s", flush=True)
sys.stdout.flush()
