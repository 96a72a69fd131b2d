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


def test_total_timeout_ends_headers_dripped_byte_by_byte(server, make_fetcher):
    """Each byte arrives well within the read timeout; only the deadline can end it."""

    def drip_headers(handler):
        handler.wfile.write(b"HTTP/1.0 200 OK\r\n")
        end = time.monotonic() + 30
        while time.monotonic() < end:
            handler.wfile.write(b"X")
            handler.wfile.flush()
            time.sleep(0.05)

    server.routes["/drip-headers"] = drip_headers
    fetcher = make_fetcher(read_timeout=5, total_timeout=0.5, retries=0, obey_robots=False)
    start = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="total timeout"):
        fetcher.get(server.url("/drip-headers"))
    assert time.monotonic() - start < 2.0


def _site_server(resources):
    from ops.demo import Site, SiteServer

    site = Site("keepalive.demo", "Keep-alive")
    for path, body in resources.items():
        site.add(path, "text/plain", body)
    return SiteServer([site]).start()


def test_connections_are_kept_alive_and_a_cut_body_is_not_reused(make_fetcher, monkeypatch):
    """Sequential requests share one connection; a body left unread (cap, truncate) closes
    its connection instead of leaving bytes that would corrupt the next response."""
    from processing.fetcher import connection

    connects = []
    real_create = connection.create_connection

    def counting_create(address, *args, **kwargs):
        connects.append(address)
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(connection, "create_connection", counting_create)
    server = _site_server({"/a": b"a" * 100, "/big": b"b" * 500_000, "/c": b"c" * 10})
    try:
        fetcher = make_fetcher(connect_to={"keepalive.demo:80": f"127.0.0.1:{server.port}"})
        for _ in range(5):
            assert fetcher.get("http://keepalive.demo/a").content == b"a" * 100
        assert connects == [("127.0.0.1", server.port)]  # robots.txt and five pages
        cut = fetcher.get("http://keepalive.demo/big", max_bytes=1000, truncate=True)
        assert cut.truncated and cut.content == b"b" * 1000
        assert fetcher.get("http://keepalive.demo/c").content == b"c" * 10
        with fetcher.stream("http://keepalive.demo/big") as response:
            assert next(response.iter_bytes())[:1] == b"b"
        assert fetcher.get("http://keepalive.demo/a").content == b"a" * 100
        assert len(connects) == 3  # reconnected after each of the two cut bodies
    finally:
        server.stop()
