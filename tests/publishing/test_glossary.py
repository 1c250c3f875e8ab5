"""Glossary of abbreviations: the glossary and its terms, the glossary page, the
<abbr> marks on pages, the header link and the procedure search."""

from dichvucong.base.vietnamese import sort_key
from dichvucong.catalogue.search.engine import search_procedures
from dichvucong.publishing.glossary.content import IGlossaryTerm
from dichvucong.publishing.glossary.terms import Term
from dichvucong.publishing.glossary.terms import Terms
from dichvucong.publishing.glossary.terms import site_terms
from dichvucong.publishing.glossary.transform import content_roots
from dichvucong.publishing.glossary.transform import mark_abbreviations
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import Browser
from tests.helpers.content import create
from tests.helpers.pages import page
from tests.helpers.pages import parse
from tests.helpers.users import as_site_owner
from tests.helpers.users import make_user
from zope.schema.interfaces import ValidationError
import json
import pytest
import transaction


GLOSSARY = "tu-viet-tat"
SEED = {
    "BHYT": "Bảo hiểm y tế",
    "CCCD": "Căn cước công dân",
    "GPLX": "Giấy phép lái xe",
    "LLTP": "Lý lịch tư pháp",
    "TTHC": "Thủ tục hành chính",
    "UBND": "Ủy ban nhân dân",
    "VNeID": "Ứng dụng định danh điện tử quốc gia",
    "DVC": "Dịch vụ công",
}


@pytest.fixture
def glossary(portal):
    return portal[GLOSSARY]


def add_term(glossary, abbreviation, expansion, note=None):
    return api.content.create(
        container=glossary,
        type="GlossaryTerm",
        title=abbreviation,
        expansion=expansion,
        note=note,
    )


def terms_of(mapping):
    return Terms([Term(a, e, "", a.lower()) for a, e in mapping.items()])


def mark(fragment, mapping):
    """The HTML of ``fragment`` (the page's #content-core) after marking."""
    doc = parse(f'<html><body><div id="content-core">{fragment}</div></body></html>')
    roots = content_roots(doc)
    mark_abbreviations(roots, terms_of(mapping))
    return html.tostring(roots[0], encoding="unicode")


def abbrs(markup):
    doc = parse(markup) if isinstance(markup, str) else markup
    return [(el.text, el.get("title")) for el in doc.iter("abbr")]


# --- The glossary and its terms ---------------------------------------------------


def test_city_glossary_with_seed_terms(glossary):
    assert glossary.portal_type == "Glossary"
    assert api.content.get_state(glossary) == "published"
    assert glossary.exclude_from_nav
    terms = {term.title: term.expansion for term in glossary.objectValues()}
    for abbreviation, expansion in SEED.items():
        assert terms[abbreviation] == expansion
    assert all(obj.portal_type == "GlossaryTerm" for obj in glossary.objectValues())


def test_terms_only_inside_a_glossary(portal, glossary):
    allowed = [fti.getId() for fti in glossary.allowedContentTypes()]
    assert allowed == ["GlossaryTerm"]
    with pytest.raises((ValueError, api.exc.InvalidParameterError)):
        api.content.create(container=portal, type="GlossaryTerm", title="ABC", expansion="x")


@pytest.mark.parametrize("value", ["", "  ", "C C C D", "...", "TT\tHC"])
def test_abbreviation_is_one_word(glossary, value):
    with pytest.raises(ValidationError):
        IGlossaryTerm["title"].bind(glossary).validate(value)


def test_expansion_required():
    assert IGlossaryTerm["expansion"].required
    assert not IGlossaryTerm["note"].required


def test_term_searchable_by_expansion(portal, glossary):
    add_term(glossary, "ĐKKD", "Đăng ký kinh doanh")
    found = [brain.Title for brain in api.content.find(SearchableText="kinh doanh")]
    assert "ĐKKD" in found
    found = [brain.Title for brain in api.content.find(SearchableText="dang ky kinh doanh")]
    assert "ĐKKD" in found


# --- The glossary page ------------------------------------------------------------


def test_glossary_is_the_default_view(glossary):
    assert glossary.getLayout() == "glossary_view"


def test_glossary_page_in_vietnamese_order(portal, glossary):
    add_term(glossary, "ĐKKD", "Đăng ký kinh doanh")
    add_term(glossary, "ĂN", "Ăn")  # Ă sorts after A and before B
    add_term(glossary, "AN", "An")
    view = glossary.restrictedTraverse("@@glossary_view")
    order = [term["abbreviation"] for term in view.terms()]
    # Dictionary order: A < Ă < B ... D < Đ < E; case does not decide (VNeID < VPHC).
    assert order.index("AN") < order.index("ĂN") < order.index("BHTN")
    assert order.index("DVC") < order.index("ĐKKD") < order.index("EVN")
    assert order.index("UBND") < order.index("VNeID") < order.index("VPHC")
    assert order == sorted(order, key=sort_key)
    letters = [group["letter"] for group in view.groups()]
    assert letters.index("D") + 1 == letters.index("Đ")


