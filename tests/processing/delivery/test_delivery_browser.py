"""What was sent where (a domain's page) and the destinations card (the dashboard), at
1,280 x 800 and 390 x 844: they fit and say what happened."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.curation.test_admin_browser import browser_page
from tests.curation.test_admin_layout_browser import (
    VIEWPORTS,
    admin_user,
    assert_fits,
    log_in,
    shot,
)
from tests.factories import DomainFactory, LeadDeliveryFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

__all__ = ["admin_user", "browser_page"]


def test_deliveries_on_the_domain_page_and_the_dashboard(
    live_server, browser_page, admin_user, settings
):
    settings.SCRAPERSKY_WEBHOOKS = [
        {"name": "n8n-production", "url": "https://n8n.example.com/webhook/x", "secret": "s" * 20}
    ]
    settings.SCRAPERSKY_HUBSPOT_TOKEN = "pat-na1-0000"
    settings.SCRAPERSKY_DASHBOARD_CACHE_SECONDS = 0
    domain = DomainFactory(domain="alliedauto69.de", lead_sync_processing_status="Error")
    now = timezone.now()
    LeadDeliveryFactory(
        domain=domain,
        destination="webhook:n8n-production",
        summary="company + 12 contacts, 3 people",
        sends=2,
        remote_ids={"id": "lead-1-0123456789abcdef0123456789abcdef"},
    )
    LeadDeliveryFactory(
        domain=domain,
        destination="hubspot",
        lead_hash="",
        sent_at=None,
        last_error="the HubSpot token lacks the scope crm.objects.contacts.write: add it to the "
        "private app and set the new token (HTTP 403 on /crm/v3/objects/contacts/batch/upsert)",
        last_error_at=now,
    )
    page = browser_page
    log_in(page, live_server, admin_user, *VIEWPORTS["desktop"])
    for viewport, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{live_server.url}/admin/")
        card = page.locator("[data-card=deliveries]")
        card.wait_for()
        text = card.inner_text()
        assert "webhook:n8n-production" in text and "last success" in text
        assert "lacks the scope crm.objects.contacts.write" in text
        assert page.locator("[data-deliveries=errored]").inner_text() == "1"
        assert_fits(page, f"dashboard with destinations ({viewport})")
        shot(page, f"delivery_dashboard_{viewport}")

        page.goto(f"{live_server.url}/admin/curation/domain/{domain.pk}/change/")
        table = page.locator("table[data-related=deliveries]")
        text = table.inner_text()
        assert "company + 12 contacts, 3 people, 1 call; sent 2 times" in text
        assert "lacks the scope" in text
        assert_fits(page, f"domain deliveries ({viewport})")
        shot(page, f"delivery_domain_{viewport}")
