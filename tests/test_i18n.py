"""UI text goes through the dichvucong domain; the vi catalogue is complete."""

from importlib.resources import files
from pathlib import Path
from pythongettext.msgfmt import Msgfmt
import ast
import re


PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dichvucong"
LOCALES = PACKAGE / "locales"
# Letters only Vietnamese uses (beyond ASCII): any of them in code is hard-coded UI text.
VIETNAMESE = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
    re.IGNORECASE,
)


def parse_po(path):
    """{msgid: msgstr} of a .po file (single-line entries, as i18ndude writes them)."""
    entries = {}
    msgid = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            msgid = line[7:-1]
        elif line.startswith("msgstr ") and msgid is not None:
            entries[msgid] = line[8:-1]
            msgid = None
    entries.pop("", None)
    return entries


def test_vi_catalogue_complete():
    pot = parse_po(LOCALES / "dichvucong.pot")
    vi = parse_po(LOCALES / "vi" / "LC_MESSAGES" / "dichvucong.po")
    assert pot, "empty dichvucong.pot: run make i18n"
    assert set(vi) == set(pot), "vi catalogue out of sync with the .pot: run make i18n"
    untranslated = sorted(msgid for msgid, msgstr in vi.items() if not msgstr)
    assert untranslated == []


def test_en_catalogue_exists_for_negotiation():
    en = parse_po(LOCALES / "en" / "LC_MESSAGES" / "dichvucong.po")
    assert set(en) == set(parse_po(LOCALES / "dichvucong.pot"))


# Modules whose Vietnamese is linguistic data, not interface text.
NOT_UI_TEXT = {
    "base/vietnamese.py": "the alphabet for sorting and default abbreviation expansions",
}


def test_no_hard_coded_vietnamese_in_code_or_templates():
    offenders = []
    for path in PACKAGE.rglob("*"):
        if path.suffix not in {".py", ".pt", ".zcml", ".js"} or LOCALES in path.parents:
            continue
        if path.relative_to(PACKAGE).as_posix() in NOT_UI_TEXT:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if VIETNAMESE.search(line):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}")
    assert offenders == []


def test_pot_lists_every_msgid_in_templates():
    pot = parse_po(LOCALES / "dichvucong.pot")
    for template in PACKAGE.rglob("*.pt"):
        text = template.read_text(encoding="utf-8")
        for msgid in re.findall(r'i18n:translate=""\s*>([^<]+)</', text):
            assert " ".join(msgid.split()) in pot, f"{template.name}: {msgid!r} not in .pot"


def read_po_entries(po):
    """(msgid, msgstr, fuzzy) of every entry, empty ones included, as python-gettext parses them."""
    entries = []

    class Reader(Msgfmt):
        def add(self, context, msgid, msgstr, fuzzy):
            super().add(context, msgid, msgstr, fuzzy)
            if msgid:
                entries.append((msgid, msgstr, fuzzy))

    Reader(po.read_bytes().splitlines(keepends=True)).read()
    return entries


def placeholders(text):
    return set(re.findall(r"\$\{(\w+)\}", text))


def test_plone_supplement_is_well_formed():
    """Our vi plone.po only fills msgids Plone leaves untranslated, keeping their ${names}."""
    ours = LOCALES / "vi" / "LC_MESSAGES" / "plone.po"
    plones = files("plone.app.locales") / "locales" / "vi" / "LC_MESSAGES" / "plone.po"
    assert Msgfmt(ours.read_bytes().splitlines(keepends=True)).get()
    entries = read_po_entries(ours)
    msgids = [msgid for msgid, _, _ in entries]
    assert msgids and len(set(msgids)) == len(msgids), "empty, or a msgid twice"
    assert [msgid for msgid, msgstr, fuzzy in entries if fuzzy or not msgstr] == []
    plone_gaps = {msgid for msgid, msgstr, _ in read_po_entries(plones) if not msgstr}
    assert sorted(set(msgids) - plone_gaps) == [], "not a gap in plone.app.locales: drop it"
    # English source: the '#. Default: "..."' comment above a label id, else the msgid itself.
    defaults = re.findall(
        r'^#\. Default: (".*")\n(?:#.*\n)*msgid (".*")$', plones.read_text("utf-8"), re.M
    )
    english = {ast.literal_eval(msgid): ast.literal_eval(text) for text, msgid in defaults}
    for msgid, msgstr, _ in entries:
        assert placeholders(msgstr) == placeholders(english.get(msgid, msgid)), msgid
