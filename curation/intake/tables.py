"""Reading an uploaded table: CSV in any common encoding, or .xlsx; which column holds the values.

A curator's file comes from Excel or a CRM export: UTF-8 with or without a BOM, Windows-1252 or
Latin-1 (Excel's "CSV" on Windows), UTF-16 with a BOM (Excel's "Unicode text"), or an .xlsx
workbook. Files are read from disk, row by row, so a million-row file costs the memory of one
row (plus the caller's chunk).

The encoding is found by elimination rather than guessed by a statistical detector: a BOM
decides; else the whole file is decoded incrementally as UTF-8, then as Windows-1252 (which
leaves five bytes undefined), and Latin-1 reads anything. For the encodings a spreadsheet
writes, this is exact where detectors (charset-normalizer, chardet) guess on short files.

``.xlsx`` is read by ``xlsx`` (the first sheet's rows streamed from the zip, nothing read whole).
A workbook is a zip, and a zip can inflate a thousandfold (a 922 KB file holding one 900 MB
cell): before anything inflates, the zip's directory is checked (``check_workbook``), which
costs no decompression: each part's inflated size (the sheets, and the shared strings, which
the worker may hold whole), its compression ratio, and the total. While the rows stream, a row
past Excel's 1,048,576, a cell past Excel's 32,767 characters, a column past XFD or an XML token
over a megabyte ends the read with the reason, having held no more than that (``xlsx``). The web
process reads a workbook's first rows only (columns, preview); a workbook is imported in the
background when its inflated sheets are bigger than the inline threshold
(``Table.work_bytes``), however small the upload.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from curation.intake import xlsx
from scrapersky.normalize import InvalidValue, normalize_domain, normalize_url

DECODE_BLOCK = 1 << 20
SNIFF_BYTES = 64 * 1024
XLSX_MAGIC = b"PK\x03\x04"
# Limits on what a workbook inflates to, checked from the zip's directory (no inflating).
XLSX_MAX_PART_BYTES = 512 * 1024 * 1024  # one sheet's XML (a 1M-row sheet is ~150 MB)
XLSX_MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # every part together
XLSX_MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024  # the worker may hold them all in memory
XLSX_MAX_RATIO = 100  # spreadsheets deflate 5-20x; a bomb's parts 1,000x
XLSX_RATIO_FLOOR = 1024 * 1024  # parts smaller than this inflated are not ratio-checked


class UnreadableFile(Exception):
    """The file as a whole cannot be read (encoding, size, no rows); the message says why."""


def _header_key(text: str) -> str:
    """``Web Site``, ``web_site`` and ``WEBSITE`` are the same header."""
    return re.sub(r"[\s_\-./]+", "", text.strip().lower())


# Header names accepted for the value column of each kind (first match wins), as _header_key.
VALUE_HEADERS = {
    "domains": (
        "domain",
        "domains",
        "domainname",
        "website",
        "websites",
        "websiteurl",
        "companywebsite",
        "web",
        "webaddress",
        "url",
        "site",
        "homepage",
    ),
    "pages": ("url", "page", "pageurl", "link", "address"),
    "sitemap_files": ("url", "sitemap", "sitemapurl", "loc"),
}
NAME_HEADERS = ("companyname", "company", "name", "business", "organisation", "organization")
ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
}


@dataclass
class Table:
    """An uploaded file on disk, its format and how to read it."""

    path: Path
    format: str  # csv or xlsx
    encoding: str | None = None  # csv only
    delimiter: str = ","
    size: int = 0
    inflated: int = 0  # xlsx: the bytes its parts inflate to (from the zip's directory)

    @property
    def work_bytes(self) -> int:
        """How much there is to read: the file, or what the workbook inflates to."""
        return max(self.size, self.inflated)

    @property
    def encoding_label(self) -> str:
        if self.format == "xlsx":
            return "Excel workbook"
        return ENCODING_LABELS.get(self.encoding or "", self.encoding or "")


@dataclass
class Columns:
    """Where the values (and company names) are; ``value`` None: nothing recognised, ask."""

    header: list[str]
    value: int | None
    name: int | None
    has_header: bool
    recognised: bool = field(default=True)


@dataclass(frozen=True)
class InputRow:
    line: int
    value: str
    name: str = ""


# --- opening -----------------------------------------------------------------------------------
def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    with open(path, "rb") as handle:
        try:
            while block := handle.read(DECODE_BLOCK):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def sniff_encoding(path: Path) -> str:
    """The text encoding of the file at ``path`` (see the module docstring)."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    marked = None
    if head.startswith(codecs.BOM_UTF8):
        marked = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        marked = "utf-16"
    if marked:
        if not _decodes(path, marked):
            raise UnreadableFile(
                f"the file starts like {ENCODING_LABELS[marked]} text but is not: "
                "save it again as CSV"
            )
        return marked
    if b"\x00" in head:
        raise UnreadableFile("the file is binary, not CSV text (or an .xlsx workbook)")
    for encoding in ("utf-8", "cp1252"):
        if _decodes(path, encoding):
            return encoding
    return "latin-1"


