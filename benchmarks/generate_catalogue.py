"""Generate a synthetic catalogue (domains, agencies, procedures) for benchmarks.

NOT real data: titles are composed from word lists, every description says
"Dữ liệu giả lập cho đo hiệu năng", codes start with SYN-, addresses and phone numbers are
made up, links and e-mail addresses use the reserved .example domain. The same --seed gives
the same files, byte for byte.

    python benchmarks/generate_catalogue.py --count 2000 --seed 42 --out DIR [--format csv]

writes DIR/domains.json, DIR/agencies.json and DIR/procedures.json (or .csv) in the format
of docs/catalogue-format.md, in import order. Every record is checked with jsonschema
(the procedure's channels, documents and legal basis against the schemas of the
Procedure type) and every code it names exists, before anything is written.
"""

from dichvucong.catalogue.content.procedure import CHANNELS_SCHEMA
from dichvucong.catalogue.content.procedure import DOCUMENTS_SCHEMA
from dichvucong.catalogue.content.procedure import LEGAL_BASIS_SCHEMA
from dichvucong.catalogue.transfer.kinds import KINDS
from dichvucong.catalogue.transfer.reader import LIST_SEPARATOR
from dichvucong.catalogue.transfer.reader import OBJECT_LISTS
from dichvucong.catalogue.transfer.reader import TEXT_LISTS
from jsonschema import Draft202012Validator
from pathlib import Path
import argparse
import csv
import json
import random
import sys
import unicodedata


SYNTHETIC = "Dữ liệu giả lập cho đo hiệu năng"

# The import format's own field lists (also the CSV columns, in order).
DOMAIN_FIELDS = KINDS["domains"].fields
AGENCY_FIELDS = KINDS["agencies"].fields
PROCEDURE_FIELDS = KINDS["procedures"].fields

# ---------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------

# Domain key -> (title, department key that decides, decided at ward level?)
DOMAINS = {
    "ho-tich": ("Hộ tịch", "tu-phap", True),
    "chung-thuc": ("Chứng thực", "tu-phap", True),
    "cu-tru": ("Cư trú", "cong-an", True),
    "can-cuoc": ("Căn cước", "cong-an", False),
    "dat-dai": ("Đất đai", "nong-nghiep-moi-truong", True),
    "moi-truong": ("Môi trường", "nong-nghiep-moi-truong", False),
    "xay-dung": ("Xây dựng", "xay-dung", True),
    "duong-bo": ("Đường bộ", "xay-dung", False),
    "y-te": ("Khám bệnh, chữa bệnh", "y-te", False),
    "duoc": ("Dược phẩm", "y-te", False),
    "an-toan-thuc-pham": ("An toàn thực phẩm", "y-te", True),
    "giao-duc": ("Giáo dục và Đào tạo", "giao-duc", True),
    "viec-lam": ("Việc làm", "noi-vu", False),
    "bao-tro-xa-hoi": ("Bảo trợ xã hội", "noi-vu", True),
    "nguoi-co-cong": ("Người có công", "noi-vu", True),
    "doanh-nghiep": ("Thành lập và hoạt động doanh nghiệp", "tai-chinh", False),
    "ho-kinh-doanh": ("Hộ kinh doanh", "tai-chinh", True),
    "thue": ("Thuế", "thue", False),
    "bao-hiem-y-te": ("Bảo hiểm y tế", "bhxh", False),
    "van-hoa": ("Văn hóa", "van-hoa", True),
    "du-lich": ("Du lịch", "du-lich", False),
    "thuong-mai": ("Thương mại", "cong-thuong", True),
}

