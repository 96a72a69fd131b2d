"""The offline demo's wiring: its port, and what the web server and the workers need to reach it."""

from __future__ import annotations

import socket

from ops.demo.city import offline_sites
from ops.demo.server import SiteServer

DEFAULT_PORT = 8401
#: the demo places service (Nominatim, Overpass, Google Places) listens on the next port
PLACES_PORT_OFFSET = 1
DEMO_GOOGLE_KEY = "demo-key"


def demo_environment(port: int, *, places_port: int | None = None) -> dict[str, str]:
    """What the web server and the workers need to reach the demo sites on loopback (the five
    demo websites and every Demo City business website, ops/demo/city.py)."""
    targets = SiteServer.connect_to_for(offline_sites(), port)
    connect_to = ",".join(f"{name}={target}" for name, target in targets.items())
    return {
        "SCRAPERSKY_FETCH_ALLOWED_NETWORKS": "127.0.0.0/8",
        "SCRAPERSKY_FETCH_CONNECT_TO": connect_to,
        "SCRAPERSKY_AUTO_QUEUE_SITEMAPS": "true",
        "SCRAPERSKY_AUTO_QUEUE_PAGES": "contact",
        # The demo's own DNS answers (ops/demo/dns.py), on UDP at the same port as the sites.
        "SCRAPERSKY_DNS_NAMESERVERS": f"127.0.0.1:{port}",
        # The demo places service (ops/demo/places.py): "plumbers in Demo City" with no internet.
        **places_environment(places_port or port + PLACES_PORT_OFFSET),
    }


def places_environment(port: int) -> dict[str, str]:
    """What the workers need to search the demo places service on ``port``."""
    url = f"http://127.0.0.1:{port}"
    return {
        "SCRAPERSKY_PLACES_NOMINATIM_URL": url,
        "SCRAPERSKY_PLACES_OVERPASS_URL": f"{url}/api/interpreter",
        "SCRAPERSKY_PLACES_GOOGLE_URL": url,
        "SCRAPERSKY_PLACES_GOOGLE_API_KEY": DEMO_GOOGLE_KEY,
        "SCRAPERSKY_PLACES_ALLOWED_NETWORKS": "127.0.0.0/8",
        "SCRAPERSKY_AUTO_QUEUE_BUSINESS_DOMAINS": "true",
    }


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0
