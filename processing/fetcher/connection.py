"""urllib3 connections that connect only to guard-checked addresses and obey the deadline.

urllib3 is the fetcher's HTTP client (chosen on measurements, see ``bench/fetch_cpu.py``: its
per-request CPU is a fraction of httpx/httpcore's, whose sync pool scans every connection on each
request). urllib3 lets a connection class replace ``_new_conn`` (the TCP connect), which is where
the guard lives:

* the hostname is resolved once, every address is checked (:func:`guard.check_host`) and the
  socket connects to exactly a checked address, so a second resolution cannot rebind it; the
  ``Host`` header, SNI and certificate verification keep using the hostname;
* ``CONNECT_TO`` (curl's ``--connect-to``) maps ``host:port`` to another address, which is still
  checked;
* every connect, send and receive is bounded by the thread's deadline (``TOTAL_TIMEOUT``):
  the socket is wrapped by :class:`DeadlineSocket`, whose ``makefile`` gives http.client a
  reader that shortens each receive's timeout to the time left, so a server dripping headers or
  body one byte at a time cannot outlive the deadline.

Responses are read by :class:`processing.fetcher.headers.HTTPResponse` (http.client's, with a
cheaper header parse) and repeated header lines are encoded once (``putheader``).

Failures before a connection exists raise :class:`ConnectFailed` (not an ``OSError``, so
urllib3 passes it through untouched); the fetcher turns it into the public error with the URL.
"""

from __future__ import annotations

import io
import socket
import ssl
from typing import Any, ClassVar

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.util.connection import create_connection

from . import guard
from .errors import BlockedAddressError, FailureKind
from .headers import HTTPResponse


class ConnectFailed(Exception):
    """No connection could be established; ``kind`` is a :class:`FailureKind`."""

    def __init__(self, kind: FailureKind, detail: str, *, not_found: bool = False) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.not_found = not_found


class DeadlineSocket:
    """A socket (plain or TLS) whose sends and receives never outlive the thread's deadline."""

    __slots__ = ("_sock", "_timeout")

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._timeout = sock.gettimeout()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)

    def fileno(self) -> int:
        return self._sock.fileno()

    def settimeout(self, timeout: float | None) -> None:
        self._timeout = timeout
        self._sock.settimeout(timeout)

    def gettimeout(self) -> float | None:
        return self._timeout

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        self._sock.settimeout(guard.bounded(self._timeout))
        return self._sock.recv_into(buffer, nbytes, flags)

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        self._sock.settimeout(guard.bounded(self._timeout))
        return self._sock.recv(bufsize, flags)

    def sendall(self, data: Any, flags: int = 0) -> None:
        self._sock.settimeout(guard.bounded(self._timeout))
        self._sock.sendall(data, flags)

    def makefile(self, mode: str = "rb", buffering: int | None = None, **_: Any) -> io.IOBase:
        # http.client reads the status line, headers and body through this file; SocketIO
        # calls our recv_into, so each receive is bounded.
        raw = socket.SocketIO(self, "rb")  # type: ignore[arg-type]
        # As socket.makefile does: the file keeps the descriptor open until it is closed, too
        # (http.client closes the connection's socket while a response still reads from it).
        self._sock._io_refs += 1  # type: ignore[attr-defined]
        return io.BufferedReader(raw, buffering or io.DEFAULT_BUFFER_SIZE)

    def close(self) -> None:
        self._sock.close()


def _connect_error(exc: OSError) -> ConnectFailed:
    if isinstance(exc, ConnectionRefusedError):
        return ConnectFailed(FailureKind.REFUSED, f"connection refused ({exc.strerror or exc})")
    if isinstance(exc, TimeoutError):
        return ConnectFailed(FailureKind.CONNECT_TIMEOUT, "connect timeout")
    return ConnectFailed(FailureKind.CONNECT, str(exc) or type(exc).__name__)


# Header lines as http.client validated and encoded them, by (name, values): a fetcher sends
# the same few (User-Agent, Accept, Accept-Encoding) on every request.
_HEADER_LINES: dict[tuple[str, tuple[Any, ...]], bytes] = {}
_HEADER_LINES_MAX = 64


