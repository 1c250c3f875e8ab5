"""A citizen submitting the birth-registration form over HTTP, as a browser does:
open the form, post it, open "check your answers", confirm, read the code.

Used by tests/deploy/test_concurrent_submissions.py and benchmarks/dossier_bench.py.
Needs only `requests`; logs in with HTTP basic auth (Plone accepts it) and sends the
CSRF tokens the pages carry.
"""

from html import unescape
import re
import requests
import time


FORM = "dich-vu-cong-truc-tuyen/dang-ky-khai-sinh"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TOKEN = re.compile(r'name="_authenticator"\s+value="([^"]+)"')
CODE = re.compile(r'id="dossier-code"[^>]*>([^<]+)<')


def options(html, field):
    """Option values of a select/radio widget of ``field`` on the form page."""
    select = re.search(rf'name="form\.widgets\.{field}:list"[^>]*>(.*?)</select>', html, flags=re.S)
    if select:
        return [unescape(v) for v in re.findall(r'<option[^>]*value="([^"]*)"', select.group(1))]
    inputs = re.findall(rf'<input[^>]*name="form\.widgets\.{field}(?::list)?"[^>]*>', html)
    return [unescape(v) for tag in inputs for v in re.findall(r'value="([^"]*)"', tag)]


class Citizen:
    def __init__(self, site_url, userid, password, timeout=120):
        self.site_url = site_url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = (userid, password)
        self.timeout = timeout

    def get(self, url):
        response = self.session.get(url, timeout=self.timeout)
        response.raise_for_status()
        return response

    def post_form(self, child_name="Nguyen Minh An", agency=None, certificate=None):
        """Open the form and post it filled in; returns the response (the check page, or
        the form again with its errors: status 400)."""
        form_url = f"{self.site_url}/{FORM}"
        page = self.get(form_url).text
        token = TOKEN.search(page).group(1)
        choose = {
            name: [v for v in options(page, name) if v and v != "--NOVALUE--"]
            for name in ("relationship", "child_sex", "receiving_agency")
        }
        data = {
            "form.widgets.applicant_name": "Nguyen Thi Hong Nhung",
            "form.widgets.applicant_id_number": "001190012345",
            "form.widgets.applicant_phone": "0912345678",
            "form.widgets.applicant_email": "",
            "form.widgets.relationship:list": choose["relationship"][1],
            "form.widgets.relationship-empty-marker": "1",
            "form.widgets.child_name": child_name,
            "form.widgets.child_birth_date": "2026-11-01",
            "form.widgets.child_sex": choose["child_sex"][0],  # radio buttons
            "form.widgets.child_sex-empty-marker": "1",
            "form.widgets.child_birth_place": "Benh vien Phu san Ha Noi",
            "form.widgets.child_ethnicity": "Kinh",
            "form.widgets.child_nationality": "Viet Nam",
            "form.widgets.mother_name": "Nguyen Thi Hong Nhung",
            "form.widgets.father_name": "",
            "form.widgets.receiving_agency:list": agency or choose["receiving_agency"][0],
            "form.widgets.receiving_agency-empty-marker": "1",
            "form.buttons.submit": "submit",
            "_authenticator": token,
        }
        filename, content = certificate or ("giay-chung-sinh.pdf", PDF)
        files = {"form.widgets.birth_certificate": (filename, content, "application/pdf")}
        response = self.session.post(form_url, data=data, files=files, timeout=self.timeout)
        if response.status_code != 400:  # 400: the form came back with its errors
            response.raise_for_status()
        return response

    def submit_birth(self, child_name="Nguyen Minh An", agency=None):
        """Submit once; returns (dossier code, seconds taken). Raises on any error."""
        started = time.monotonic()
        form_url = f"{self.site_url}/{FORM}"
        response = self.post_form(child_name, agency)
        if "@@check-answers" not in response.url:
            raise AssertionError(f"form not accepted: {response.url}")
        check = response.text
        draft = re.search(r'name="draft"[^>]*value="([^"]+)"', check) or re.search(
            r'value="([^"]+)"[^>]*name="draft"', check
        )
        confirm = {
            "draft": draft.group(1),
            "_authenticator": TOKEN.search(check).group(1),
            "form.submitted": "1",
        }
        response = self.session.post(
            f"{form_url}/@@check-answers", data=confirm, timeout=self.timeout
        )
        response.raise_for_status()
        match = CODE.search(response.text)
        if not match:
            raise AssertionError(f"no dossier code on {response.url}")
        return match.group(1).strip(), time.monotonic() - started
