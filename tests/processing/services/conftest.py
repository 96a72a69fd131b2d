"""The fictional web on loopback, with the fetcher pointed at it."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from ops.demo import SiteServer, demo_sites
from processing.fetcher import get_fetcher


@pytest.fixture
def serve(settings):
    """``serve(sites)``: the sites on loopback for this test, the fetcher reaching them through
    CONNECT_TO (loopback allowed, no retries), queueing without a kick."""
    with ExitStack() as stack:

        def start(sites) -> SiteServer:
            server = stack.enter_context(SiteServer(sites))
            settings.SCRAPERSKY_FETCHER = {
                "ALLOWED_NETWORKS": ["127.0.0.0/8"],
                "CONNECT_TO": server.connect_to,
                "RETRIES": 0,
            }
            settings.SCRAPERSKY_KICK_ON_QUEUE = False
            return server

        yield start
        get_fetcher().close()  # its pooled connections point at this server


@pytest.fixture
def demo_web(serve):
    """Serve the demo sites."""
    return serve(demo_sites())
