"""Personal ID numbers: the 12-digit personal identification number (so dinh danh ca
nhan) and the old 9-digit ID card number (Chung minh nhan dan, CMND).

The 12 digits (Circular 07/2016/TT-BCA, Article 7, kept by Circular 59/2021/TT-BCA):
digits 1-3 the code of the province or city where the birth was registered, digit 4
the century of birth and the sex, digits 5-6 the last two digits of the year of
birth, digits 7-12 a random number. The province codes are those of the 63 provinces
before the 2025 mergers: numbers already issued keep them.
"""

from dichvucong import _
import re
import unicodedata


TWELVE_DIGITS = re.compile(r"^\d{12}$")
NINE_DIGITS = re.compile(r"^\d{9}$")

# The values of a form's ``P_sex`` answer (docs/forms.md): data, not interface text.
MALE, FEMALE = "Nam", "N\u1eef"

# Province and city codes of birth registration (Circular 07/2016/TT-BCA, Annex I).
PROVINCES = frozenset(
    {
        "001",  # Ha Noi
        "002",  # Ha Giang
        "004",  # Cao Bang
        "006",  # Bac Kan
        "008",  # Tuyen Quang
        "010",  # Lao Cai
        "011",  # Dien Bien
        "012",  # Lai Chau
        "014",  # Son La
        "015",  # Yen Bai
        "017",  # Hoa Binh
        "019",  # Thai Nguyen
        "020",  # Lang Son
        "022",  # Quang Ninh
        "024",  # Bac Giang
        "025",  # Phu Tho
        "026",  # Vinh Phuc
        "027",  # Bac Ninh
        "030",  # Hai Duong
        "031",  # Hai Phong
        "033",  # Hung Yen
        "034",  # Thai Binh
        "035",  # Ha Nam
        "036",  # Nam Dinh
        "037",  # Ninh Binh
        "038",  # Thanh Hoa
        "040",  # Nghe An
        "042",  # Ha Tinh
        "044",  # Quang Binh
        "045",  # Quang Tri
        "046",  # Thua Thien Hue
        "048",  # Da Nang
        "049",  # Quang Nam
        "051",  # Quang Ngai
        "052",  # Binh Dinh
        "054",  # Phu Yen
        "056",  # Khanh Hoa
        "058",  # Ninh Thuan
        "060",  # Binh Thuan
        "062",  # Kon Tum
        "064",  # Gia Lai
        "066",  # Dak Lak
        "067",  # Dak Nong
        "068",  # Lam Dong
        "070",  # Binh Phuoc
        "072",  # Tay Ninh
        "074",  # Binh Duong
        "075",  # Dong Nai
        "077",  # Ba Ria - Vung Tau
        "079",  # Ho Chi Minh
        "080",  # Long An
        "082",  # Tien Giang
        "083",  # Ben Tre
        "084",  # Tra Vinh
        "086",  # Vinh Long
        "087",  # Dong Thap
        "089",  # An Giang
        "091",  # Kien Giang
        "092",  # Can Tho
        "093",  # Hau Giang
        "094",  # Soc Trang
        "095",  # Bac Lieu
        "096",  # Ca Mau
    }
)

# Digit 4: (first year of the century, sex). 0/1 = 1900s, 2/3 = 2000s, ... 8/9 = 2300s.
CENTURY_SEX = {
    str(digit): (1900 + 100 * (digit // 2), (MALE, FEMALE)[digit % 2]) for digit in range(10)
}

TWELVE = _("The personal ID number has 12 digits.")
NINE = _("The old ID card (CMND) number has 9 digits.")


def parse(number):
    """(province code, birth year, sex) the 12 digits say; None if not 12 digits."""
    if not isinstance(number, str) or not TWELVE_DIGITS.match(number):
        return None
    first_year, sex = CENTURY_SEX[number[3]]
    return number[:3], first_year + int(number[4:6]), sex


def century(year):
    """The century of a year as the ID number's 4th digit counts it: 1900-1999 the 20th,
    2000-2099 the 21st."""
    return year // 100 + 1


def id_number_problem(number, birth_date=None, sex=None, today=None):
    """The message for a 12-digit personal ID number that cannot be right (its own
    digits, then against the date of birth and the sex given), or None."""
    parsed = parse(number.strip() if isinstance(number, str) else number)
    if parsed is None:
        return TWELVE
    province, year, id_sex = parsed
    if province not in PROVINCES:
        return _(
            "The first 3 digits of the personal ID number (${code}) are not the code of "
            "a province or city: please check the number on the ID card.",
            mapping={"code": province},
        )
    if today is not None and year > today.year:
        return _(
            "This personal ID number says the person was born in ${year}, a year still "
            "to come: please check the 4th, 5th and 6th digits.",
            mapping={"year": year},
        )
    if birth_date is not None:
        if century(year) != century(birth_date.year):
            return _(
                "This personal ID number says the person was born between ${first} and "
                "${last}, but the date of birth is in ${year}: please check the number or "
                "the date of birth.",
                mapping={
                    "century": century(year),
                    "first": year - year % 100,
                    "last": year - year % 100 + 99,
                    "year": birth_date.year,
                },
            )
        if year != birth_date.year:
            return _(
                "This personal ID number says the person was born in ${id_year}, but the "
                "date of birth is in ${year}: please check the number or the date of "
                "birth.",
                mapping={"id_year": year, "year": birth_date.year},
            )
    sex = unicodedata.normalize("NFC", sex) if isinstance(sex, str) else None
    if sex in (MALE, FEMALE) and sex != id_sex:
        message = (
            _(
                "The 4th digit of this personal ID number is that of a man, but the sex "
                "given is ${sex}: please check the number or the sex.",
                mapping={"sex": sex},
            )
            if id_sex == MALE
            else _(
                "The 4th digit of this personal ID number is that of a woman, but the "
                "sex given is ${sex}: please check the number or the sex.",
                mapping={"sex": sex},
            )
        )
        return message
    return None


def old_id_number_problem(number):
    """The message for an old CMND number that is not 9 digits, or None."""
    if not isinstance(number, str) or not NINE_DIGITS.match(number.strip()):
        return NINE
    return None
