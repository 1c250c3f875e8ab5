"""Number plates, engine and frame numbers: dossier/checks/vehicles.py."""

from dichvucong.dossier.checks import vehicles
from dichvucong.dossier.checks.vehicles import engine_number_problem
from dichvucong.dossier.checks.vehicles import frame_number_problem
from dichvucong.dossier.checks.vehicles import plate_problem
import pytest


@pytest.mark.parametrize(
    "plate",
    [
        "29-B1 123.45",  # a motorbike, as on the plate
        "29-B1 12345",
        "29-B1-123.45",
        "29B1-123.45",
        "29B112345",  # without any separator
        "29 B1 123.45",
        "29-b1 123.45",  # lower case
        "30A-123.45",  # a car
        "30A-12345",
        "30A12345",
        "30A-1234",  # an old four-digit plate
        "51K-999.99",
        "30LD-123.45",  # a two-letter series
        "29-AA 123.45",  # under 50 cc
        "29-MĐ1 123.45",  # an electric motorbike
        "99-H1 000.01",
        "11A-123.45",
    ],
)
def test_good_plates(plate):
    assert plate_problem(plate) is None


@pytest.mark.parametrize(
    "plate",
    [
        "",
        "ABC-123",
        "29-B1 12.345",  # the dot in the wrong place
        "29-B1 123",  # too few digits
        "29-B1 1234567",  # too many
        "2-9B1 123.45",
        "299-B1 123.45",  # three-digit province
        "10A-123.45",  # no province 10
        "05A-123.45",
        "29-B12 123.45",  # two digits in the series
        "29-ABC 123.45",  # three letters
        "29 - B1 / 123.45",
        "30A-123,45",
    ],
)
def test_bad_plates(plate):
    assert plate_problem(plate) == vehicles.PLATE_MESSAGE


@pytest.mark.parametrize(
    "number", ["JF39E1234567", "1P52FMH-123456", "ab123", "12345", "A" * 20, "VTT-JM-123456"]
)
def test_good_engine_numbers(number):
    assert engine_number_problem(number) is None


@pytest.mark.parametrize(
    "number", ["", "1234", "A" * 21, "-12345", "12345-", "123--456", "123 456", "12/3456"]
)
def test_bad_engine_numbers(number):
    assert engine_number_problem(number) == vehicles.ENGINE_MESSAGE


@pytest.mark.parametrize(
    "number",
    [
        "RLHJC4500KY123456",  # a 17-character VIN
        "rlhjc4500ky123456",
        "123456",  # the shortest
        "RLHPC1234ABC",  # a local frame number may use any letter
        "OIQ123",
    ],
)
def test_good_frame_numbers(number):
    assert frame_number_problem(number) is None


@pytest.mark.parametrize(
    "number", ["", "12345", "RLHJC4500KY1234567", "RLHJC-4500KY", "RL HJC4500"]
)
def test_bad_frame_numbers(number):
    assert frame_number_problem(number) == vehicles.FRAME_MESSAGE


@pytest.mark.parametrize("number", ["RLHJC4500KY12345O", "ILHJC4500KY123456", "RLHJC4500QY123456"])
def test_a_vin_has_no_i_o_q(number):
    assert frame_number_problem(number) == vehicles.VIN_MESSAGE