def test_glossary_page_lists_terms_with_anchors(browser, functional_portal):
    browser.open(f"{functional_portal.absolute_url()}/{GLOSSARY}")
    doc = page(browser)
    (term,) = doc.cssselect("#term-cccd")
    assert term.cssselect("dt")[0].text_content().strip() == "CCCD"
    assert "Căn cước công dân" in term.cssselect("dd")[0].text_content()
    # Anchors to letters, a heading per letter; the list itself is not marked up again.
    assert doc.cssselect(".dvc-glossary__letters a[href='#letter-1']")
    assert not doc.cssselect("#content-core abbr")
    # Readers get no edit links.
    assert not doc.cssselect(".dvc-glossary__edit, .dvc-glossary__add")


def test_term_page_links_back_to_its_anchor(browser, functional_portal):
    browser.open(f"{functional_portal.absolute_url()}/{GLOSSARY}/cccd")
    doc = page(browser)
    assert doc.cssselect("h1")[0].text_content().strip() == "CCCD"
    links = [a.get("href") for a in doc.cssselect("#content-core a")]
    assert f"{functional_portal.absolute_url()}/{GLOSSARY}#term-cccd" in links


# --- Marking abbreviations (the transform's core) ---------------------------------


def test_marks_first_occurrence_only():
    out = mark("<p>Mang CCCD.</p><p>Nhớ mang CCCD và CCCD.</p>", {"CCCD": "Căn cước công dân"})
    assert abbrs(out) == [("CCCD", "Căn cước công dân")]
    assert out.count("CCCD") == 3
    assert out.index("<abbr") < out.index("Nhớ")


def test_marks_each_term_once():
    out = mark(
        "<p>BHYT, CCCD; rồi BHYT.</p>",
        {"CCCD": "Căn cước công dân", "BHYT": "Bảo hiểm y tế"},
    )
    assert sorted(abbrs(out)) == [("BHYT", "Bảo hiểm y tế"), ("CCCD", "Căn cước công dân")]
    assert "rồi BHYT." in parse(out).text_content()


@pytest.mark.parametrize(
    "fragment",
    [
        '<p><a href="/x">CCCD</a></p>',
        "<h2>CCCD</h2>",
        '<h3 id="CCCD">Mục</h3>',
        "<script>var CCCD = 1;</script>",
        "<style>.CCCD { color: red }</style>",
        "<textarea>CCCD</textarea>",
        '<form><label>CCCD <input name="CCCD" value="CCCD"></label></form>',
        "<pre>CCCD</pre><code>CCCD</code>",
        '<p title="CCCD" class="CCCD" data-x="CCCD">Mục</p>',
        '<img alt="CCCD" src="x.png">',
        '<div data-dvc-glossary="off"><p>CCCD</p></div>',
        "<!-- CCCD -->",
    ],
)
def test_never_marks_links_headings_code_forms_or_attributes(fragment):
    out = mark(fragment, {"CCCD": "Căn cước công dân"})
    assert abbrs(out) == []
    assert out == mark(fragment, {})


def test_text_after_a_link_is_still_marked():
    out = mark('<p><a href="/x">CCCD</a> là thẻ CCCD.</p>', {"CCCD": "Căn cước công dân"})
    doc = parse(out)
    assert doc.cssselect("a")[0].text == "CCCD"
    assert abbrs(doc) == [("CCCD", "Căn cước công dân")]
    assert doc.cssselect("abbr")[0].getparent().tag == "p"


def test_existing_abbr_is_kept_and_not_repeated():
    out = mark(
        '<p><abbr title="Theo tác giả">CCCD</abbr> rồi CCCD.</p>',
        {"CCCD": "Căn cước công dân"},
    )
    assert abbrs(out) == [("CCCD", "Theo tác giả")]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("thẻ CCCD.", True),
        ("(CCCD)", True),
        ("CCCD-gắn-chip", True),
        ("CCCDX", False),
        ("XCCCD", False),
        ("CCCD2", False),
        ("CCCDđ", False),  # a Vietnamese letter is part of the word
        ("ăCCCD", False),
        ("cccd", False),  # case matters: abbreviations are written as they are
    ],
)
def test_whole_words_only(text, marked):
    out = mark(f"<p>{text}</p>", {"CCCD": "Căn cước công dân"})
    assert bool(abbrs(out)) is marked


def test_vietnamese_abbreviation():
    out = mark("<p>Nghị quyết của HĐND thành phố.</p>", {"HĐND": "Hội đồng nhân dân"})
    assert abbrs(out) == [("HĐND", "Hội đồng nhân dân")]


