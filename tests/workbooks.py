"""Workbooks for tests: real ones (openpyxl), and bombs whose first sheet's XML is written raw."""

from __future__ import annotations

import base64
import io
import os
import zipfile

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
TAIL = "</sheetData></worksheet>"


def workbook(rows: list[list[str]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet(write_sheet) -> bytes:
    """A real workbook whose first sheet's XML is written by ``write_sheet(stream)``."""
    base = zipfile.ZipFile(io.BytesIO(workbook([["domain"], ["a.example"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for info in base.infolist():
            if info.filename == SHEET:
                with bomb.open(SHEET, "w", force_zip64=True) as stream:
                    write_sheet(stream)
            else:
                bomb.writestr(info, base.read(info.filename))
    return out.getvalue()


def one_huge_cell(megabytes: int) -> bytes:
    def write(stream):
        stream.write(HEAD.encode())
        stream.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>')
        block = b"a" * (1024 * 1024)
        for _ in range(megabytes):
            stream.write(block)
        stream.write(b"</t></is></c></row>" + TAIL.encode())

    return with_sheet(write)


def many_rows(n: int) -> bytes:
    def write(stream):
        stream.write(HEAD.encode())
        row = b'<row><c t="inlineStr"><is><t>a.example</t></is></c></row>'
        for _ in range(n // 10_000):
            stream.write(row * 10_000)
        stream.write(TAIL.encode())

    return with_sheet(write)


def random_cell(megabytes: int) -> bytes:
    """One cell of random text: it deflates 1.3x, so no ratio check can see it."""

    def write(stream):
        stream.write(HEAD.encode() + b'<row r="1"><c r="A1" t="inlineStr"><is><t>')
        for _ in range(megabytes):
            stream.write(base64.b64encode(os.urandom(768 * 1024)))
        stream.write(b"</t></is></c></row>" + TAIL.encode())

    return with_sheet(write)


def varied_rows(n: int) -> bytes:
    """A header and ``n`` rows of distinct domains: it deflates like a real sheet (~15x)."""

    def write(stream):
        stream.write(HEAD.encode())
        stream.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>domain</t></is></c></row>')
        batch = []
        for r in range(2, n + 2):
            batch.append(
                f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>site-{r * 7919 % 10**9}'
                f".example</t></is></c></row>"
            )
            if len(batch) == 10_000:
                stream.write("".join(batch).encode())
                batch = []
        stream.write("".join(batch).encode() + TAIL.encode())

    return with_sheet(write)
