from __future__ import annotations

import time
import tracemalloc

import pytest

from processing.errors import PermanentError, TransientError
from processing.fetcher import (
    BodyTooLargeError,
    FetchTimeoutError,
    TooManyRedirectsError,
)

CAP = 1024 * 1024


def test_read_timeout_ends_quickly(server, make_fetcher):
    server.slow_headers("/slow", 3.0)
    fetcher = make_fetcher(read_timeout=0.3, retries=0)
    start = time.monotonic()
    with pytest.raises(FetchTimeoutError) as info:
        fetcher.get(server.url("/slow"))
    assert time.monotonic() - start < 2.0
    assert isinstance(info.value, TransientError)
    assert "read timeout" in str(info.value)


def test_total_timeout_ends_endless_drip(server, make_fetcher):
    server.drip("/drip", interval=0.02)
    fetcher = make_fetcher(read_timeout=5, total_timeout=1.0, retries=0)
    start = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="total timeout of 1s"):
        fetcher.get(server.url("/drip"))
    assert time.monotonic() - start < 2.5


def test_total_timeout_while_streaming(server, make_fetcher):
    server.drip("/drip", interval=0.02)
    fetcher = make_fetcher(read_timeout=5, total_timeout=0.5, retries=0)
    start = time.monotonic()
    with pytest.raises(FetchTimeoutError), fetcher.stream(server.url("/drip")) as resp:
        for _chunk in resp.iter_bytes():
            pass
    assert time.monotonic() - start < 2.0


def test_total_timeout_covers_slow_headers(server, make_fetcher):
    server.slow_headers("/slow", 3.0)
    fetcher = make_fetcher(read_timeout=10, total_timeout=0.5, retries=0)
    start = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="total timeout"):
        fetcher.get(server.url("/slow"))
    assert time.monotonic() - start < 2.0


def test_endless_body_refused_with_bounded_memory(server, make_fetcher):
    server.endless("/endless")
    fetcher = make_fetcher(max_body_bytes=CAP, retries=0)
    tracemalloc.start()
    try:
        with pytest.raises(BodyTooLargeError) as info:
            fetcher.get(server.url("/endless"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(info.value, PermanentError)
    assert "larger than the limit of 1.0 MB" in str(info.value)
    assert peak < 3 * CAP


def test_endless_body_truncated(server, make_fetcher):
    server.endless("/endless")
    resp = make_fetcher(max_body_bytes=CAP).get(server.url("/endless"), truncate=True)
    assert resp.truncated is True
    assert resp.size == len(resp.content) == CAP


def test_gzip_bomb_refused_with_bounded_memory(server, make_fetcher, gzip_bomb):
    assert len(gzip_bomb) < 4 * 1024 * 1024
    server.respond(
        "/bomb",
        200,
        gzip_bomb,
        {"Content-Encoding": "gzip", "Content-Type": "text/html"},
    )
    fetcher = make_fetcher(max_body_bytes=CAP, retries=0)
    tracemalloc.start()
    try:
        with pytest.raises(BodyTooLargeError, match="after decompression"):
            fetcher.get(server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * CAP


def test_gzip_bomb_stream_truncated(server, make_fetcher, gzip_bomb):
    server.respond("/bomb", 200, gzip_bomb, {"Content-Encoding": "gzip"})
    fetcher = make_fetcher(max_body_bytes=CAP)
    with fetcher.stream(server.url("/bomb"), truncate=True) as resp:
        total = sum(len(chunk) for chunk in resp.iter_bytes())
    assert total == CAP
    assert resp.truncated is True


def test_redirects_followed(server, make_fetcher):
    server.redirect("/a", "/b", 301)
    server.redirect("/b", server.url("/c"), 307)
    server.respond("/c", 200, b"final")
    resp = make_fetcher().get(server.url("/a"))
    assert resp.status_code == 200
    assert resp.content == b"final"
    assert resp.url == server.url("/a")
    assert resp.final_url == server.url("/c")
    assert resp.redirects == [server.url("/b"), server.url("/c")]


def test_too_many_redirects(server, make_fetcher):
    for i in range(10):
        server.redirect(f"/r{i}", f"/r{i + 1}")
    server.respond("/r10", 200, b"end")
    fetcher = make_fetcher(max_redirects=5)
    with pytest.raises(TooManyRedirectsError, match="more than 5 redirects") as info:
        fetcher.get(server.url("/r0"))
    assert isinstance(info.value, PermanentError)
    assert server.hits("/r5") == 1
    assert server.hits("/r6") == 0
    assert make_fetcher(max_redirects=10).get(server.url("/r0")).content == b"end"


def test_redirect_loop(server, make_fetcher):
    server.redirect("/x", "/y")
    server.redirect("/y", "/x")
    with pytest.raises(TooManyRedirectsError, match="redirect loop"):
        make_fetcher().get(server.url("/x"))
    assert server.hits("/x") == 1
