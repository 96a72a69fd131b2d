"""The demo's own DNS answers: the demo domains have mail exchangers, so their addresses validate.

The demo domains (``*.demo``) are fictional, so the machine's resolver answers NXDOMAIN and every
demo address would be judged ``invalid`` for a reason that says nothing about the pipeline. The
demo serves its own answers instead, on UDP at the demo websites' port (UDP and TCP ports are
separate), and ``up --demo`` points contact validation at it (``SCRAPERSKY_DNS_NAMESERVERS``):
each demo site's domain (ops/demo/city.py's ``offline_sites``) has an MX (``mail.<domain>``)
and an A record; any other ``.demo`` name
does not exist (NXDOMAIN); a name outside the demo is REFUSED, which validation treats as a
failure to retry, never as a verdict (the demo runs offline: it cannot know).

Messages are parsed and built with dnspython (already the validator's DNS library).
"""

from __future__ import annotations

import socket
import threading

import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset

from ops.demo.city import offline_sites

DEMO_SUFFIX = dns.name.from_text("demo.")
TTL = 300


def answer(wire: bytes, hosts: set[str]) -> bytes | None:
    """The reply to one query (None for a packet that is not a DNS query)."""
    try:
        query = dns.message.from_wire(wire)
    except Exception:  # any malformed packet is dropped, as a server does
        return None
    response = dns.message.make_response(query)
    response.flags |= dns.flags.AA
    if not query.question:
        response.set_rcode(dns.rcode.FORMERR)
        return response.to_wire()
    question = query.question[0]
    name = question.name
    host = name.to_text(omit_final_dot=True).lower()
    if not name.is_subdomain(DEMO_SUFFIX):
        response.flags &= ~dns.flags.AA
        response.set_rcode(dns.rcode.REFUSED)
        return response.to_wire()
    mail_host = host.removeprefix("mail.")
    if host not in hosts and not (host.startswith("mail.") and mail_host in hosts):
        response.set_rcode(dns.rcode.NXDOMAIN)
        return response.to_wire()
    records = []
    if question.rdtype == dns.rdatatype.MX and host in hosts:
        records.append(f"10 mail.{host}.")
    elif question.rdtype == dns.rdatatype.A:
        records.append("127.0.0.1")
    if records:
        response.answer.append(
            dns.rrset.from_text(name, TTL, dns.rdataclass.IN, question.rdtype, *records)
        )
    return response.to_wire()


class DemoDns:
    """``with DemoDns(port=8401):`` answers on 127.0.0.1:port/udp until stopped."""

    def __init__(self, *, port: int = 0, host: str = "127.0.0.1"):
        self.hosts = {site.host for site in offline_sites()}
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, port))
        self.sock.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, name="demo-dns", daemon=True)

    @property
    def address(self) -> str:
        host, port = self.sock.getsockname()
        return f"{host}:{port}"

    def serve_forever(self) -> None:
        while not self._stop.is_set():
            try:
                wire, client = self.sock.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            reply = answer(wire, self.hosts)
            if reply is not None:
                self.sock.sendto(reply, client)

    def start(self) -> DemoDns:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)
        self.sock.close()

    def __enter__(self) -> DemoDns:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
