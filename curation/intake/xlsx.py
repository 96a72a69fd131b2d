"""Reading an .xlsx workbook's first sheet as rows of text, streamed, with limits on inflating.

Hand-written over the standard library's expat, not openpyxl's read-only mode (issue 28.6):
openpyxl parses the styles and the shared strings whole when it opens a workbook, and builds a
cell's whole text before anyone can measure it, so a workbook that passes the zip's directory
checks (a styles part of hundreds of MB at a modest ratio, one cell of hundreds of MB) still
took the web process's memory at upload. Here nothing is read whole:

- the sheet's XML is fed to expat from the zip 64 KB at a time, and rows are handed on as they
  end: the upload's column detection and the preview read the first rows and stop;
- a cell's text is counted as it arrives: past Excel's 32,767 characters the read stops with the
  reason (so does a row of more than ``MAX_ROW_CHARS``, a column past Excel's XFD, a row past
  Excel's 1,048,576), having held at most that much;
- the shared strings are read lazily, as far as the cells read so far refer (the first rows of
  a preview need the first few), each capped like a cell;
- a single XML token (a tag, an attribute) longer than ``MAX_TOKEN_BYTES`` is refused, as expat
  would otherwise buffer it whole; a DTD is refused (no entities, so no entity expansion);
- ``workbook.xml`` and its relationships, small by nature, are read whole up to 16 MB.

Styles are not read: a number formatted as a date reads as Excel's serial number (a domain, a URL
or a company name is never a date). Formulas read as their cached value (as openpyxl's
``data_only``). The zip itself (each part's inflated size and ratio) is checked before this runs
(``tables.check_workbook``); zipfile never inflates a part past its declared size.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from xml.parsers import expat

CHUNK = 64 * 1024
MAX_CELL_CHARS = 32_767  # Excel's limit (Microsoft, "Excel specifications and limits")
MAX_ROWS = 1_048_576  # Excel's
MAX_COLUMNS = 16_384  # Excel's (XFD)
MAX_ROW_CHARS = 1024 * 1024  # an import reads two columns of a row; a megabyte of them is no list
MAX_TOKEN_BYTES = 1024 * 1024  # XML fed without a single tag or text ending: refused
SMALL_PART_MAX = 16 * 1024 * 1024  # workbook.xml and its relationships

_REF = re.compile(r"([A-Za-z]+)(\d*)$")


class WorkbookError(Exception):
    """The workbook cannot be read, or passes a limit; the message says which."""


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _refuse_dtd(*_args) -> None:
    raise WorkbookError("the workbook's XML declares a DTD, which a spreadsheet never does")


def _parser(start: Callable, end: Callable, text: Callable) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


class _Events:
    """Counts parser callbacks, so a token that never ends is noticed while it is fed."""

    def __init__(self) -> None:
        self.count = 0


def _feed(archive: zipfile.ZipFile, name: str, parser, events: _Events, progress=None):
    """Feed part ``name`` to ``parser`` a chunk at a time; yield after each chunk."""
    quiet = 0  # bytes fed since the last callback
    done = 0
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(CHUNK):
                before = events.count
                parser.Parse(chunk, False)
                done += len(chunk)
                quiet = quiet + len(chunk) if events.count == before else 0
                if quiet > MAX_TOKEN_BYTES:
                    raise WorkbookError(
                        f"the workbook's {name} holds a single XML token of more than "
                        f"{MAX_TOKEN_BYTES // (1024 * 1024)} MB"
                    )
                if progress is not None:
                    progress(done)
                yield
            parser.Parse(b"", True)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise WorkbookError(f"the file is not a readable .xlsx workbook ({exc})") from None
    except expat.ExpatError as exc:
        raise WorkbookError(f"the workbook's {name} is not well-formed XML ({exc})") from None
    yield


def _small(archive: zipfile.ZipFile, name: str, on_start: Callable) -> None:
    """Parse a small part whole (``on_start(tag, attributes)`` per element)."""
    if archive.getinfo(name).file_size > SMALL_PART_MAX:
        raise WorkbookError(f"the workbook's {name} is larger than a spreadsheet's ever is")
    events = _Events()

    def start(tag, attrs):
        events.count += 1
        on_start(_local(tag), {_local(k): v for k, v in attrs.items()})

    def other(*_args):
        events.count += 1

    for _ in _feed(archive, name, _parser(start, other, other), events):
        pass


def _parts(archive: zipfile.ZipFile) -> tuple[str, str | None]:
    """The first sheet's part and the shared strings' part (None: the workbook has none)."""
    names = set(archive.namelist())
    sheets: list[str] = []
    targets: dict[str, tuple[str, str]] = {}

    def on_sheet(tag: str, attrs: dict) -> None:
        if tag == "sheet":
            sheets.append(attrs.get("id", ""))

    def on_relationship(tag: str, attrs: dict) -> None:
        if tag == "Relationship":
            targets[attrs.get("Id", "")] = (attrs.get("Target", ""), attrs.get("Type", ""))

    if "xl/workbook.xml" in names:
        _small(archive, "xl/workbook.xml", on_sheet)
    if "xl/_rels/workbook.xml.rels" in names:
        _small(archive, "xl/_rels/workbook.xml.rels", on_relationship)

    def part(target: str) -> str:
        path = target[1:] if target.startswith("/") else posixpath.join("xl", target)
        return posixpath.normpath(path)

    sheet = next((part(targets[s][0]) for s in sheets if s in targets), None)
    if sheet is None and "xl/worksheets/sheet1.xml" in names:
        sheet = "xl/worksheets/sheet1.xml"
    if sheet is None or sheet not in names:
        raise WorkbookError("the workbook has no sheet")
    strings = next(
        (part(t) for t, kind in targets.values() if kind.endswith("/sharedStrings")), None
    )
    if strings is None and "xl/sharedStrings.xml" in names:
        strings = "xl/sharedStrings.xml"
    return sheet, (strings if strings in names else None)


class _SharedStrings:
    """The workbook's shared strings, read as far as they are asked for."""

    def __init__(self, archive: zipfile.ZipFile, name: str | None) -> None:
        self.items: list[str] = []
        self.name = name
        self._text: list[str] | None = None  # the <si> being read
        self._length = 0
        self._ruby = 0  # inside <rPh> (phonetic runs, not the text)
        self._in_t = False
        self._events = _Events()
        self._steps = None
        if name is not None:
            parser = _parser(self._start, self._end, self._chars)
            self._steps = _feed(archive, name, parser, self._events)

    def _start(self, tag, _attrs):
        self._events.count += 1
        tag = _local(tag)
        if tag == "si":
            self._text, self._length = [], 0
        elif tag == "rPh":
            self._ruby += 1
        elif tag == "t":
            self._in_t = True

    def _end(self, tag):
        self._events.count += 1
        tag = _local(tag)
        if tag == "si":
            self.items.append("".join(self._text or ()))
            self._text = None
        elif tag == "rPh":
            self._ruby -= 1
        elif tag == "t":
            self._in_t = False

    def _chars(self, data):
        self._events.count += 1
        if self._text is not None and self._in_t and not self._ruby:
            self._length += len(data)
            if self._length > MAX_CELL_CHARS:
                raise WorkbookError(
                    f"shared string {len(self.items)} of the workbook is longer than Excel's "
                    f"{MAX_CELL_CHARS:,} characters"
                )
            self._text.append(data)

    def get(self, index: int) -> str:
        while len(self.items) <= index and self._steps is not None:
            if next(self._steps, StopIteration) is StopIteration:
                self._steps = None
        if index >= len(self.items):
            raise WorkbookError(f"a cell refers to shared string {index}, which is not there")
        return self.items[index]


