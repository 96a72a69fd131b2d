"""A DNS server on loopback with the validation's resolver pointed at it."""

from __future__ import annotations

import pytest

from processing.validation import mail_dns
from tests.dnsserver import LoopbackDns


@pytest.fixture
def dns(settings):
    """An empty loopback DNS server (every name NXDOMAIN until a test adds zones)."""
    with LoopbackDns() as server:
        settings.SCRAPERSKY_DNS_NAMESERVERS = [server.address]
        settings.SCRAPERSKY_DNS_TIMEOUT = 0.5
        mail_dns.clear_cache()
        yield server
    mail_dns.clear_cache()