class _GuardedMixin:
    """``_new_conn`` that resolves, checks and connects to the checked address."""

    #: set on the per-fetcher subclass built by :func:`pool_classes`
    guard_allowed: ClassVar[tuple[Any, ...]] = ()
    guard_connect_to: ClassVar[dict[str, str]] = {}
    guard_check: ClassVar[bool] = True
    #: http.client's response with the header block parsed without the email package
    response_class = HTTPResponse

    host: str
    port: int
    timeout: Any
    source_address: Any
    socket_options: Any
    sock: Any

    def _new_conn(self) -> socket.socket:
        host, port = self._dns_host, self.port  # type: ignore[attr-defined]
        target = (
            self.guard_connect_to.get(f"{host}:{port}".lower()) if self.guard_connect_to else None
        )
        if target:
            mapped_host, _, mapped_port = target.rpartition(":")
            host, port = mapped_host.strip("[]"), int(mapped_port)
        if self.guard_check:
            try:
                addresses = [
                    str(ip)
                    for _family, ip in guard.check_host(
                        host, port, self.guard_allowed, url=f"//{host}:{port}/"
                    )
                ]
            except guard.HostNotFound as exc:
                raise ConnectFailed(FailureKind.DNS, str(exc), not_found=True) from exc
            except guard.ResolveError as exc:
                raise ConnectFailed(FailureKind.DNS, str(exc)) from exc
        else:  # the operator's proxy: trusted, resolved by the OS
            addresses = [host]
        last: OSError | None = None
        for address in addresses:
            try:
                return create_connection(
                    (address, port),
                    guard.bounded(self.timeout),
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except OSError as exc:
                last = exc
        assert last is not None
        raise _connect_error(last) from last

    def putheader(self, header: str, *values: Any) -> None:
        """http.client's validation and encoding once per distinct header line, not per request.

        A line seen before is appended to the request as http.client built it the first time
        (``Host`` varies by site and is always built afresh)."""
        key = (header, values)
        line = _HEADER_LINES.get(key)
        buffer: list[bytes] = self._buffer  # type: ignore[attr-defined]
        if line is not None:
            buffer.append(line)
            return
        size = len(buffer)
        super().putheader(header, *values)  # type: ignore[misc]
        if (
            len(buffer) == size + 1
            and header.lower() != "host"
            and len(_HEADER_LINES) < _HEADER_LINES_MAX
        ):
            _HEADER_LINES[key] = buffer[-1]

    def connect(self) -> None:
        try:
            super().connect()  # type: ignore[misc]
        except (ConnectFailed, BlockedAddressError):
            raise
        except TimeoutError as exc:  # TLS handshake (or proxy tunnel) too slow
            raise ConnectFailed(
                FailureKind.CONNECT_TIMEOUT, "connect timeout (TLS handshake)"
            ) from exc
        except (ssl.SSLError, ssl.CertificateError) as exc:
            raise ConnectFailed(FailureKind.TLS, f"TLS failed: {exc}") from exc
        except Urllib3HTTPError as exc:  # urllib3 wraps certificate and proxy errors
            kind = FailureKind.TLS if "ssl" in type(exc).__name__.lower() else FailureKind.CONNECT
            raise ConnectFailed(kind, f"{exc}") from exc
        except OSError as exc:
            if isinstance(self, HTTPSConnection) and not isinstance(
                exc, ConnectionRefusedError | TimeoutError
            ):
                # e.g. the peer hung up during the handshake: TLS is not spoken there
                raise ConnectFailed(FailureKind.TLS, f"TLS failed: {exc}") from exc
            raise _connect_error(exc) from exc
        self.sock = DeadlineSocket(self.sock)


class GuardedHTTPConnection(_GuardedMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardedMixin, HTTPSConnection):
    pass


def pool_classes(
    allowed_networks: tuple[Any, ...],
    connect_to: dict[str, str],
    *,
    check: bool = True,
) -> dict[str, type[HTTPConnectionPool]]:
    """Pool classes for urllib3's ``PoolManager.pool_classes_by_scheme``, bound to one config."""
    attrs = {
        "guard_allowed": tuple(allowed_networks),
        "guard_connect_to": {k.lower(): v for k, v in connect_to.items()},
        "guard_check": check,
    }
    http_conn = type("GuardedHTTPConnection", (GuardedHTTPConnection,), attrs)
    https_conn = type("GuardedHTTPSConnection", (GuardedHTTPSConnection,), attrs)
    return {
        "http": type(
            "GuardedHTTPConnectionPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}
        ),
        "https": type(
            "GuardedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}
        ),
    }
