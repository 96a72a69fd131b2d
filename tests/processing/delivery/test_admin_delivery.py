"""The admin's side of delivery: what was sent where on a domain's page, *Sync again*, and the
destinations card on the dashboard."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import timezone

from curation.models import LeadDelivery, StatusChange
from insights.admin_views import visible_figures
from tests.factories import (
    DomainFactory,
    LeadDeliveryFactory,
    LeadRetractionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_domain_page_shows_what_was_sent_where(client, receiver):
    domain = DomainFactory()
    LeadDeliveryFactory(domain=domain, sends=3, remote_ids={"id": "r-1"})
    LeadDeliveryFactory(
        domain=domain,
        destination="hubspot",
        lead_hash="",
        sent_at=None,
        last_error="the HubSpot token lacks the scope crm.objects.contacts.write",
        last_error_at=timezone.now(),
    )
    client.force_login(UserFactory(is_superuser=True))
    page = client.get(f"/admin/curation/domain/{domain.pk}/change/").content.decode()
    assert 'data-related="deliveries"' in page
    assert "webhook:n8n" in page and "company + 2 contacts, 1 call; sent 3 times" in page
    assert "lacks the scope crm.objects.contacts.write" in page


def test_sync_again_resends_an_unchanged_lead(client, receiver):
    from processing.engine.runner import run_consumer

    domain = DomainFactory()
    curator = UserFactory(perms=["curation.change_domain", "curation.view_domain"])
    client.force_login(curator)
    for _ in range(2):
        response = client.post(
            "/admin/curation/domain/",
            {"action": "lead_sync_again", "_selected_action": [domain.pk]},
            follow=True,
        )
        assert response.status_code == 200
        run_consumer("lead_sync", handle_signals=False)
    assert receiver.requests == 2  # the second went out although nothing changed
    assert receiver.repeats == 1  # ... and the receiver recognised the same version
    audit = StatusChange.objects.filter(workflow="lead_sync").latest("id")
    assert audit.channel == "admin" and audit.actor == curator.username

    viewer = UserFactory(perms=["curation.view_domain"])
    client.force_login(viewer)
    response = client.post(
        "/admin/curation/domain/",
        {"action": "lead_sync_again", "_selected_action": [domain.pk]},
    )
    domain.refresh_from_db()
    assert domain.lead_sync_processing_status == "Complete"  # no change permission: nothing


def test_the_dashboard_shows_each_destinations_health(receiver, settings):
    settings.SCRAPERSKY_DASHBOARD_CACHE_SECONDS = 0
    settings.SCRAPERSKY_HUBSPOT_TOKEN = "pat-x"
    ok, failed = DomainFactory(), DomainFactory(lead_sync_processing_status="Queued")
    LeadDelivery.objects.create(domain=ok, destination="webhook:n8n", sent_at=timezone.now())
    LeadDelivery.objects.create(
        domain=failed,
        destination="hubspot",
        last_error="HubSpot refused the token",
        last_error_at=timezone.now(),
    )
    data = visible_figures(UserFactory(perms=["curation.view_domain"]))["deliveries"]
    by_key = {d["key"]: d for d in data["destinations"]}
    assert list(by_key) == ["webhook:n8n", "hubspot"]
    assert by_key["webhook:n8n"]["last_success"] and by_key["webhook:n8n"]["last_error"] is None
    assert by_key["hubspot"]["last_success"] is None
    assert by_key["hubspot"]["last_error"]["message"] == "HubSpot refused the token"
    assert by_key["hubspot"]["last_error"]["current"] is True
    assert data["waiting"] == 1 and data["errored"] == 0
    assert data["deletes_waiting"] == 0 and data["deletes_errored"] == 0
    LeadRetractionFactory(
        lead_retraction_curation_status="Error", lead_retraction_processing_status="Error"
    )
    cache.clear()
    data = visible_figures(UserFactory(perms=["curation.view_domain"]))["deliveries"]
    assert data["deletes_errored"] == 1
    assert "lead_retraction_processing_status__exact=Error" in data["links"]["deletes_errored"]
    assert visible_figures(UserFactory(perms=["curation.view_page"]))["deliveries"] is None