# Department key -> (title, kind)
DEPARTMENTS = {
    "tu-phap": ("Sở Tư pháp", "department"),
    "xay-dung": ("Sở Xây dựng", "department"),
    "nong-nghiep-moi-truong": ("Sở Nông nghiệp và Môi trường", "department"),
    "y-te": ("Sở Y tế", "department"),
    "giao-duc": ("Sở Giáo dục và Đào tạo", "department"),
    "noi-vu": ("Sở Nội vụ", "department"),
    "tai-chinh": ("Sở Tài chính", "department"),
    "van-hoa": ("Sở Văn hóa và Thể thao", "department"),
    "du-lich": ("Sở Du lịch", "department"),
    "cong-thuong": ("Sở Công Thương", "department"),
    "cong-an": ("Công an thành phố", "other"),
    "thue": ("Thuế thành phố", "other"),
    "bhxh": ("Bảo hiểm xã hội thành phố", "other"),
}

# Groups of titles: verbs that fit the objects, objects with their domain, and the
# result a citizen receives ({object} is the object, {Object} capitalised).
TITLE_GROUPS = (
    {
        "verbs": ("Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi"),
        "result": "{Object}",
        "objects": (
            ("giấy phép xây dựng nhà ở riêng lẻ", "xay-dung"),
            ("giấy phép xây dựng công trình", "xay-dung"),
            ("giấy phép sửa chữa, cải tạo công trình", "xay-dung"),
            ("chứng chỉ hành nghề môi giới bất động sản", "xay-dung"),
            ("giấy chứng nhận quyền sử dụng đất", "dat-dai"),
            ("giấy chứng nhận quyền sở hữu nhà ở", "dat-dai"),
            ("giấy phép khai thác nước dưới đất", "moi-truong"),
            ("giấy phép môi trường", "moi-truong"),
            ("giấy phép lái xe", "duong-bo"),
            ("phù hiệu xe kinh doanh vận tải", "duong-bo"),
            ("giấy phép hành nghề khám bệnh, chữa bệnh", "y-te"),
            ("giấy phép hoạt động phòng khám", "y-te"),
            ("chứng chỉ hành nghề dược", "duoc"),
            ("giấy chứng nhận đủ điều kiện kinh doanh dược", "duoc"),
            ("giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "an-toan-thuc-pham"),
            ("giấy phép kinh doanh dịch vụ karaoke", "van-hoa"),
            ("giấy phép tổ chức biểu diễn nghệ thuật", "van-hoa"),
            ("giấy phép kinh doanh dịch vụ lữ hành nội địa", "du-lich"),
            ("thẻ hướng dẫn viên du lịch", "du-lich"),
            ("giấy phép bán lẻ rượu", "thuong-mai"),
            ("giấy phép bán lẻ sản phẩm thuốc lá", "thuong-mai"),
            ("giấy phép lao động cho người lao động nước ngoài", "viec-lam"),
            ("giấy chứng nhận đăng ký hộ kinh doanh", "ho-kinh-doanh"),
            ("giấy chứng nhận đăng ký doanh nghiệp", "doanh-nghiep"),
            ("thẻ bảo hiểm y tế", "bao-hiem-y-te"),
            ("thẻ căn cước", "can-cuoc"),
            ("giấy phép hoạt động cơ sở giáo dục mầm non", "giao-duc"),
        ),
    },
    {
        "verbs": ("Đăng ký", "Đăng ký lại", "Đăng ký thay đổi"),
        "result": "Giấy xác nhận đăng ký {object}",
        "objects": (
            ("khai sinh", "ho-tich"),
            ("khai tử", "ho-tich"),
            ("kết hôn", "ho-tich"),
            ("nhận cha, mẹ, con", "ho-tich"),
            ("giám hộ", "ho-tich"),
            ("nuôi con nuôi", "ho-tich"),
            ("thường trú", "cu-tru"),
            ("tạm trú", "cu-tru"),
            ("hộ kinh doanh", "ho-kinh-doanh"),
            ("thuế lần đầu", "thue"),
            ("biến động đất đai", "dat-dai"),
            ("xe máy chuyên dùng", "duong-bo"),
            ("hợp tác xã", "doanh-nghiep"),
            ("tổ chức lễ hội", "van-hoa"),
            ("dự thi tuyển sinh vào lớp 10", "giao-duc"),
        ),
    },
    {
        "verbs": ("Xác nhận", "Cấp giấy xác nhận"),
        "result": "Giấy xác nhận {object}",
        "objects": (
            ("tình trạng hôn nhân", "ho-tich"),
            ("thông tin về cư trú", "cu-tru"),
            ("hộ nghèo, hộ cận nghèo", "bao-tro-xa-hoi"),
            ("người có công với cách mạng", "nguoi-co-cong"),
            ("quá trình tham gia bảo hiểm y tế", "bao-hiem-y-te"),
            ("nguồn gốc sử dụng đất", "dat-dai"),
            ("hoàn thành nghĩa vụ thuế", "thue"),
            ("kiến thức an toàn thực phẩm", "an-toan-thuc-pham"),
        ),
    },
    {
        "verbs": ("Giải quyết", "Điều chỉnh", "Thôi hưởng"),
        "result": "Quyết định về {object}",
        "objects": (
            ("trợ cấp xã hội hằng tháng", "bao-tro-xa-hoi"),
            ("hỗ trợ chi phí mai táng", "bao-tro-xa-hoi"),
            ("trợ cấp thất nghiệp", "viec-lam"),
            ("hỗ trợ học nghề", "viec-lam"),
            ("chế độ ưu đãi đối với người có công", "nguoi-co-cong"),
            ("trợ cấp một lần đối với thân nhân liệt sĩ", "nguoi-co-cong"),
            ("miễn, giảm học phí", "giao-duc"),
            ("hỗ trợ chi phí học tập", "giao-duc"),
        ),
    },
    {
        "verbs": ("Thẩm định", "Phê duyệt", "Thẩm định và phê duyệt"),
        "result": "Văn bản phê duyệt {object}",
        "objects": (
            ("báo cáo đánh giá tác động môi trường", "moi-truong"),
            ("phương án cải tạo, phục hồi môi trường", "moi-truong"),
            ("báo cáo nghiên cứu khả thi đầu tư xây dựng", "xay-dung"),
            ("thiết kế xây dựng triển khai sau thiết kế cơ sở", "xay-dung"),
            ("phương án sử dụng đất", "dat-dai"),
            ("giá đất cụ thể", "dat-dai"),
            ("nội dung biểu diễn nghệ thuật", "van-hoa"),
        ),
    },
    {
        "verbs": ("Thông báo", "Tiếp nhận thông báo"),
        "result": "Văn bản xác nhận đã tiếp nhận thông báo {object}",
        "objects": (
            ("thực hiện khuyến mại", "thuong-mai"),
            ("tổ chức hội chợ, triển lãm thương mại", "thuong-mai"),
            ("thay đổi thông tin đăng ký thuế", "thue"),
            ("lưu trú", "cu-tru"),
            ("tạm ngừng kinh doanh", "ho-kinh-doanh"),
            ("thành lập cơ sở giáo dục", "giao-duc"),
        ),
    },
)

QUALIFIERS = (
    "",
    "có yếu tố nước ngoài",
    "cho người nước ngoài",
    "trong trường hợp bị mất, hư hỏng",
    "do thay đổi thông tin",
    "đối với tổ chức",
    "đối với cá nhân",
    "theo thủ tục rút gọn",
    "(cấp xã)",
    "(cấp thành phố)",
    "(liên thông)",
)

DOCUMENTS = (
    "Tờ khai theo mẫu",
    "Đơn đề nghị theo mẫu",
    "Bản sao giấy tờ tùy thân",
    "Giấy ủy quyền (nếu nộp thay)",
    "Ảnh chân dung cỡ 4x6 cm",
    "Giấy khám sức khỏe",
    "Giấy tờ chứng minh nơi cư trú",
    "Bản vẽ thiết kế",
    "Văn bản đồng ý của chủ sở hữu",
    "Hợp đồng thuê địa điểm",
    "Bản kê khai thông tin",
    "Giấy tờ chứng minh quyền sử dụng đất",
    "Báo cáo kết quả hoạt động",
    "Giấy chứng sinh",
    "Giấy báo tử",
    "Văn bản xác nhận của cơ quan, đơn vị",
    "Biên lai nộp phí, lệ phí",
    "Bản chính giấy phép đã được cấp",
)
CASES = (
    "Trường hợp nộp thay",
    "Trường hợp cấp lại do bị mất",
    "Trường hợp có yếu tố nước ngoài",
    "Đối với tổ chức",
    "Đối với cá nhân",
    "Trường hợp người nộp là người cao tuổi, người khuyết tật",
)
STEPS = (
    "Chuẩn bị hồ sơ theo quy định",
    "Nộp hồ sơ tại Bộ phận một cửa hoặc trên Cổng dịch vụ công",
    "Cán bộ tiếp nhận kiểm tra tính đầy đủ của hồ sơ và hẹn ngày trả kết quả",
    "Nộp phí, lệ phí (nếu có)",
    "Cơ quan có thẩm quyền thẩm định hồ sơ",
    "Nhận kết quả tại Bộ phận một cửa hoặc qua dịch vụ bưu chính",
)
CONDITIONS = (
    "Người nộp hồ sơ từ đủ 18 tuổi trở lên.",
    "Cơ sở có địa điểm hoạt động phù hợp với quy hoạch.",
    "Hồ sơ được nộp trong thời hạn 60 ngày kể từ ngày phát sinh sự việc.",
    "Người đề nghị chưa được cấp giấy tờ cùng loại.",
)
TIME_NOTES = (
    "Kể từ ngày nhận đủ hồ sơ hợp lệ",
    "Không kể thời gian bổ sung hồ sơ",
    "Trường hợp cần xác minh thì kéo dài thêm",
)
FEE_NOTES = (
    "Miễn lệ phí cho người cao tuổi, người khuyết tật",
    "Giảm 50% lệ phí khi nộp trực tuyến",
    "Chưa bao gồm phí dịch vụ bưu chính",
)
FEES = (10000, 20000, 30000, 50000, 100000, 150000, 200000, 500000, 1000000, 1500000)
LEGAL_KINDS = (
    ("NĐ-CP", "Chính phủ", "Nghị định"),
    ("TT-BTP", "Bộ Tư pháp", "Thông tư"),
    ("TT-BXD", "Bộ Xây dựng", "Thông tư"),
    ("TT-BYT", "Bộ Y tế", "Thông tư"),
    ("QĐ-UBND", "Ủy ban nhân dân thành phố", "Quyết định"),
    ("QH15", "Quốc hội", "Luật"),
)
LEGAL_SUMMARIES = (
    "Quy định chi tiết thi hành",
    "Hướng dẫn trình tự, thủ tục",
    "Quy định mức thu, chế độ thu, nộp phí, lệ phí",
    "Sửa đổi, bổ sung một số điều",
)
KEYWORDS = (
    "nộp hồ sơ trực tuyến",
    "dịch vụ công",
    "một cửa",
    "thủ tục",
    "giấy tờ",
    "hồ sơ",
)
PLACE_FIRST = (
    "An", "Bình", "Hòa", "Phú", "Tân", "Thịnh", "Minh", "Quang", "Hưng", "Phúc",
    "Thanh", "Đông", "Tây", "Trung", "Long", "Hồng", "Kim", "Ngọc", "Vĩnh", "Đức",
)  # fmt: skip
PLACE_SECOND = (
    "Lạc", "Hòa", "Thọ", "Xuân", "Sơn", "Giang", "Hà", "Lâm", "Khánh", "Lộc",
    "Thành", "Mỹ", "Phong", "Điền", "Nghĩa", "Tiến", "Yên", "Hải", "Châu", "Viên",
)  # fmt: skip
STREETS = ("Hòa Bình", "Độc Lập", "Thống Nhất", "Hữu Nghị", "Bình Minh", "Ánh Dương")
OPENING_HOURS = (
    "Thứ Hai đến Thứ Sáu, 8:00 - 17:00",
    "Thứ Hai đến Thứ Sáu, 8:00 - 17:00; sáng Thứ Bảy, 8:00 - 12:00",
    "Thứ Hai đến Thứ Bảy, 7:30 - 17:30",
)

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------


def nfc(text):
    return unicodedata.normalize("NFC", text)


def synthetic(text):
    return nfc(f"{text}. {SYNTHETIC}, không phải dữ liệu thật.")


def place_names(rng, count):
    """Distinct made-up place names ("An Lạc", "Phú Sơn", ...)."""
    names = [f"{first} {second}" for first in PLACE_FIRST for second in PLACE_SECOND]
    rng.shuffle(names)
    return [nfc(name) for name in names[:count]]


def make_domains():
    return [
        {
            "code": domain_code(key),
            "title": nfc(title),
            "description": synthetic(f"Lĩnh vực {title}"),
        }
        for key, (title, _department, _local) in DOMAINS.items()
    ]


def domain_code(key):
    return f"SYN-LV-{key}"


def make_agencies(rng, local_units):
    """City, departments, the service centre and its branches, wards and communes
    (from 2025-07-01) and dissolved districts (until 2025-06-30), parents first."""
    agencies = []
    number = 0

    def add(title, kind, parent="", **extra):
        nonlocal number
        number += 1
        code = f"SYN-CQ-{number:04d}"
        record = {
            "code": code,
            "title": nfc(title),
            "kind": kind,
            "parent": parent,
            "description": synthetic(title),
            "address": nfc(f"Số {rng.randint(1, 299)}, đường {rng.choice(STREETS)}"),
            "opening_hours": nfc(rng.choice(OPENING_HOURS)),
            "phone": f"024 0000 {number:04d}",
            "email": f"cq{number:04d}@gia-lap.example",
        }
        record.update(extra)
        agencies.append(record)
        return code

    add("Ủy ban nhân dân thành phố", "city")
    departments = {key: add(title, kind) for key, (title, kind) in DEPARTMENTS.items()}
    centre = add("Trung tâm Phục vụ hành chính công thành phố", "centre")
    branches = [
        add(f"Chi nhánh số {index} Trung tâm Phục vụ hành chính công", "branch", centre)
        for index in range(1, max(2, local_units // 12) + 1)
    ]
    names = place_names(rng, local_units + max(1, local_units // 10))
    local = []
    for name in names[:local_units]:
        kind = "ward" if rng.random() < 0.45 else "commune"
        prefix = "phường" if kind == "ward" else "xã"
        local.append(add(f"Ủy ban nhân dân {prefix} {name}", kind, valid_from="2025-07-01"))
    for name in names[local_units:]:
        add(
            f"Ủy ban nhân dân quận {name}",
            "district",
            valid_from="2008-08-01",
            valid_to="2025-06-30",
        )
    return agencies, departments, branches, local


def make_titles(rng, count):
    """(title, object, group, domain key) for count distinct titles."""
    combos = [
        (group, verb, obj, domain, qualifier)
        for group in TITLE_GROUPS
        for verb in group["verbs"]
        for obj, domain in group["objects"]
        for qualifier in QUALIFIERS
    ]
    rng.shuffle(combos)
    titles = []
    for index in range(count):
        group, verb, obj, domain, qualifier = combos[index % len(combos)]
        title = " ".join(part for part in (verb, obj, qualifier) if part)
        if index >= len(combos):  # more records than combinations: number the repeats
            title = f"{title} (mẫu {index // len(combos) + 1})"
        titles.append((nfc(title), obj, group, domain))
    return titles


def channel_time(rng):
    if rng.random() < 0.15:
        return None, "working_days"
    unit = rng.choices(("working_days", "working_hours", "days"), weights=(80, 10, 10))[0]
    if unit == "working_hours":
        return rng.choice((4, 8, 24)), unit
    if unit == "days":
        return rng.choice((15, 30, 45)), unit
    return rng.choice((0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30)), unit


def channel_fee(rng):
    draw = rng.random()
    if draw < 0.2:
        return None
    if draw < 0.55:
        return 0
    return rng.choice(FEES)


def make_channels(rng, level):
    names = []
    if level == "full":
        names = ["online"] + (["in_person"] if rng.random() < 0.6 else [])
    elif level == "partial":
        names = ["in_person", "online"]
    else:
        names = ["in_person"]
    if rng.random() < 0.35:
        names.append("post")
    channels = []
    for name in names:
        time, unit = channel_time(rng)
        channel = {"channel": name, "time": time, "time_unit": unit}
        if rng.random() < 0.2:
            channel["time_note"] = nfc(rng.choice(TIME_NOTES))
        channel["fee"] = channel_fee(rng)
        if rng.random() < 0.15:
            channel["fee_note"] = nfc(rng.choice(FEE_NOTES))
        channels.append(channel)
    return channels


def make_documents(rng, code):
    documents = []
    names = rng.sample(DOCUMENTS, rng.randint(1, 7))
    for index, name in enumerate(names, start=1):
        document = {}
        if index > 2 and rng.random() < 0.4:
            document["case"] = nfc(rng.choice(CASES))
        document["name"] = nfc(name)
        document["originals"] = rng.choice((0, 1, 1, 1, 2))
        document["copies"] = rng.choice((0, 0, 1, 2))
        if name.startswith(("Tờ khai", "Đơn đề nghị")) or rng.random() < 0.1:
            document["template_url"] = f"https://dichvucong.example/mau/{code}-{index}.docx"
        documents.append(document)
    # Documents of one case together, as editors list them.
    documents.sort(key=lambda document: document.get("case", ""))
    return documents


def make_legal_basis(rng, object_text):
    items = []
    for _ in range(rng.randint(1, 3)):
        suffix, issuer, kind = rng.choice(LEGAL_KINDS)
        year = rng.randint(2015, 2025)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        summary = f"{kind} {rng.choice(LEGAL_SUMMARIES).lower()} về {object_text} (giả lập)"
        items.append(
            {
                "number": f"{rng.randint(1, 399)}/{year}/{suffix}",
                "summary": nfc(summary),
                "date": date,
                "issuer": nfc(issuer),
            }
        )
    return items


def make_procedures(rng, count, departments, branches, local):
    levels = rng.choices(("full", "partial", "offline"), weights=(35, 40, 25), k=count)
    codes = [f"SYN-{number:06d}" for number in range(1, count + 1)]
    procedures = []
    for index, (title, obj, group, domain) in enumerate(make_titles(rng, count)):
        code = codes[index]
        level = levels[index]
        _domain_title, department_key, at_ward = DOMAINS[domain]
        department = departments[department_key]
        if at_ward and rng.random() < 0.6:
            implementing = rng.choice(local)
            competent = implementing
        else:
            implementing = rng.choice(branches) if rng.random() < 0.7 else department
            competent = department
        applicants = rng.choices(
            (["citizen"], ["organisation"], ["citizen", "organisation"]), weights=(55, 15, 30)
        )[0]
        record = {"local_code": code, "title": title, "description": synthetic(title)}
        if rng.random() < 0.7:
            record["publishing_decision"] = nfc(
                f"Quyết định số {rng.randint(100, 4999)}/QĐ-UBND "
                f"ngày {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025 (giả lập)"
            )
        record["level"] = level
        record["domain"] = domain_code(domain)
        record["applicant_types"] = list(applicants)
        record["implementing_agency"] = implementing
        if competent != implementing or rng.random() < 0.5:
            record["competent_agency"] = competent
        record["steps"] = [
            nfc(step) for step in sorted(rng.sample(STEPS, rng.randint(2, 6)), key=STEPS.index)
        ]
        record["channels"] = make_channels(rng, level)
        record["documents"] = make_documents(rng, code)
        draw = rng.random()
        if draw < 0.4:
            record["conditions"] = nfc("Không có.")
        elif draw < 0.7:
            record["conditions"] = nfc(rng.choice(CONDITIONS))
        record["legal_basis"] = make_legal_basis(rng, obj)
        object_text = nfc(obj)
        record["result"] = nfc(
            group["result"].format(
                object=object_text, Object=object_text[:1].upper() + object_text[1:]
            )
        )
        keywords = []
        if rng.random() < 0.6:
            keywords.append(nfc(f"làm {obj}"))
        keywords.extend(nfc(word) for word in rng.sample(KEYWORDS, rng.randint(0, 2)))
        record["keywords"] = keywords
        if index and rng.random() < 0.3:
            others = [other for other in rng.sample(codes, 3) if other != code]
            record["related_procedures"] = others[: rng.randint(1, 2)]
        # A few popular procedures, a long tail of rarely used ones.
        record["popularity"] = min(int(rng.paretovariate(1.1) * 20) - 20, 250000)
        procedures.append(record)
    return procedures


def generate(count, seed):
    """{"domains": [...], "agencies": [...], "procedures": [...]}, the same for a seed."""
    if count < 1:
        raise ValueError("count must be at least 1")
    rng = random.Random(seed)  # reproducible test data, not secrets
    local_units = min(126, max(10, count // 10))
    domains = make_domains()
    agencies, departments, branches, local = make_agencies(rng, local_units)
    procedures = make_procedures(rng, count, departments, branches, local)
    return {"domains": domains, "agencies": agencies, "procedures": procedures}


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

ASCII_CODE = {"type": "string", "pattern": "^[!-~]+$"}
TEXT = {"type": "string"}
DATE_OR_EMPTY = {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2})?$"}
ONE_LINE = {"type": "string", "pattern": r"^[^\n\r]*$"}


def record_schemas():
    """JSON schemas of the three kinds of record, after docs/catalogue-format.md."""

    def obj(properties, required, **extra):
        return {
            "type": "object",
            "additionalProperties": False,
            "required": list(required),
            "properties": properties,
            **extra,
        }

    text_list = {"type": "array", "items": {**ONE_LINE, "minLength": 1}}
    return {
        "domains": obj(
            {"code": ASCII_CODE, "title": ONE_LINE, "description": TEXT}, ("code", "title")
        ),
        "agencies": obj(
            {
                "code": ASCII_CODE,
                "title": ONE_LINE,
                "kind": {
                    "enum": [
                        "city",
                        "department",
                        "centre",
                        "branch",
                        "ward",
                        "commune",
                        "district",
                        "other",
                    ]
                },
                "parent": {"type": "string", "pattern": "^[!-~]*$"},
                "description": TEXT,
                "address": ONE_LINE,
                "opening_hours": ONE_LINE,
                "phone": ONE_LINE,
                "email": ONE_LINE,
                "valid_from": DATE_OR_EMPTY,
                "valid_to": DATE_OR_EMPTY,
            },
            ("code", "title", "kind"),
        ),
        "procedures": obj(
            {
                "national_code": ASCII_CODE,
                "local_code": ASCII_CODE,
                "title": {**ONE_LINE, "minLength": 1},
                "description": TEXT,
                "publishing_decision": ONE_LINE,
                "level": {"enum": ["full", "partial", "offline"]},
                "domain": ASCII_CODE,
                "applicant_types": {
                    "type": "array",
                    "uniqueItems": True,
                    "items": {"enum": ["citizen", "organisation"]},
                },
                "implementing_agency": ASCII_CODE,
                "competent_agency": ASCII_CODE,
                "steps": text_list,
                "channels": json.loads(CHANNELS_SCHEMA),
                "documents": json.loads(DOCUMENTS_SCHEMA),
                "conditions": TEXT,
                "legal_basis": json.loads(LEGAL_BASIS_SCHEMA),
                "result": TEXT,
                "keywords": text_list,
                "related_procedures": {"type": "array", "items": ASCII_CODE},
                "popularity": {"type": "integer", "minimum": 0},
            },
            ("title", "level"),
            anyOf=[{"required": ["national_code"]}, {"required": ["local_code"]}],
        ),
    }


def validate(catalogue):
    """Raise ValueError unless every record fits its schema and the codes it names exist."""
    problems = schema_problems(catalogue) + code_problems(catalogue)
    if problems:
        raise ValueError("invalid synthetic catalogue:\n" + "\n".join(problems[:20]))


def schema_problems(catalogue):
    """Records that do not fit the JSON schema of their kind."""
    problems = []
    for kind, schema in record_schemas().items():
        validator = Draft202012Validator(schema)
        for number, record in enumerate(catalogue[kind], start=1):
            for error in validator.iter_errors(record):
                path = "/".join(str(part) for part in error.absolute_path)
                problems.append(f"{kind} #{number} {path}: {error.message}")
    return problems


def procedure_code(procedure):
    return procedure.get("national_code") or procedure.get("local_code")


def code_problems(catalogue):
    """Codes used twice, parents listed after their children, codes named but missing."""
    domains = [record["code"] for record in catalogue["domains"]]
    agencies = [record["code"] for record in catalogue["agencies"]]
    procedures = [procedure_code(p) for p in catalogue["procedures"]]
    problems = [
        f"{kind}: codes are not unique"
        for kind, codes in (
            ("domains", domains),
            ("agencies", agencies),
            ("procedures", procedures),
        )
        if len(set(codes)) != len(codes)
    ]
    seen = set()
    for agency in catalogue["agencies"]:
        if agency.get("parent") and agency["parent"] not in seen:
            problems.append(f"agency {agency['code']}: parent {agency['parent']} not listed before")
        seen.add(agency["code"])
    for procedure in catalogue["procedures"]:
        problems.extend(reference_problems(procedure, domains, agencies, procedures))
    return problems


def reference_problems(procedure, domains, agencies, procedures):
    """The domain, agencies and related procedures a procedure names that do not exist."""
    code = procedure_code(procedure)
    problems = []
    if procedure.get("domain") and procedure["domain"] not in domains:
        problems.append(f"procedure {code}: unknown domain {procedure['domain']}")
    for name in ("implementing_agency", "competent_agency"):
        if procedure.get(name) and procedure[name] not in agencies:
            problems.append(f"procedure {code}: unknown {name} {procedure[name]}")
    for related in procedure.get("related_procedures", ()):
        if related not in procedures:
            problems.append(f"procedure {code}: unknown related procedure {related}")
    return problems


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

FIELDS = {"domains": DOMAIN_FIELDS, "agencies": AGENCY_FIELDS, "procedures": PROCEDURE_FIELDS}


def write_json(catalogue, out):
    paths = []
    for kind, records in catalogue.items():
        path = Path(out) / f"{kind}.json"
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def csv_cell(name, value):
    if value is None:
        return ""
    if name in OBJECT_LISTS:
        return json.dumps(value, ensure_ascii=False)
    if name in TEXT_LISTS:
        return LIST_SEPARATOR.join(value)
    return str(value)


def write_csv(catalogue, out):
    paths = []
    for kind, records in catalogue.items():
        path = Path(out) / f"{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(FIELDS[kind])
            for record in records:
                writer.writerow([csv_cell(name, record.get(name)) for name in FIELDS[kind]])
        paths.append(path)
    return paths


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="procedures (default 2000)")
    parser.add_argument("--seed", type=int, default=42, help="same seed, same files")
    parser.add_argument("--out", required=True, type=Path, help="folder for the files")
    parser.add_argument("--format", choices=("json", "csv"), default="json")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    catalogue = generate(args.count, args.seed)
    validate(catalogue)
    args.out.mkdir(parents=True, exist_ok=True)
    writer = write_csv if args.format == "csv" else write_json
    paths = writer(catalogue, args.out)
    counts = ", ".join(f"{len(records)} {kind}" for kind, records in catalogue.items())
    print(f"generate_catalogue: {counts} (seed {args.seed}) -> {', '.join(map(str, paths))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
