from __future__ import annotations

import socket
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from processing.errors import TransientError
from processing.fetcher import (
    ConnectionRefusedFetchError,
    ConnectTimeoutFetchError,
    FailureKind,
    FetchConnectionError,
    FetchTimeoutError,
    HostNotFoundError,
    HTTPStatusError,
    TLSFetchError,
    TransientHTTPStatusError,
)
from processing.fetcher.retries import parse_retry_after


def _recording_sleep(fetcher):
    slept: list[float] = []
    fetcher.sleep = slept.append
    return slept


def test_5xx_retried_then_transient_error(server, make_fetcher):
    server.respond("/down", 503, b"busy")
    fetcher = make_fetcher(retries=2)
    slept = _recording_sleep(fetcher)
    with pytest.raises(HTTPStatusError) as info:
        fetcher.get(server.url("/down"))
    exc = info.value
    assert isinstance(exc, TransientHTTPStatusError)
    assert isinstance(exc, TransientError)
    assert exc.status_code == 503
    assert exc.retry_after is None
    assert "after 3 attempts" in str(exc)
    assert server.hits("/down") == 3
    assert len(slept) == 2
    # exponential backoff with jitter: base*2**n + uniform(0, base)
    assert 0.01 <= slept[0] <= 0.02
    assert 0.02 <= slept[1] <= 0.03


def test_5xx_then_success(server, make_fetcher):
    server.sequence("/flaky", [(500, b"", {}), (502, b"", {}), (200, b"fine", {})])
    fetcher = make_fetcher(retries=2)
    resp = fetcher.get(server.url("/flaky"))
    assert resp.status_code == 200
    assert resp.content == b"fine"
    assert server.hits("/flaky") == 3


def test_408_is_retried_too(server, make_fetcher):
    server.respond("/slowclient", 408)
    fetcher = make_fetcher(retries=1)
    with pytest.raises(TransientHTTPStatusError) as info:
        fetcher.get(server.url("/slowclient"))
    assert info.value.status_code == 408
    assert server.hits("/slowclient") == 2


def test_429_retry_after_honoured(server, make_fetcher):
    server.sequence("/limited", [(429, b"", {"Retry-After": "1"}), (200, b"ok", {})])
    fetcher = make_fetcher(retries=2)
    start = time.monotonic()
    resp = fetcher.get(server.url("/limited"))
    assert resp.status_code == 200
    assert time.monotonic() - start >= 1.0
    assert server.hits("/limited") == 2


def test_429_retry_after_http_date_honoured(server, make_fetcher):
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=5), usegmt=True)
    server.sequence("/limited", [(429, b"", {"Retry-After": when}), (200, b"ok", {})])
    fetcher = make_fetcher(retries=2)
    slept = _recording_sleep(fetcher)
    assert fetcher.get(server.url("/limited")).status_code == 200
    assert len(slept) == 1
    assert 3 <= slept[0] <= 5


def test_retry_after_over_cap_raised_at_once(server, make_fetcher):
    server.respond("/limited", 429, b"", {"Retry-After": "3600"})
    fetcher = make_fetcher(retries=2, max_retry_after=30)
    slept = _recording_sleep(fetcher)
    with pytest.raises(TransientHTTPStatusError) as info:
        fetcher.get(server.url("/limited"))
    assert info.value.retry_after == 3600
    assert info.value.status_code == 429
    assert "retry after 3600s" in str(info.value)
    assert slept == []
    assert server.hits("/limited") == 1


def test_retry_after_on_final_attempt_is_carried(server, make_fetcher):
    server.respond("/down", 503, b"", {"Retry-After": "2"})
    fetcher = make_fetcher(retries=1)
    slept = _recording_sleep(fetcher)
    with pytest.raises(TransientHTTPStatusError) as info:
        fetcher.get(server.url("/down"))
    assert info.value.retry_after == 2
    assert slept == [2]


def _free_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    return port


