"""A domain's lead status through a real pipeline run on the demo web (loopback)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from curation.models import Domain, Page, SitemapFile
from curation.services import set_curation_status
from ops.demo import SiteServer, demo_sites
from processing.engine.runner import run_consumer
from processing.fetcher import get_fetcher
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True)]

HOST = "hartley-law.demo"


@pytest.fixture
def api(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_domain"]))
    return client


def status_of(api, domain) -> tuple[str, int]:
    row = api.get(f"/api/v3/domains/{domain.pk}/").json()
    return row["lead_status"], row["contact_count"]


def listed(api, status: str) -> list[int]:
    body = api.get("/api/v3/domains/", {"lead_status": status}).json()
    return [row["id"] for row in body["results"]]


def queue_all(workflow, model):
    set_curation_status(
        workflow=workflow,
        status="Queued",
        queryset=model.objects.all(),
        actor="t",
        channel="command",
    )


def test_the_lead_status_follows_the_pipeline(api, settings):
    with SiteServer(demo_sites()) as server:
        settings.SCRAPERSKY_FETCHER = {
            "ALLOWED_NETWORKS": ["127.0.0.0/8"],
            "CONNECT_TO": server.connect_to,
            "RETRIES": 0,
        }
        settings.SCRAPERSKY_KICK_ON_QUEUE = False
        domain = Domain.objects.create(domain=HOST)
        assert status_of(api, domain) == ("new", 0)
        queue_all("sitemap_discovery", Domain)
        assert status_of(api, domain) == ("discovering", 0)
        assert listed(api, "discovering") == [domain.pk]
        run_consumer("sitemap_discovery", handle_signals=False)
        queue_all("sitemap_import", SitemapFile)
        assert status_of(api, domain)[0] == "importing"
        run_consumer("sitemap_import", handle_signals=False)
        queue_all("page_curation", Page)
        assert status_of(api, domain) == ("curating_pages", 0)
        run_consumer("page_curation", handle_signals=False)
        get_fetcher().close()
    status, contacts = status_of(api, domain)
    assert status == "done" and contacts >= 3, (status, contacts)
    assert listed(api, "done") == [domain.pk]
    assert listed(api, "discovering") == []


def test_failed_discovery_is_failed(api):
    domain = Domain.objects.create(
        domain="broken.example",
        sitemap_discovery_curation_status="Error",
        sitemap_discovery_processing_status="Error",
        sitemap_discovery_processing_error="host not found",
    )
    assert status_of(api, domain) == ("failed", 0)
    assert api.get("/api/v3/domains/", {"lead_status": "finished"}).status_code == 400


def test_the_domains_list_filters_by_lead_status_and_verified_email(client):
    from tests.factories import ContactFactory

    failed = Domain.objects.create(
        domain="broken.example",
        sitemap_discovery_curation_status="Error",
        sitemap_discovery_processing_status="Error",
    )
    fresh = Domain.objects.create(domain="fresh.example")
    ContactFactory(domain=fresh, kind="email", value="a@fresh.example", verdict="valid")
    ContactFactory(domain=failed, kind="email", value="b@broken.example", verdict="invalid")
    client.force_login(UserFactory(is_superuser=True))

    def shown(**params) -> set[int]:
        response = client.get("/admin/curation/domain/", params)
        assert response.status_code == 200
        return {row.pk for row in response.context["cl"].result_list}

    assert shown(lead_status="failed") == {failed.pk}
    assert shown(lead_status="new") == {fresh.pk}
    assert shown(verified_email="yes") == {fresh.pk}
    assert shown(verified_email="no") == {failed.pk}


def test_the_domains_list_filters_by_when_they_were_queued(client, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    today = Domain.objects.create(domain="today.example")
    Domain.objects.create(
        domain="older.example", sitemap_discovery_queued_at=timezone.now() - timedelta(days=10)
    )
    Domain.objects.create(domain="never.example")
    set_curation_status(
        workflow="sitemap_discovery", status="Queued", ids=[today.pk], actor="t", channel="admin"
    )
    client.force_login(UserFactory(is_superuser=True))

    def shown(**params) -> set[str]:
        response = client.get("/admin/curation/domain/", params)
        return {row.domain for row in response.context["cl"].result_list}

    assert shown(queued="today") == {"today.example"}
    assert shown(queued="30d") == {"today.example", "older.example"}


@pytest.mark.parametrize("waiting_ids", [10_000, 0])  # the ids as a list, or a subquery
def test_the_filter_is_the_computed_status_on_indexes(monkeypatch, waiting_ids):
    """``lead_status_q`` (what ``?lead_status=`` and the admin's filter run) selects exactly the
    domains whose computed ``lead_status`` is that status, in every combination of waiting
    sitemap files and pages."""
    from curation import lead_status
    from curation.lead_status import LEAD_STATUSES, lead_status_q, with_lead_status

    monkeypatch.setattr(lead_status, "WAITING_IDS", waiting_ids)
    from tests.factories import PageFactory, SitemapFileFactory

    def domain(name: str, discovery: str | None) -> Domain:
        return Domain.objects.create(
            domain=f"{name.lower()}.example",
            sitemap_discovery_curation_status=discovery or "New",
            sitemap_discovery_processing_status=discovery,
        )

    domain("new", None)
    domain("failed", "Error")
    for status in ("Queued", "Processing"):
        SitemapFileFactory(
            domain=domain(f"discovering-{status}", status),
            sitemap_import_processing_status="Queued",
        )
    importing = domain("importing", "Complete")
    SitemapFileFactory(domain=importing, sitemap_import_processing_status="Processing")
    PageFactory(domain=importing, page_curation_processing_status="Queued")
    curating = domain("curating", "Complete")
    SitemapFileFactory(domain=curating, sitemap_import_processing_status="Complete")
    PageFactory(domain=curating, page_curation_processing_status="Processing")
    done = domain("done", "Complete")
    PageFactory(domain=done, page_curation_processing_status="Error")
    computed = dict(with_lead_status(Domain.objects.all()).values_list("pk", "lead_status"))
    assert set(computed.values()) == set(LEAD_STATUSES)
    for status in LEAD_STATUSES:
        selected = set(Domain.objects.filter(lead_status_q(status)).values_list("pk", flat=True))
        assert selected == {pk for pk, s in computed.items() if s == status}, status
