"""A logged-in person refused a page reads why, in the site's words, with a 403."""

from tests.helpers.users import credentials
from tests.helpers.users import make_user
import lxml.html
import requests
import transaction


def test_refused_page_answers_403_in_vietnamese(functional, functional_portal):
    make_user("citizen_a", "Nguyen Van A")
    transaction.commit()
    address = f"{functional_portal.absolute_url()}/@@overview-controlpanel"
    response = requests.get(address, auth=credentials("citizen_a"), timeout=60)
    assert response.url.endswith("/insufficient-privileges")
    assert response.status_code == 403
    assert "no-store" in response.headers["Cache-Control"]
    text = lxml.html.fromstring(response.text).cssselect(".documentDescription")[0].text_content()
    assert "Tài khoản của Ông/Bà không được truy cập trang này" in text
    assert "Bạn" not in text
