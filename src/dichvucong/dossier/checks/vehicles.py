"""Vehicle number plates, engine numbers and frame numbers.

Plates (Circular 24/2023/TT-BCA and the plates issued before it): the province's two
digits (11 to 99), the series (one or two letters, for a motorbike often followed by
a digit: A, LD, B1, AA, MD1 with a crossed D), then the order number, four digits or five written
123.45. People write them with or without the hyphen, the space and the dot:
``29-B1 123.45``, ``29B1-12345``, ``30A-123.45``, ``30A12345``.

Frame numbers (so khung) of vehicles built for the world market are 17-character
VINs (ISO 3779), which never use I, O or Q; older and locally assembled vehicles have
shorter numbers.
"""

from dichvucong import _
import re


PLATE = re.compile(
    r"^(?P<province>1[1-9]|[2-9]\d)\s*-?\s*"
    r"(?P<series>[A-Z\u0110]{1,2}\d?)\s*[-.]?\s*"
    r"(?P<order>\d{4}|\d{3}\.?\d{2})$"
)
ENGINE = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
FRAME = re.compile(r"^[A-Z0-9]{6,17}$")
VIN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")

PLATE_MESSAGE = _(
    "This is not the shape of a Vietnamese number plate: write it as on the plate, for "
    "example 29-B1 123.45 or 30A-123.45."
)
ENGINE_MESSAGE = _(
    "The engine number has 5 to 20 letters and digits (hyphens allowed): please copy "
    "it from the vehicle's registration or invoice."
)
FRAME_MESSAGE = _(
    "The frame number has 6 to 17 letters and digits: please copy it from the "
    "vehicle's registration or invoice."
)
VIN_MESSAGE = _(
    "A 17-character frame number never has the letters I, O or Q: please check "
    "whether they are the digits 1 and 0."
)


def _upper(value):
    return value.strip().upper() if isinstance(value, str) else ""


def plate_problem(value):
    return None if PLATE.match(_upper(value)) else PLATE_MESSAGE


def engine_number_problem(value):
    number = _upper(value)
    if ENGINE.match(number) and 5 <= len(number.replace("-", "")) <= 20:
        return None
    return ENGINE_MESSAGE


def frame_number_problem(value):
    number = _upper(value)
    if not FRAME.match(number):
        return FRAME_MESSAGE
    if len(number) == 17 and not VIN.match(number):
        return VIN_MESSAGE
    return None
