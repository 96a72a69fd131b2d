"""What :meth:`Fetcher.get` and :meth:`Fetcher.stream` return: :class:`FetchResponse`.

The body is read raw from urllib3 (``decode_content=False``) and decoded here with bounded output
(:mod:`processing.fetcher.decoding`), so the size cap counts decompressed bytes and a gzip bomb
never inflates past it; every read is bounded by the attempt's wall-clock deadline.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Any

import urllib3
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import ReadTimeoutError

from . import guard
from .decoding import DecodingError, decode_stream
from .errors import BodyTooLargeError, FailureKind, FetchConnectionError, FetchTimeoutError

__all__ = ["CHUNK", "FetchResponse"]

CHUNK = 64 * 1024
# A redirect or retried error body this small is read so the connection can be kept alive.
_DISCARD_MAX = 64 * 1024


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


class FetchResponse:
    """A response whose body is read with a size cap and a wall-clock deadline.

    ``url`` is the requested URL, ``final_url`` the URL after redirects, ``redirects`` every
    hop's URL in order. ``content`` is available after :meth:`Fetcher.get` (or :meth:`read`);
    in :meth:`Fetcher.stream` iterate :meth:`iter_bytes` instead. ``headers`` is
    case-insensitive. ``size`` counts decoded body bytes delivered so far, ``truncated`` tells
    the body was cut at the cap (``truncate=True``), ``elapsed`` is seconds from the call until
    the headers (``stream``) or the whole body (``get``).
    """

    def __init__(
        self,
        *,
        url: str,
        http_response: urllib3.BaseHTTPResponse,
        on_close: Callable[[], None] | None,
        deadline: float | None,
        started: float,
        max_bytes: int,
        truncate: bool,
        total_timeout: float,
    ) -> None:
        self.url = url
        self.final_url = url
        self.status_code = http_response.status
        self.reason_phrase = http_response.reason or ""
        self.headers = http_response.headers
        self.redirects: list[str] = []
        self.started = started
        self.elapsed = time.monotonic() - started
        self.truncated = False
        self.size = 0
        self._http = http_response
        self._on_close = on_close  # gives the per-host slot back
        self._deadline = deadline
        self._max_bytes = max_bytes
        self._truncate = truncate
        self._total_timeout = total_timeout
        self._content: bytes | None = None
        self._consumed = False
        self._complete = False  # the whole body was read: the connection can be reused
        self._closed = False

    def __repr__(self) -> str:
        return f"<FetchResponse {self.status_code} {self.final_url}>"

    # -------------------------------------------------------------- metadata

    @property
    def content_type(self) -> str | None:
        """MIME type without parameters, lower-case (``text/html``), or None."""
        value = self.headers.get("content-type")
        if not value:
            return None
        return value.split(";", 1)[0].strip().lower() or None

    @property
    def charset(self) -> str | None:
        """``charset`` parameter of ``Content-Type``, or None."""
        value = self.headers.get("content-type") or ""
        for param in value.split(";")[1:]:
            key, _, val = param.partition("=")
            if key.strip().lower() == "charset":
                return val.strip().strip("\"'") or None
        return None

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def content(self) -> bytes:
        if self._content is None:
            raise RuntimeError(
                "the body has not been read: use Fetcher.get(), response.read() or iter_bytes()"
            )
        return self._content

    @property
    def text(self) -> str:
        """``content`` decoded with the header charset (UTF-8 if absent), replacing errors."""
        charset = self.charset or "utf-8"
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")

    # -------------------------------------------------------------- body

    def read(self) -> bytes:
        """Read the whole (capped) body into ``content`` and release the connection."""
        if self._content is None:
            chunks = list(self.iter_bytes())
            self._content = chunks[0] if len(chunks) == 1 else b"".join(chunks)
            del chunks
            self.elapsed = time.monotonic() - self.started
        return self._content

    def _raw_chunks(self) -> Iterator[bytes]:
        http = self._http
        read1 = http.read1
        deadline = self._deadline
        while True:
            # this thread may have run other requests since the last chunk (a stream read
            # slowly): each read is bounded by this response's own deadline
            previous = guard.set_deadline(deadline)
            try:
                chunk = read1(CHUNK, decode_content=False)
            finally:
                guard.set_deadline(previous)
            if not chunk:
                self._complete = True
                return
            if http.length_remaining == 0:
                # Content-Length reached: the body is complete without one more read for EOF
                self._complete = True
                yield chunk
                return
            yield chunk

    def _too_large(self) -> BodyTooLargeError:
        return BodyTooLargeError(
            f"response body of {self.final_url} is larger than the limit of "
            f"{_mb(self._max_bytes)} (after decompression)",
            url=self.final_url,
        )

    def iter_bytes(self) -> Iterator[bytes]:
        """Yield decoded body chunks (at most 64 KiB each), enforcing the size cap and deadline.

        Raises :class:`BodyTooLargeError` past the cap (unless ``truncate=True``: then the last
        chunk is cut, ``truncated`` is set and iteration ends), :class:`FetchTimeoutError`,
        :class:`FetchConnectionError`. The connection is released when the body ends.
        """
        if self._content is not None:
            if self._content:
                yield self._content
            return
        if self._consumed:
            raise RuntimeError("the response body was already consumed")
        self._consumed = True
        cap = self._max_bytes
        deadline = self._deadline
        try:
            encoding = self.headers.get("content-encoding")
            identity = not encoding or encoding.strip().lower() == "identity"
            length = self.headers.get("content-length")
            if (
                not self._truncate
                and identity
                and length
                and length.isdigit()
                and int(length) > cap
            ):
                raise self._too_large()
            chunks = self._raw_chunks() if identity else decode_stream(self._raw_chunks(), encoding)
            for chunk in chunks:
                if deadline is not None and time.monotonic() > deadline:
                    raise self._total_timeout_error()
                if self.size + len(chunk) > cap:
                    if not self._truncate:
                        raise self._too_large()
                    keep = cap - self.size
                    self.truncated = True
                    if keep > 0:
                        self.size += keep
                        yield chunk[:keep]
                    break
                self.size += len(chunk)
                yield chunk
        except ReadTimeoutError as exc:
            if deadline is not None and time.monotonic() >= deadline - 0.001:
                raise self._total_timeout_error() from exc
            raise FetchTimeoutError(
                f"timed out reading the body of {self.final_url} ({exc})",
                url=self.final_url,
                kind=FailureKind.READ_TIMEOUT,
            ) from exc
        except (Urllib3HTTPError, OSError) as exc:
            raise FetchConnectionError(
                f"connection failed while reading the body of {self.final_url}: "
                f"{exc or type(exc).__name__}",
                url=self.final_url,
                kind=FailureKind.RESET,
            ) from exc
        except DecodingError as exc:
            raise FetchConnectionError(
                f"could not decode the body of {self.final_url} "
                f"(Content-Encoding {self.headers.get('content-encoding')!r}): {exc}",
                url=self.final_url,
                kind=FailureKind.DECODING,
            ) from exc
        finally:
            self.close()

    def _total_timeout_error(self) -> FetchTimeoutError:
        return FetchTimeoutError(
            f"fetching {self.final_url} took longer than the total timeout of "
            f"{self._total_timeout:g}s",
            url=self.final_url,
            kind=FailureKind.TOTAL_TIMEOUT,
        )

    def discard(self) -> None:
        """Drop the body; a small one is read so its connection stays alive."""
        if not self._consumed and not self._closed:
            length = self.headers.get("content-length")
            if length and length.isdigit() and int(length) <= _DISCARD_MAX:
                self._consumed = True
                with contextlib.suppress(Urllib3HTTPError, OSError):
                    for _ in self._raw_chunks():
                        pass
        self.close()

    def close(self) -> None:
        """Release the connection and the per-host slot (idempotent)."""
        if self._closed:
            return
        self._closed = True
        http = self._http
        try:
            if not self._complete:
                http.close()  # unread bytes would corrupt the next request on this connection
            http.release_conn()
        finally:
            if self._on_close is not None:
                self._on_close()

    def __enter__(self) -> FetchResponse:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()