def open_table(path: Path, filename: str = "") -> Table:
    """Look at the file at ``path``: its format, encoding and CSV delimiter."""
    size = path.stat().st_size
    if not size:
        raise UnreadableFile("the file has no rows (it is empty)")
    with open(path, "rb") as handle:
        magic = handle.read(4)
    if magic == XLSX_MAGIC or filename.lower().endswith(".xlsx"):
        return Table(path=path, format="xlsx", size=size, inflated=check_workbook(path))
    encoding = sniff_encoding(path)
    with open(path, encoding=encoding, newline="") as handle:
        sample = handle.read(SNIFF_BYTES // 4)
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    return Table(path=path, format="csv", encoding=encoding, delimiter=delimiter, size=size)


# --- reading -----------------------------------------------------------------------------------
def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def records(table: Table, *, progress: list[int] | None = None) -> Iterator[tuple[int, list[str]]]:
    """``(record number, cells)`` of every non-empty row, the header included.

    ``progress``, when given, is kept as ``[bytes or rows read, total]`` for a progress bar.
    """
    if table.format == "xlsx":
        yield from _xlsx_records(table, progress)
        return
    with open(table.path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=table.encoding or "utf-8", newline="")
        reader = csv.reader(text, delimiter=table.delimiter)
        number = 0
        try:
            for record in reader:
                number += 1
                if progress is not None:
                    progress[:] = [raw.tell(), table.size]
                if any(cell.strip() for cell in record):
                    yield number, record
        except csv.Error as exc:
            raise UnreadableFile(
                f"the file is not valid CSV (record {number + 1}): {exc}"
            ) from None
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"the file is not {table.encoding_label} text: {exc}") from None


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB"


