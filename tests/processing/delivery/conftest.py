"""Fixtures of the delivery tests: a loopback webhook receiver and a HubSpot stand-in, each
configured as a destination."""

from __future__ import annotations

import pytest

from processing.delivery import hubspot
from tests.processing.delivery.hubspot_standin import HubSpotStandIn
from tests.processing.delivery.receivers import WebhookReceiver

SECRET = "s3cret-for-the-tests-only"


@pytest.fixture
def receiver(settings):
    hook = WebhookReceiver(SECRET)
    settings.SCRAPERSKY_WEBHOOKS = [{"name": "n8n", "url": hook.url, "secret": SECRET}]
    settings.SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    yield hook
    hook.close()


@pytest.fixture
def standin(settings):
    """HubSpot on (beside the webhook when the test also asks for ``receiver``)."""
    server = HubSpotStandIn()
    settings.SCRAPERSKY_HUBSPOT_TOKEN = "pat-test"
    settings.SCRAPERSKY_HUBSPOT_API_URL = server.url
    settings.SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    hubspot.GATE.__init__()  # no wait left over from another test
    yield server
    server.close()
