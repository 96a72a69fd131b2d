"""Text sitemaps read line by line: one URL a line, comments and blank lines skipped."""

from __future__ import annotations

from processing.sitemaps.collector import Collector
from processing.sitemaps.results import PageEntry

# A text-sitemap line longer than this is junk; we drop it instead of buffering it forever.
_MAX_TEXT_LINE = 8 * 1024


class TextReader:
    """Feed decompressed bytes; each complete line's URL goes to the collector."""

    def __init__(self, sink: Collector) -> None:
        self._sink = sink
        self._tail = b""
        self._skipping_long_line = False

    def feed(self, data: bytes) -> None:
        buffer = self._tail + data
        lines = buffer.split(b"\n")
        self._tail = lines.pop()
        for line in lines:
            if self._skipping_long_line:
                # The rest of a line we already gave up on.
                self._skipping_long_line = False
                continue
            self._line(line)
        if len(self._tail) > _MAX_TEXT_LINE:
            self._tail = b""
            self._skipping_long_line = True
            self._sink.note_invalid("<line longer than 8 KB>")

    def close(self, *, byte_cap_hit: bool, cut_short: bool = False) -> None:
        """End of input: a last line without a newline counts unless the data was cut.

        ``cut_short`` means the input is known to end early (a gzip member cut off): its last
        line may be half a URL, so it is dropped and counted like one cut by the byte cap.
        """
        tail, self._tail = self._tail, b""
        if not tail or self._skipping_long_line:
            return
        if byte_cap_hit or cut_short:
            if tail.strip():
                self._sink.cut_entries += 1
            return
        self._line(tail)

    def _line(self, line: bytes) -> None:
        text = line.decode("utf-8", errors="replace").strip().lstrip("\ufeff")
        if not text or text.startswith("#"):
            return
        url = self._sink.url(text)
        if url is not None:
            self._sink.emit(PageEntry(url))
