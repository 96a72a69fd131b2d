"""What came of one request during discovery, as a short code a curator can read and count."""

from __future__ import annotations

import ssl

from processing.fetcher.errors import (
    BlockedAddressError,
    BodyTooLargeError,
    FetchConnectionError,
    FetchTimeoutError,
    HostNotFoundError,
    HTTPStatusError,
    InvalidURLError,
    RobotsDisallowedError,
    TooManyRedirectsError,
)
from processing.sitemaps.errors import NotASitemapError, UnsafeXMLError

#: Outcome code -> how the summary says it ("7 well-known paths 404").
LABELS: dict[str, str] = {
    "sitemap": "sitemap",
    "duplicate": "duplicate",
    "html_sitemap": "HTML site map page",
    "not_sitemap": "not a sitemap",
    "not_found": "404",
    "http_status": "HTTP error",
    "http_5xx": "HTTP 5xx",
    "redirect_loop": "redirect loop",
    "too_many_redirects": "too many redirects",
    "timeout": "timeout",
    "connect_timeout": "connect timeout",
    "refused": "connection refused",
    "tls": "TLS failure",
    "dns": "host not found",
    "connection_failed": "connection failed",
    "refused_by_guard": "refused by the address guard",
    "entities_refused": "entity declarations refused",
    "over_cap": "over a cap",
    "robots_disallowed": "disallowed by robots.txt",
    "invalid_url": "invalid URL",
    "not_tried": "not tried",
    "failed": "failed",
}

#: Failures on https that decide the scheme for the whole discovery of a domain (issue 11.3):
#: the host does not speak https there, and asking again only costs time.
SCHEME_DECIDING = frozenset({"refused", "tls", "connect_timeout"})

#: Failures that say nothing came back from the host at all.
CONNECTION_LEVEL = frozenset(
    {"refused", "tls", "connect_timeout", "timeout", "dns", "connection_failed"}
)

#: What makes a sitemap the site names (robots.txt, home page) a refused one: it gets a
#: sitemap_files row in Error instead of disappearing.
REFUSALS = frozenset(
    {
        "refused_by_guard",
        "entities_refused",
        "over_cap",
        "not_sitemap",
        "redirect_loop",
        "too_many_redirects",
        "timeout",
        "connect_timeout",
        "refused",
        "tls",
        "connection_failed",
        "http_5xx",
        "robots_disallowed",
        "invalid_url",
        "dns",
    }
)


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it was raised from (httpx wraps the socket and ssl errors)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 20:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


#: The fetcher's ``exc.kind`` (its FailureKind values) as outcome codes, for the connection
#: and timeout errors whose type alone does not say which failure it was.
_KIND_OUTCOMES = {
    "refused": "refused",
    "tls": "tls",
    "connect-timeout": "connect_timeout",
    "dns": "dns",
    "connect": "connection_failed",
    "read-timeout": "timeout",
    "total-timeout": "timeout",
    "slot-timeout": "timeout",
    "reset": "connection_failed",
    "protocol": "connection_failed",
    "decoding": "connection_failed",
}


def failure_outcome(exc: BaseException) -> str:
    """The outcome code of a failed request (one of LABELS).

    The error's type decides where it is unambiguous; for connection errors and timeouts the
    fetcher's ``exc.kind`` does when it has one, else the message and its causes (httpx wraps
    the socket and ssl errors).
    """
    if isinstance(exc, BlockedAddressError):
        return "refused_by_guard"
    if isinstance(exc, TooManyRedirectsError):
        return "redirect_loop" if "loop" in str(exc) else "too_many_redirects"
    if isinstance(exc, HostNotFoundError):
        return "dns"
    if isinstance(exc, HTTPStatusError):
        if exc.status_code >= 500:
            return "http_5xx"
        return "not_found" if exc.status_code in (404, 410) else "http_status"
    if isinstance(exc, RobotsDisallowedError):
        return "robots_disallowed"
    if isinstance(exc, InvalidURLError):
        return "invalid_url"
    if isinstance(exc, UnsafeXMLError):
        return "entities_refused"
    if isinstance(exc, NotASitemapError):
        return "not_sitemap"
    if isinstance(exc, BodyTooLargeError):
        return "over_cap"
    kind = _KIND_OUTCOMES.get(str(getattr(exc, "kind", "") or ""))
    if kind and isinstance(exc, FetchTimeoutError | FetchConnectionError):
        return kind
    if isinstance(exc, FetchTimeoutError):
        return "connect_timeout" if str(exc).startswith("connect timeout") else "timeout"
    if isinstance(exc, FetchConnectionError):
        causes = _causes(exc)
        if any(isinstance(c, ssl.SSLError) for c in causes) or "SSL" in str(exc):
            return "tls"
        if any(isinstance(c, ConnectionRefusedError) for c in causes) or "refused" in str(exc):
            return "refused"
        return "connection_failed"
    return "failed"


def status_outcome(status_code: int) -> str:
    """The outcome code of a non-2xx answer."""
    if status_code in (404, 410):
        return "not_found"
    return "http_5xx" if status_code >= 500 else "http_status"


def label(outcome: str, http_status: int | None = None) -> str:
    """How a summary says an outcome: the status itself for HTTP errors ("404", "HTTP 403")."""
    if outcome in ("not_found", "http_status", "http_5xx") and http_status:
        return str(http_status) if outcome == "not_found" else f"HTTP {http_status}"
    return LABELS.get(outcome, outcome)
