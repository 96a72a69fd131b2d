"""robots.txt cache (per origin, with TTL), parsed by RFC 9309 with Protego.

Protego (Scrapy's parser) implements what :mod:`urllib.robotparser` does not: ``*`` and ``$``
wildcards, the longest (most specific) matching rule wins, ``Allow`` wins a tie with
``Disallow``, and the group of the most specific matching user-agent applies (else ``*``).
The fetcher passes its product token (``ScraperSkyBot``), as RFC 9309 section 2.2.1 asks.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from protego import Protego


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
