"""Vietnamese text for search and sorting.

- ``nfc``: the stored form (NFC), whatever a keyboard or a paste produced (NFC or NFD).
- ``normalize_tones``: one tone placement for oa/oe/uy syllables (hoà -> hòa, thuỷ -> thủy),
  so accented queries match whichever style an editor typed.
- ``fold``: what search compares: lower case, no tones or vowel marks, đ -> d
  ("Đăng ký khai sinh" -> "dang ky khai sinh").
- ``expand_abbreviations``: BHYT -> bảo hiểm y tế and the like, from an editable mapping.
- ``sort_key``: Vietnamese dictionary order (a ă â b c d đ e ê ...; tones ngang, huyền,
  hỏi, ngã, sắc, nặng) for alphabetical listings.
"""

import re
import unicodedata


# Combining marks, as they appear after NFD.
GRAVE, ACUTE, TILDE, HOOK, DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
BREVE, CIRCUMFLEX, HORN = "\u0306", "\u0302", "\u031b"
TONES = (GRAVE, HOOK, TILDE, ACUTE, DOT)  # dictionary order after the level tone
VOWEL_MARKS = (BREVE, CIRCUMFLEX, HORN)

ALPHABET = tuple("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")  # NFC letters
LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}

WORD = re.compile(r"\w+", re.UNICODE)
# oa, oe, uy without a final consonant take the tone on the first vowel in the
# traditional placement (hòa, khỏe, thủy); "qu" + y is a consonant + vowel (quý).
_OLD_STYLE = re.compile(
    r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![a-zA-Z\u0300-\u036f])"
)
# Defaults; a site's editable list (registry) replaces them.
DEFAULT_ABBREVIATIONS = {
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "cccd": "căn cước công dân",
    "cmnd": "chứng minh nhân dân",
    "gplx": "giấy phép lái xe",
    "lltp": "lý lịch tư pháp",
    "tthc": "thủ tục hành chính",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "dvc": "dịch vụ công",
}


def nfc(text):
    return unicodedata.normalize("NFC", text or "")


def normalize_tones(text):
    """Put tone marks of open oa/oe/uy syllables on the first vowel (hoà -> hòa)."""
    decomposed = unicodedata.normalize("NFD", text or "")
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(r"\1\3\2", decomposed))


def fold(text):
    """Lower case, without tones or vowel marks, đ as d: what search compares."""
    decomposed = unicodedata.normalize("NFD", (text or "").lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


def words(text):
    """Folded words of a text."""
    return WORD.findall(fold(text))


def expand_abbreviations(text, abbreviations=None):
    """The text with every known abbreviation written out (folded words kept as typed)."""
    mapping = {fold(k): v for k, v in (abbreviations or DEFAULT_ABBREVIATIONS).items()}
    out = []
    for word in WORD.findall(nfc(text)):
        out.append(mapping.get(fold(word), word))
    return " ".join(out)


def abbreviation_variants(text, abbreviations=None):
    """Abbreviations and expansions that a text implies, both ways.

    "Cấp thẻ BHYT" gives "bảo hiểm y tế"; "thẻ căn cước công dân" gives "cccd".
    Indexed with the text, they let the site-wide search match either form.
    """
    mapping = abbreviations or DEFAULT_ABBREVIATIONS
    folded = f" {' '.join(words(text))} "
    variants = []
    for short, long in mapping.items():
        if f" {fold(short)} " in folded:
            variants.append(long)
        elif f" {' '.join(words(long))} " in folded:
            variants.append(short)
    return variants


def sort_key(text):
    """Key for Vietnamese dictionary order: letters first, then tones word by word."""
    letters = []
    tones = []
    for word in WORD.findall(normalize_tones(nfc(text)).lower()):
        word_tone = 0
        for char in unicodedata.normalize("NFD", word):
            if char in TONES:
                word_tone = TONES.index(char) + 1
            elif char in VOWEL_MARKS and letters and 0 <= letters[-1] < len(ALPHABET):
                letters[-1] = _letter_rank(_compose(letters[-1], char))
            elif not unicodedata.combining(char):
                letters.append(_letter_rank(char))
        letters.append(-1)  # word boundary sorts before any letter
        tones.append(word_tone)
    return tuple(letters), tuple(tones)


def sortable(text):
    """A string whose plain (code point) order is Vietnamese dictionary order, for the
    catalog's ``sortable_title`` index."""
    letters, tones = sort_key(text)
    out = "".join(" " if rank < 0 else chr(0x100 + rank) for rank in letters)
    return out + "\x01" + "".join(chr(0x30 + tone) for tone in tones)


def _compose(rank_or_char, mark):
    base = ALPHABET[rank_or_char] if isinstance(rank_or_char, int) else rank_or_char
    return unicodedata.normalize("NFC", base + mark)


def _letter_rank(char):
    if isinstance(char, int):
        return char
    if char == "đ":
        return LETTER_RANK["đ"]
    if char in LETTER_RANK:
        return LETTER_RANK[char]
    # Digits and other letters after the Vietnamese alphabet, in code-point order.
    return len(ALPHABET) + ord(char)
