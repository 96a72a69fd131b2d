"""The URL checks every hop passes before anything is sent: :func:`validate` and :func:`origin`."""

from __future__ import annotations

from urllib3.exceptions import LocationParseError
from urllib3.util import Url, parse_url

from . import guard
from .config import FetcherConfig
from .errors import DNSFetchError, HostNotFoundError, InvalidURLError

DEFAULT_PORTS = {"http": 80, "https": 443}


def validate(url: str, config: FetcherConfig, *, referrer: str | None = None) -> Url:
    """``url`` parsed (and normalised by urllib3) if it may be fetched, else an error.

    Refuses what is not a string, a scheme outside ``ALLOWED_SCHEMES``, credentials, a missing
    host and a literal IP outside the SSRF guard; through a proxy, the host's addresses by our
    DNS too (the proxy connects itself; without one the connection checks what it connects to).
    The path defaults to ``/`` and the fragment is dropped. ``referrer`` is the URL whose
    redirect led here (for the messages).
    """
    if not isinstance(url, str):
        raise InvalidURLError(f"invalid URL {url!r}: not a string")
    where = f"{referrer} redirects to an invalid URL" if referrer else "invalid URL"
    try:
        parsed = parse_url(url.strip())
    except (LocationParseError, ValueError) as exc:
        raise InvalidURLError(f"{where} {url!r}: {exc}", url=url) from exc
    scheme = (parsed.scheme or "").lower()
    if scheme not in config.allowed_schemes:
        raise InvalidURLError(
            f"refused to fetch {url}: scheme {scheme or '(none)'!r} is not allowed "
            f"(allowed: {', '.join(config.allowed_schemes)})",
            url=url,
        )
    if parsed.auth:
        raise InvalidURLError(
            f"refused to fetch {parsed._replace(auth=None).url}: URLs with credentials "
            "(user:password@) are not fetched",
            url=parsed._replace(auth=None).url,
        )
    host = parsed.host
    if not host:
        raise InvalidURLError(f"{where} {url!r}: no host", url=url)
    if not parsed.path or parsed.fragment is not None:
        parsed = parsed._replace(path=parsed.path or "/", fragment=None)
    literal = guard.parse_ip(host)
    if literal is not None:
        guard.check_ip(literal, config.allowed_networks, url=parsed.url, host=host)
    elif config.proxy:
        # The proxy resolves the name again: best effort check of what our DNS says.
        port = parsed.port or DEFAULT_PORTS[scheme]
        try:
            guard.check_host(host, port, config.allowed_networks, url=parsed.url)
        except guard.HostNotFound as exc:
            raise HostNotFoundError(f"{exc} (fetching {parsed.url})", url=parsed.url) from exc
        except guard.ResolveError as exc:
            raise DNSFetchError(f"{exc} (fetching {parsed.url})", url=parsed.url) from exc
    return parsed


def origin(parsed: Url) -> str:
    """``scheme://host:port`` (port always given), the key of robots.txt and connection pools."""
    scheme = (parsed.scheme or "").lower()
    return f"{scheme}://{(parsed.host or '').lower()}:{parsed.port or DEFAULT_PORTS[scheme]}"