def test_longest_term_first():
    out = mark("<p>Nộp DVCTT.</p>", {"DVC": "Dịch vụ công", "DVCTT": "Dịch vụ công trực tuyến"})
    assert abbrs(out) == [("DVCTT", "Dịch vụ công trực tuyến")]


def test_expansion_is_escaped():
    out = mark("<p>CCCD</p>", {"CCCD": '"><script>alert(1)</script>'})
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    doc = parse(out)
    assert not doc.cssselect("script")
    assert abbrs(doc) == [("CCCD", '"><script>alert(1)</script>')]


def test_only_inside_the_main_content():
    doc = parse(
        '<html><body><nav id="portal-globalnav"><span>CCCD</span></nav>'
        '<article id="content"><h1>CCCD</h1><div id="content-core"><p>CCCD</p></div>'
        "</article></body></html>"
    )
    mark_abbreviations(content_roots(doc), terms_of({"CCCD": "Căn cước công dân"}))
    assert len(doc.cssselect("abbr")) == 1
    assert doc.cssselect("#content-core abbr")
    # A Mosaic page has no #content-core: its #content is the main content.
    doc = parse(
        '<html><body><nav><span>CCCD</span></nav><article id="content">'
        '<div class="mosaic-tile-content"><p>CCCD</p></div></article></body></html>'
    )
    mark_abbreviations(content_roots(doc), terms_of({"CCCD": "Căn cước công dân"}))
    assert [el.getparent().tag for el in doc.iter("abbr")] == ["p"]


# --- Terms of the site ------------------------------------------------------------


def test_site_terms_are_the_public_glossary_terms(portal, glossary):
    terms = site_terms(portal)
    assert terms.expansions["CCCD"] == "Căn cước công dân"
    assert terms.glossary_paths == ("/".join(glossary.getPhysicalPath()),)
    add_term(glossary, "ĐKKD", "Đăng ký kinh doanh")
    assert site_terms(portal).expansions["ĐKKD"] == "Đăng ký kinh doanh"
    api.content.transition(glossary, to_state="draft")
    assert not site_terms(portal)


# --- On real pages (the transform in the publisher) -------------------------------


@pytest.fixture
def abbreviated_page(functional_portal):
    """A published page whose text uses some abbreviations."""
    doc = create(
        functional_portal,
        "Document",
        id="trang-thu-tu-viet-tat",
        title="Làm lại CCCD",
        text=RichTextValue(
            "<p>Mang CCCD và thẻ BHYT. Nộp tại UBND phường.</p>"
            "<p>Mất CCCD thì báo ngay.</p>"
            '<p><a href="https://example.org">BHYT</a></p>',
            "text/html",
            "text/x-html-safe",
        ),
    )
    transaction.commit()
    return doc


def test_page_shows_abbreviations(browser, abbreviated_page):
    browser.open(abbreviated_page.absolute_url())
    doc = page(browser)
    marks = [(el.text, el.get("title")) for el in doc.iter("abbr")]
    assert marks == [
        ("CCCD", "Căn cước công dân"),
        ("BHYT", "Bảo hiểm y tế"),
        ("UBND", "Ủy ban nhân dân"),
    ]
    assert all(el.get("tabindex") == "0" for el in doc.iter("abbr"))
    # The title (h1) and the navigation keep their text.
    assert doc.cssselect("h1")[0].text_content().strip() == "Làm lại CCCD"
    assert not doc.cssselect("#portal-header abbr, #mainnavigation-wrapper abbr")


def test_page_follows_an_edited_term(browser, abbreviated_page, functional_portal):
    """Only the term changes (as when an editor saves its edit form): the cached terms
    must still be renewed."""
    browser.open(abbreviated_page.absolute_url())
    assert 'title="Căn cước công dân"' in browser.contents
    editor = Browser(functional_portal.aq_parent)
    editor.handleErrors = False
    as_site_owner(editor).open(f"{functional_portal.absolute_url()}/{GLOSSARY}/cccd/edit")
    editor.getControl(name="form.widgets.expansion").value = "Thẻ căn cước"
    editor.getControl(name="form.buttons.save").click()
    browser.open(abbreviated_page.absolute_url())
    marks = {el.text: el.get("title") for el in page(browser).iter("abbr")}
    assert marks["CCCD"] == "Thẻ căn cước"


def test_page_follows_added_and_removed_terms(browser, abbreviated_page, functional_portal):
    glossary = functional_portal[GLOSSARY]
    browser.open(abbreviated_page.absolute_url())
    assert 'title="Ủy ban nhân dân"' in browser.contents
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        add_term(glossary, "TEST", "Từ thử")
        abbreviated_page.text = RichTextValue(
            abbreviated_page.text.raw + "<p>TEST</p>", "text/html", "text/x-html-safe"
        )
        api.content.delete(glossary["ubnd"])
    transaction.commit()
    browser.open(abbreviated_page.absolute_url())
    marks = {el.text: el.get("title") for el in page(browser).iter("abbr")}
    assert marks["TEST"] == "Từ thử"
    assert "UBND" not in marks