def _column(ref: str | None, previous: int) -> int:
    match = _REF.match(ref or "")
    if not match:
        return previous + 1
    index = 0
    for letter in match.group(1).upper():
        index = index * 26 + ord(letter) - 64
        if index > MAX_COLUMNS:
            break
    return index - 1


def _number(text: str) -> str:
    text = text.strip()
    try:
        return str(int(text))
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        return text
    return str(int(value)) if value.is_integer() else str(value)


class _Sheet:
    """The sheet's parser state: the row and cell being read, the rows ended since last asked."""

    def __init__(self, strings: _SharedStrings) -> None:
        self.strings = strings
        self.events = _Events()
        self.ended: list[tuple[int, list[str]]] = []
        self.row_number = 0
        self.cells: dict[int, str] | None = None
        self.row_chars = 0
        self.column = -1
        self.kind = ""
        self.text: list[str] | None = None  # the cell's <v> or inline <t> being read
        self.length = 0
        self.capture = False
        self.ruby = 0

    def start(self, tag, attrs):
        self.events.count += 1
        tag = _local(tag)
        if tag == "row":
            r = attrs.get("r")
            self.row_number = int(r) if r and r.isdigit() else self.row_number + 1
            if self.row_number > MAX_ROWS:
                raise WorkbookError(
                    f"the sheet has more than {MAX_ROWS:,} rows (Excel's limit): "
                    "stopped at that row"
                )
            self.cells, self.row_chars, self.column = {}, 0, -1
        elif tag == "c":
            self.column = _column(attrs.get("r"), self.column)
            if not 0 <= self.column < MAX_COLUMNS:
                raise WorkbookError(
                    f"row {self.row_number} has a cell past Excel's last column (XFD)"
                )
            self.kind = attrs.get("t", "n")
            self.text, self.length = [], 0
        elif tag == "v" or (tag == "t" and not self.ruby):
            self.capture = self.text is not None
        elif tag == "rPh":
            self.ruby += 1

    def end(self, tag):
        self.events.count += 1
        tag = _local(tag)
        if tag in ("v", "t"):
            self.capture = False
        elif tag == "rPh":
            self.ruby -= 1
        elif tag == "c" and self.text is not None and self.cells is not None:
            self.cells[self.column] = self._value("".join(self.text))
            self.text = None
        elif tag == "row" and self.cells is not None:
            width = max(self.cells, default=-1) + 1
            self.ended.append((self.row_number, [self.cells.get(i, "") for i in range(width)]))
            self.cells = None

    def chars(self, data):
        self.events.count += 1
        if self.capture:
            self.length += len(data)
            self.row_chars += len(data)
            if self.length > MAX_CELL_CHARS:
                raise WorkbookError(
                    f"row {self.row_number} has a cell longer than Excel's "
                    f"{MAX_CELL_CHARS:,} characters"
                )
            if self.row_chars > MAX_ROW_CHARS:
                raise WorkbookError(
                    f"row {self.row_number} holds more than {MAX_ROW_CHARS:,} characters"
                )
            self.text.append(data)

    def _value(self, text: str) -> str:
        if self.kind == "s":
            try:
                index = int(text)
            except ValueError:
                raise WorkbookError(f"row {self.row_number} has a malformed cell") from None
            value = self.strings.get(index)
            self.row_chars += len(value)
            return value
        if self.kind == "b":
            return "True" if text.strip() == "1" else "False"
        if self.kind in ("n", ""):
            return _number(text) if text.strip() else ""
        return text  # inlineStr, str (a formula's text), e (#N/A), d (an ISO date)


def rows(path, progress: list[int] | None = None) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells as text)`` of every row of the first sheet that has cells.

    ``progress``, when given, is kept as ``[sheet bytes read, sheet bytes]``. Raises
    ``WorkbookError`` with the reason when the workbook is unreadable or passes a limit.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookError(f"the file is not a readable .xlsx workbook ({exc})") from None
    with archive:
        sheet_name, strings_name = _parts(archive)
        sheet = _Sheet(_SharedStrings(archive, strings_name))
        total = archive.getinfo(sheet_name).file_size

        def report(done: int) -> None:
            if progress is not None:
                progress[:] = [done, total]

        parser = _parser(sheet.start, sheet.end, sheet.chars)
        for _ in _feed(archive, sheet_name, parser, sheet.events, report):
            ended, sheet.ended = sheet.ended, []
            yield from ended
