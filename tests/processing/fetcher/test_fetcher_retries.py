from __future__ import annotations

import socket
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from processing.errors import TransientError
from processing.fetcher import (
    FetchConnectionError,
    HTTPStatusError,
    TransientHTTPStatusError,
)
from processing.fetcher.client import parse_retry_after


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


def test_connection_refused_is_retried_then_transient(make_fetcher):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    fetcher = make_fetcher(retries=2)
    slept = _recording_sleep(fetcher)
    with pytest.raises(FetchConnectionError) as info:
        fetcher.get(f"http://127.0.0.1:{port}/", check_robots=False)
    assert isinstance(info.value, TransientError)
    assert "after 3 attempts" in str(info.value)
    assert len(slept) == 2


def test_parse_retry_after():
    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120", now=now) == 120
    assert parse_retry_after(" 0 ", now=now) == 0
    assert parse_retry_after("-5", now=now) == 0
    assert parse_retry_after("Mon, 01 Jan 2024 12:01:00 GMT", now=now) == 60
    assert parse_retry_after("Mon, 01 Jan 2024 11:00:00 GMT", now=now) == 0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None) is None
