"""The per-domain cache of mail routes: one lookup per domain, across threads, for a while."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from processing.validation import DnsLookupError, validate_contact
from processing.validation.mail_dns import MailRoute, MailRouteCache
from tests.dnsserver import Zone, mail_zone


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_many_contacts_of_a_domain_on_many_threads_cost_one_query(loopback_dns):
    loopback_dns.zones["acme.com"] = mail_zone()
    loopback_dns.zones["tiny.com"] = Zone(a=("192.0.2.1",))
    addresses = [f"person{i}@{'acme' if i % 2 else 'tiny'}.com" for i in range(200)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        verdicts = list(
            pool.map(
                lambda a: validate_contact(kind="email", value=a, default_region="US"), addresses
            )
        )
    assert {v.verdict for v in verdicts} == {"valid", "risky"}
    assert loopback_dns.count("acme.com") == 1
    assert loopback_dns.count("tiny.com") == 2  # MX (none), then A (answered): AAAA is never asked


def test_a_failing_domain_is_asked_once_per_moment_then_again(loopback_dns):
    loopback_dns.zones["broken.com"] = Zone(rcode="SERVFAIL")
    for _ in range(5):
        with pytest.raises(DnsLookupError, match="SERVFAIL"):
            validate_contact(kind="email", value="a@broken.com", default_region="US")
    assert loopback_dns.count("broken.com") == 1  # the batch's other contacts fail at once


def test_entries_expire_and_failures_expire_sooner():
    clock = Clock()
    cache = MailRouteCache(seconds=lambda: 300, failure_seconds=10, clock=clock)
    calls = []

    def ok():
        calls.append("ok")
        return MailRoute("mx", ("mx.example.net",))

    def failing():
        calls.append("fail")
        raise DnsLookupError("DNS servers failed: SERVFAIL")

    assert cache.get("a.com", ok).outcome == "mx"
    clock.now += 299
    cache.get("a.com", ok)
    assert calls == ["ok"]
    clock.now += 2
    cache.get("a.com", ok)
    assert calls == ["ok", "ok"]

    with pytest.raises(DnsLookupError):
        cache.get("b.com", failing)
    with pytest.raises(DnsLookupError):
        cache.get("b.com", failing)
    assert calls.count("fail") == 1
    clock.now += 11
    assert cache.get("b.com", ok).outcome == "mx"  # asked again: DNS is back


def test_waiting_threads_share_the_answer_and_survive_an_unexpected_failure():
    cache = MailRouteCache(seconds=lambda: 300)
    started, release = threading.Event(), threading.Event()
    calls = []

    def first():
        calls.append("first")
        started.set()
        release.wait(5)
        raise RuntimeError("bug in a lookup")

    def second():
        calls.append("second")
        return MailRoute("mx", ("mx.example.net",))

    with ThreadPoolExecutor(max_workers=2) as pool:
        owner = pool.submit(cache.get, "c.com", first)
        assert started.wait(5)
        waiter = pool.submit(cache.get, "c.com", second)
        release.set()
        with pytest.raises(RuntimeError):
            owner.result(5)
        assert waiter.result(5).outcome == "mx"  # asked on its own after the owner's failure
    assert calls == ["first", "second"]


def test_the_cache_is_bounded():
    cache = MailRouteCache(seconds=lambda: 300, max_domains=100)
    for i in range(1000):
        cache.get(f"d{i}.com", lambda: MailRoute("nxdomain"))
    assert len(cache._entries) <= 101


def test_another_resolver_does_not_see_the_first_ones_answers(loopback_dns, settings):
    from tests.dnsserver import LoopbackDns

    loopback_dns.zones["acme.com"] = mail_zone()
    assert (
        validate_contact(kind="email", value="a@acme.com", default_region="US").verdict == "valid"
    )
    with LoopbackDns() as other:  # knows nothing: NXDOMAIN
        settings.SCRAPERSKY_DNS_NAMESERVERS = [other.address]
        result = validate_contact(kind="email", value="a@acme.com", default_region="US")
        assert result.verdict == "invalid"
        assert other.count("acme.com") == 1
