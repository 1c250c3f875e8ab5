"""The plain guide of each essential service (profiles/hanoi/publishing/guides.json),
checked as data against the procedures and the glossary, then on the site: each
procedure page shows its guide, and the service form links to it.

A plain guide is a published Guide whose text has the five headings below; its sixth
part is its steps (GuideStep items, shown under "Steps to follow"). Written for an
elderly first-time user: short sentences, no figure the procedure data does not hold,
no jargon left unexplained.
"""

from lxml import html
from pathlib import Path
from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from tests.helpers.content import BIRTH
from tests.helpers.content import procedure
from tests.helpers.pages import page
from tests.helpers.pages import text
from tests.helpers.pages import vi
from tests.helpers.users import logged_in
import json
import pytest
import re


PROFILE = Path(__file__).resolve().parents[2] / "profiles" / "hanoi"
ITEMS = json.loads((PROFILE / "publishing" / "guides.json").read_text(encoding="utf-8"))["items"]
GLOSSARY = json.loads((PROFILE / "publishing" / "glossary.json").read_text(encoding="utf-8"))
PROCEDURES = {
    p.get("national_code") or p.get("local_code"): p
    for p in json.loads((PROFILE / "catalogue" / "procedures.json").read_text(encoding="utf-8"))
}

HEADINGS = ("Ông/Bà nhận được gì", "Ai được làm", "Cần chuẩn bị gì", "Mất bao lâu", "Lệ phí")
PENDING = "đang cập nhật"
GROUPS = {"HN-DVCTY-17", "HN-DVCTY-18"}

# Where each service's dossier goes (/work/briefs/conventions.md): the agency the guide
# names, or the kind of agency the citizen picks in the form.
PICKED_POLICE = "Công an phường, xã"
PICKED_WARD = "Ủy ban nhân dân phường, xã"
RECEIVING = {
    "HN-DVCTY-01": "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
    "HN-DVCTY-02": "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
    "1.004222": PICKED_POLICE,
    "HN-DVCTY-04": PICKED_POLICE,
    "HN-DVCTY-05": PICKED_POLICE,
    "HN-DVCTY-06": PICKED_POLICE,
    "HN-DVCTY-07": PICKED_POLICE,
    "HN-DVCTY-08": "Phòng Cảnh sát giao thông",
    "HN-DVCTY-09": "Phòng Quản lý xuất nhập cảnh",
    "HN-DVCTY-10": "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
    "HN-DVCTY-11": "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
    "HN-DVCTY-12": "Phòng Cảnh sát giao thông",
    "HN-DVCTY-13": "Công an thành phố Hà Nội",
    "1.001193": PICKED_WARD,
    "HN-DVCTY-15": PICKED_WARD,
    "HN-DVCTY-16": PICKED_WARD,
    "HN-DVCTY-17": PICKED_WARD,
    "HN-DVCTY-18": PICKED_WARD,
    "HN-DVCTY-19": "Bảo hiểm xã hội thành phố Hà Nội",
    "HN-DVCTY-20": "Thuế thành phố Hà Nội",
    "HN-DVCTY-21": "Văn phòng Đăng ký đất đai Hà Nội",
    "HN-DVCTY-22": "EVNHANOI",
    "HN-DVCTY-23": "EVNHANOI",
    "HN-DVCTY-24": "Sở Giáo dục và Đào tạo Hà Nội",
    "HN-DVCTY-25": "Trung tâm Dịch vụ việc làm Hà Nội",
}

# Figures a guide may give that are facts of this portal, not of a procedure: the
# dossier lookup asks for the last 4 digits of the ID or phone number.
PORTAL_FIGURES = {"4"}

# Words an elderly first-time reader may not know: a guide that uses one says what it
# means ("X là ...", "X nghĩa là ..."). The glossary holds abbreviations only
# (one word each, publishing/glossary/content.py), so these are explained in place.
JARGON = (
    "thường trú",
    "tạm trú",
    "tạm vắng",
    "lưu trú",
    "lý lịch tư pháp",
    "biến động đất đai",
    "hạ áp",
    "bảo hiểm y tế hộ gia đình",
    "phạt nguội",
    "liên thông",
    "mai táng phí",
    "tử tuất",
    "dấu nổi",
    "dấu xi",
    "mã số thuế",
    "hộ chiếu phổ thông",
    "trợ cấp thất nghiệp",
)
MAX_WORDS = 30

NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
# Legal references ("154/2024/NĐ-CP") are names, not abbreviations to explain.
LEGAL_NUMBER = re.compile(r"\d+(?:/\d+)*/[\wĐđ]+(?:-[\wĐđ]+)*")
ABBREVIATION = re.compile(r"(?<![\w-])[A-ZĐ][A-Za-zĐđ]*[A-ZĐ][A-Za-zĐđ]*(?![\w-])")


