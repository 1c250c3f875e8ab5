"""A citizen's dossier on a site, made with the code that made the site (run by
`zconsole run zope.conf old_site_dossier.py`): the upgrade must keep it whole."""

from AccessControl.SecurityManagement import newSecurityManager
from dichvucong.dossier.submission import submit
from plone import api
from zope.component.hooks import setSite
import os
import transaction


app = globals()["app"]
site = app[os.environ.get("SITE_ID", "hanoi")]
setSite(site)
citizen = site.acl_users.getUserById("congdan")
newSecurityManager(None, citizen.__of__(site.acl_users))
birth = api.content.find(portal_type="Procedure", catalogue_code="1.001193")[0].getObject()
dossier = submit(
    birth,
    {
        "applicant_name": "Nguyễn Văn An",
        "applicant_id_number": "001200012345",
        "applicant_phone": "0912345678",
        "child_name": "Nguyễn Văn Bình",
    },
    uploads={"birth_certificate": [("giay-chung-sinh.pdf", b"%PDF-1.4 a birth certificate")]},
)
transaction.commit()
print(dossier.code)
