"""Email verdicts against a DNS server on loopback: MX, A only, NXDOMAIN, failures, disposable."""

from __future__ import annotations

import time

import pytest
from django.core.exceptions import ImproperlyConfigured

from processing.errors import TransientError
from processing.validation import DnsLookupError, validate_contact
from processing.validation.emails import is_disposable
from processing.validation.mail_dns import resolver_config
from tests.dnsserver import Zone, mail_zone


def check(address: str):
    return validate_contact(kind="email", value=address, default_region="US")


def test_a_domain_with_mail_exchangers_is_valid(loopback_dns):
    loopback_dns.zones["acme-plumbing.com"] = Zone(
        mx=((20, "backup.acme-plumbing.com"), (10, "mx1.acme.net"))
    )
    result = check("jane.doe@acme-plumbing.com")
    assert (result.verdict, result.classification) == ("valid", "company")
    assert result.reason == "mail exchanger mx1.acme.net"  # the preferred one
    assert loopback_dns.count("acme-plumbing.com") == 1  # MX only: no fallback asked


def test_the_classification_is_kept(loopback_dns):
    loopback_dns.zones["acme-plumbing.com"] = mail_zone()
    loopback_dns.zones["gmail.com"] = mail_zone("gmail-smtp-in.l.google.com")
    assert check("info@acme-plumbing.com").classification == "role"
    assert check("someone@gmail.com").classification == "free"


def test_a_domain_with_only_an_address_is_risky(loopback_dns):
    loopback_dns.zones["tiny-bakery.com"] = Zone(a=("192.0.2.10",))
    loopback_dns.zones["v6-only.org"] = Zone(aaaa=("2001:db8::25",))
    result = check("hello@tiny-bakery.com")
    assert result.verdict == "risky"
    assert "no MX" in result.reason
    assert (
        loopback_dns.count("tiny-bakery.com", "MX")
        == loopback_dns.count("tiny-bakery.com", "A")
        == 1
    )
    assert check("a@v6-only.org").verdict == "risky"
    assert loopback_dns.count("v6-only.org", "AAAA") == 1


def test_a_domain_that_does_not_exist_is_invalid(loopback_dns):
    result = check("owner@no-such-company.com")
    assert (result.verdict, result.reason) == ("invalid", "the domain does not exist (NXDOMAIN)")


def test_no_mail_exchanger_and_null_mx_are_invalid(loopback_dns):
    loopback_dns.zones["parked.com"] = Zone()  # exists, no MX, A or AAAA
    loopback_dns.zones["nomail.org"] = Zone(mx=((0, "."),), a=("192.0.2.1",))  # RFC 7505
    assert check("x@parked.com").reason == "no mail exchanger (no MX, A or AAAA)"
    assert check("x@parked.com").verdict == "invalid"
    result = check("x@nomail.org")
    assert (result.verdict, result.reason) == ("invalid", "the domain accepts no mail (null MX)")
    assert loopback_dns.count("nomail.org", "A") == 0  # a null MX is final


def test_servfail_is_transient(loopback_dns):
    loopback_dns.zones["broken-dns.com"] = Zone(rcode="SERVFAIL")
    with pytest.raises(DnsLookupError, match="SERVFAIL") as raised:
        check("sales@broken-dns.com")
    assert isinstance(raised.value, TransientError)  # the engine retries it with backoff


def test_a_server_that_never_answers_times_out_as_transient(loopback_dns, settings):
    loopback_dns.zones["slow-dns.com"] = Zone(silent=True)
    settings.SCRAPERSKY_DNS_TIMEOUT = 0.3
    started = time.monotonic()
    with pytest.raises(DnsLookupError, match=r"timed out after 0.3s"):
        check("sales@slow-dns.com")
    assert time.monotonic() - started < 5  # bounded by the setting, not hanging
    assert loopback_dns.count("slow-dns.com", "MX") >= 1


def test_a_disposable_domain_is_risky_without_a_lookup(loopback_dns):
    assert is_disposable("mailinator.com") and is_disposable("eu.mailinator.com")
    assert not is_disposable("acme-plumbing.com")
    result = check("throwaway@mailinator.com")
    assert (result.verdict, result.reason) == ("risky", "disposable mail domain")
    assert loopback_dns.total == 0


@pytest.mark.parametrize(
    "address", ["no-at-sign.com", "two..dots@acme.com", "a@b@acme.com", "x@site.test", "x@1.2.3.4"]
)
def test_bad_syntax_is_invalid_without_a_lookup(loopback_dns, address):
    result = check(address)
    assert result.verdict == "invalid"
    assert result.reason.startswith("bad address: ")
    assert loopback_dns.total == 0


def test_an_international_domain_is_looked_up_in_punycode(loopback_dns):
    loopback_dns.zones["xn--bcher-kva.de"] = mail_zone()
    assert check("kontakt@bücher.de").verdict == "valid"
    assert loopback_dns.count("xn--bcher-kva.de", "MX") == 1


def test_the_nameserver_setting_is_parsed_and_checked(settings):
    settings.SCRAPERSKY_DNS_NAMESERVERS = ["127.0.0.1", "127.0.0.1:5353", "[::1]:53", "::1"]
    assert resolver_config().nameservers == (
        ("127.0.0.1", 53),
        ("127.0.0.1", 5353),
        ("::1", 53),
        ("::1", 53),
    )
    settings.SCRAPERSKY_DNS_NAMESERVERS = []
    assert resolver_config().nameservers == ()  # the system resolver
    for bad in ["dns.example.com", "127.0.0.1:99999", "127.0.0.1:x"]:
        settings.SCRAPERSKY_DNS_NAMESERVERS = [bad]
        with pytest.raises(ImproperlyConfigured, match="SCRAPERSKY_DNS_NAMESERVERS"):
            resolver_config()
