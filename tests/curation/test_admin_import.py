"""CSV import in the admin: the button, the form, every bad row reported, bad files refused."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from curation import importing
from curation.admin import importing as admin_importing
from curation.models import Domain, Page, SitemapFile, StatusChange
from tests.factories import DomainFactory, UserFactory

pytestmark = [pytest.mark.django_db]

DOMAINS_URL = "/admin/curation/domain/import/"


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False


@pytest.fixture
def curator(client):
    user = UserFactory(
        perms=[
            "curation.view_domain",
            "curation.add_domain",
            "curation.change_domain",
            "curation.view_page",
            "curation.add_page",
            "curation.view_sitemapfile",
            "curation.add_sitemapfile",
        ]
    )
    client.force_login(user)
    return user


def upload(client, url, content: bytes, **fields):
    data = {"file": SimpleUploadedFile("leads.csv", content, "text/csv"), "source": "fair"}
    data.update(fields)
    return client.post(url, data)


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
    problems = {row.line: (row.outcome, row.reason) for row in response.context["problems"]}
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
        (b"domain\nacme.example\n\xff\xfe broken", "not UTF-8"),
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


def test_too_large_files_are_refused(client, curator, monkeypatch):
    monkeypatch.setattr(admin_importing, "MAX_FILE_BYTES", 10)
    response = upload(client, DOMAINS_URL, b"domain\nacme.example\nshop.example\n")
    assert "larger than" in response.content.decode()
    assert not Domain.objects.exists()


def test_long_results_are_capped(client, curator, monkeypatch):
    monkeypatch.setattr(admin_importing, "RESULT_ROWS_SHOWN", 3)
    response = upload(client, DOMAINS_URL, b"domain\n" + b"bad value\n" * 5)
    assert len(response.context["problems"]) == 3
    assert "2 more row(s) not shown" in response.content.decode()


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


def test_the_service_limit_is_the_form_limit():
    assert admin_importing.MAX_FILE_BYTES == importing.MAX_FILE_BYTES