def test_connection_refused_is_an_answer_not_retried(make_fetcher):
    fetcher = make_fetcher(retries=2)
    slept = _recording_sleep(fetcher)
    start = time.monotonic()
    with pytest.raises(FetchConnectionError) as info:
        fetcher.get(f"http://127.0.0.1:{_free_port()}/", check_robots=False)
    exc = info.value
    assert isinstance(exc, ConnectionRefusedFetchError)
    assert isinstance(exc, TransientError)  # the engine may try the row again later
    assert exc.kind == FailureKind.REFUSED == "refused"
    assert exc.connect_failed is True
    assert "connection refused" in str(exc)
    assert "attempts" not in str(exc)
    assert slept == []
    assert time.monotonic() - start < 1.0


def test_tls_failure_is_not_retried(server, make_fetcher):
    """https to a port that speaks plain HTTP: the handshake fails, once."""
    server.respond("/", 200, b"plain")
    fetcher = make_fetcher(retries=2)
    slept = _recording_sleep(fetcher)
    with pytest.raises(TLSFetchError) as info:
        fetcher.get(f"https://127.0.0.1:{server.port}/", check_robots=False)
    assert info.value.kind == FailureKind.TLS
    assert info.value.connect_failed is True
    assert isinstance(info.value, FetchConnectionError)
    assert slept == []


def test_connect_timeout_is_not_retried(make_fetcher):
    """A listener whose accept queue is full drops new SYNs: the connect times out, once."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(8):  # fill the accept queue (nobody calls accept)
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.2)
        fetcher = make_fetcher(retries=2, connect_timeout=0.3)
        slept = _recording_sleep(fetcher)
        start = time.monotonic()
        with pytest.raises(FetchTimeoutError) as info:
            fetcher.get(f"http://127.0.0.1:{port}/", check_robots=False)
        elapsed = time.monotonic() - start
    finally:
        for filler in fillers:
            filler.close()
        listener.close()
    assert isinstance(info.value, ConnectTimeoutFetchError)
    assert info.value.kind == FailureKind.CONNECT_TIMEOUT
    assert info.value.connect_failed is True
    assert "connect timeout" in str(info.value)
    assert slept == []
    assert elapsed < 2.0


def test_read_timeout_on_an_established_connection_is_retried(server, make_fetcher):
    server.slow_headers("/slow", 1.0)
    fetcher = make_fetcher(read_timeout=0.2, retries=1)
    slept = _recording_sleep(fetcher)
    with pytest.raises(FetchTimeoutError) as info:
        fetcher.get(server.url("/slow"), check_robots=False)
    assert info.value.kind == FailureKind.READ_TIMEOUT
    assert info.value.connect_failed is False
    assert "after 2 attempts" in str(info.value)
    assert len(slept) == 1
    assert server.hits("/slow") == 2


def test_reset_after_connecting_is_retried(server, make_fetcher):
    """The server accepts, reads the request and hangs up without answering."""

    def hang_up(handler):
        handler.close_connection = True
        handler.connection.shutdown(socket.SHUT_RDWR)

    server.routes["/drop"] = hang_up
    fetcher = make_fetcher(retries=2)
    slept = _recording_sleep(fetcher)
    with pytest.raises(FetchConnectionError) as info:
        fetcher.get(server.url("/drop"), check_robots=False)
    assert info.value.kind == FailureKind.RESET
    assert info.value.connect_failed is False
    assert server.hits("/drop") == 3
    assert len(slept) == 2


def test_unknown_host_is_a_dns_failure(make_fetcher):
    fetcher = make_fetcher(retries=2)
    slept = _recording_sleep(fetcher)
    with pytest.raises(HostNotFoundError) as info:
        fetcher.get("http://no-such-host.invalid/", check_robots=False)
    assert info.value.kind == FailureKind.DNS
    assert info.value.connect_failed is True
    assert slept == []


def test_parse_retry_after():
    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120", now=now) == 120
    assert parse_retry_after(" 0 ", now=now) == 0
    assert parse_retry_after("-5", now=now) == 0
    assert parse_retry_after("Mon, 01 Jan 2024 12:01:00 GMT", now=now) == 60
    assert parse_retry_after("Mon, 01 Jan 2024 11:00:00 GMT", now=now) == 0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None) is None