def test_unpublished_glossary_explains_nothing(browser, abbreviated_page, functional_portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.transition(functional_portal[GLOSSARY], to_state="draft")
    transaction.commit()
    browser.open(abbreviated_page.absolute_url())
    assert "<abbr" not in browser.contents
    assert "dvc-glossary-link" not in browser.contents


def test_header_link_to_the_glossary(browser, functional_portal):
    browser.open(functional_portal.absolute_url() + "/thu-tuc-hanh-chinh")
    doc = page(browser)
    (link,) = doc.cssselect("#content-header a.dvc-glossary-link__link")
    assert link.get("href") == f"{functional_portal.absolute_url()}/{GLOSSARY}"
    # Next to the text-size control.
    header = html.tostring(doc.cssselect("#content-header")[0], encoding="unicode")
    assert header.index("dvc-textsize") < header.index("dvc-glossary-link")
    browser.getLink(url=f"/{GLOSSARY}").click()
    assert browser.headers["status"].startswith("200")


def test_pages_that_are_not_html_are_untouched(browser, functional_portal):
    browser.open(f"{functional_portal.absolute_url()}/{GLOSSARY}/cccd/@@glossary_term_view")
    assert browser.headers["status"].startswith("200")
    browser.addHeader("Accept", "application/json")
    browser.open(f"{functional_portal.absolute_url()}/{GLOSSARY}/cccd")
    body = browser.contents
    body = body.decode("utf-8") if isinstance(body, bytes) else body
    assert "<abbr" not in body
    assert json.loads(body)["expansion"] == "Căn cước công dân"


# --- Editors maintain terms through the Plone UI ----------------------------------


def test_manager_adds_a_term_through_the_add_form(browser, functional_portal):
    browser.handleErrors = False
    as_site_owner(browser).open(
        f"{functional_portal.absolute_url()}/{GLOSSARY}/++add++GlossaryTerm"
    )
    browser.getControl(name="form.widgets.title").value = "PAKN"
    browser.getControl(name="form.widgets.expansion").value = "Phản ánh, kiến nghị"
    browser.getControl(name="form.buttons.save").click()
    assert browser.url.startswith(f"{functional_portal.absolute_url()}/{GLOSSARY}/pakn")
    transaction.begin()
    assert functional_portal[GLOSSARY]["pakn"].expansion == "Phản ánh, kiến nghị"
    browser.open(f"{functional_portal.absolute_url()}/{GLOSSARY}")
    assert "#term-pakn" in browser.contents or 'id="term-pakn"' in browser.contents
    # The glossary page offers the add form to those who may add.
    assert "++add++GlossaryTerm" in browser.contents


@pytest.mark.parametrize(
    ("roles", "state", "allowed"),
    [
        (("Contributor",), "draft", True),
        (("Editor",), "draft", True),
        (("Reviewer",), "published", True),
        (("Contributor",), "published", False),
        (("Member",), "draft", False),
        (("Member",), "published", False),
    ],
)
def test_who_may_add_terms(portal, glossary, roles, state, allowed):
    """Terms follow the glossary's workflow (communications_workflow): the team writes
    them in a draft glossary; in a published one, reviewers (who may publish) do."""
    if api.content.get_state(glossary) != state:
        api.content.transition(glossary, to_state=state)
    make_user("writer")
    api.user.grant_roles(username="writer", obj=glossary, roles=list(roles))
    with api.env.adopt_user(username="writer"):
        can_add = api.user.has_permission("dichvucong: Add GlossaryTerm", obj=glossary) and (
            api.user.has_permission("Add portal content", obj=glossary)
        )
    assert can_add is allowed


def test_anonymous_cannot_add_terms(browser, functional_portal):
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(f"{functional_portal.absolute_url()}/{GLOSSARY}/++add++GlossaryTerm")
    assert "form.widgets.expansion" not in browser.contents
    assert "login" in browser.url or browser.headers["status"].startswith(("401", "403"))


# --- The procedure search knows the glossary --------------------------------------


def test_procedure_search_uses_glossary_terms(portal, glossary):
    def titles(text):
        _index, result = search_procedures(portal, text)
        return [hit.record.title for hit in result.hits]

    # THPT is in the glossary only (not in the registry's abbreviation list).
    assert any("THPT" in title for title in titles("trung học phổ thông"))
    add_term(glossary, "ĐKTT", "Đăng ký thường trú")
    assert "Đăng ký thường trú" in titles("ĐKTT")
