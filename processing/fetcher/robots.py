"""robots.txt as the fetcher obeys it: :class:`RobotsPolicy` over a per-origin
:class:`RobotsCache` (with TTL), parsed by RFC 9309 with Protego.

Protego (Scrapy's parser) implements what :mod:`urllib.robotparser` does not: ``*`` and ``$``
wildcards, the longest (most specific) matching rule wins, ``Allow`` wins a tie with
``Disallow``, and the group of the most specific matching user-agent applies (else ``*``).
The fetcher passes its product token (``ScraperSkyBot``), as RFC 9309 section 2.2.1 asks.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from protego import Protego
from urllib3.util import Url, parse_url

from .errors import RobotsDisallowedError
from .urls import origin

if TYPE_CHECKING:
    from .response import FetchResponse


class RobotsCache:
    """Maps an origin (``scheme://host:port``) to a parsed robots.txt or "allow all".

    ``loader(origin)`` returns the robots.txt text, or None for "allow everything"; it is called
    at most once per origin per TTL, even with many threads asking at the same time.
    """

    MAX_ENTRIES = 10_000

    def __init__(self, loader: Callable[[str], str | None], ttl: float) -> None:
        self._loader = loader
        self._ttl = ttl
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, Protego | None]] = {}
        self._origin_locks: dict[str, threading.Lock] = {}

    def _get(self, origin: str) -> Protego | None:
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(origin)
            if entry and entry[0] > now:
                return entry[1]
            origin_lock = self._origin_locks.setdefault(origin, threading.Lock())
        with origin_lock:
            with self._lock:
                entry = self._entries.get(origin)
                if entry and entry[0] > time.monotonic():
                    return entry[1]
            return self.remember(origin, self._loader(origin))

    def remember(self, origin: str, text: str | None) -> Protego | None:
        """Cache ``text`` (None: allow everything) as the robots.txt of ``origin``."""
        parser: Protego | None = None
        if text is not None:
            parser = Protego.parse(text)
        with self._lock:
            self._entries[origin] = (time.monotonic() + self._ttl, parser)
            if len(self._entries) > self.MAX_ENTRIES:
                self._prune()
        return parser

    def _prune(self) -> None:
        """Drop expired entries, then the soonest-expiring ones (called with the lock held)."""
        now = time.monotonic()
        for key in [k for k, (expires, _) in self._entries.items() if expires <= now]:
            del self._entries[key]
            self._origin_locks.pop(key, None)
        excess = len(self._entries) - self.MAX_ENTRIES // 2
        if excess > 0:
            oldest = sorted(self._entries, key=lambda k: self._entries[k][0])[:excess]
            for key in oldest:
                del self._entries[key]
                self._origin_locks.pop(key, None)

    def allowed(self, origin: str, url: str, user_agent: str) -> bool:
        parser = self._get(origin)
        return True if parser is None else parser.can_fetch(url, user_agent)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class RobotsPolicy:
    """The robots.txt check of every hop, for one user agent.

    ``loader(origin)`` fetches ``origin``'s robots.txt (None: allow everything); the fetcher
    passes one that goes through its own guards. Groups are matched on the product token of
    the user agent (``ScraperSkyBot``), as RFC 9309 section 2.2.1 asks.
    """

    def __init__(self, loader: Callable[[str], str | None], ttl: float, user_agent: str) -> None:
        self.agent = user_agent.split("/", 1)[0].strip() or user_agent
        self._cache = RobotsCache(loader, ttl)

    def check(self, parsed: Url, url: str) -> None:
        """Raise :class:`RobotsDisallowedError` if robots.txt disallows ``url`` (``parsed``)."""
        if not self._cache.allowed(origin(parsed), url, self.agent):
            raise RobotsDisallowedError(
                f"robots.txt of {parsed.scheme}://{parsed.netloc} disallows {url} "
                f"for {self.agent} (set check_robots=False or "
                "SCRAPERSKY_FETCHER['OBEY_ROBOTS'] = False to ignore it)",
                url=url,
            )

    def remember(self, response: FetchResponse) -> None:
        """Cache a robots.txt fetched by someone else, with the verdict the loader would
        reach (2xx is parsed; anything else allows everything); not if it was redirected to
        another origin or path."""
        requested, final = parse_url(response.url), parse_url(response.final_url)
        if origin(requested) != origin(final) or final.path != "/robots.txt":
            return  # redirected elsewhere: let the fetcher decide on its own
        ok = 200 <= response.status_code < 300
        text = response.content.decode("utf-8", errors="replace") if ok else None
        self._cache.remember(origin(final), text)

    def clear(self) -> None:
        self._cache.clear()
