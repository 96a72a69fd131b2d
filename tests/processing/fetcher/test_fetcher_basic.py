from __future__ import annotations

import gzip
import zlib

import pytest

from processing.errors import PermanentError
from processing.fetcher import (
    BodyTooLargeError,
    FetcherConfig,
    HTTPStatusError,
    InvalidURLError,
    PermanentHTTPStatusError,
    client,
    get_fetcher,
    reset_fetcher,
)
from processing.fetcher.config import DEFAULT_USER_AGENT


def test_happy_path(server, make_fetcher):
    server.respond("/page", 200, "héllo".encode(), {"Content-Type": "Text/HTML; Charset=UTF-8"})
    fetcher = make_fetcher()
    resp = fetcher.get(server.url("/page"))
    assert resp.status_code == 200
    assert resp.content == "héllo".encode()
    assert resp.text == "héllo"
    assert resp.content_type == "text/html"
    assert resp.charset == "UTF-8"
    assert resp.headers["content-type"] == resp.headers["CONTENT-TYPE"]
    assert resp.url == resp.final_url == server.url("/page")
    assert resp.redirects == []
    assert resp.size == len("héllo".encode())
    assert resp.truncated is False
    assert resp.elapsed >= 0
    path, headers = server.requests[-1]
    assert path == "/page"
    assert headers["User-Agent"] == DEFAULT_USER_AGENT
    assert "gzip" in headers["Accept-Encoding"]
    assert headers["Accept"].startswith("text/html")


def test_custom_user_agent_and_accept(server, make_fetcher):
    server.respond("/", 200, b"ok")
    fetcher = make_fetcher(user_agent="TestBot/1.0")
    fetcher.get(server.url("/"), accept="application/xml")
    _, headers = server.requests[-1]
    assert headers["User-Agent"] == "TestBot/1.0"
    assert headers["Accept"] == "application/xml"


def test_404_is_returned_not_raised(server, make_fetcher):
    server.respond("/missing", 404, b"nope")
    resp = make_fetcher().get(server.url("/missing"))
    assert resp.status_code == 404
    assert resp.content == b"nope"


def test_404_raised_with_raise_for_status(server, make_fetcher):
    server.respond("/missing", 404, b"nope")
    with pytest.raises(HTTPStatusError) as info:
        make_fetcher().get(server.url("/missing"), raise_for_status=True)
    assert isinstance(info.value, PermanentHTTPStatusError)
    assert isinstance(info.value, PermanentError)
    assert info.value.status_code == 404
    assert "HTTP 404" in str(info.value)


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compressed_body_is_decoded(server, make_fetcher, encoding):
    payload = b"<html>" + b"a" * 200_000 + b"</html>"
    server.compressed("/z", payload, encoding)
    resp = make_fetcher().get(server.url("/z"))
    assert resp.content == payload
    assert resp.size == len(payload)


def test_raw_deflate_and_multi_member_gzip(server, make_fetcher):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw = compressor.compress(b"raw deflate") + compressor.flush()
    server.respond("/raw", 200, raw, {"Content-Encoding": "deflate"})
    server.respond(
        "/multi", 200, gzip.compress(b"one ") + gzip.compress(b"two"), {"Content-Encoding": "gzip"}
    )
    fetcher = make_fetcher()
    assert fetcher.get(server.url("/raw")).content == b"raw deflate"
    assert fetcher.get(server.url("/multi")).content == b"one two"


def test_stream_iter_bytes(server, make_fetcher):
    payload = bytes(range(256)) * 2000
    server.respond("/big", 200, payload)
    fetcher = make_fetcher()
    with fetcher.stream(server.url("/big")) as resp:
        assert resp.status_code == 200
        chunks = list(resp.iter_bytes())
    assert b"".join(chunks) == payload
    assert all(len(c) <= 64 * 1024 for c in chunks)
    assert resp.size == len(payload)


