"""Vietnamese folding, tone placement, abbreviations and dictionary order."""

from dichvucong.base.vietnamese import expand_abbreviations
from dichvucong.base.vietnamese import fold
from dichvucong.base.vietnamese import normalize_tones
from dichvucong.base.vietnamese import sort_key
from dichvucong.base.vietnamese import words
import pytest
import unicodedata


def nfd(text):
    return unicodedata.normalize("NFD", text)


# (what a citizen types, a title that contains it once both are folded)
FOLD_PAIRS = [
    ("dang ky khai sinh", "Đăng ký khai sinh"),
    ("DANG KY KHAI SINH", "Đăng ký khai sinh"),
    ("Dang Ky Khai Tu", "Đăng ký khai tử"),
    ("dang ky ket hon", "Đăng ký kết hôn"),
    ("đăng ký kết hôn", "ĐĂNG KÝ KẾT HÔN"),
    ("dang ky thuong tru", "Đăng ký thường trú"),
    ("dang ky tam tru", "Đăng ký tạm trú"),
    ("xoa dang ky thuong tru", "Xóa đăng ký thường trú"),
    ("xoa dang ky thuong tru", "Xoá đăng ký thường trú"),
    ("cap ho chieu", "Cấp hộ chiếu phổ thông"),
    ("cap doi giay phep lai xe", "Cấp đổi giấy phép lái xe"),
    ("ly lich tu phap", "Cấp Phiếu lý lịch tư pháp"),
    ("tro cap mai tang", "Trợ cấp mai táng"),
    ("bao hiem y te", "Bảo hiểm y tế"),
    ("can cuoc cong dan", "Căn cước công dân"),
    ("chung thuc ban sao", "Chứng thực bản sao từ bản chính"),
    ("uy ban nhan dan", "Ủy ban nhân dân"),
    ("uy ban nhan dan", "Uỷ ban nhân dân"),
    ("hoa giai", "Hòa giải"),
    ("hoa giai", "Hoà giải"),
    ("thuy loi", "Thủy lợi"),
    ("thuy loi", "Thuỷ lợi"),
    ("suc khoe", "Sức khỏe"),
    ("suc khoe", "Sức khoẻ"),
    ("duong", "Đường"),
    ("dat dai", "Đất đai"),
    ("ho so", "Hồ sơ"),
    ("nguoi cao tuoi", "Người cao tuổi"),
    ("quy", "Quý"),
    ("nghia vu quan su", "Nghĩa vụ quân sự"),
    (nfd("Đăng ký khai sinh"), "Đăng ký khai sinh"),
    ("Đăng ký khai sinh", nfd("Đăng ký khai sinh")),
    (nfd("xoá"), "xóa"),
]


@pytest.mark.parametrize(("query", "title"), FOLD_PAIRS)
def test_fold_matches(query, title):
    assert f" {' '.join(words(query))} " in f" {' '.join(words(title))} "


@pytest.mark.parametrize(
    ("different", "title"),
    [
        ("dang ky khai tu", "Đăng ký khai sinh"),
        ("tam tru", "Đăng ký thường trú"),
        ("ho chieu", "Hồ sơ"),
    ],
)
def test_fold_keeps_words_apart(different, title):
    assert f" {' '.join(words(different))} " not in f" {' '.join(words(title))} "


def test_fold_is_ascii_for_vietnamese():
    text = "ăâđêôơư ÀẢÃÁẠ ằẳẵắặ ầẩẫấậ èẻẽéẹ ềểễếệ ìỉĩíị òỏõóọ ồổỗốộ ờởỡớợ ùủũúụ ừửữứự ỳỷỹýỵ"
    assert fold(text).isascii()


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("hoà", "hòa"),
        ("Hoà giải", "Hòa giải"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("uỷ ban", "ủy ban"),
        ("tuý", "túy"),
        ("hoàng", "hoàng"),  # a final consonant keeps the tone on the second vowel
        ("hoạch", "hoạch"),
        ("khoái", "khoái"),
        ("quý", "quý"),  # qu is a consonant: nothing moves
        ("uyển", "uyển"),
        (nfd("hoà"), "hòa"),
    ],
)
def test_normalize_tones(typed, canonical):
    assert normalize_tones(typed) == unicodedata.normalize("NFC", canonical)


@pytest.mark.parametrize(
    ("query", "expanded"),
    [
        ("BHYT", "bảo hiểm y tế"),
        ("cấp thẻ BHYT", "cấp thẻ bảo hiểm y tế"),
        ("cccd", "căn cước công dân"),
        ("doi GPLX", "doi giấy phép lái xe"),
        ("LLTP so 2", "lý lịch tư pháp so 2"),
        ("TTHC", "thủ tục hành chính"),
        ("UBND phuong", "ủy ban nhân dân phuong"),
        ("HĐND", "hội đồng nhân dân"),
        ("khai sinh", "khai sinh"),
    ],
)
def test_expand_abbreviations(query, expanded):
    assert expand_abbreviations(query) == expanded


def test_expand_abbreviations_with_an_editable_list():
    assert expand_abbreviations("PCCC", {"PCCC": "phòng cháy chữa cháy"}) == (
        "phòng cháy chữa cháy"
    )


@pytest.mark.parametrize(
    "ordered",
    [
        ["an", "ăn", "ân", "bàn"],
        ["ba", "bà", "bả", "bã", "bá", "bạ"],
        ["da", "dê", "đá", "đi"],
        ["e", "ê", "g"],
        ["o", "ô", "ơ", "p"],
        ["u", "ư", "v"],
        ["Hà Nội", "Hải Phòng", "Huế"],
        ["Đăng ký kết hôn", "Đăng ký khai sinh", "Đăng ký khai tử", "Đăng ký thường trú"],
        ["Cấp hộ chiếu", "Chứng thực", "Đăng ký"],
    ],
)
def test_vietnamese_dictionary_order(ordered):
    shuffled = list(reversed(ordered))
    assert sorted(shuffled, key=sort_key) == ordered


def test_sort_ignores_tone_placement_style():
    assert sort_key("Hoà giải") == sort_key("Hòa giải")


def test_sort_key_accepts_any_text():
    assert sorted(["Москва й", "ñandú", "2025", "", "Hà Nội"], key=sort_key)[0] == ""
