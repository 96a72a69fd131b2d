"""Process-wide per-host concurrency limit and politeness delay."""

from __future__ import annotations

import threading
import time


class _HostState:
    __slots__ = ("active", "next_start")

    def __init__(self) -> None:
        self.active = 0
        self.next_start = 0.0


class HostGate:
    """Counts in-flight requests per host; the limit is given per acquisition.

    One instance (:data:`HOST_GATE`) is shared by every fetcher in the process, so fetchers with
    different configs still share the count for a host.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._hosts: dict[str, _HostState] = {}

    def acquire(
        self, host: str, *, limit: int, delay: float = 0.0, timeout: float | None = None
    ) -> None:
        """Take one of ``limit`` slots for ``host`` (wait for one, then for the politeness
        ``delay``); raise ``TimeoutError`` after ``timeout``. Give it back with :meth:`release`.

        The timeout turns a same-host request nested inside an open stream (which could wait
        forever with a limit of 1) into an error instead of a deadlock.
        """
        host = host.lower()
        give_up = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _HostState()
            while state.active >= limit:
                left = None if give_up is None else give_up - time.monotonic()
                if left is not None and left <= 0:
                    if state.active == 0:  # pragma: no cover - cannot happen with limit >= 1
                        self._hosts.pop(host, None)
                    raise TimeoutError(f"waited {timeout:g}s for a free slot for {host}")
                self._cond.wait(left)
                state = self._hosts.setdefault(host, state)
            state.active += 1
            now = time.monotonic()
            start = max(now, state.next_start)
            state.next_start = start + delay
        if start > now:
            try:
                time.sleep(start - now)
            except BaseException:
                self.release(host)
                raise

    def release(self, host: str) -> None:
        """Give back a slot taken by :meth:`acquire`."""
        host = host.lower()
        with self._cond:
            state = self._hosts[host]
            state.active -= 1
            if state.active == 0 and state.next_start <= time.monotonic():
                del self._hosts[host]
            self._cond.notify_all()

    def active(self, host: str) -> int:
        with self._cond:
            state = self._hosts.get(host.lower())
            return state.active if state else 0


HOST_GATE = HostGate()
