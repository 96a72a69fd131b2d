"""The fictional web on loopback, with the fetcher pointed at it."""

from __future__ import annotations

import pytest

from processing.demo import SiteServer, demo_sites
from processing.fetcher import get_fetcher


@pytest.fixture
def demo_web(settings):
    """Serve the demo sites; the fetcher reaches them through CONNECT_TO, loopback allowed."""
    with SiteServer(demo_sites()) as server:
        settings.SCRAPERSKY_FETCHER = {
            "ALLOWED_NETWORKS": ["127.0.0.0/8"],
            "CONNECT_TO": server.connect_to,
            "RETRIES": 0,
        }
        settings.SCRAPERSKY_KICK_ON_QUEUE = False
        yield server
        get_fetcher().close()  # its pooled connections point at this server
