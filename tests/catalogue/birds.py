"""Procedures about edible-nest swiftlets (chim yến) for the search tests: words no
shipped procedure uses, so the tests count exactly what they create next to the city's
catalogue (the ``birds`` fixture in conftest.py creates them)."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import transaction


BIRD_DOMAINS = {"chan-nuoi-yen": "Chăn nuôi chim yến", "lam-nghiep-yen": "Lâm nghiệp"}
BIRD_PROCEDURES = [
    # title, code, domain, level, popularity, published
    ("Cấp giấy chứng nhận cơ sở nuôi chim yến", "HN-YEN-01", "chan-nuoi-yen", "full", 50, True),
    ("Đăng ký nuôi chim yến trong khu dân cư", "HN-YEN-02", "chan-nuoi-yen", "partial", 40, True),
    ("Cấp phép khai thác tổ chim yến", "HN-YEN-03", "lam-nghiep-yen", "offline", 30, True),
    ("Dự thảo hỗ trợ nuôi chim yến", "HN-YEN-04", "chan-nuoi-yen", "full", 900, False),
]
PUBLISHED = [row[0] for row in BIRD_PROCEDURES if row[5]]
DRAFT = next(row[0] for row in BIRD_PROCEDURES if not row[5])


def create_birds(portal):
    """The bird procedures, committed so the test server and browser see them."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    with api.env.adopt_roles(["Manager"]):
        for code, title in BIRD_DOMAINS.items():
            api.content.create(container=portal["linh-vuc"], type="Domain", title=title, code=code)
        for title, code, domain, level, popularity, published in BIRD_PROCEDURES:
            procedure = api.content.create(
                container=portal["thu-tuc-hanh-chinh"],
                type="Procedure",
                title=title,
                local_code=code,
                domain=domain,
                level=level,
                applicant_types={"citizen"},
                popularity=popularity,
            )
            if published:
                api.content.transition(procedure, "publish")
    transaction.commit()
