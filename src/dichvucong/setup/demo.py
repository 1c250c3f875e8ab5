"""Demo accounts for development portals: a citizen, officials of two agencies, a leader,
a communications writer and reviewer.

Read from ``profiles/<city>/demo/accounts.json``. Created by ``make start`` only on the
loopback interface (or with DEMO_ACCOUNTS=1 and an explicit DEMO_PASSWORD), so that a
new developer can walk a dossier from submission to result at once.
"""

from dichvucong.dossier.storage import LEADERS_GROUP
from dichvucong.dossier.storage import ensure_leaders_group
from dichvucong.dossier.storage import ensure_officials_group
from pathlib import Path
from plone import api
import json


def create_demo_accounts(city_profile_dir, password):
    path = Path(city_profile_dir) / "demo" / "accounts.json"
    if not path.exists():
        return []
    created = []
    ensure_leaders_group()
    for account in json.loads(path.read_text(encoding="utf-8"))["accounts"]:
        userid = account["userid"]
        if api.user.get(userid=userid) is None:
            api.user.create(
                username=userid,
                email=account["email"],
                password=password,
                properties={"fullname": account["fullname"]},
            )
            created.append(userid)
        if account.get("agency"):
            group = ensure_officials_group(account["agency"])
            api.group.add_user(groupname=group, username=userid)
        if account.get("role") == "leader":
            api.group.add_user(groupname=LEADERS_GROUP, username=userid)
        # Other groups by name (e.g. the editorial groups, made by the city profile).
        for group in account.get("groups", ()):
            if api.group.get(groupname=group) is None:
                api.group.create(groupname=group)
            api.group.add_user(groupname=group, username=userid)
    return created
