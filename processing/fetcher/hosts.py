"""Process-wide per-host concurrency limit and politeness delay, and the hosts' pauses.

The delay and the pauses (a ``Retry-After`` on a 429/503) are kept for every thread of the
process. A worker process also installs ``HOST_GATE.shared`` (``processing.engine.politeness``):
then a request to a host with a delay reserves its slot across the whole deployment, and a pause
is told to every worker process, so they hold off that host too.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Protocol

logger = logging.getLogger(__name__)

#: A Retry-After is honoured up to this long (an hour); longer answers are taken as this.
MAX_PAUSE_SECONDS = 3600.0


class SharedHosts(Protocol):
    """The deployment's gate of each host, beside this process's."""

    def reserve(self, host: str, delay: float) -> float:
        """Reserve this request's slot at least ``delay`` after the host's previous request
        anywhere (and after any pause); return the seconds to wait for it."""
        ...

    def pause(self, host: str, seconds: float) -> None:
        """Hold every worker off ``host`` for ``seconds`` from now."""
        ...


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
        self.shared: SharedHosts | None = None  # installed by a worker process

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
        try:
            if start > now:
                time.sleep(start - now)
            shared = self.shared
            if delay > 0 and shared is not None:
                time.sleep(self._shared_wait(shared, host, delay))
        except BaseException:
            self.release(host)
            raise

    @staticmethod
    def _shared_wait(shared: SharedHosts, host: str, delay: float) -> float:
        try:
            return max(0.0, min(shared.reserve(host, delay), MAX_PAUSE_SECONDS))
        except Exception as exc:  # the database unreachable: this process's delay still holds
            logger.warning("host gate: no deployment-wide slot for %s (%s)", host, exc)
            return 0.0

    def pause(self, host: str, seconds: float, *, share: bool = True) -> None:
        """No request to ``host`` starts in this process for ``seconds`` from now (a
        ``Retry-After``); with ``share`` (and a shared gate) in no other worker process either."""
        seconds = min(seconds, MAX_PAUSE_SECONDS)
        if seconds <= 0:
            return
        host = host.lower()
        with self._cond:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _HostState()
            state.next_start = max(state.next_start, time.monotonic() + seconds)
        shared = self.shared
        if share and shared is not None:
            try:
                shared.pause(host, seconds)
            except Exception as exc:
                logger.warning("host gate: pause of %s not shared (%s)", host, exc)

    def paused_for(self, host: str) -> float:
        """Seconds before the next request to ``host`` may start in this process (0: now)."""
        with self._cond:
            state = self._hosts.get(host.lower())
            return max(0.0, state.next_start - time.monotonic()) if state else 0.0

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
