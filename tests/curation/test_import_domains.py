"""*All domains imported from this file*: an import's domains (created by it, or named by its
file and already known) as a filter of domains and contacts, in the admin and the API."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from curation.intake import import_jobs, importing
from curation.models import Domain, ImportJob, ImportJobDomain, domains_of
from tests.factories import ContactFactory, DomainFactory
from tests.import_helpers import command_domains_job, logged_in_curator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("import_settings")]


@pytest.fixture
def curator(client):
    return logged_in_curator(
        client,
        [
            "curation.view_domain",
            "curation.add_domain",
            "curation.view_contact",
            "curation.view_page",
            "curation.add_page",
        ],
    )


def admin_import(client, path: str, content: bytes, name: str):
    """Upload and confirm in the admin: the result page."""
    url = f"/admin/curation/{path}/import/"
    data = {"file": SimpleUploadedFile(name, content, "text/csv"), "source": ""}
    response = client.post(url, data)
    assert response.status_code == 302, response.content
    return client.post(response["Location"], {"_import": "1"}, follow=True)


def names(rows) -> list[str]:
    return sorted(rows)


def test_the_domains_of_an_import_are_its_files_new_and_known_domains(client, curator):
    earlier = DomainFactory(domain="known.example")
    ContactFactory(domain=earlier, value="info@known.example")
    other = DomainFactory(domain="other.example")
    ContactFactory(domain=other, value="info@other.example")
    result = admin_import(
        client, "domain", b"domain\nnew-a.example\nnew-b.example\nknown.example\n", "fair.csv"
    )
    assert result.status_code == 200
    job = ImportJob.objects.get()
    assert (job.filename, job.kind, job.source, job.channel) == (
        "fair.csv",
        "domains",
        "csv",
        "admin",
    )
    # The column records the creator; the known domain keeps its own and is linked instead.
    created = Domain.objects.filter(import_job=job)
    assert names(created.values_list("domain", flat=True)) == ["new-a.example", "new-b.example"]
    assert Domain.objects.get(domain="known.example").import_job_id is None
    assert list(ImportJobDomain.objects.values_list("domain_id", flat=True)) == [earlier.pk]
    ContactFactory(domain=created.get(domain="new-a.example"), value="sales@new-a.example")

    page = result.content.decode()
    domains_link = f"/admin/curation/domain/?import_job={job.pk}"
    export_link = f"/api/v3/contacts/export.csv?domain_import_job={job.pk}"
    assert domains_link in page and export_link in page
    assert f"/api/v3/contacts/export.xlsx?domain_import_job={job.pk}" in page

    listed = client.get(domains_link)
    assert listed.status_code == 200
    shown = [d.domain for d in listed.context["cl"].result_list]
    assert names(shown) == ["known.example", "new-a.example", "new-b.example"]
    assert "fair.csv" in listed.content.decode()  # the sidebar names the file

    contacts = client.get(f"/admin/curation/contact/?domain_import_job={job.pk}")
    assert contacts.status_code == 200
    values = [c.value for c in contacts.context["cl"].result_list]
    assert names(values) == ["info@known.example", "sales@new-a.example"]

    exported = client.get(export_link)  # the API, with the admin's session
    assert exported.status_code == 200
    text = b"".join(exported.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert names(r["value"] for r in rows) == ["info@known.example", "sales@new-a.example"]


def test_the_api_filters_domains_and_contacts_by_import(client, curator):
    DomainFactory(domain="known.example")
    admin_import(client, "domain", b"domain\nfirst.example\nknown.example\n", "one.csv")
    admin_import(client, "domain", b"domain\nfirst.example\nsecond.example\n", "two.csv")
    one, two = ImportJob.objects.order_by("id")
    ContactFactory(domain=Domain.objects.get(domain="second.example"), value="x@second.example")
    api = APIClient()
    api.force_authenticate(curator)

    def listed(path: str) -> list[str]:
        response = api.get(path)
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["count"] == len(body["results"])
        return names(r.get("domain") if "domains" in path else r["value"] for r in body["results"])

    assert listed(f"/api/v3/domains/?import_job={one.pk}") == ["first.example", "known.example"]
    # A second file naming first.example again: it is among that file's domains too.
    assert listed(f"/api/v3/domains/?import_job={two.pk}") == ["first.example", "second.example"]
    assert listed(f"/api/v3/contacts/?domain_import_job={two.pk}") == ["x@second.example"]
    assert listed(f"/api/v3/contacts/?domain_import_job={one.pk}") == []
    assert listed("/api/v3/domains/?import_job=999999") == []
    bad = api.get("/api/v3/domains/?import_job=fair.csv")
    assert bad.status_code == 400
    assert api.get(f"/api/v3/domains/?import_job={one.pk}&import_job={two.pk}").status_code == 400
    assert client.get("/admin/curation/domain/?import_job=abc")["Location"].endswith("?e=1")


def test_a_pages_import_records_the_domains_it_created_and_named(client, curator):
    DomainFactory(domain="known.example")
    admin_import(
        client,
        "page",
        b"url\nhttps://fresh.example/contact\nhttps://known.example/about\n",
        "pages.csv",
    )
    job = ImportJob.objects.get()
    assert Domain.objects.get(domain="fresh.example").import_job_id == job.pk
    assert Domain.objects.filter(domains_of(job.pk)).count() == 2


def test_a_chunked_import_links_only_what_it_did_not_create(settings, monkeypatch):
    settings.SCRAPERSKY_IMPORT_INLINE_BYTES = 0  # a worker's job, chunk by chunk
    monkeypatch.setattr(importing, "CHUNK", 2)
    DomainFactory(domain="known.example")
    data = b"domain\na.example\nb.example\na.example\nknown.example\nc.example\n"
    job = command_domains_job(data, "big.csv")
    import_jobs.start(job, foreground=True)
    record = ImportJob.objects.get(token=job.token)
    assert import_jobs.load_job(job.token).status["import_job_id"] == record.pk
    created = Domain.objects.filter(import_job=record).values_list("domain", flat=True)
    assert names(created) == ["a.example", "b.example", "c.example"]
    # a.example repeated in chunk 2 was this import's own: no link row for it.
    linked = ImportJobDomain.objects.filter(import_job=record).values_list(
        "domain__domain", flat=True
    )
    assert list(linked) == ["known.example"]
