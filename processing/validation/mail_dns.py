"""A domain's mail exchangers from DNS (dnspython): MX, else A/AAAA (RFC 5321 5.1), null MX.

The resolver is dnspython's, configured by settings: ``SCRAPERSKY_DNS_NAMESERVERS`` ("ip" or
"ip:port" entries; empty: the system resolver from /etc/resolv.conf), ``SCRAPERSKY_DNS_TIMEOUT``
(seconds for one lookup, all retries included) and ``SCRAPERSKY_DNS_CACHE_SECONDS``.

Outcomes: NXDOMAIN, a null MX ("." , RFC 7505) and a name without MX, A or AAAA are answers about
the domain (a verdict); a timeout, SERVFAIL, REFUSED or a network error says nothing about it
and raises :class:`DnsLookupError`, a ``TransientError`` the engine retries with backoff.

The per-domain cache is hand-written rather than dnspython's ``LRUCache``: that one caches by
record TTL (often 0-300 s and ignored when 0), caches no negative answer without an SOA, and
lets concurrent threads all miss and query the same name; a consumer run validates thousands of
contacts over a few hundred domains on many threads, so this cache keeps each domain's outcome
for ``SCRAPERSKY_DNS_CACHE_SECONDS`` (about one consumer run) and lets one thread ask while the
others wait for its answer. Failures are kept only briefly, so one dead domain does not cost a
timeout per contact of the run, while the engine's retry later asks again.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import dns.exception
import dns.name
import dns.nameserver
import dns.rdatatype
import dns.resolver
from django.core.exceptions import ImproperlyConfigured

from processing.errors import TransientError
from scrapersky.conf import conf

# How long a lookup failure is remembered: contacts of the same domain claimed in the same
# batch fail at once instead of each waiting for the timeout. Keep it below the engine's first
# retry delay (the workflow's backoff_base, 30 s by default) so a retry asks DNS again.
FAILURE_SECONDS = 10.0
MAX_DOMAINS = 50_000  # bounds the cache's memory (about 200 bytes a domain)


class DnsLookupError(TransientError):
    """DNS did not answer (timeout, SERVFAIL, REFUSED, network error): try again later."""


@dataclass(frozen=True, slots=True)
class MailRoute:
    """Where mail for a domain would go."""

    outcome: (
        str  # "mx", "address" (no MX: the domain's own A/AAAA), "null_mx", "no_mail", "nxdomain"
    )
    hosts: tuple[str, ...] = ()  # MX hosts by preference, or the addresses


@dataclass(frozen=True)
class ResolverConfig:
    nameservers: tuple[tuple[str, int], ...]  # empty: the system resolver
    timeout: float


def resolver_config() -> ResolverConfig:
    """The resolver settings, checked."""
    servers = tuple(_parse_nameserver(entry) for entry in conf.dns_nameservers)
    timeout = float(conf.dns_timeout)
    if timeout <= 0:
        raise ImproperlyConfigured(f"SCRAPERSKY_DNS_TIMEOUT={timeout}: must be positive")
    return ResolverConfig(servers, timeout)


def _parse_nameserver(entry: str) -> tuple[str, int]:
    """``"127.0.0.1"``, ``"127.0.0.1:5353"``, ``"::1"`` or ``"[::1]:5353"``."""
    text = entry.strip()
    host, port = text, 53
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            port = _port(entry, rest.removeprefix(":"))
    elif text.count(":") == 1:
        host, raw_port = text.split(":")
        port = _port(entry, raw_port)
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise ImproperlyConfigured(
            f"SCRAPERSKY_DNS_NAMESERVERS entry {entry!r} is not an IP address (ip or ip:port)"
        ) from None
    return host, port


def _port(entry: str, raw: str) -> int:
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ImproperlyConfigured(f"SCRAPERSKY_DNS_NAMESERVERS entry {entry!r}: bad port")
    return int(raw)


@lru_cache(maxsize=8)
def _resolver(config: ResolverConfig) -> dns.resolver.Resolver:
    """One shared resolver per configuration (dnspython resolvers are safe across threads)."""
    if config.nameservers:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [
            dns.nameserver.Do53Nameserver(host, port) for host, port in config.nameservers
        ]
    else:
        try:
            resolver = dns.resolver.Resolver()
        except dns.resolver.NoResolverConfiguration as exc:
            raise DnsLookupError(f"no DNS resolver configured on this machine ({exc})") from None
    resolver.lifetime = config.timeout  # the whole lookup, retries included
    resolver.timeout = config.timeout  # one attempt at one server
    return resolver


def _ask(resolver: dns.resolver.Resolver, name: dns.name.Name, rdtype: str) -> dns.resolver.Answer:
    """One question; failures that say nothing about the domain become DnsLookupError."""
    domain = name.to_text(omit_final_dot=True)
    try:
        return resolver.resolve(name, rdtype, search=False, raise_on_no_answer=False)
    except dns.resolver.NXDOMAIN:
        raise
    except dns.exception.Timeout:
        raise DnsLookupError(
            f"DNS lookup of {domain} ({rdtype}) timed out after {resolver.lifetime:g}s"
        ) from None
    except dns.resolver.NoNameservers as exc:
        rcodes = sorted({str(error[3]) for error in exc.kwargs.get("errors", []) if error[3]})
        detail = ", ".join(rcodes) or "no usable answer"
        raise DnsLookupError(f"DNS servers failed for {domain} ({rdtype}): {detail}") from None
    except dns.exception.DNSException as exc:
        raise DnsLookupError(f"DNS lookup of {domain} ({rdtype}) failed: {exc}") from None


def lookup_mail_route(domain: str, *, config: ResolverConfig | None = None) -> MailRoute:
    """Ask DNS where mail for ``domain`` (an ASCII/punycode name) would go; no cache."""
    resolver = _resolver(config or resolver_config())
    try:
        name = dns.name.from_text(domain)
    except dns.exception.DNSException:
        return MailRoute("nxdomain")  # not a DNS name at all (email-validator catches most)
    try:
        answer = _ask(resolver, name, "MX")
        if answer.rrset:
            records = sorted(answer.rrset, key=lambda r: (r.preference, r.exchange.to_text()))
            hosts = tuple(
                r.exchange.to_text(omit_final_dot=True)
                for r in records
                if r.exchange != dns.name.root
            )
            return MailRoute("mx", hosts) if hosts else MailRoute("null_mx")
        # The name exists but has no MX: RFC 5321 5.1 treats its address as an implicit MX.
        for rdtype in ("A", "AAAA"):
            answer = _ask(resolver, name, rdtype)
            if answer.rrset:
                return MailRoute("address", tuple(r.to_text() for r in answer.rrset))
    except (dns.resolver.NXDOMAIN, dns.resolver.YXDOMAIN):
        return MailRoute("nxdomain")
    return MailRoute("no_mail")


class _Entry:
    __slots__ = ("done", "error", "expires", "route")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.route: MailRoute | None = None
        self.error: DnsLookupError | None = None
        self.expires = float("inf")  # pending: never expired while its lookup runs


class MailRouteCache:
    """Each domain's route, looked up once while it is fresh, whatever the number of threads."""

    def __init__(
        self,
        *,
        seconds: Callable[[], float],
        failure_seconds: float = FAILURE_SECONDS,
        max_domains: int = MAX_DOMAINS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._seconds = seconds
        self._failure_seconds = failure_seconds
        self._max = max_domains
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: dict[object, _Entry] = {}

    def get(self, key: object, lookup: Callable[[], MailRoute]) -> MailRoute:
        """The cached route for ``key``, or ``lookup()``'s (run by one thread at a time)."""
        while True:
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None and entry.expires <= self._clock():
                    del self._entries[key]
                    entry = None
                owner = entry is None
                if owner:
                    entry = self._entries[key] = _Entry()
                    self._evict()
            if owner:
                return self._fill(key, entry, lookup)
            entry.done.wait()
            if entry.route is not None:
                return entry.route
            if entry.error is not None:
                raise DnsLookupError(str(entry.error))
            # The owner failed with something other than DNS (and dropped the entry): ask again.

    def _fill(self, key: object, entry: _Entry, lookup: Callable[[], MailRoute]) -> MailRoute:
        try:
            entry.route = lookup()
            entry.expires = self._clock() + self._seconds()
            return entry.route
        except DnsLookupError as exc:
            entry.error = exc
            entry.expires = self._clock() + self._failure_seconds
            raise
        except BaseException:
            with self._lock:
                if self._entries.get(key) is entry:
                    del self._entries[key]
            raise
        finally:
            entry.done.set()

    def _evict(self) -> None:
        if len(self._entries) <= self._max:
            return
        now = self._clock()
        for key in [k for k, e in self._entries.items() if e.expires <= now]:
            del self._entries[key]
        while len(self._entries) > self._max:  # oldest first (dicts keep insertion order)
            del self._entries[next(iter(self._entries))]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_cache = MailRouteCache(seconds=lambda: float(conf.dns_cache_seconds))


def cached_mail_route(domain: str) -> MailRoute:
    """:func:`lookup_mail_route` through the process-wide cache (keyed by resolver and domain)."""
    config = resolver_config()
    return _cache.get((config, domain), lambda: lookup_mail_route(domain, config=config))


def clear_cache() -> None:
    """Forget every cached route (tests, or after changing the resolver)."""
    _cache.clear()
