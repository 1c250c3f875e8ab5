"""Create the portal site if it does not exist (run by `zconsole run zope.conf ...`).

zconsole provides ``app`` (the Zope root). Settings come from the environment:
SITE_ID, CITY, ADMIN_USER, ADMIN_PASSWORD, and DEMO_PASSWORD (when set, the city's
demo accounts are created too). The city's data folder is the one zope.conf names.
"""

from dichvucong.setup.cities import city_folders
from dichvucong.setup.demo import create_demo_accounts
from dichvucong.setup.site import create_site
from dichvucong.setup.site import ensure_admin
from zope.component.hooks import setSite
import os
import transaction


app = globals()["app"]  # provided by zconsole, with a request
site_id = os.environ.get("SITE_ID", "hanoi")
city = os.environ.get("CITY", "hanoi")

ensure_admin(app, os.environ.get("ADMIN_USER", "admin"), os.environ["ADMIN_PASSWORD"])
transaction.commit()
site, created = create_site(app, site_id, city)
print(f"site {site_id}: {'created' if created else 'already there'}")
if os.environ.get("DEMO_PASSWORD"):
    setSite(site)
    # ensure_admin made the Zope manager the current user.
    accounts = create_demo_accounts(city_folders()[city], os.environ["DEMO_PASSWORD"])
    transaction.commit()
    print(f"demo accounts: {', '.join(accounts) or 'already there'}")
