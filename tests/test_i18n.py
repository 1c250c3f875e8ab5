"""UI text goes through the dichvucong domain; the vi catalogue is complete."""

from pathlib import Path
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
    "catalogue/text.py": "the alphabet for sorting and default abbreviation expansions",
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
        for msgid in re.findall(r'i18n:translate=""\s*>([^<]+)<', text):
            assert " ".join(msgid.split()) in pot, f"{template.name}: {msgid!r} not in .pot"
