"""One-stop slips: PDF (WeasyPrint) checked with poppler, QR code decoded with zbar.

Debian tools used: pdftotext, pdfinfo, pdffonts, pdftoppm (poppler-utils), zbarimg
(zbar-tools). Most tests render in English (target_language="en": the msgids); the
Vietnamese ones use the integration layer, where the dichvucong catalogue is registered.
"""

from datetime import UTC
from datetime import datetime
from dichvucong.dossier.slips import KINDS
from dichvucong.dossier.slips import qr_payload
from dichvucong.dossier.slips import render_slip
from dichvucong.dossier.slips import slip_html
from zoneinfo import ZoneInfo
import pytest
import re
import shutil
import subprocess
import unicodedata


VN = ZoneInfo("Asia/Ho_Chi_Minh")
# A5 portrait in PostScript points (148 x 210 mm).
A5 = (419.53, 595.28)
TOOLS = {
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "zbarimg": "zbar-tools",
}
XSS = "<script>alert(1)</script>"


def run(tool, *args):
    assert shutil.which(tool), f"{tool} is missing: apt-get install {TOOLS[tool]}"
    result = subprocess.run([tool, *map(str, args)], capture_output=True, check=True)
    return unicodedata.normalize("NFC", result.stdout.decode("utf-8"))


@pytest.fixture
def data():
    return {
        "system_name": "Public services system of Hanoi",
        "agency_title": "Hoan Kiem ward one-stop office",
        "dossier_code": "000.00.40.H26-261121-0001",
        "procedure_code": "1.001193",
        "procedure_title": "Birth registration",
        "applicant_name": "Nguyen Thi Hong Nhung",
        "applicant_id_number": "001190012345",
        "applicant_phone": "0912 345 678",
        "applicant_email": "nhung@example.vn",
        "channel_title": "In person",
        "received_at": datetime(2026, 11, 21, 9, 15, tzinfo=VN),
        "due_at": datetime(2026, 11, 24, 16, 0, tzinfo=VN),
        "new_due_at": datetime(2026, 11, 27, 16, 0, tzinfo=VN),
        "documents": ["Birth registration form", "Birth certificate from the hospital"],
        "reason": "The birth certificate is a copy.\nBring the original.",
        "official_name": "Tran Van Hung",
        "issued_at": datetime(2026, 11, 21, 9, 20, tzinfo=VN),
        "lookup_url": "https://dichvucong.example.vn/lookup?code=000.00.40.H26-261121-0001",
    }


def write_pdf(tmp_path, kind, data, target_language="en"):
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(render_slip(kind, data, target_language=target_language))
    return path


def pdf_text(path):
    return run("pdftotext", path, "-")


def flat(text):
    """The text on one line: pdftotext keeps the PDF's line breaks (also after "Mr/")."""
    return " ".join(text.split()).replace("/ ", "/")


# -- arguments ----------------------------------------------------------------------------


def test_unknown_kind_is_refused(data):
    with pytest.raises(ValueError, match="unknown slip kind"):
        render_slip("receipt-and-more", data)
    with pytest.raises(ValueError, match="unknown slip kind"):
        qr_payload("invoice", data)


def test_dossier_code_is_required(data):
    data["dossier_code"] = None
    with pytest.raises(ValueError, match="dossier_code"):
        qr_payload("receipt", data)
    with pytest.raises(ValueError, match="dossier_code"):
        render_slip("receipt", {"applicant_name": "Someone"})


# -- QR payload ---------------------------------------------------------------------------


def test_qr_payload_receipt(data):
    assert qr_payload("receipt", data, target_language="en").splitlines() == [
        "dossier_code: 000.00.40.H26-261121-0001",
        "procedure_code: 1.001193",
        "id_number: 001190012345",
        "document: Receipt and appointment slip",
        "system: Public services system of Hanoi",
        "issued_at: 2026-11-21T09:20+07:00",
        "due_at: 2026-11-24T16:00+07:00",
    ]


def test_qr_payload_receipt_without_due_date(data):
    data["due_at"] = None
    payload = qr_payload("receipt", data, target_language="en")
    assert payload.splitlines()[-1] == "due_at: To be confirmed"


def test_qr_payload_other_kinds(data):
    supplement = qr_payload("supplement", data, target_language="en").splitlines()
    assert "document: Request to supplement and complete the dossier" in supplement
    assert not any(line.startswith("due_at") for line in supplement)
    refusal = qr_payload("refusal", data, target_language="en")
    assert "document: Refusal to accept the dossier" in refusal
    apology = qr_payload("apology", data, target_language="en").splitlines()
    assert "document: Apology and new date for returning the result" in apology
    assert apology[-1] == "new_due_at: 2026-11-27T16:00+07:00"


