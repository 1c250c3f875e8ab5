"""Bring a site up to date: the upgrade steps of dichvucong:default, then those of the
city's site data (run by `zconsole run zope.conf ...`, through `make upgrade`).

zconsole provides ``app``. SITE_ID and ADMIN_USER come from the environment. Prints one
line per profile: its version before and after. Everything runs in one transaction: a
failing step leaves the database as it was.
"""

from AccessControl.SecurityManagement import newSecurityManager
from dichvucong.setup.cities import profile_id
from dichvucong.setup.cities import site_city
from zope.component.hooks import setSite
import os
import transaction


app = globals()["app"]  # provided by zconsole, with a request
site_id = os.environ.get("SITE_ID", "hanoi")
if site_id not in app.objectIds():
    raise SystemExit(f"no site {site_id!r} in this database")
site = app[site_id]
setSite(site)
admin = app.acl_users.getUserById(os.environ.get("ADMIN_USER", "admin"))
newSecurityManager(None, admin.__of__(app.acl_users))

setup = site.portal_setup
city = site_city(site, setup)
profiles = ["dichvucong:default"] + ([profile_id(city)] if city else [])
for profile in profiles:
    before = setup.getLastVersionForProfile(profile)
    setup.upgradeProfile(profile)
    after = setup.getLastVersionForProfile(profile)
    print(f"{profile}: {'.'.join(before)} -> {'.'.join(after)}")
transaction.commit()
