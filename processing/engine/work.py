"""The rows a run has claimed, waiting for a row thread: order, hand-out, per-domain limit.

Items are ``(row, token, started)``; ``None`` tells one thread to stop. ``RowQueue`` hands rows
out in claim order. ``DomainQueue`` (rows with a ``domain_id`` and a per-domain limit) hands a
thread the oldest row whose domain has fewer than the limit in flight: the fetcher lets only a
few requests per host run at once, so threads given more rows of a slow host would wait at its
gate while rows of other domains wait in the queue.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections import Counter, deque


def interleave_by_domain(rows: list) -> list:
    """Round-robin the rows over their domains, keeping each domain's queue order.

    A batch often holds many pages of one site in a row; the fetcher allows only a few requests
    per host at once, so threads would queue behind one host while others sit idle.
    """
    if not rows or not hasattr(rows[0], "domain_id"):
        return rows
    lanes: dict[object, list] = {}
    for row in rows:
        lanes.setdefault(row.domain_id, []).append(row)
    ordered = []
    for layer in itertools.zip_longest(*lanes.values()):
        ordered.extend(row for row in layer if row is not None)
    return ordered


def take(source: queue.SimpleQueue, limit: int) -> tuple[list, bool]:
    """Wait for one item, then take what else is there (up to ``limit``); True after the None."""
    item = source.get()
    if item is None:
        return [], True
    items = [item]
    while len(items) < limit:
        try:
            item = source.get_nowait()
        except queue.Empty:
            break
        if item is None:
            return items, True
        items.append(item)
    return items, False


class RowQueue:
    """Claimed rows in claim order (a SimpleQueue: put and get in C)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue = queue.SimpleQueue()

    def put(self, item) -> None:
        self._queue.put(item)

    def take(self, limit: int) -> tuple[list, bool]:
        """Up to ``limit`` items (at least one, waiting for it); True once told to stop."""
        return take(self._queue, limit)

    def done(self, row) -> None:
        """A row taken is no longer in flight (processed, set aside or lost)."""

    def qsize(self) -> int:
        return self._queue.qsize()

    def ready(self) -> int:
        """Rows a thread could take now."""
        return self._queue.qsize()

    def get_nowait(self):
        return self._queue.get_nowait()

    def crowded(self) -> list:
        """No domain is ever passed over: rows are handed out first in, first out."""
        return []


def domain_of(row) -> object:
    return row.domain_id


class DomainQueue:
    """Claimed rows handed out so that no domain has more than ``limit`` rows in flight.

    A stop (``None``) is handed out only once no row is left: rows of a busy domain still wait
    for a free place, and are taken as soon as that domain's rows in flight are done.
    """

    def __init__(self, limit: int) -> None:
        self._limit = max(1, limit)
        self._items: deque = deque()
        self._stops = 0
        self._in_flight: Counter = Counter()
        self._ready = threading.Condition()

    def put(self, item) -> None:
        with self._ready:
            if item is None:
                self._stops += 1
                self._ready.notify_all()
            else:
                self._items.append(item)
                # One row: one waiting thread can take it (any can; a thread that takes it and
                # leaves rows behind wakes the next one, see take). Waking every waiting row
                # thread for each row put and done (hundreds of them) was ~9% of a worker's
                # CPU in bench/pipeline.py: each woke, scanned the waiting rows, and slept.
                self._ready.notify()

    def take(self, limit: int) -> tuple[list, bool]:
        with self._ready:
            while True:
                taken = self._pick(limit)
                if taken:
                    if self._items or self._stops:
                        self._ready.notify()  # what is left may be another waiter's to take
                    return taken, False
                if self._stops and not self._items:
                    self._stops -= 1
                    if self._stops:
                        self._ready.notify()  # the next stop, for the next waiter
                    return [], True
                self._ready.wait()

    def _pick(self, limit: int) -> list:
        taken, kept = [], deque()
        while self._items and len(taken) < limit:
            item = self._items.popleft()
            key = domain_of(item[0])
            if self._in_flight[key] < self._limit:
                self._in_flight[key] += 1
                taken.append(item)
            else:
                kept.append(item)
        kept.extend(self._items)
        self._items = kept
        return taken

    def done(self, row) -> None:
        with self._ready:
            key = domain_of(row)
            self._in_flight[key] -= 1
            if self._in_flight[key] <= 0:
                del self._in_flight[key]
            if self._items or self._stops:
                self._ready.notify()  # one place freed: one waiting thread may take a row

    def qsize(self) -> int:
        return len(self._items)

    def ready(self) -> int:
        """Rows a thread could take now: those of domains below the limit."""
        with self._ready:
            in_flight = Counter(self._in_flight)
            n = 0
            for item in self._items:
                key = domain_of(item[0])
                if in_flight[key] < self._limit:
                    in_flight[key] += 1
                    n += 1
            return n

    def get_nowait(self):
        with self._ready:
            if not self._items:
                raise queue.Empty
            return self._items.popleft()

    def crowded(self) -> list:
        """Domains of which this run holds enough rows to fill their places twice over.

        Counting the rows in flight and those waiting, ``2 * limit`` or more: a claim passes
        over them, since more of their rows would only wait here while another worker could
        take them (a slow site's pages would pile up in one run).
        """
        with self._ready:
            held = Counter(self._in_flight)
            for item in self._items:
                held[domain_of(item[0])] += 1
        return [key for key, n in held.items() if n >= 2 * self._limit]

    def in_flight(self) -> dict:
        """Rows in flight per domain (for tests and logs)."""
        with self._ready:
            return dict(self._in_flight)
