"""IDNA2008 (UTS #46) refusal of domains like emoji names, through the shared normaliser: the
API submit, the import command and the admin import all report the same readable reason."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from rest_framework.test import APIClient

from curation.models import Domain
from scrapersky.normalize import InvalidValue, normalize_domain, normalize_url
from tests.factories import UserFactory

EMOJI_REASON = "not a valid international domain name: 😀 (U+1F600) is not allowed"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("😀.com", EMOJI_REASON),
        ("https://i❤.ws/", "❤ (U+2764) is not allowed"),
        ("xn--ls8h.la", "💩 (U+1F4A9) is not allowed"),  # punycode of an emoji name
        ("xn--zz.com", "invalid punycode (xn--) part"),
        ("a\u200db.com", "U+200D cannot stand at that position"),
        ("٣.com", "right-to-left"),
    ],
)
def test_idna_invalid_names_are_refused_with_a_reason(raw, reason):
    with pytest.raises(InvalidValue, match=re.escape(reason)):
        normalize_domain(raw)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("Bücher.de", "xn--bcher-kva.de"),
        ("www.straße.de", "xn--strae-oqa.de"),  # IDNA2008 keeps ß (IDNA2003 made it "ss")
        ("xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("ﬁ.example", "fi.example"),  # UTS #46 mapping
    ],
)
def test_valid_international_names_are_stored_as_punycode(raw, stored):
    assert normalize_domain(raw) == stored


def test_urls_use_the_same_rules():
    assert normalize_url("https://www.Bücher.de/x") == (
        "https://www.xn--bcher-kva.de/x",
        "xn--bcher-kva.de",
    )
    with pytest.raises(InvalidValue, match="U\\+1F600"):
        normalize_url("https://😀.com/")


@pytest.mark.django_db
def test_api_submit_reports_the_reason():
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.add_domain"]))
    response = client.post("/api/v3/domains/submit", {"domains": ["😀.com"]}, format="json")
    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert row["outcome"] == "invalid" and EMOJI_REASON in row["reason"]
    assert not Domain.objects.exists()


@pytest.mark.django_db
def test_import_command_reports_the_reason(tmp_path, capsys):
    path = tmp_path / "domains.csv"
    path.write_text("domain\n😀.com\nexample.com\n", encoding="utf-8")
    call_command("import_domains", str(path))
    out, _ = capsys.readouterr()
    assert "invalid '😀.com': " + EMOJI_REASON in out
    assert list(Domain.objects.values_list("domain", flat=True)) == ["example.com"]


@pytest.mark.django_db
def test_admin_import_reports_the_reason(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    client.force_login(UserFactory(perms=["curation.view_domain", "curation.add_domain"]))
    upload = SimpleUploadedFile("leads.csv", "domain\n😀.com\n".encode(), "text/csv")
    response = client.post(
        "/admin/curation/domain/import/", {"file": upload, "source": "fair"}, follow=True
    )
    assert response.status_code == 200
    assert EMOJI_REASON in response.content.decode()
    assert not Domain.objects.exists()