def test_content_length_over_cap_refused_early(server, make_fetcher):
    server.respond("/big", 200, b"x" * 5000)
    with pytest.raises(BodyTooLargeError, match="limit of 1000 bytes"):
        make_fetcher().get(server.url("/big"), max_bytes=1000)


def test_truncate_returns_partial_body(server, make_fetcher):
    server.respond("/big", 200, b"x" * 5000)
    resp = make_fetcher().get(server.url("/big"), max_bytes=1000, truncate=True)
    assert resp.truncated is True
    assert resp.content == b"x" * 1000
    assert resp.size == 1000


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/", "file:///etc/passwd", "http://user:pw@example.com/", "http://", "nope"],
)
def test_invalid_urls(make_fetcher, url):
    with pytest.raises(InvalidURLError) as info:
        make_fetcher().get(url)
    assert isinstance(info.value, PermanentError)
    assert "pw" not in str(info.value)


def test_config_from_mapping_defaults_and_types():
    default = FetcherConfig.from_mapping({})
    assert default.connect_timeout == 5.0
    assert default.read_timeout == 15.0
    assert default.total_timeout == 60.0
    assert default.max_body_bytes == 10 * 1024 * 1024
    assert default.max_redirects == 5
    assert default.retries == 2
    assert default.backoff_base == 0.5
    assert default.max_retry_after == 30.0
    assert default.per_host_concurrency == 4
    assert default.per_host_delay == 0.0
    assert default.obey_robots is True
    assert default.user_agent == DEFAULT_USER_AGENT
    assert default.proxy is None
    assert default.allowed_networks == ()
    assert default.allowed_schemes == ("http", "https")
    config = FetcherConfig.from_mapping(
        {"READ_TIMEOUT": "3", "ALLOWED_NETWORKS": ["127.0.0.0/8"], "RETRIES": 0}
    )
    assert config.read_timeout == 3.0
    assert config.retries == 0
    assert str(config.allowed_networks[0]) == "127.0.0.0/8"
    with pytest.raises(ValueError, match="unknown key"):
        FetcherConfig.from_mapping({"READ_TIMEOUTS": 1})
    with pytest.raises(ValueError):
        FetcherConfig.from_mapping({"PROXY": "socks5://x:1"})


def test_get_fetcher_is_cached_and_reset_on_setting_changed(monkeypatch):
    from django.core.signals import setting_changed

    monkeypatch.setattr(FetcherConfig, "from_settings", classmethod(lambda cls: cls()))
    reset_fetcher()
    try:
        first = get_fetcher()
        assert get_fetcher() is first
        setting_changed.send(sender=None, setting="OTHER", value=1, enter=True)
        assert get_fetcher() is first
        setting_changed.send(sender=None, setting="SCRAPERSKY_FETCHER", value={}, enter=True)
        assert get_fetcher() is not first
    finally:
        reset_fetcher()
    assert client._fetcher is None


def test_requests_are_logged_at_debug_only(server, make_fetcher, caplog):
    """A crawl must not write a log line per page at INFO (the engine logs per batch)."""
    import logging

    server.respond("/page", 200, b"ok")
    fetcher = make_fetcher()
    with caplog.at_level(logging.DEBUG):
        fetcher.get(server.url("/page"))
    assert any(r.levelno == logging.DEBUG and "/page" in r.getMessage() for r in caplog.records)
    assert [r for r in caplog.records if r.levelno >= logging.INFO] == []


def test_international_host_names_are_sent_as_punycode(server, make_fetcher):
    server.respond("/", 200, b"ok")
    fetcher = make_fetcher(
        connect_to={f"xn--bcher-kva.example:{server.port}": f"127.0.0.1:{server.port}"}
    )
    response = fetcher.get(f"http://Bücher.example:{server.port}/", check_robots=False)
    assert response.content == b"ok"
    assert response.final_url == f"http://xn--bcher-kva.example:{server.port}/"
    assert server.requests[-1][1]["Host"] == f"xn--bcher-kva.example:{server.port}"
