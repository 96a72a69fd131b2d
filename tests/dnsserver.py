"""A DNS server on loopback (dnslib wire format) for tests and benches: zones, failures, counts.

Each domain maps to a :class:`Zone`: its MX, A and AAAA records, or a failure (``SERVFAIL``,
``REFUSED``) or ``silent`` (the query is read and never answered). Names without a zone are
NXDOMAIN. Every query is counted by (name, type), so a test can say how many were asked.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from dnslib import AAAA, MX, QTYPE, RCODE, RR, A, DNSRecord


@dataclass(frozen=True)
class Zone:
    mx: tuple[tuple[int, str], ...] = ()  # (preference, host); (0, ".") is a null MX
    a: tuple[str, ...] = ()
    aaaa: tuple[str, ...] = ()
    rcode: str = ""  # "SERVFAIL", "REFUSED": answer every question with this code
    silent: bool = False  # never answer


def mail_zone(host: str | None = None) -> Zone:
    """A domain with one mail exchanger (``mail.<domain>`` style hosts are fine unresolved)."""
    return Zone(mx=((10, host or "mx.mail.example"),))


@dataclass
class LoopbackDns:
    """``with LoopbackDns(zones) as dns: settings.SCRAPERSKY_DNS_NAMESERVERS = [dns.address]``."""

    zones: dict[str, Zone] = field(default_factory=dict)
    zone_for: Callable[[str], Zone | None] | None = None  # consulted when ``zones`` has no entry
    queries: Counter = field(default_factory=Counter)
    latency: float = 0.0  # seconds before each answer (a remote resolver's round trip)

    def __post_init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, name="loopback-dns", daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def total(self) -> int:
        with self._lock:
            return sum(self.queries.values())

    def count(self, name: str, qtype: str | None = None) -> int:
        with self._lock:
            return sum(
                n for (qname, t), n in self.queries.items() if qname == name and qtype in (None, t)
            )

    def start(self) -> LoopbackDns:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()

    def __enter__(self) -> LoopbackDns:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _zone(self, name: str) -> Zone | None:
        zone = self.zones.get(name)
        if zone is None and self.zone_for is not None:
            zone = self.zone_for(name)
        return zone

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, peer = self._sock.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                request = DNSRecord.parse(data)
            except Exception:  # noqa: S112  (garbage in: nothing to answer)
                continue
            reply = self._reply(request)
            if reply is None:
                continue
            if self.latency:  # answers overlap, as a real resolver's do
                threading.Timer(self.latency, self._send, (reply, peer)).start()
            else:
                self._send(reply, peer)

    def _send(self, reply: DNSRecord, peer) -> None:
        with contextlib.suppress(OSError):  # stopped meanwhile
            self._sock.sendto(reply.pack(), peer)

    def _reply(self, request: DNSRecord) -> DNSRecord | None:
        name = str(request.q.qname).rstrip(".").lower()
        qtype = QTYPE[request.q.qtype]
        with self._lock:
            self.queries[(name, qtype)] += 1
        zone = self._zone(name)
        reply = request.reply()
        if zone is None:
            reply.header.rcode = RCODE.NXDOMAIN
            return reply
        if zone.silent:
            return None
        if zone.rcode:
            reply.header.rcode = getattr(RCODE, zone.rcode)
            return reply
        if qtype == "MX":
            for preference, host in zone.mx:
                reply.add_answer(RR(name, QTYPE.MX, rdata=MX(host, preference), ttl=300))
        elif qtype == "A":
            for address in zone.a:
                reply.add_answer(RR(name, QTYPE.A, rdata=A(address), ttl=300))
        elif qtype == "AAAA":
            for address in zone.aaaa:
                reply.add_answer(RR(name, QTYPE.AAAA, rdata=AAAA(address), ttl=300))
        return reply


@pytest.fixture
def loopback_dns(settings):
    """An empty loopback DNS server (every name NXDOMAIN until a test adds zones), with contact
    validation's resolver pointed at it and its cache emptied."""
    from processing.validation import mail_dns

    with LoopbackDns() as server:
        settings.SCRAPERSKY_DNS_NAMESERVERS = [server.address]
        settings.SCRAPERSKY_DNS_TIMEOUT = 0.5
        mail_dns.clear_cache()
        yield server
    mail_dns.clear_cache()
