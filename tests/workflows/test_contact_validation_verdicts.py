"""The verdict where curators see it: the contacts admin filter, the CSV export and the API."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from curation.intake import exporting
from curation.models import Contact
from tests.factories import ContactFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def judged():
    now = timezone.now()
    return {
        "valid": ContactFactory(
            value="jane@acme.example", verdict="valid", verdict_reason="mail exchanger mx.acme"
        ),
        "invalid": ContactFactory(
            value="x@gone.example",
            verdict="invalid",
            verdict_reason="the domain does not exist (NXDOMAIN)",
            verdict_checked_at=now,
        ),
        "risky": ContactFactory(kind="phone", value="+19002345678", verdict="risky"),
        "unchecked": ContactFactory(value="new@acme.example"),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("verdict=valid", {"valid"}),
        ("verdict=invalid", {"invalid"}),
        ("verdict=none", {"unchecked"}),
    ],
)
def test_the_admin_filters_by_verdict(client, judged, query, expected):
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(f"/admin/curation/contact/?{query}")
    assert response.status_code == 200
    shown = {name for name, c in judged.items() if f">{c.value}<" in response.content.decode()}
    assert shown == expected


def test_the_admin_list_shows_the_verdict_and_its_reason(client, judged):
    client.force_login(UserFactory(is_superuser=True))
    page = client.get("/admin/curation/contact/").content.decode()
    assert 'title="the domain does not exist (NXDOMAIN)"' in page
    assert "ss-badge--invalid" in page
    detail = client.get(f"/admin/curation/contact/{judged['invalid'].pk}/change/").content.decode()
    assert "the domain does not exist (NXDOMAIN)" in detail


def test_the_export_carries_the_verdict(judged):
    body = "".join(exporting.csv_lines(Contact.objects.filter(pk=judged["invalid"].pk)))
    [row] = list(csv.DictReader(io.StringIO(body)))
    assert (row["verdict"], row["verdict_reason"]) == (
        "invalid",
        "the domain does not exist (NXDOMAIN)",
    )
    assert row["verdict_checked_at"] == judged["invalid"].verdict_checked_at.isoformat()


def test_the_api_serves_and_filters_the_verdict(judged):
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_contact"]))
    rows = client.get("/api/v3/contacts/", {"verdict": ["valid", "risky"]}).json()["results"]
    assert {(r["value"], r["verdict"]) for r in rows} == {
        ("jane@acme.example", "valid"),
        ("+19002345678", "risky"),
    }
    assert rows[0]["verdict_reason"] is not None and "verdict_checked_at" in rows[0]
    unchecked = client.get("/api/v3/contacts/", {"verdict": "null"}).json()["results"]
    assert [r["value"] for r in unchecked] == ["new@acme.example"]
    assert client.get("/api/v3/contacts/", {"verdict": "great"}).status_code == 400
