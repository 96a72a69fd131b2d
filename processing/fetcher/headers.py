"""Response header parsing without the ``email`` package, for the guarded connections.

``http.client`` parses every response's header block with ``email.parser`` (a feed parser built
for mail, ~40 µs a response: the largest single cost of a fetch after the socket calls).
:func:`parse_headers` builds the same :class:`http.client.HTTPMessage` directly when every
line is a plain ``Name: value`` line, which is what servers send; any other line (folded,
without a colon, a bare CR, a name outside RFC 5322's printable set) falls back to
``http.client``'s own parse of the same lines, so the result is always what it would be.
:class:`HTTPResponse` is ``http.client.HTTPResponse`` with that parser; its :meth:`begin` is
CPython's (the same from 3.11 to 3.13), framing decisions included.
"""

from __future__ import annotations

import email.parser
import http.client
import re
from typing import Any

# The characters email's feed parser accepts in a header name (its headerRE).
_NAME = re.compile(r"[!-9;-~]+")
# http.client's reader of the header block (line and count limits included).
_read_headers: Any = http.client._read_headers  # type: ignore[attr-defined]


def parse_headers(fp: Any) -> http.client.HTTPMessage:
    """What ``http.client.parse_headers(fp)`` returns, built without the feed parser."""
    lines = _read_headers(fp)
    message = http.client.HTTPMessage()
    for raw in lines:
        if raw in (b"\r\n", b"\n", b""):
            break
        line = raw.decode("iso-8859-1")
        end = -2 if line.endswith("\r\n") else -1
        name, colon, value = line[:end].partition(":")
        if (
            not colon
            or not line.endswith("\n")
            or "\r" in value
            or "\n" in value
            or not _NAME.fullmatch(name)
        ):
            return _email_parse(lines)
        message.set_raw(name, value.lstrip(" \t"))
    return message


def _email_parse(lines: list[bytes]) -> http.client.HTTPMessage:
    text = b"".join(lines).decode("iso-8859-1")
    return email.parser.Parser(_class=http.client.HTTPMessage).parsestr(text)  # type: ignore[return-value]


class HTTPResponse(http.client.HTTPResponse):
    """``http.client.HTTPResponse`` whose headers are read by :func:`parse_headers`."""

    def begin(self) -> None:
        if self.headers is not None:
            return  # already started reading the response
        while True:  # read until a non-100 response
            version, status, reason = self._read_status()  # type: ignore[attr-defined]
            if status != http.client.CONTINUE:
                break
            _read_headers(self.fp)  # the header block of the 100 response
        self.code = self.status = status
        self.reason = reason.strip()
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10  # 0.9 is treated as 1.0
        elif version.startswith("HTTP/1."):
            self.version = 11  # HTTP/1.x where x >= 1
        else:
            raise http.client.UnknownProtocol(version)
        self.headers = self.msg = parse_headers(self.fp)
        transfer_encoding = self.headers.get("transfer-encoding")
        if transfer_encoding and transfer_encoding.lower() == "chunked":
            self.chunked = True
            self.chunk_left = None
        else:
            self.chunked = False
        self.will_close = self._check_close()  # type: ignore[attr-defined]
        # Content-Length is ignored with chunked (RFC 9112 section 6.3)
        self.length = None
        length = self.headers.get("content-length")
        if length and not self.chunked:
            try:
                self.length = int(length)
            except ValueError:
                self.length = None
            else:
                if self.length < 0:  # nonsensical negative length
                    self.length = None
        if (
            status in (http.client.NO_CONTENT, http.client.NOT_MODIFIED)
            or 100 <= status < 200
            or self._method == "HEAD"  # type: ignore[attr-defined]
        ):
            self.length = 0
        # neither chunked nor a length on a kept-alive connection: the body ends at close
        if not self.will_close and not self.chunked and self.length is None:
            self.will_close = True
