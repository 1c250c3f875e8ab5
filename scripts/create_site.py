"""Create the portal site if it does not exist (run by `zconsole run zope.conf ...`).

zconsole provides ``app`` (the Zope root). Settings come from the environment:
SITE_ID, CITY, ADMIN_USER, ADMIN_PASSWORD.
"""

from dichvucong.setup.site import create_site
from dichvucong.setup.site import ensure_admin
import os
import transaction


app = globals()["app"]  # provided by zconsole, with a request
site_id = os.environ.get("SITE_ID", "hanoi")
city = os.environ.get("CITY", "hanoi")

ensure_admin(app, os.environ.get("ADMIN_USER", "admin"), os.environ["ADMIN_PASSWORD"])
transaction.commit()
site, created = create_site(app, site_id, city)
print(f"site {site_id}: {'created' if created else 'already there'}")
