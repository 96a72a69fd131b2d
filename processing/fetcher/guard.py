"""SSRF guard (which addresses may be connected to) and the thread-local wall-clock deadline.

:mod:`processing.fetcher.connection` resolves a hostname with :func:`check_host`, which refuses
if any resolved address is not global (unless inside ``ALLOWED_NETWORKS``), and connects to
exactly the checked address: no second resolution, so no DNS rebinding, while the ``Host``
header, SNI and certificate verification keep using the hostname.

The deadline (``TOTAL_TIMEOUT``) is thread-local: the fetcher sets it around each attempt and
every connect, send and receive on a socket is bounded by the time left (:func:`bounded`).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable
from typing import Any

from .errors import BlockedAddressError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_SHARED = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_HINT = "allow it with SCRAPERSKY_FETCHER['ALLOWED_NETWORKS']"


def blocked_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be fetched from, or None if it is a global unicast address."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is None and ip.teredo:
            embedded = ip.teredo[1]
        if embedded is not None:
            inner = blocked_reason(embedded)
            if inner:
                return f"{inner} (embedded in {ip})"
    checks = (
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.version == 4 and ip in _SHARED, "a shared (carrier-grade NAT) address"),
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a global address"),
    )
    for hit, reason in checks:
        if hit:
            return reason
    return None


def is_allowed(ip: IPAddress, allowed_networks: Iterable[Any]) -> bool:
    candidates: list[IPAddress] = [ip]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        candidates.append(ip.ipv4_mapped)
    return any(c.version == n.version and c in n for c in candidates for n in allowed_networks)


def check_ip(ip: IPAddress, allowed_networks: Iterable[Any], *, url: str, host: str) -> None:
    """Raise :class:`BlockedAddressError` if ``ip`` is not global and not explicitly allowed."""
    reason = blocked_reason(ip)
    if reason is None or is_allowed(ip, allowed_networks):
        return
    shown = str(ip) if parse_ip(host) == ip else f"{host} resolves to {ip}, which"
    detail = f"{shown} is {reason} ({_HINT})"
    exc = BlockedAddressError(f"refused to fetch {url}: {detail}", url=url)
    exc.detail = detail
    raise exc


def parse_ip(host: str) -> IPAddress | None:
    """``host`` as an IP address (``[v6]`` and ``%zone`` allowed), or None for a name."""
    if ":" not in host and not host[-1:].isdigit():
        return None  # neither IPv6 nor dotted IPv4: a name (spares the ValueError below)
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


class ResolveError(OSError):
    """The name could not be resolved (resolver failure, no address)."""


class HostNotFound(ResolveError):
    """The name does not exist (NXDOMAIN): retrying will not help, unlike a resolver hiccup."""


# getaddrinfo's answers that mean "no such name", as opposed to EAI_AGAIN (try again later).
_NO_SUCH_NAME = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


def resolve(host: str, port: int) -> list[tuple[int, IPAddress]]:
    """``getaddrinfo`` → [(family, address)], deduplicated, in resolver order.

    Raises :class:`HostNotFound` (NXDOMAIN) or :class:`ResolveError` when it does not resolve.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        if exc.errno in _NO_SUCH_NAME:
            raise HostNotFound(f"host {host!r} does not exist (DNS: {exc.strerror})") from exc
        raise ResolveError(f"could not resolve host {host!r}: {exc}") from exc
    except UnicodeError as exc:
        raise HostNotFound(f"host {host!r} is not a valid name: {exc}") from exc
    result: list[tuple[int, IPAddress]] = []
    for family, _type, _proto, _name, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if all(ip != seen for _f, seen in result):
            result.append((family, ip))
    if not result:
        raise ResolveError(f"could not resolve host {host!r}: no IP address")
    return result


def check_host(host: str, port: int, allowed_networks: Iterable[Any], *, url: str) -> list[Any]:
    """Resolve ``host`` and check every address; return the resolved (family, ip) pairs."""
    allowed_networks = tuple(allowed_networks)
    literal = parse_ip(host)
    if literal is not None:
        check_ip(literal, allowed_networks, url=url, host=host)
        family = socket.AF_INET if literal.version == 4 else socket.AF_INET6
        return [(family, literal)]
    addresses = resolve(host, port)
    for _family, ip in addresses:
        check_ip(ip, allowed_networks, url=url, host=host)
    return addresses


# ---------------------------------------------------------------------------- deadline

_local = threading.local()


def start_deadline(seconds: float | None) -> tuple[float | None, float | None]:
    """Bound every connect/send/receive in this thread to ``seconds`` from now.

    Returns ``(deadline, previous)``; give ``previous`` back to :func:`set_deadline` when done.
    """
    value = None if seconds is None else time.monotonic() + seconds
    return value, set_deadline(value)


def set_deadline(value: float | None) -> float | None:
    """Install the absolute deadline ``value`` (None: none) for this thread; return the previous.

    Plain calls, not a context manager: this runs around every read of a body.
    """
    previous = getattr(_local, "deadline", None)
    _local.deadline = value
    return previous


def bounded(timeout: float | None) -> float | None:
    """``timeout`` shortened to the time left before this thread's deadline.

    Raises ``TimeoutError`` when the deadline has passed (the socket layer's own timeout type,
    so urllib3 reports it like any socket timeout).
    """
    value = getattr(_local, "deadline", None)
    if value is None:
        return timeout
    left = value - time.monotonic()
    if left <= 0:
        raise TimeoutError("total timeout exceeded")
    return left if timeout is None else min(timeout, left)
