"""Where the format readers put what they read: entries under the URL cap, problems counted."""

from __future__ import annotations

from datetime import datetime

from processing.sitemaps.results import PROTOCOL_MAX_URLS, Item, SitemapParseResult, SitemapRef
from processing.sitemaps.values import clean_url, parse_lastmod

# Keep error messages short: report how many were skipped plus a few examples.
_MAX_EXAMPLES = 3


class Collector:
    """The result being built, the entries not yet handed out, and the problems seen so far.

    The XML and text readers call :meth:`url`, :meth:`date` and :meth:`emit` per record; the
    stream parser hands the emitted entries out with :meth:`drain` and, at the end,
    :meth:`summarise` turns the counts into the result's error lines. ``done`` means no more
    input is wanted (a limit was hit or the input is unusable).

    With ``collect=False`` entries are only counted and handed out, never stored on the
    result, so memory stays flat however many URLs the file has.
    """

    def __init__(self, *, max_urls: int, base_url: str | None, collect: bool) -> None:
        self.result = SitemapParseResult()
        self.max_urls = max_urls
        self.base_url = base_url
        self.collect = collect
        self.done = False
        self.bad_changefreq = 0
        self.bad_priority = 0
        # Entries the data ended inside of (a cut transfer): dropped, never emitted half-read.
        self.cut_entries = 0
        self._out: list[Item] = []
        self._invalid_urls = 0
        self._invalid_examples: list[str] = []
        self._bad_dates = 0

    def url(self, raw: str | None) -> str | None:
        """The loc cleaned (see :func:`clean_url`), or None with the reason counted."""
        if raw is None or not raw.strip():
            if raw is not None:
                self.note_invalid("<empty loc>")
            return None
        url = clean_url(raw, self.base_url)
        if url is None:
            self.note_invalid(raw.strip()[:80])
        return url

    def note_invalid(self, example: str) -> None:
        self._invalid_urls += 1
        if len(self._invalid_examples) < _MAX_EXAMPLES:
            self._invalid_examples.append(example)

    def date(self, raw: str | None) -> datetime | None:
        value = parse_lastmod(raw)
        if value is None and raw is not None and raw.strip():
            self._bad_dates += 1
        return value

    def emit(self, item: Item) -> None:
        result = self.result
        if result.url_count >= self.max_urls:
            # Keep reading (counting only, within max_bytes) so the cut reason can say how
            # much was left out; nothing is stored, so memory does not grow.
            result.urls_not_read += 1
            return
        result.url_count += 1
        self._out.append(item)
        if self.collect:
            if isinstance(item, SitemapRef):
                result.sitemaps.append(item)
            else:
                result.entries.append(item)

    def drain(self) -> list[Item]:
        """The entries emitted since the last call."""
        out, self._out = self._out, []
        return out

    def note_truncated(self, message: str) -> None:
        self.result.truncated = True
        self.result.errors.append(message)

    def set_cut(self, reason: str) -> None:
        """Record the first limit that stopped reading (later ones follow from it)."""
        if self.result.cut_reason is None:
            self.result.cut_reason = reason

    def summarise(self, *, byte_cap_hit: bool) -> None:
        """End of the file: the URL cut and the counted problems become the result's lines."""
        result = self.result
        if result.urls_not_read:
            label = "protocol limit" if self.max_urls == PROTOCOL_MAX_URLS else "limit"
            more = "at least " if byte_cap_hit or result.truncated else ""
            # The URL cut explains the result better than a byte cap hit while counting.
            result.cut_reason = (
                f"stopped at {self.max_urls} URLs ({label}); "
                f"{more}{result.urls_not_read} more not read"
            )
        if self.cut_entries:
            entries = "entry" if self.cut_entries == 1 else "entries"
            result.errors.append(f"{self.cut_entries} {entries} cut off by the end of the data")
        if self._invalid_urls:
            examples = ", ".join(repr(e) for e in self._invalid_examples)
            result.errors.append(
                f"skipped {self._invalid_urls} invalid or non-http(s) URLs (e.g. {examples})"
            )
        if self._bad_dates:
            result.errors.append(f"{self._bad_dates} dates could not be parsed (kept raw)")
        if self.bad_changefreq:
            result.errors.append(f"{self.bad_changefreq} invalid changefreq values ignored")
        if self.bad_priority:
            result.errors.append(f"{self.bad_priority} priorities outside 0.0-1.0 ignored")
        self.done = True
