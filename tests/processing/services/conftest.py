"""The fictional web on loopback, with the fetcher pointed at it."""

from __future__ import annotations

from contextlib import ExitStack
from urllib.parse import urlsplit

import pytest

from ops.demo import Site, SiteServer, demo_sites
from ops.demo.sites import HTML
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


class _Pages:
    """``web[url] = html``: that page served on loopback (an http:// URL; a site per host)."""

    def __init__(self, serve) -> None:
        self._serve = serve
        self._sites: dict[str, Site] = {}

    def __setitem__(self, url: str, html: str) -> None:
        parts = urlsplit(url)
        assert parts.scheme == "http", "the loopback web speaks http"
        site = self._sites.get(parts.netloc)
        if site is None:
            site = self._sites[parts.netloc] = Site(parts.netloc, parts.netloc)
            self._serve(list(self._sites.values()))  # the fetcher now reaches every host
        site.add(parts.path or "/", HTML, html)


@pytest.fixture
def web(serve) -> _Pages:
    """Pages given by URL and body, served on loopback: ``web[page.url] = html``."""
    return _Pages(serve)
