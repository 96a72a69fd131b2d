"""CSV import: normalised, de-duplicated, every row reported, nothing half-written."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from curation.intake.importing import UnreadableFile, import_rows, read_csv
from curation.models import Domain, Page, SitemapFile, StatusChange
from tests.factories import DomainFactory

pytestmark = pytest.mark.django_db

CSV = b"""domain,company_name
Example.com,Example Inc
https://www.example.com/about,Example again
acme-plumbing.com,Acme Plumbing
not a domain,Nobody
192.168.0.1,Router
,Empty
acme-plumbing.com,Acme twice
"""


def run(data: bytes, kind: str = "domains", **kwargs):
    return import_rows(read_csv(data, kind), kind=kind, actor="test", channel="command", **kwargs)


def test_domains_are_normalised_and_each_row_reported(settings):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    DomainFactory(domain="already.example.org")
    report = run(CSV + b"already.example.org,Old\n")
    outcomes = [(r.line, r.outcome, r.normalized, r.reason) for r in report.rows]
    assert outcomes == [
        (2, "created", "example.com", ""),
        (3, "duplicate", "example.com", "repeated in this input"),
        (4, "created", "acme-plumbing.com", ""),
        (5, "invalid", "", "contains spaces"),
        (6, "invalid", "", "an IP address is not a domain"),
        (7, "invalid", "", "empty"),
        (8, "duplicate", "acme-plumbing.com", "repeated in this input"),
        (9, "duplicate", "already.example.org", "already imported"),
    ]
    assert report.summary == "8 row(s): 2 created, 3 duplicate, 3 invalid"
    assert Domain.objects.get(domain="example.com").company_name == "Example Inc"
    assert Domain.objects.get(domain="example.com").source == "csv"


def test_reimport_creates_nothing():
    run(CSV)
    again = run(CSV)
    assert again.created == 0
    assert Domain.objects.count() == 2


def test_headerless_file_with_one_domain_per_line():
    report = run(b"one.example.com\ntwo.example.com\r\n\r\nthree.example.com\n")
    assert report.created == 3


def test_queue_option_queues_through_the_curation_service(settings):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    report = run(CSV, queue=True)
    assert report.queued == 2
    queued = Domain.objects.filter(sitemap_discovery_processing_status="Queued")
    assert set(queued.values_list("domain", flat=True)) == {"example.com", "acme-plumbing.com"}
    audit = StatusChange.objects.get()
    assert (audit.channel, audit.workflow, audit.queued) == ("command", "sitemap_discovery", 2)


def test_pages_import_creates_domains_and_types_pages():
    data = b"url\nhttps://www.shop.example.com/contact\nhttps://shop.example.com/about-us\nnope\n"
    report = run(data, kind="pages")
    assert [r.outcome for r in report.rows] == ["created", "created", "invalid"]
    assert Domain.objects.get().domain == "shop.example.com"
    assert dict(Page.objects.values_list("url", "page_type")) == {
        "https://www.shop.example.com/contact": "contact",
        "https://shop.example.com/about-us": "about",
    }


def test_sitemap_files_import():
    report = run(b"sitemap\nhttps://example.com/sitemap.xml\n", kind="sitemap_files")
    assert report.created == 1
    assert SitemapFile.objects.get().source == "manual"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "no rows"),
        (b"\n\n", "no rows"),
        (b"domain\n", "header but no rows"),
        (b"\xff\xfeb\x00a\x00d\x00", "the columns are: bad"),
        (b"\xff\xfe\x00", "starts like UTF-16 text but is not"),
        (b"PK\x03\x04not a zip", "not a readable .xlsx workbook"),
        (b"%PDF-1.4\x00\x00binary", "binary"),
        (b"Firma,Internetseite\nAcme,acme.example\n", "the columns are: Firma, Internetseite"),
    ],
)
def test_unreadable_files_are_refused_whole(data, message):
    with pytest.raises(UnreadableFile, match=message):
        read_csv(data, "domains")


def test_a_failure_mid_import_leaves_nothing_half_written(monkeypatch):
    from curation.intake import importing

    calls = {"n": 0}
    real = importing._insert_domains

    def fail_second_chunk(chunk, **options):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(chunk, **options)

    monkeypatch.setattr(importing, "CHUNK", 2)
    monkeypatch.setattr(importing, "_insert_domains", fail_second_chunk)
    with pytest.raises(RuntimeError):
        run(b"a.example.com\nb.example.com\nc.example.com\n")
    assert not Domain.objects.exists()


def test_import_domains_command(tmp_path, capsys, settings):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    path = tmp_path / "domains.csv"
    path.write_bytes(CSV)
    report = tmp_path / "report.csv"
    call_command("import_domains", str(path), "--queue", "--report", str(report))
    out, err = capsys.readouterr()
    assert "line 5: invalid 'not a domain': contains spaces" in out
    assert "7 row(s): 2 created, 2 duplicate, 3 invalid; 2 queued" in out
    assert "[##############################] 2/2" in err
    example_id = Domain.objects.get(domain="example.com").pk
    assert report.read_text().splitlines()[1] == f"2,Example.com,created,example.com,,{example_id}"


def test_import_command_errors_are_one_line(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_domains", str(tmp_path / "missing.csv"))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CommandError, match="not: save it again as CSV"):
        call_command("import_pages", str(bad))


@pytest.mark.parametrize(
    ("data", "company"),
    [
        (b"domain,company\nacme.example,Caf\xe9 M\xfcller \x80\n", "Café Müller €"),  # Windows-1252
        (b"domain,company\nacme.example,Caf\xe9 \x81\n", "Café \x81"),  # Latin-1 (0x81 not cp1252)
        ("\ufeffdomain,company\nacme.example,Café Müller\n".encode(), "Café Müller"),  # BOM
        ("domain,company\nacme.example,Café Müller\n".encode(), "Café Müller"),  # UTF-8
        ("domain\tcompany\r\nacme.example\tCafé\r\n".encode("utf-16"), "Café"),  # Excel Unicode
    ],
)
def test_encodings_are_detected(data, company):
    assert read_csv(data, "domains")[0].name == company


def test_spelled_out_headers_are_recognised():
    rows = read_csv(b"Company,Web Site\nAcme,https://acme.example/\n", "domains")
    assert (rows[0].value, rows[0].name, rows[0].line) == ("https://acme.example/", "Acme", 2)


def test_xlsx_is_read(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Company", "Website", "Employees"])
    sheet.append(["Bücher GmbH", "bücher.de", 12])
    sheet.append([None, None, None])
    sheet.append(["Acme", "acme.example", 3.0])
    path = tmp_path / "leads.xlsx"
    book.save(path)
    rows = read_csv(path.read_bytes(), "domains", filename="leads.xlsx")
    assert [(r.line, r.value, r.name) for r in rows] == [
        (2, "bücher.de", "Bücher GmbH"),
        (4, "acme.example", "Acme"),
    ]
    report = import_rows(rows, kind="domains", actor="test", channel="command")
    assert report.created == 2
    assert Domain.objects.filter(domain="xn--bcher-kva.de").exists()


def test_import_command_hands_a_big_file_to_a_worker_or_imports_it_in_the_foreground(
    tmp_path, capsys, settings, monkeypatch
):
    from curation.intake.import_jobs import running

    settings.SCRAPERSKY_IMPORT_INLINE_BYTES = 10
    enqueued: list[str] = []
    monkeypatch.setattr(running, "_enqueue", enqueued.append)
    path = tmp_path / "leads.csv"
    path.write_bytes("Firma,Internetseite\nBücher,bücher.de\nAcme,acme.example\n".encode("cp1252"))

    with pytest.raises(CommandError, match="the columns are: Firma, Internetseite.*--column"):
        call_command("import_domains", str(path))
    call_command("import_domains", str(path), "--column", "Internetseite")
    out, _err = capsys.readouterr()
    assert "handed to a worker as import" in out and "/admin/curation/domain/import/" in out
    assert len(enqueued) == 1 and not Domain.objects.exists()

    report = tmp_path / "report.csv"
    call_command(
        "import_domains", str(path), "--column", "2", "--name-column", "firma",
        "--foreground", "--report", str(report),
    )  # fmt: skip
    out, _err = capsys.readouterr()
    assert "2 row(s): 2 created, 0 duplicate, 0 invalid" in out
    assert Domain.objects.get(domain="xn--bcher-kva.de").company_name == "Bücher"
    assert len(report.read_text(encoding="utf-8-sig").splitlines()) == 3
