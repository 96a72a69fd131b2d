"""POST /api/v3/{domains,pages,sitemap_files}/submit: normalisation, duplicates, 400s, perms."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from curation.api.submit import MAX_ITEMS
from curation.models import Domain, Page, SitemapFile, StatusChange
from tests.factories import DomainFactory, UserFactory

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False


def api(*perms):
    client = APIClient()
    user = UserFactory(perms=list(perms))
    client.force_authenticate(user)
    return client, user


def without_did(row: dict) -> dict:
    """A result without what the request did (tested on its own below)."""
    return {k: v for k, v in row.items() if k not in ("queued", "did")}


def test_domains_are_normalised_deduplicated_and_reported_in_order():
    existing = DomainFactory(domain="known.example")
    client, _ = api("curation.add_domain")
    response = client.post(
        "/api/v3/domains/submit",
        {
            "domains": [
                "https://www.Acme.example/about",
                "acme.example",
                "known.example",
                "",
                "info@acme.example",
                "not a domain",
            ],
            "source": "partner",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    acme = Domain.objects.get(domain="acme.example")
    assert acme.source == "partner"
    assert body["summary"] == "6 row(s): 1 created, 2 duplicate, 3 invalid"
    assert (body["created"], body["duplicates"], body["invalid"], body["queued"]) == (1, 2, 3, 0)
    assert [without_did(r) for r in body["results"]] == [
        {
            "index": 0,
            "input": "https://www.Acme.example/about",
            "outcome": "created",
            "normalized": "acme.example",
            "reason": "",
            "id": acme.pk,
        },
        {
            "index": 1,
            "input": "acme.example",
            "outcome": "duplicate",
            "normalized": "acme.example",
            "reason": "repeated in this input",
            "id": None,
        },
        {
            "index": 2,
            "input": "known.example",
            "outcome": "duplicate",
            "normalized": "known.example",
            "reason": "already imported",
            "id": existing.pk,
        },
        {
            "index": 3,
            "input": "",
            "outcome": "invalid",
            "normalized": "",
            "reason": "empty",
            "id": None,
        },
        {
            "index": 4,
            "input": "info@acme.example",
            "outcome": "invalid",
            "normalized": "",
            "reason": "looks like an e-mail address, not a domain",
            "id": None,
        },
        {
            "index": 5,
            "input": "not a domain",
            "outcome": "invalid",
            "normalized": "",
            "reason": "contains spaces",
            "id": None,
        },
    ]


def test_pages_create_their_domain_and_can_be_queued():
    client, user = api("curation.add_page", "curation.change_page")
    response = client.post(
        "/api/v3/pages/submit",
        {
            "urls": ["https://Shop.example/contact#form", "shop.example/about"],
            "queue": True,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["summary"] == "2 row(s): 1 created, 0 duplicate, 1 invalid; 1 queued"
    assert body["results"][1]["reason"].startswith("not an absolute URL")
    page = Page.objects.get()
    assert (page.url, page.page_type, page.domain.domain) == (
        body["results"][0]["normalized"],
        "contact",
        "shop.example",
    )
    assert page.page_curation_processing_status == "Queued"
    audit = StatusChange.objects.get()
    assert (audit.channel, audit.user_id) == ("api", user.pk)


def test_sitemap_files():
    client, _ = api("curation.add_sitemapfile")
    response = client.post(
        "/api/v3/sitemap_files/submit",
        {"urls": ["https://shop.example/sitemap.xml", "https://shop.example/sitemap.xml"]},
        format="json",
    )
    assert response.status_code == 200
    assert [r["outcome"] for r in response.json()["results"]] == ["created", "duplicate"]
    assert SitemapFile.objects.get().url == "https://shop.example/sitemap.xml"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "domains"),
        ({"domains": []}, "domains"),
        ({"domains": "acme.example"}, "domains"),
        ({"domains": ["acme.example", 5]}, "domains"),
        ({"domains": [None]}, "domains"),
        ({"domains": ["acme.example"], "queue": "maybe"}, "queue"),
        ({"domains": ["acme.example"], "source": "x" * 51}, "source"),
    ],
)
def test_bad_requests_are_400_and_write_nothing(body, field):
    client, _ = api("curation.add_domain")
    response = client.post("/api/v3/domains/submit", body, format="json")
    assert response.status_code == 400
    data = response.json()
    assert set(data) == {"detail", "errors"}
    assert field in data["errors"]
    assert data["detail"].startswith("Invalid request:")
    assert not Domain.objects.exists()


def test_the_list_size_is_capped():
    client, _ = api("curation.add_domain")
    domains = [f"d{n}.example" for n in range(MAX_ITEMS + 1)]
    response = client.post("/api/v3/domains/submit", {"domains": domains}, format="json")
    assert response.status_code == 400
    assert "10000" in response.json()["detail"]
    assert not Domain.objects.exists()


def test_only_json_is_accepted():
    client, _ = api("curation.add_domain")
    response = client.post("/api/v3/domains/submit", {"domains": "acme.example"})
    assert response.status_code == 415


def test_permissions():
    anonymous = APIClient()
    assert anonymous.post("/api/v3/domains/submit", {"domains": ["a.example"]}).status_code == 401
    viewer, _ = api("curation.view_domain", "curation.change_domain")
    response = viewer.post("/api/v3/domains/submit", {"domains": ["a.example"]}, format="json")
    assert response.status_code == 403
    # Adding without the change permission: queueing is refused, nothing is written.
    adder, _ = api("curation.add_domain")
    response = adder.post(
        "/api/v3/domains/submit", {"domains": ["a.example"], "queue": True}, format="json"
    )
    assert response.status_code == 403
    assert "curation.change_domain" in response.json()["detail"]
    assert not Domain.objects.exists()


def test_each_row_says_what_the_request_did_with_it():
    known = DomainFactory(domain="known.example")
    client, _ = api("curation.add_domain", "curation.change_domain")
    body = client.post(
        "/api/v3/domains/submit",
        {"domains": ["new.example", "known.example", "new.example", "bad..example"], "queue": True},
        format="json",
    ).json()
    new = Domain.objects.get(domain="new.example")
    assert [(r["queued"], r["did"]) for r in body["results"]] == [
        (True, "created and queued for sitemap_discovery"),
        (
            False,
            f'already known (id {known.pk}): not queued, "queue" queues only rows this '
            "request creates; queue a known row with PUT /api/v3/domains/status",
        ),
        (
            False,
            'repeated earlier in this request: not queued, "queue" queues only rows this '
            "request creates; queue a known row with PUT /api/v3/domains/status",
        ),
        (False, "refused: two dots in a row (an empty part between them)"),
    ]
    assert new.sitemap_discovery_processing_status == "Queued"
    body = client.post("/api/v3/domains/submit", {"domains": ["other.example"]}, format="json")
    assert body.json()["results"][0]["did"] == (
        'created; not queued (send "queue": true to queue new rows)'
    )
