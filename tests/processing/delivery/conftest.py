"""Fixtures of the delivery tests: a loopback webhook receiver configured as a destination."""

from __future__ import annotations

import pytest

from tests.processing.delivery.receivers import WebhookReceiver

SECRET = "s3cret-for-the-tests-only"


@pytest.fixture
def receiver(settings):
    hook = WebhookReceiver(SECRET)
    settings.SCRAPERSKY_WEBHOOKS = [{"name": "n8n", "url": hook.url, "secret": SECRET}]
    settings.SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.SCRAPERSKY_HUBSPOT_TOKEN = ""
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    yield hook
    hook.close()
