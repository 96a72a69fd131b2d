"""CSV import: normalised, de-duplicated, every row reported, nothing half-written."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from curation.importing import ImportError_, import_rows, read_csv
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
        (b"\xff\xfeb\x00a\x00d\x00", "not UTF-8"),
        (b"caf\xe9.com\n", "not UTF-8"),
        (b"%PDF-1.4\x00\x00binary", "binary"),
    ],
)
def test_unreadable_files_are_refused_whole(data, message):
    with pytest.raises(ImportError_, match=message):
        read_csv(data, "domains")


def test_a_failure_mid_import_leaves_nothing_half_written(monkeypatch):
    from curation import importing

    calls = {"n": 0}
    real = importing._insert_domains

    def fail_second_chunk(chunk, *, source):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(chunk, source=source)

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
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_pages", str(bad))
