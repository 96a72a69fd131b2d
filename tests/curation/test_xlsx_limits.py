"""Workbook bombs (issue 28.6): limits on what an .xlsx inflates to, checked from the zip's
directory before anything inflates, and Excel's row and cell limits while the rows stream."""

from __future__ import annotations

import base64
import io
import os
import resource
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from curation.intake import import_jobs, tables, xlsx
from curation.models import Domain
from tests.factories import UserFactory
from tests.import_helpers import command_domains_job
from tests.workbooks import HEAD, SHEET, TAIL, many_rows, one_huge_cell, with_sheet, workbook

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("import_settings")]

URL = "/admin/curation/domain/import/"


def post(client, content: bytes):
    data = {"file": SimpleUploadedFile("leads.xlsx", content), "source": "fair"}
    return client.post(URL, data)


@pytest.fixture
def curator(client):
    client.force_login(UserFactory(perms=["curation.view_domain", "curation.add_domain"]))


@pytest.mark.parametrize(
    ("bomb", "message"),
    [
        (lambda: one_huge_cell(300), "inflates"),
        (lambda: many_rows(5_500_000), "inflates"),
    ],
    ids=["one 300 MB cell", "5.5M rows"],
)
def test_a_workbook_bomb_is_refused_at_upload_without_inflating(client, curator, bomb, message):
    content = bomb()
    assert len(content) < 2 * 1024 * 1024  # a small upload
    cpu = time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    response = post(client, content)
    cpu = time.process_time() - cpu
    assert response.status_code == 200  # the form again, with the reason
    text = response.context["form"].errors["file"][0]
    assert message in text and "zip bomb" in text, text
    assert cpu < 1.0  # the zip's directory only: nothing inflated
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak) / 1024
    assert grown_mb < 200
    assert not Domain.objects.exists()


def test_sheet_size_caps_refuse_what_the_ratio_lets_through(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "XLSX_MAX_PART_BYTES", 4 * 1024 * 1024)
    path = tmp_path / "big.xlsx"
    path.write_bytes(one_huge_cell(5))
    monkeypatch.setattr(tables, "XLSX_MAX_RATIO", 10**9)
    with pytest.raises(tables.UnreadableFile, match="inflates to 5 MB, more than the 4 MB"):
        tables.open_table(path, "big.xlsx")


def test_rows_past_the_limit_end_the_import_with_the_reason(monkeypatch, settings):
    # In the worker (the rows past the preview are read there), committed chunk by chunk.
    settings.SCRAPERSKY_IMPORT_INLINE_BYTES = 0
    monkeypatch.setattr(xlsx, "MAX_ROWS", 50)
    monkeypatch.setattr(xlsx, "CHUNK", 256)  # the upload reads its first rows only
    data = workbook([["domain"]] + [[f"site-{i}.example"] for i in range(80)])
    job = command_domains_job(data, "rows.xlsx")
    job.status.update(state="queued", fresh_after_id=0)  # as start() leaves it for a worker
    job.save()
    assert import_jobs.run_import_job(job.token).startswith("failed")
    job = import_jobs.load_job(job.token)
    assert job.state == "failed"
    assert "more than 50 rows (Excel's limit)" in job.status["error"]


def test_a_cell_past_excels_limit_is_refused(tmp_path):
    path = tmp_path / "cell.xlsx"

    def write(stream):
        stream.write(HEAD.encode())
        for r, text in enumerate(["domain", "a.example", "x" * 40_000], start=1):
            stream.write(
                f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{text}</t></is></c></row>'.encode()
            )
        stream.write(TAIL.encode())

    path.write_bytes(with_sheet(write))
    table = tables.open_table(path, "cell.xlsx")
    with pytest.raises(tables.UnreadableFile, match="row 3 has a cell longer than Excel's 32,767"):
        list(tables.records(table))


def test_a_small_workbook_of_many_rows_goes_to_the_worker(settings):
    # The upload is well under the inline threshold; what it inflates to is not.
    settings.SCRAPERSKY_IMPORT_INLINE_BYTES = 64 * 1024
    data = workbook([["domain"]] + [[f"site-{i}.example"] for i in range(5_000)])
    assert len(data) < settings.SCRAPERSKY_IMPORT_INLINE_BYTES
    job = command_domains_job(data, "many.xlsx")
    assert job.status["work_bytes"] > settings.SCRAPERSKY_IMPORT_INLINE_BYTES
    assert job.background


def replaced(parts: dict[str, bytes], rows: list[list] | None = None) -> bytes:
    """A real workbook with some parts replaced."""
    base = zipfile.ZipFile(io.BytesIO(workbook(rows or [["domain"], ["a.example"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for info in base.infolist():
            book.writestr(info.filename, parts.get(info.filename, base.read(info.filename)))
    return out.getvalue()


def read(tmp_path, content: bytes) -> list[tuple[int, list[str]]]:
    path = tmp_path / "book.xlsx"
    path.write_bytes(content)
    return list(tables.records(tables.open_table(path, "book.xlsx")))


def test_cells_read_as_text_like_the_spreadsheet_shows_them(tmp_path):
    rows = [["domain", "n", "x", "flag"], ["a.example", 42, 3.5, True], [], ["b.example", 1e20]]
    assert read(tmp_path, workbook(rows)) == [
        (1, ["domain", "n", "x", "flag"]),
        (2, ["a.example", "42", "3.5", "True"]),
        (4, ["b.example", "100000000000000000000"]),
    ]


def test_a_huge_cell_the_ratio_lets_through_is_refused_after_reading_its_first_bytes(tmp_path):
    # 8 MB of random letters deflate ~1.3x: no ratio check can see it; the reader stops at
    # Excel's cell limit instead of building the cell.
    def write(stream):
        stream.write(HEAD.encode() + b'<row r="1"><c r="A1" t="inlineStr"><is><t>')
        for _ in range(8):
            stream.write(base64.b64encode(os.urandom(768 * 1024)))
        stream.write(b"</t></is></c></row>" + TAIL.encode())

    content = with_sheet(write)
    cpu = time.process_time()
    with pytest.raises(tables.UnreadableFile, match="row 1 has a cell longer than Excel's 32,767"):
        read(tmp_path, content)
    assert time.process_time() - cpu < 0.5


def test_styles_are_never_read(tmp_path):
    # openpyxl parses the styles whole on opening (a styles bomb inflated in the web process).
    content = replaced({"xl/styles.xml": b"<not xml" * 1000})
    assert read(tmp_path, content) == [(1, ["domain"]), (2, ["a.example"])]


RANDOM_3MB = base64.b64encode(os.urandom(3 << 20))  # deflates 1.3x: past every ratio check


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet/>',
            "declares a DTD",
        ),
        (HEAD.encode() + b'<row r="1"><c r="A1" x="' + RANDOM_3MB + b'"/>', "XML token"),
        (HEAD.encode() + b'<row r="1"><c r="ZZZZ1"><v>1</v></c></row>' + TAIL.encode(), "XFD"),
        (HEAD.encode() + b"<row><c><v>1</v></row>", "not well-formed"),
    ],
    ids=["a DTD", "a 3 MB attribute", "a column past XFD", "broken XML"],
)
def test_hostile_sheet_xml_is_refused_with_the_reason(tmp_path, sheet, message):
    with pytest.raises(tables.UnreadableFile, match=message):
        read(tmp_path, replaced({SHEET: sheet}))