def guides():
    return [item for item in ITEMS if item["type"] == "Guide"]


def plain_text(markup):
    """The text of an HTML fragment, block elements apart."""
    if not markup:
        return ""
    tree = html.fragment_fromstring(markup, create_parent="div")
    for element in tree.iter("p", "li", "h2", "h3", "ul", "ol"):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()


def sections(item):
    """{heading: text of what follows it} of a guide's text."""
    tree = html.fragment_fromstring(item["fields"].get("text", ""), create_parent="div")
    result, current = {}, None
    for element in tree:
        if element.tag == "h2":
            current = element.text_content().strip()
            result[current] = []
        elif current is not None:
            result[current].append(element)
    return {
        heading: "\n".join(plain_text(html.tostring(e, encoding="unicode")) for e in elements)
        for heading, elements in result.items()
    }


def is_plain(item):
    return set(HEADINGS) <= set(sections(item))


def steps_of(item):
    parent = item["path"]
    return [i for i in ITEMS if i["type"] == "GuideStep" and i["path"].rsplit("/", 1)[0] == parent]


def whole_text(item):
    parts = [item["title"], item.get("description", ""), plain_text(item["fields"].get("text"))]
    for step in steps_of(item):
        parts += [step["title"], plain_text(step["fields"].get("text"))]
    return "\n".join(parts)


def plain_guide(code):
    (guide,) = [g for g in guides() if is_plain(g) and code in g.get("procedures", ())]
    return guide


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield str(value)
        yield f"{value:,}".replace(",", ".")
    elif isinstance(value, list):
        for entry in value:
            yield from strings(entry)
    elif isinstance(value, dict):
        for entry in value.values():
            yield from strings(entry)


def figures(text_):
    return {match.group(0).rstrip(".,") for match in NUMBER.finditer(text_)}


def online(code):
    (channel,) = [c for c in PROCEDURES[code].get("channels", ()) if c["channel"] == "online"]
    return channel


def money(value):
    return f"{value:,}".replace(",", ".") + " đồng"


CODES = sorted(PROCEDURES)


# --- The data ------------------------------------------------------------------------


def test_there_are_25_essential_procedures():
    assert len(CODES) == 25


@pytest.mark.parametrize("code", CODES)
def test_each_procedure_has_exactly_one_published_plain_guide(code):
    found = [g for g in guides() if is_plain(g) and code in g.get("procedures", ())]
    assert len(found) == 1, [g["path"] for g in found]
    guide = found[0]
    assert guide["path"].startswith("huong-dan/")
    assert guide["state"] == "published"
    assert guide["procedures"] == [code]
    assert guide["fields"]["guide_kind"] == "steps"
    # The sixth part: the steps.
    assert len(steps_of(guide)) >= 5


@pytest.mark.parametrize("code", CODES)
def test_guide_speaks_to_the_citizen_and_gives_the_steps(code):
    guide = plain_guide(code)
    everything = whole_text(guide)
    assert "Ông/Bà" in everything
    steps = "\n".join(plain_text(s["fields"]["text"]) for s in steps_of(guide))
    assert RECEIVING[code] in everything, f"{guide['path']} does not say where the dossier goes"
    if code in GROUPS:
        # Not online here yet: say so, and where to apply meanwhile.
        assert "sắp nhận hồ sơ trực tuyến" in plain_text(guide["fields"]["text"])
        assert "dichvucong.gov.vn" in steps and "VNeID" in steps
        return
    for words in ("Đăng nhập", "Nộp hồ sơ trực tuyến", "Sửa", "Gửi hồ sơ", "Hồ sơ của tôi"):
        assert words in steps, f"{guide['path']}: no “{words}” in the steps"
    assert "Đăng nhập" in steps_of(guide)[0]["title"]


@pytest.mark.parametrize("code", CODES)
def test_time_and_fee_are_those_of_the_procedure(code):
    guide = plain_guide(code)
    parts = sections(guide)
    channel = online(code)
    time_, fee = parts["Mất bao lâu"], parts["Lệ phí"]
    if channel["time"] is None:
        # Not sourced, or told in the procedure's own words ("recorded at once").
        note = channel.get("time_note", "").rstrip(".").lower()
        assert PENDING in time_ or (note and note in time_.lower()), time_
    elif channel["time"] == 1 and "trong ngày" in channel.get("time_note", ""):
        assert "trong ngày làm việc" in time_
    else:
        assert f"{channel['time']:g} ngày làm việc" in time_
    if channel["fee"] is None:
        assert PENDING in fee
    elif channel["fee"] == 0:
        assert re.search(r"không mất|không thu|miễn", fee, re.IGNORECASE), fee
    else:
        assert money(channel["fee"]) in fee
        # Exemptions are told where the procedure has them.
        if "Miễn" in channel.get("fee_note", ""):
            assert "miễn lệ phí" in fee
    # No other fee than the procedure's.
    amounts = set(re.findall(r"(\d[\d.]*) đồng", whole_text(guide)))
    allowed = {money(channel["fee"])[: -len(" đồng")]} if channel["fee"] else set()
    assert amounts <= allowed