def test_qr_payload_naive_datetimes_are_vietnam_time(data):
    data["new_due_at"] = datetime(2026, 11, 27, 16, 0)
    payload = qr_payload("apology", data, target_language="en")
    assert payload.endswith("new_due_at: 2026-11-27T16:00+07:00")


def test_qr_payload_vietnam_time_and_one_line_per_key(data):
    data["issued_at"] = datetime(2026, 11, 21, 2, 20, tzinfo=UTC)
    data["system_name"] = "Public services\nsystem:  of Hanoi"
    data["procedure_code"] = None
    lines = qr_payload("refusal", data, target_language="en").splitlines()
    assert lines == [
        "dossier_code: 000.00.40.H26-261121-0001",
        "procedure_code: ",
        "id_number: 001190012345",
        "document: Refusal to accept the dossier",
        "system: Public services system: of Hanoi",
        "issued_at: 2026-11-21T09:20+07:00",
    ]


# -- PDF ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_is_one_a5_page_in_dejavu(tmp_path, data, kind):
    path = write_pdf(tmp_path, kind, data)
    assert path.read_bytes().startswith(b"%PDF-")
    info = run("pdfinfo", path)
    assert re.search(r"^Pages:\s+1$", info, re.M)
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (width, height) == pytest.approx(A5, abs=0.5)
    # Every font is an embedded DejaVu (no fallback font, no missing glyphs).
    fonts = run("pdffonts", path).splitlines()[2:]
    assert fonts
    for line in fonts:
        name, *_, emb, _sub, _uni, _obj, _gen = line.split()
        assert "DejaVu-Sans" in name and emb == "yes", line


@pytest.mark.parametrize(
    "kind, title",
    [
        ("receipt", "RECEIPT AND APPOINTMENT SLIP"),
        ("supplement", "REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER"),
        ("refusal", "REFUSAL TO ACCEPT THE DOSSIER"),
        ("apology", "APOLOGY AND NEW DATE FOR RETURNING THE RESULT"),
    ],
)
def test_pdf_text(tmp_path, data, kind, title):
    text = flat(pdf_text(write_pdf(tmp_path, kind, data)))
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text
    assert "Independence - Freedom - Happiness" in text
    assert "HOAN KIEM WARD ONE-STOP OFFICE" in text
    assert "Dated 21/11/2026" in text
    assert title in text
    assert "Dossier code: 000.00.40.H26-261121-0001" in text
    assert "Nguyen Thi Hong Nhung" in text
    assert "Birth registration" in text
    assert "Tran Van Hung" in text
    assert "Issued from Public services system of Hanoi at 09:20 on 21/11/2026" in text
    assert "Look up the dossier at: https://dichvucong.example.vn/lookup?code=" in text


def test_receipt_text(tmp_path, data):
    text = flat(pdf_text(write_pdf(tmp_path, "receipt", data)))
    assert "Dossier received from: Nguyen Thi Hong Nhung" in text
    assert "Identification number: 001190012345" in text
    assert "Submitted via: In person" in text
    assert "1. Birth registration form 2. Birth certificate from the hospital" in text
    assert "Received at: 09:15 on 21/11/2026" in text
    assert "Result to be returned at: 16:00 on 24/11/2026" in text
    # The two signature blocks side by side: pdftotext reads them row by row.
    assert (
        "APPLICANT RECEIVING OFFICIAL (Signature and full name) (Signature and full name)" in text
    )


def test_receipt_without_due_date_says_to_be_confirmed(tmp_path, data):
    data["due_at"] = None
    text = flat(pdf_text(write_pdf(tmp_path, "receipt", data)))
    assert "Result to be returned at: To be confirmed" in text


def test_supplement_refusal_apology_text(tmp_path, data):
    supplement = flat(pdf_text(write_pdf(tmp_path, "supplement", data)))
    assert "The dossier must be supplemented and completed as follows:" in supplement
    assert "The birth certificate is a copy. Bring the original." in supplement
    assert "please contact Tran Van Hung for guidance." in supplement
    refusal = flat(pdf_text(write_pdf(tmp_path, "refusal", data)))
    assert (
        "After review, Hoan Kiem ward one-stop office does not accept this dossier"
        " for the following reason: The birth certificate is a copy." in refusal
    )
    apology = flat(pdf_text(write_pdf(tmp_path, "apology", data)))
    assert (
        "On 21/11/2026, Hoan Kiem ward one-stop office received the dossier of"
        " Mr/Ms Nguyen Thi Hong Nhung." in apology
    )
    assert "Result was due at: 16:00 on 24/11/2026" in apology
    assert "will return the result of the dossier at 16:00 on 27/11/2026." in apology
    assert "HEAD OF THE AGENCY (Signature, full name and seal)" in apology


