"""CSV import in the admin: the button, the form, every bad row reported, bad files refused."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from curation.admin import importing as admin_importing
from curation.models import Domain, Page, SitemapFile, StatusChange
from tests.factories import DomainFactory, UserFactory
from tests.import_helpers import logged_in_curator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("import_settings")]

DOMAINS_URL = "/admin/curation/domain/import/"


@pytest.fixture
def curator(client):
    return logged_in_curator(
        client,
        [
            "curation.view_domain",
            "curation.add_domain",
            "curation.change_domain",
            "curation.view_page",
            "curation.add_page",
            "curation.view_sitemapfile",
            "curation.add_sitemapfile",
        ],
    )


def upload_only(client, url, content: bytes, name: str = "leads.csv", **fields):
    """Step 1: the upload; a readable file redirects to its preview."""
    data = {"file": SimpleUploadedFile(name, content, "text/csv"), "source": "fair"}
    data.update(fields)
    return client.post(url, data)


def upload(client, url, content: bytes, name: str = "leads.csv", **fields):
    """Upload, then confirm the preview: the result page (or the form with its errors)."""
    response = upload_only(client, url, content, name, **fields)
    if response.status_code != 302:
        return response
    return client.post(response["Location"], {"_import": "1"}, follow=True)


def test_changelist_shows_the_button_to_users_who_may_add(client, curator):
    response = client.get("/admin/curation/domain/")
    assert b'href="/admin/curation/domain/import/"' in response.content
    assert b"Import CSV" in response.content
    assert b"/import/" not in client.get("/admin/curation/contact/").content


def test_the_form(client, curator):
    response = client.get(DOMAINS_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'enctype="multipart/form-data"' in content
    assert "Queue what was created for sitemap discovery" in content


def test_every_bad_row_is_reported(client, curator):
    DomainFactory(domain="known.example")
    csv = (
        b"company,website\n"
        b"Acme,https://www.Acme.example/about\n"  # created (normalised)
        b"Acme again,acme.example\n"  # duplicate within the file
        b"Known,known.example\n"  # duplicate of an existing row
        b"Nobody,\n"  # empty
        b"Mail,info@acme.example\n"  # an e-mail address
        b"IP,http://10.0.0.1/\n"  # an IP address
        b"Spaces,not a domain\n"  # spaces
        b"No TLD,localhost\n"  # no top-level domain
        b"FTP,ftp://files.example/\n"  # unsupported scheme
    )
    response = upload(client, DOMAINS_URL, csv)
    assert response.status_code == 200
    content = response.content.decode()
    assert "9 row(s): 1 created, 2 duplicate, 6 invalid" in content
    problems = {r["line"]: (r["outcome"], r["reason"]) for r in response.context["problems"]}
    assert problems == {
        3: ("duplicate", "repeated in this input"),
        4: ("duplicate", "already imported"),
        5: ("invalid", "empty"),
        6: ("invalid", "looks like an e-mail address, not a domain"),
        7: ("invalid", "an IP address is not a domain"),
        8: ("invalid", "contains spaces"),
        9: ("invalid", "no top-level domain (e.g. .com)"),
        10: ("invalid", "unsupported scheme ftp:"),
    }
    for reason in ("repeated in this input", "already imported", "contains spaces"):
        assert reason in content
    acme = Domain.objects.get(domain="acme.example")
    assert (acme.company_name, acme.source) == ("Acme", "fair")
    assert f'href="/admin/curation/domain/?id__in={acme.pk}"' in content
    assert client.get(f"/admin/curation/domain/?id__in={acme.pk}").status_code == 200


def test_queue_what_was_created(client, curator):
    csv = b"domain\nnew-one.example\nnew-two.example\n"
    response = upload(client, DOMAINS_URL, csv, queue="on")
    assert "2 created, 0 duplicate, 0 invalid; 2 queued" in response.content.decode()
    assert set(Domain.objects.values_list("sitemap_discovery_processing_status", flat=True)) == {
        "Queued"
    }
    audit = StatusChange.objects.get()
    assert (audit.channel, audit.user_id, audit.queued) == ("admin", curator.pk, 2)


def test_pages_and_sitemap_files(client, curator):
    response = upload(
        client, "/admin/curation/page/import/", b"url\nhttps://shop.example/contact\n"
    )
    assert "1 created" in response.content.decode()
    assert Page.objects.get().page_type == "contact"
    response = upload(
        client, "/admin/curation/sitemapfile/import/", b"https://shop.example/sitemap.xml\n"
    )
    assert "1 created" in response.content.decode()
    assert SitemapFile.objects.get().url == "https://shop.example/sitemap.xml"
    # No change permission on pages: no queue checkbox.
    form = client.get("/admin/curation/page/import/").content.decode()
    assert "Queue what was created" not in form


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 broken", "not a readable .xlsx workbook"),
        (b"domain\x00\x01\x02\x00binary", "binary"),
        (b"", "The submitted file is empty"),
        (b"\n\n  \n", "no rows"),
        (b"domain\n", "header but no rows"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(client, curator, content, message):
    response = upload(client, DOMAINS_URL, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].errors["file"]
    assert not Domain.objects.exists()


def test_too_large_files_are_refused(client, curator, settings):
    settings.SCRAPERSKY_IMPORT_MAX_BYTES = 10
    response = upload(client, DOMAINS_URL, b"domain\nacme.example\nshop.example\n")
    assert "larger than" in response.content.decode()
    assert not Domain.objects.exists()


def test_long_results_are_capped(client, curator, monkeypatch):
    monkeypatch.setattr(admin_importing, "RESULT_ROWS_SHOWN", 3)
    response = upload(client, DOMAINS_URL, b"domain\n" + b"bad value\n" * 5)
    assert len(response.context["problems"]) == 3
    assert "2 more row(s) not shown" in response.content.decode()
    report = client.get(response.context["report_url"])
    lines = b"".join(report.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "line,input,outcome,normalized,reason,id"
    assert len(lines) == 6 and all(",invalid," in line for line in lines[1:])


def test_users_without_add_permission_are_refused(client):
    client.force_login(UserFactory(perms=["curation.view_domain", "curation.change_domain"]))
    assert b"Import CSV" not in client.get("/admin/curation/domain/").content
    assert client.get(DOMAINS_URL).status_code == 403
    assert upload(client, DOMAINS_URL, b"domain\nacme.example\n").status_code == 403
    assert not Domain.objects.exists()


def test_non_staff_are_sent_to_the_login_page(client):
    client.force_login(UserFactory(is_staff=False, perms=["curation.add_domain"]))
    response = client.get(DOMAINS_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_form_limit_is_the_job_limit(settings):
    settings.SCRAPERSKY_IMPORT_MAX_BYTES = 3 * 1024 * 1024
    form = admin_importing.CsvImportForm(kind="domains", queue_label=None)
    assert "At most 3 MB." in form.fields["file"].help_text


def test_nothing_is_written_before_the_preview_is_confirmed(client, curator):
    response = upload_only(client, DOMAINS_URL, b"domain,company\nacme.example,Acme\n")
    assert response.status_code == 302
    preview = client.get(response["Location"])
    content = preview.content.decode()
    assert 'id="import-preview"' in content
    assert preview.context["rows"][0]["normalized"] == "acme.example"
    assert not Domain.objects.exists()
    done = client.post(response["Location"], {"_import": "1"}, follow=True)
    assert "1 created" in done.content.decode()
    assert Domain.objects.get().company_name == "Acme"
    # Recent actions on the index shows the import.
    assert "Imported 1 domain from leads.csv" in client.get("/admin/").content.decode()


def test_an_unknown_header_asks_for_the_column(client, curator):
    csv = "Firma;Internetseite\nBücher GmbH;bücher.de\nAcme;acme.example\n".encode("cp1252")
    response = upload_only(client, DOMAINS_URL, csv)
    job_url = response["Location"]
    preview = client.get(job_url)
    content = preview.content.decode()
    assert "Firma, Internetseite" in content and 'id="import-unknown"' in content
    assert preview.context["rows"] == []
    assert 'id="import-confirm" disabled' in content
    # Importing without a column is refused; choosing one previews, then writes.
    refused = client.post(job_url, {"_import": "1"})
    assert "choose the column" in refused.content.decode()
    assert not Domain.objects.exists()
    chosen = client.post(job_url, {"value_column": "1", "name_column": "0", "_preview": "1"})
    assert [r["normalized"] for r in chosen.context["rows"]] == ["xn--bcher-kva.de", "acme.example"]
    assert "Windows-1252" in chosen.content.decode()
    client.post(job_url, {"value_column": "1", "name_column": "0", "_import": "1"})
    assert Domain.objects.get(domain="xn--bcher-kva.de").company_name == "Bücher GmbH"


def test_other_users_cannot_see_a_job(client, curator):
    response = upload_only(client, DOMAINS_URL, b"domain\nacme.example\n")
    other = UserFactory(perms=["curation.view_domain", "curation.add_domain"])
    client.force_login(other)
    assert client.get(response["Location"]).status_code == 403
    assert client.get("/admin/curation/domain/import/0123/").status_code == 404


def test_the_preview_flags_duplicates_shows_names_as_written_and_says_why(client, curator):
    DomainFactory(domain="known.example")
    csv = (
        "domain\n"
        "bücher.de\n"  # shown as written, punycode beside it
        "known.example\n"  # already known
        "acme.example\n"
        "https://www.acme.example/\n"  # the same domain again
        "umbrella..test\n"  # the real reason
    ).encode()
    response = upload_only(client, DOMAINS_URL, csv, source="")
    preview = client.get(response["Location"])
    rows = {r["line"]: r for r in preview.context["rows"]}
    assert (rows[2]["shown"], rows[2]["normalized"]) == ("bücher.de", "xn--bcher-kva.de")
    assert rows[3]["duplicate"] == "already imported"
    assert rows[4]["duplicate"] == ""
    assert rows[5]["duplicate"] == "repeated in this input (line 4)"
    assert rows[6]["reason"] == "two dots in a row (an empty part between them)"
    content = preview.content.decode()
    assert "bücher.de <span" in content and "duplicate: already imported" in content
    assert not Domain.objects.filter(domain="acme.example").exists()  # nothing written yet


def test_a_workbook_is_recorded_with_source_xlsx(client, curator):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["domain"])
    book.active.append(["workbook.example"])
    buffer = io.BytesIO()
    book.save(buffer)
    done = upload(client, DOMAINS_URL, buffer.getvalue(), name="leads.xlsx", source="")
    assert done.status_code == 200
    assert Domain.objects.get(domain="workbook.example").source == "xlsx"
    upload(client, DOMAINS_URL, b"domain\ncsvfile.example\n", source="")
    assert Domain.objects.get(domain="csvfile.example").source == "csv"
