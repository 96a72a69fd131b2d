"""The demo's own DNS answers: demo addresses validate as what they are, offline."""

from __future__ import annotations

import pytest

from ops.demo import demo_environment, demo_sites
from ops.demo.dns import DemoDns
from processing.validation.emails import check_email
from processing.validation.mail_dns import ResolverConfig, lookup_mail_route


@pytest.fixture
def demo_dns():
    with DemoDns() as server:
        host, port = server.address.split(":")
        yield ResolverConfig(((host, int(port)),), timeout=2.0)


def route(config, domain):
    return lookup_mail_route(domain, config=config)


def test_every_demo_domain_has_a_mail_exchanger(demo_dns):
    for site in demo_sites():
        found = route(demo_dns, site.host)
        assert (found.outcome, found.hosts) == ("mx", (f"mail.{site.host}",)), site.host


def test_an_address_on_a_demo_domain_is_valid_and_an_unknown_demo_name_does_not_exist(demo_dns):
    def mail_route(domain):
        return route(demo_dns, domain)

    valid = check_email("a.hartley@hartley-law.demo", mail_route=mail_route)
    assert valid.verdict == "valid", valid
    missing = check_email("someone@nowhere.demo", mail_route=mail_route)
    assert (missing.verdict, "NXDOMAIN" in missing.reason) == ("invalid", True)


def test_a_name_outside_the_demo_is_refused_not_judged(demo_dns):
    """The demo runs offline: it does not claim a real domain does not exist."""
    from processing.errors import TransientError

    with pytest.raises(TransientError):
        route(demo_dns, "example.com")


def test_up_demo_points_validation_at_it():
    assert demo_environment(8401)["SCRAPERSKY_DNS_NAMESERVERS"] == "127.0.0.1:8401"
