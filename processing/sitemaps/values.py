"""The values of a sitemap record read leniently: lastmod, priority, changefreq and the loc."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

CHANGEFREQS = frozenset({"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"})

# Locs longer than this are not URLs anybody will fetch (browsers cap around 2-8 KB as well).
_MAX_URL_LEN = 4096

_WHITESPACE = re.compile(r"\s")
# Absolute http(s) URL with a plain host[:port] (no userinfo, no IPv6 brackets).
_PLAIN_HTTP_URL = re.compile(
    r"https?://[A-Za-z0-9\-._~%!$&'()*+,;=]+(?::\d{1,5})?(?:[/?#]\S*)?", re.I
)
_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")

_W3C_DATETIME = re.compile(
    r"""(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})
        (?:[T\s](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d+))?)?
        (?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?""",
    re.VERBOSE,
)


def parse_lastmod(raw: str | None) -> datetime | None:
    """W3C datetime (sitemaps) or RFC 822 (RSS pubDate) to an aware datetime; None if invalid."""
    if not raw:
        return None
    text = raw.strip()
    match = _W3C_DATETIME.fullmatch(text)
    if match:
        try:
            return _w3c_to_datetime(match)
        except ValueError:
            return None
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    # RFC 822 "-0000" means "unknown zone": treat as UTC rather than drop the date.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _w3c_to_datetime(match: re.Match[str]) -> datetime:
    g = match.groupdict()
    fraction = (g["f"] or "0")[:6].ljust(6, "0")
    # Zone applied below; naive values default to UTC.
    value = datetime(
        int(g["y"]),
        int(g["m"] or 1),
        int(g["d"] or 1),
        int(g["H"] or 0),
        int(g["M"] or 0),
        int(g["S"] or 0),
        int(fraction),
    )
    tz = g["tz"]
    if tz and tz != "Z":
        # fromisoformat understands "+hh:mm"; normalise "+hhmm" first.
        tz = tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"
        return datetime.fromisoformat(value.isoformat() + tz)
    # Date-only and zone-less values: the protocol implies UTC for comparison purposes.
    return value.replace(tzinfo=UTC)


def parse_priority(raw: str | None) -> float | None:
    """Priority as a float in [0.0, 1.0]; anything else (including NaN) is None."""
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None


def parse_changefreq(raw: str | None) -> str | None:
    """Changefreq from the protocol vocabulary (case-insensitive), else None."""
    if raw is None:
        return None
    value = raw.strip().lower()
    return value if value in CHANGEFREQS else None


def clean_url(raw: str | None, base_url: str | None) -> str | None:
    """Trim a loc, resolve it against ``base_url`` if relative; None unless absolute http(s).

    The URL is otherwise kept as the site lists it: pages are stored under that form.
    """
    if raw is None:
        return None
    text = raw.strip()
    if not text or len(text) > _MAX_URL_LEN or _WHITESPACE.search(text):
        return None
    if _PLAIN_HTTP_URL.fullmatch(text):
        return text  # fast path for the common case; urlsplit costs more than the rest
    if base_url and not _HAS_SCHEME.match(text):
        # The protocol wants absolute locs, but "/page" under a known sitemap URL is unambiguous.
        text = urljoin(base_url, text)
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text
