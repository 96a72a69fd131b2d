"""The header parser of the guarded connections gives what http.client's gives, on any input."""

from __future__ import annotations

import http.client
import io

import pytest

from processing.fetcher import headers

BLOCKS = [
    b"Content-Type: text/html; charset=utf-8\r\nContent-Length: 12\r\n\r\n",
    b"Server: x\nDate: Wed, 02 Dec 2026 00:00:00 GMT\n\n",  # bare LF
    b"Set-Cookie: a=1\r\nSet-Cookie: b=2\r\nset-cookie: c=3\r\n\r\n",  # repeated
    b"X-Empty:\r\nX-Spaces:   padded value  \r\nX-Tab:\tv\r\n\r\n",
    b"Location: /caf\xe9\r\nX-Latin: \xff\xfe\r\n\r\n",  # latin-1 bytes
    b"X-Folded: first\r\n  second line\r\nContent-Length: 3\r\n\r\n",  # obs-fold
    b"No colon here\r\nContent-Length: 3\r\n\r\n",
    b": no name\r\nContent-Length: 3\r\n\r\n",
    b"Bad Name: v\r\nContent-Length: 3\r\n\r\n",
    b"X-CR: a\rb\r\nContent-Length: 3\r\n\r\n",
    b"From nobody\r\nContent-Length: 3\r\n\r\n",
    b"Content-Length: 3\r\nX-Last: no blank line",
    b"\r\n",
    b"",
]


def _parse(parser, block: bytes):
    message = parser(io.BufferedReader(io.BytesIO(block)))
    payload = message.get_payload()
    return list(message.items()), [type(d) for d in message.defects], payload or None


@pytest.mark.parametrize("block", BLOCKS)
def test_same_message_as_http_client(block):
    assert _parse(headers.parse_headers, block) == _parse(http.client.parse_headers, block)


def test_plain_headers_skip_the_email_parser(monkeypatch):
    def refuse(lines):
        raise AssertionError("fell back to the email parser")

    monkeypatch.setattr(headers, "_email_parse", refuse)
    for block in BLOCKS[:5]:
        assert _parse(headers.parse_headers, block) == _parse(http.client.parse_headers, block)


def test_too_many_headers_refused_as_by_http_client():
    block = b"".join(b"X-%d: v\r\n" % i for i in range(200)) + b"\r\n"
    with pytest.raises(http.client.HTTPException, match="got more than 100 headers"):
        headers.parse_headers(io.BufferedReader(io.BytesIO(block)))


def test_each_request_sends_its_own_headers(server, make_fetcher):
    """Header lines are encoded once and reused: every request still sends what its call
    asked, the Host of its own site, and nothing of the call before."""
    server.respond("/page", 200, b"ok")
    fetcher = make_fetcher()
    for _ in range(2):
        fetcher.get(server.url("/page"))
        fetcher.get(server.url("/page"), accept="text/plain", headers={"X-Extra": "1"})
        fetcher.get(server.url("/page").replace("127.0.0.1", "localhost"))
    sent = [headers for path, headers in server.requests if path == "/page"]
    assert len(sent) == 6
    for plain, extra, other_host in zip(sent[::3], sent[1::3], sent[2::3], strict=True):
        assert plain["Accept"].startswith("text/html") and "X-Extra" not in plain
        assert extra["Accept"] == "text/plain" and extra["X-Extra"] == "1"
        assert plain["Host"] == f"127.0.0.1:{server.port}"
        assert other_host["Host"] == f"localhost:{server.port}"
        assert plain["User-Agent"] == extra["User-Agent"] == other_host["User-Agent"]