def check_workbook(path: Path) -> int:
    """Refuse (UnreadableFile) a workbook whose parts inflate past the limits; return the bytes
    they inflate to. Reads the zip's central directory only: a bomb costs no inflating.

    zipfile stops reading a member at its declared size, so openpyxl never gets more than what
    is checked here.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile(f"the file is not a readable .xlsx workbook ({exc})") from None
    total = 0
    for part in parts:
        total += part.file_size
        name = part.filename
        if name == "xl/sharedStrings.xml" and part.file_size > XLSX_MAX_SHARED_STRINGS_BYTES:
            raise UnreadableFile(
                f"the workbook's shared strings inflate to {_mb(part.file_size)}, more than the "
                f"{_mb(XLSX_MAX_SHARED_STRINGS_BYTES)} allowed: save the sheet as CSV and import "
                "that"
            )
        if part.file_size > XLSX_MAX_PART_BYTES:
            raise UnreadableFile(
                f"the workbook's part {name} inflates to {_mb(part.file_size)}, more than the "
                f"{_mb(XLSX_MAX_PART_BYTES)} allowed"
            )
        ratio = part.file_size / max(1, part.compress_size)
        if part.file_size > XLSX_RATIO_FLOOR and ratio > XLSX_MAX_RATIO:
            raise UnreadableFile(
                f"the workbook's part {name} inflates {ratio:,.0f} times (to "
                f"{_mb(part.file_size)}): a spreadsheet never compresses that well, refused as a "
                "zip bomb"
            )
    if total > XLSX_MAX_TOTAL_BYTES:
        raise UnreadableFile(
            f"the workbook inflates to {_mb(total)}, more than the "
            f"{_mb(XLSX_MAX_TOTAL_BYTES)} allowed"
        )
    return total


def _xlsx_records(table: Table, progress: list[int] | None) -> Iterator[tuple[int, list[str]]]:
    try:
        for number, cells in xlsx.rows(table.path, progress):
            if any(cell.strip() for cell in cells):
                yield number, cells
    except xlsx.WorkbookError as exc:
        raise UnreadableFile(str(exc)) from None


# --- which column ------------------------------------------------------------------------------
def _valid(value: str, kind: str) -> bool:
    try:
        if kind == "domains":
            normalize_domain(value)
        else:
            normalize_url(value)
    except InvalidValue:
        return False
    return True


def detect_columns(table: Table, kind: str) -> Columns:
    """The value and company-name columns, from the header (or from a first row of values)."""
    first = next(records(table), None)
    if first is None:
        raise UnreadableFile("the file has no rows")
    header = [cell.strip() for cell in first[1]]
    keys = [_header_key(cell) for cell in header]
    value = next((keys.index(h) for h in VALUE_HEADERS[kind] if h in keys), None)
    name = next((keys.index(h) for h in NAME_HEADERS if h in keys), None)
    if value is not None:
        return Columns(
            header=header, value=value, name=name if name != value else None, has_header=True
        )
    # No header we know: a file of bare values starts with one (acme.com), a header does not.
    data_column = next((i for i, cell in enumerate(header) if _valid(cell, kind)), None)
    if data_column is not None:
        return Columns(
            header=[f"column {i + 1}" for i in range(len(header))],
            value=data_column,
            name=None,
            has_header=False,
        )
    return Columns(header=header, value=None, name=name, has_header=True, recognised=False)


def input_rows(
    table: Table, columns: Columns, *, progress: list[int] | None = None
) -> Iterator[InputRow]:
    """The rows to import, as ``InputRow`` (the header skipped)."""
    if columns.value is None:
        raise UnreadableFile("no column chosen for the values")
    it = records(table, progress=progress)
    if columns.has_header:
        next(it, None)
    for number, record in it:
        value = record[columns.value].strip() if columns.value < len(record) else ""
        name = ""
        if columns.name is not None and columns.name < len(record):
            name = record[columns.name].strip()
        yield InputRow(number, value, name)


def unknown_column_message(columns: Columns, kind: str) -> str:
    wanted = ", ".join(VALUE_HEADERS[kind][:4])
    found = ", ".join(columns.header) or "none"
    return f"no column is named like {wanted} (the columns are: {found}); choose the column"


def read_bytes(data: bytes, kind: str, *, filename: str = "") -> list[InputRow]:
    """Every row of a small file given as bytes (the API's and the tests' way in)."""
    suffix = ".xlsx" if data.startswith(XLSX_MAGIC) else (Path(filename).suffix or ".csv")
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        handle.write(data)
        handle.flush()
        table = open_table(Path(handle.name), filename)
        columns = detect_columns(table, kind)
        if columns.value is None:
            raise UnreadableFile(unknown_column_message(columns, kind))
        rows = list(input_rows(table, columns))
    if not rows:
        raise UnreadableFile("the file has a header but no rows")
    return rows