@pytest.mark.parametrize("code", CODES)
def test_guide_gives_no_figure_the_procedure_data_lacks(code):
    guide = plain_guide(code)
    known = set(PORTAL_FIGURES)
    for value in strings(PROCEDURES[code]):
        known |= figures(value) | {value}
    unknown = figures(whole_text(guide)) - known
    assert not unknown, f"{guide['path']}: {sorted(unknown)} not in the procedure data"


@pytest.mark.parametrize("code", CODES)
def test_guide_never_asks_for_what_the_state_holds(code):
    prepare = sections(plain_guide(code))["Cần chuẩn bị gì"]
    for line in prepare.splitlines():
        if re.search(r"(ảnh|bản sao|bản chụp).{0,40}(căn cước|CCCD|CMND|hộ khẩu)", line, re.I):
            assert line.strip().startswith("Ông/Bà không phải"), line


@pytest.mark.parametrize("code", CODES)
def test_sentences_are_short(code):
    guide = plain_guide(code)
    for line in whole_text(guide).splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            assert len(sentence.split()) <= MAX_WORDS, f"{guide['path']}: {sentence}"


@pytest.mark.parametrize("code", CODES)
def test_jargon_is_explained_where_it_is_used(code):
    guide = plain_guide(code)
    words = whole_text(guide).lower()
    for term in JARGON:
        if term in words:
            assert re.search(rf"{term}\s+(là|nghĩa là)\s", words), f"{guide['path']}: “{term}”"


def test_abbreviations_in_guides_are_in_the_glossary():
    terms = {item["title"] for item in GLOSSARY["items"] if item["type"] == "GlossaryTerm"}
    missing = set()
    for code in CODES:
        words = LEGAL_NUMBER.sub(" ", whole_text(plain_guide(code)))
        missing |= {m.group(0) for m in ABBREVIATION.finditer(words)} - terms
    assert not missing


# --- On the site -------------------------------------------------------------------


def test_every_procedure_page_shows_its_plain_guide(functional_portal, browser):
    portal_url = functional_portal.absolute_url()
    for code in CODES:
        guide = plain_guide(code)
        browser.open(procedure(code).absolute_url())
        links = {a.get("href"): text(a) for a in page(browser).cssselect("#dvc-guides li > a")}
        assert links.get(f"{portal_url}/{guide['path']}") == guide["title"], code


def test_plain_guides_are_published_with_their_steps(functional_portal):
    for code in CODES:
        guide = plain_guide(code)
        obj = functional_portal.unrestrictedTraverse(guide["path"])
        assert api.content.get_state(obj) == "published"
        assert {r.to_object.code for r in obj.procedures} == {code}
        steps = [s for s in obj.objectValues() if s.portal_type == "GuideStep"]
        assert len(steps) == len(steps_of(guide))


def guide_link(tree, guide, portal):
    (aside,) = tree.cssselect(".dvc-form-guides")
    links = {a.get("href"): text(a) for a in aside.cssselect("a")}
    url = f"{portal.absolute_url()}/{guide['path']}"
    assert links[url] == vi("Read the guide: ${title}", title=guide["title"])
    return aside


def test_birth_form_links_its_guide_before_the_fields(functional_portal, browser):
    guide = plain_guide(BIRTH)
    form = functional_portal["dich-vu-cong-truc-tuyen"]["dang-ky-khai-sinh"]
    # A visitor, asked to log in first, already finds the guide.
    browser.open(form.absolute_url())
    tree = page(browser)
    aside = guide_link(tree, guide, functional_portal)
    order = list(tree.iter())
    assert order.index(aside) < order.index(tree.cssselect("#dossier-login-notice")[0])
    # Logged in: the link comes before the fields.
    logged_in(browser, TEST_USER_NAME, TEST_USER_PASSWORD).open(form.absolute_url())
    tree = page(browser)
    aside = guide_link(tree, guide, functional_portal)
    fields = tree.cssselect("form input[name^='form.widgets.']")
    assert fields
    order = list(tree.iter())
    assert order.index(aside) < order.index(fields[0])