@pytest.mark.parametrize("kind", KINDS)
def test_only_the_dossier_code_is_needed(tmp_path, kind):
    text = flat(pdf_text(write_pdf(tmp_path, kind, {"dossier_code": "X-1"})))
    assert "Dossier code: X-1" in text
    assert "Issued at " in text
    assert "...................." in text


def test_values_are_text_not_markup(tmp_path, data):
    for key in ("agency_title", "applicant_name", "procedure_title", "reason", "lookup_url"):
        data[key] = XSS
    data["documents"] = [XSS, '<img src="file:///etc/passwd">']
    html = slip_html("refusal", data, target_language="en")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for kind in KINDS:
        text = pdf_text(write_pdf(tmp_path, kind, data))
        assert XSS in text
    receipt = pdf_text(write_pdf(tmp_path, "receipt", data))
    assert '<img src="file:///etc/passwd">' in receipt


def test_lookup_url_is_a_link_only_to_a_web_page(data):
    html = slip_html("receipt", data, target_language="en")
    assert 'href="https://dichvucong.example.vn/lookup?code=000.00.40.H26-261121-0001"' in html
    data["lookup_url"] = "javascript:alert(1)"
    html = slip_html("receipt", data, target_language="en")
    assert "href=" not in html
    assert "javascript:alert(1)" in html


def test_long_document_list_runs_onto_a_second_page(tmp_path, data):
    data["documents"] = [f"Supporting document number {n}" for n in range(1, 41)]
    path = write_pdf(tmp_path, "receipt", data)
    assert re.search(r"^Pages:\s+2$", run("pdfinfo", path), re.M)
    text = flat(pdf_text(path))
    assert "40. Supporting document number 40" in text
    assert "Result to be returned at: 16:00 on 24/11/2026" in text


def test_qr_code_in_the_pdf_decodes_to_the_payload(tmp_path, data):
    path = write_pdf(tmp_path, "receipt", data)
    run("pdftoppm", "-r", "200", "-png", "-singlefile", path, tmp_path / "receipt")
    decoded = run("zbarimg", "--quiet", "--raw", tmp_path / "receipt.png")
    assert "000.00.40.H26-261121-0001" in decoded
    assert decoded.rstrip("\n") == qr_payload("receipt", data, target_language="en")


# -- Vietnamese (the dichvucong catalogue, registered by the integration layer) ------------


def vietnamese_data(data):
    data.update(
        applicant_name="Nguyễn Thị Hồng Nhung",
        agency_title="UBND Phường Hoàn Kiếm",
    )
    return data


def test_vietnamese_receipt_without_due_date(integration, tmp_path, data):
    """Works with the catalogue as it is: "To be confirmed" is already translated."""
    data = vietnamese_data(data)
    data["due_at"] = None
    path = write_pdf(tmp_path, "receipt", data, target_language="vi")
    text = flat(pdf_text(path))
    assert "Nguyễn Thị Hồng Nhung" in text
    assert "Đang cập nhật" in text
    assert qr_payload("receipt", data).endswith("due_at: Đang cập nhật")
    assert "Đang cập nhật" in run("zbarimg", "--quiet", "--raw", raster(tmp_path, path))


def raster(tmp_path, pdf):
    run("pdftoppm", "-r", "200", "-png", "-singlefile", pdf, tmp_path / "page")
    return tmp_path / "page.png"


def test_vietnamese_receipt(integration, tmp_path, data):
    """Needs the slip msgids in locales/vi/LC_MESSAGES/dichvucong.po (merged separately)."""
    data = vietnamese_data(data)
    title = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    path = write_pdf(tmp_path, "receipt", data, target_language="vi")
    text = flat(pdf_text(path))
    # The title prints in capitals, as on the paper template; the PDF's title is as written.
    assert title.upper() in text
    assert re.search(rf"^Title:\s+{title}$", run("pdfinfo", path), re.M)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Ngày 21 tháng 11 năm 2026" in text
    assert "UBND PHƯỜNG HOÀN KIẾM" in text
    assert "Mã hồ sơ: 000.00.40.H26-261121-0001" in text
    assert "Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung" in text
    assert "Thời gian nhận hồ sơ: 09:15, ngày 21/11/2026" in text
    assert "Thời gian trả kết quả giải quyết hồ sơ: 16:00, ngày 24/11/2026" in text
    assert f"document: {title}" in run("zbarimg", "--quiet", "--raw", raster(tmp_path, path))
