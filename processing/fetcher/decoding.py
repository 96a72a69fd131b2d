"""Streaming Content-Encoding decoders that never produce more than ``chunk`` bytes at once.

HTTP clients' own decoders may inflate a whole network read in one go (a 64 KiB gzip read of zeros
becomes 64 MiB), so the fetcher reads raw bytes (urllib3 ``decode_content=False``) and decodes
them here with bounded output, the same for every client.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

try:  # optional: br is only advertised in Accept-Encoding when available
    import brotli  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the environment
    brotli = None

OUTPUT_CHUNK = 64 * 1024


class DecodingError(Exception):
    pass


def accept_encoding() -> str:
    return "gzip, deflate, br" if brotli is not None else "gzip, deflate"


class _Identity:
    def decode(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data

    def flush(self) -> Iterator[bytes]:
        return iter(())


class _Zlib:
    def __init__(self, deflate: bool) -> None:
        # gzip: auto-detect gzip/zlib header; deflate: zlib-wrapped, raw deflate as fallback.
        self._deflate = deflate
        self._first = True
        self._obj = zlib.decompressobj(zlib.MAX_WBITS if deflate else zlib.MAX_WBITS | 32)

    def decode(self, data: bytes) -> Iterator[bytes]:
        if self._first and self._deflate and data:
            self._first = False
            try:
                probe = zlib.decompressobj(zlib.MAX_WBITS)
                probe.decompress(data[:2])
            except zlib.error:
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
        while True:
            if self._obj.eof and self._obj.unused_data:  # concatenated gzip members
                data = self._obj.unused_data + data
                if not data.strip(b"\0"):
                    return
                self._obj = zlib.decompressobj(zlib.MAX_WBITS | 32)
            if not data:
                return
            try:
                out = self._obj.decompress(data, OUTPUT_CHUNK)
            except zlib.error as exc:
                raise DecodingError(str(exc)) from exc
            data = self._obj.unconsumed_tail
            if out:
                yield out

    def flush(self) -> Iterator[bytes]:
        try:
            out = self._obj.flush()
        except zlib.error as exc:  # pragma: no cover
            raise DecodingError(str(exc)) from exc
        if out:
            yield out


class _Brotli:
    _SLICE = 512

    def __init__(self) -> None:
        self._obj = brotli.Decompressor()

    def decode(self, data: bytes) -> Iterator[bytes]:
        # Feed small slices so one call cannot inflate a huge amount (brotli has no max_length
        # in every version).
        for start in range(0, len(data), self._SLICE):
            try:
                out = self._obj.process(data[start : start + self._SLICE])
            except brotli.error as exc:
                raise DecodingError(str(exc)) from exc
            for i in range(0, len(out), OUTPUT_CHUNK):
                yield out[i : i + OUTPUT_CHUNK]

    def flush(self) -> Iterator[bytes]:
        return iter(())


def _make(name: str) -> _Identity | _Zlib | _Brotli | None:
    if name in ("", "identity"):
        return _Identity()
    if name in ("gzip", "x-gzip"):
        return _Zlib(deflate=False)
    if name == "deflate":
        return _Zlib(deflate=True)
    if name == "br" and brotli is not None:
        return _Brotli()
    return None


def decode_stream(raw: Iterable[bytes], content_encoding: str | None) -> Iterator[bytes]:
    """Decode ``raw`` chunks according to ``Content-Encoding`` (applied in reverse order).

    Unknown encodings raise :class:`DecodingError`.
    """
    names = [n.strip().lower() for n in (content_encoding or "").split(",") if n.strip()]
    decoders = []
    for name in reversed(names):
        decoder = _make(name)
        if decoder is None:
            raise DecodingError(f"unsupported Content-Encoding {name!r}")
        decoders.append(decoder)
    if not decoders:
        yield from (chunk for chunk in raw if chunk)
        return

    def pipeline(chunks: Iterable[bytes], index: int) -> Iterator[bytes]:
        if index == len(decoders):
            yield from chunks
            return
        decoder = decoders[index]

        def stage() -> Iterator[bytes]:
            for chunk in chunks:
                yield from decoder.decode(chunk)
            yield from decoder.flush()

        yield from pipeline(stage(), index + 1)

    yield from pipeline(raw, 0)
