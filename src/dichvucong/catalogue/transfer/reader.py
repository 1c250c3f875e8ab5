"""Reading a catalogue file (JSON or CSV, UTF-8) into numbered rows.

File-level problems (wrong encoding, not JSON/CSV, missing required columns, too
big) raise FileProblem with a message for the editor; nothing is imported then.
"""

import csv
import io
import json


MAX_BYTES = 20 * 1024 * 1024
LIST_SEPARATOR = " | "
OBJECT_LISTS = ("channels", "documents", "legal_basis")
TEXT_LISTS = ("applicant_types", "steps", "keywords", "related_procedures")


class FileProblem(Exception):
    """The whole file cannot be read; the message says why."""


def decode(data):
    if len(data) > MAX_BYTES:
        raise FileProblem(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(
            f"file is not UTF-8 text (invalid byte at position {exc.start}); "
            "save it as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        raise FileProblem("file contains binary data, not text")
    return text


def guess_format(filename, text):
    name = (filename or "").lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith(".csv"):
        return "csv"
    return "json" if text.lstrip()[:1] in ("[", "{") else "csv"


def read_rows(data, filename, kind, fmt=None):
    """[(row number, {field: value})] from the bytes of a file."""
    text = decode(data)
    if not text.strip():
        raise FileProblem("file is empty")
    fmt = fmt or guess_format(filename, text)
    try:
        rows = read_json(text) if fmt == "json" else read_csv(text, kind)
    except csv.Error as exc:
        raise FileProblem(f"not valid CSV ({exc})") from None
    if not rows:
        raise FileProblem("file has no records")
    return rows


def read_json(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("records"), list):
        data = data["records"]
    if not isinstance(data, list):
        raise FileProblem('JSON must be a list of records (or {"records": [...]})')
    return [(number, record) for number, record in enumerate(data, start=1)]


def read_csv(text, kind):
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip() for name in (reader.fieldnames or []) if name]
    missing = [name for name in kind.required if name not in header]
    if kind.name == "procedures" and not {"national_code", "local_code"} & set(header):
        missing.append("national_code or local_code")
    if missing:
        raise FileProblem(f"missing required column(s): {', '.join(missing)}")
    unknown = [name for name in header if name not in kind.fields]
    if unknown:
        raise FileProblem(f"unknown column(s): {', '.join(unknown)}")
    rows = []
    try:
        for record in reader:
            number = reader.line_num
            if None in record:
                rows.append((number, {"__error__": "more cells than columns"}))
                continue
            rows.append((number, from_csv_cells(record)))
    except csv.Error as exc:
        raise FileProblem(f"not valid CSV (line {reader.line_num}: {exc})") from None
    return rows


def from_csv_cells(record):
    values = {}
    for name, cell in record.items():
        cell = (cell or "").strip()
        if name in OBJECT_LISTS:
            try:
                values[name] = json.loads(cell) if cell else []
            except json.JSONDecodeError:
                values[name] = {"__error__": f"{name}: cell is not a JSON list"}
        elif name in TEXT_LISTS:
            values[name] = [part.strip() for part in cell.split("|") if part.strip()]
        elif name == "popularity":
            values[name] = cell or None
        else:
            values[name] = cell
    return values
