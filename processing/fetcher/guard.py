"""SSRF guard and wall-clock deadline, implemented as an httpcore network backend.

httpcore's connection calls ``network_backend.connect_tcp(host, port, ...)`` with the URL's
hostname and later ``stream.start_tls(server_hostname=<the URL's hostname>)`` (see
``httpcore/_sync/connection.py``). :class:`GuardedBackend` resolves the hostname itself, refuses
if any resolved address is not global (unless inside ``ALLOWED_NETWORKS``) and connects to
exactly the checked address: no second resolution, so no DNS rebinding, while the ``Host``
header, SNI and certificate verification keep using the hostname.

The deadline (``TOTAL_TIMEOUT``) is thread-local: the fetcher sets it around each attempt and
every read/write on a stream is bounded by the time left.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore

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
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


class HostNotFound(httpcore.ConnectError):
    """The name does not exist (NXDOMAIN): retrying will not help, unlike a resolver hiccup."""


# getaddrinfo's answers that mean "no such name", as opposed to EAI_AGAIN (try again later).
_NO_SUCH_NAME = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


def resolve(host: str, port: int) -> list[tuple[int, IPAddress]]:
    """``getaddrinfo`` → [(family, address)], deduplicated, in resolver order.

    Raises ``httpcore.ConnectError`` when the name does not resolve.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        if exc.errno in _NO_SUCH_NAME:
            raise HostNotFound(f"host {host!r} does not exist (DNS: {exc.strerror})") from exc
        raise httpcore.ConnectError(f"could not resolve host {host!r}: {exc}") from exc
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
        raise httpcore.ConnectError(f"could not resolve host {host!r}: no IP address")
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


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[float | None]:
    """Bound every stream read/write/connect in this thread to ``seconds`` from now."""
    previous = getattr(_local, "deadline", None)
    value = None if seconds is None else time.monotonic() + seconds
    _local.deadline = value
    try:
        yield value
    finally:
        _local.deadline = previous


@contextlib.contextmanager
def use_deadline(value: float | None) -> Iterator[None]:
    """Re-install an absolute deadline (e.g. while a streamed body is iterated)."""
    previous = getattr(_local, "deadline", None)
    _local.deadline = value
    try:
        yield
    finally:
        _local.deadline = previous


def _bounded(timeout: float | None, exc_class: type[Exception]) -> float | None:
    value = getattr(_local, "deadline", None)
    if value is None:
        return timeout
    left = value - time.monotonic()
    if left <= 0:
        raise exc_class("total timeout exceeded")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """Delegating stream whose reads and writes never outlive the thread's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(
            ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)
        )
        return DeadlineStream(stream)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Resolve, check and connect to the checked IP; apply the deadline to the stream.

    With ``check=False`` (used for the connection to a configured proxy, which the operator
    trusts) only the deadline applies.
    """

    def __init__(
        self,
        allowed_networks: Iterable[Any],
        *,
        check: bool = True,
        connect_to: dict[str, str] | None = None,
    ) -> None:
        self._connect_to = {k.lower(): v for k, v in (connect_to or {}).items()}
        self._allowed = tuple(allowed_networks)
        self._check = check
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        target = self._connect_to.get(f"{host}:{port}".lower())
        if target:
            mapped_host, _, mapped_port = target.rpartition(":")
            host, port = mapped_host.strip("[]"), int(mapped_port)
        if not self._check:
            stream = self._backend.connect_tcp(
                host,
                port,
                timeout=_bounded(timeout, httpcore.ConnectTimeout),
                local_address=local_address,
                socket_options=socket_options,
            )
            return DeadlineStream(stream)
        url = f"//{host}:{port}/"
        addresses = check_host(host, port, self._allowed, url=url)
        last_exc: Exception | None = None
        for _family, ip in addresses:
            try:
                stream = self._backend.connect_tcp(
                    str(ip),
                    port,
                    timeout=_bounded(timeout, httpcore.ConnectTimeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_exc = exc
                continue
            return DeadlineStream(stream)
        assert last_exc is not None
        raise last_exc

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not supported by the fetcher")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
