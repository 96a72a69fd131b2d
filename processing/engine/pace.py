"""How many rows a run keeps in flight: a level that finds itself, under the workflow's cap.

A millisecond web is bound by CPU and a one-second web by the requests in flight, so no fixed
``concurrency`` serves both (issue 27). Like Crawlee's autoscaled pool (grow while the system is
not overloaded, shrink when it is) and Scrapy's AutoThrottle (back off on latency and errors),
the level is re-judged every ``WINDOW_SECONDS`` from what the rows of that window did:

- **shrink** by a third when rows were refused for load (HTTP 429/503, timeouts: a
  ``TransientError`` whose status or kind says so) in more than ``OVERLOAD_SHARE`` of them;
- **shrink** by a third when the answers took more than ``SLOW_FACTOR`` times the quickest
  window's and the rate did not grow: more in flight may only have made each row slower. That
  shrink is a probe, judged on the first window whose rows all began once the rows in flight
  had come down to the new level (the level holds meanwhile). Answers quicker by half its share
  at least (``SHRUNK_QUICKER``) say the run crowded the sites (a crowded site answers in a time
  in proportion to the requests it has): shrink and probe again. Answers no quicker say the
  sites are slow of themselves: their answers now are the measure the next windows are judged
  by. Before the probe (a tenth a window while the rate did not grow), a run that met quick
  answers first (small sites, errors that come back at once) and slow ones after shrank every
  window, each shrink lowering the rate and so allowing the next, down to ``FLOOR`` on a
  one-second web, and never grew there; and on a crowded site a tenth was too little to be
  told from the answers' noise;
- **grow** by a quarter when the level was reached (rows waited for a free place), the process
  had CPU to spare (less than ``CPU_BUSY`` of a core: the GIL makes one core the ceiling of a
  worker process) and the answers were not slowing down; **double** instead while doubling
  stays under ``CPU_BUSY``: the process's CPU plus once more the CPU the run's own rows used
  (their threads' CPU time, as rows report it; without it, the process's: then doubling needs
  under ``CPU_SPARE``, half of ``CPU_BUSY``). The other lanes of the process and its other
  threads do not grow with this run's level: on a 200 ms web page curation started while
  discovery and imports kept the process at half a core, and grew by a quarter a second for ten
  seconds (issue 27). On a one-second web a level of 16 needs ~4 windows instead of ~13 to reach
  256 (the ramp, not the steady rate, was what kept the 1 s bench under 200 pages/s);
- on a **busy machine** (its cores more than ``MACHINE_BUSY`` busy, niced work counted as
  spare), a growth is a trial: by a quarter only, judged on the first window whose rows all
  began after it. A rate up by half the growth's share at least says more in flight helped (the
  rows wait on the network while other processes use the CPU): the trial passes and the next
  may follow. A rate no higher says the rows wait on the CPU: the level goes back to where it
  was and holds while the machine stays busy, for ``STALL_WINDOWS`` windows at most, then tries
  again. The process's own CPU cannot tell this on a shared machine: two workers and PostgreSQL
  on two cores keep each worker under ``CPU_BUSY`` however saturated the machine is, and on the
  millisecond web each worker grew to its cap (150-276 threads against 43 at a fixed 16),
  which cost about 10 % of the pages a second in CPU for threads that only waited for a core
  (issue 24);
- otherwise hold.

``concurrency`` (the knob) stays the cap and ``START`` the first level (a worker's lane starts
its next run at the level its last run ended on, see ``worker_loop``); the level never goes
below ``FLOOR``. Hand-written because no maintained library paces threads by throughput (the
crawlers' autoscalers live inside their own event loops); it is small and tested on a loopback
server whose latency changes mid-run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

WINDOW_SECONDS = 1.0
START = 16
FLOOR = 2
GROW = 1.25
GROW_FAST = 2.0
SHRINK_SLOW = 0.67
SHRINK_OVERLOAD = 0.67
OVERLOAD_SHARE = 0.05
SLOW_FACTOR = 3.0
SHRUNK_QUICKER = 1 - (1 - SHRINK_SLOW) / 2  # answers this much quicker after a probe: crowded
CPU_BUSY = 0.9
CPU_SPARE = CPU_BUSY / GROW_FAST
MACHINE_BUSY = 0.9
STALL_WINDOWS = 30


def machine_cpu(path: str = "/proc/stat") -> tuple[int, int] | None:
    """The machine's CPU ticks since boot, ``(busy, all)``; None where there is no such file.

    Niced time counts as spare: work at a lower priority gives way to the rows' threads.
    """
    try:
        with open(path, "rb") as stat:
            fields = stat.readline().split()
    except OSError:
        return None
    if len(fields) < 5 or fields[0] != b"cpu":
        return None
    ticks = [int(field) for field in fields[1:9]] + [0] * (9 - len(fields))
    user, nice, system, idle, iowait, irq, softirq, steal = ticks
    busy = user + system + irq + softirq + steal
    return busy, busy + nice + idle + iowait


def is_overload(exc: BaseException) -> bool:
    """Whether a row's failure says the site (or the path to it) is overloaded."""
    if getattr(exc, "status_code", None) in (429, 503):
        return True
    return str(getattr(exc, "kind", "")).endswith("timeout")


class Pace:
    """The level of rows in flight for one run; row threads report each row to it."""

    def __init__(
        self,
        cap: int,
        *,
        start: int = START,
        clock: Callable[[], float] = time.monotonic,
        cpu: Callable[[], float] = time.process_time,
        machine: Callable[[], tuple[int, int] | None] | None = None,
        on_change: Callable[[int], None] | None = None,
    ) -> None:
        self.cap = max(1, cap)
        self.floor = min(FLOOR, self.cap)
        self.limit = max(self.floor, min(self.cap, start))
        self.clock = clock
        self.cpu = cpu
        self.machine = machine
        self.on_change = on_change
        self.history: list[tuple[float, int]] = [(clock(), self.limit)]  # (when, level)
        self._lock = threading.Lock()
        self._in_flight = 0
        self._reset_window(clock())
        self._best_seconds: float | None = None
        self._last_rate: float | None = None
        # A shrink on slow answers being judged: (the answers' seconds before it, when the rows
        # in flight had come down to the new level).
        self._probe: tuple[float, float | None] | None = None
        # A growth on a busy machine being judged: (the rate before it, the level before it,
        # when its rows had all begun); and the windows left to hold after one that did not
        # raise the rate.
        self._trial: tuple[float, int, float] | None = None
        self._stalled = 0

    def _reset_window(self, now: float) -> None:
        self._window_start = now
        self._cpu_start = self.cpu()
        self._machine_start = self.machine() if self.machine is not None else None
        self._done = 0
        self._overloaded = 0
        self._seconds = 0.0
        self._row_cpu: float | None = None  # the CPU seconds rows reported, if they did
        self._peak = self._in_flight

    def began(self) -> None:
        with self._lock:
            self._in_flight += 1
            self._peak = max(self._peak, self._in_flight)

    def ended(self, seconds: float, *, overloaded: bool = False, cpu: float | None = None) -> None:
        """A row ended after ``seconds`` of service (``cpu`` of them its thread's CPU time);
        re-judge the level at the window's end."""
        changed = None
        with self._lock:
            self._in_flight -= 1
            self._done += 1
            now = self.clock()
            if self._probe is not None and self._probe[1] is None and self._in_flight <= self.limit:
                self._probe = (self._probe[0], now)
            self._seconds += seconds
            self._overloaded += overloaded
            if cpu is not None:
                self._row_cpu = (self._row_cpu or 0.0) + cpu
            if now - self._window_start >= WINDOW_SECONDS:
                changed = self._judge(now)
        if changed is not None and self.on_change is not None:
            self.on_change(changed)

    def _judge(self, now: float) -> int | None:
        elapsed = now - self._window_start
        done = self._done
        rate = done / elapsed
        seconds = self._seconds / done
        cpu = (self.cpu() - self._cpu_start) / elapsed
        rows_cpu = cpu if self._row_cpu is None else self._row_cpu / elapsed
        reached = self._peak >= self.limit
        best = self._best_seconds
        self._best_seconds = seconds if best is None else min(best, seconds)
        last_rate, self._last_rate = self._last_rate, rate
        busy = self._machine_busy()
        if not busy:
            self._trial, self._stalled = None, 0
        level = self.limit
        if self._overloaded > OVERLOAD_SHARE * done:
            level = int(level * SHRINK_OVERLOAD)
            self._probe = self._trial = None
            self._stalled = 0
        elif self._probe is not None:
            level = self._judge_probe(seconds, best)
        elif (
            best is not None
            and seconds > SLOW_FACTOR * best
            and last_rate is not None
            and rate <= last_rate
        ):
            level = int(level * SHRINK_SLOW)
            self._probe = (seconds, None)
            self._trial, self._stalled = None, 0
        elif self._trial is not None:
            level = self._judge_trial(rate)
        elif self._stalled:
            self._stalled -= 1
        elif reached and cpu < CPU_BUSY and (best is None or seconds <= SLOW_FACTOR * best):
            if busy:
                level = max(level + 1, int(level * GROW))
                self._trial = (rate, self.limit, now + seconds)
            else:
                fast = cpu + (GROW_FAST - 1) * rows_cpu < CPU_BUSY
                level = max(level + 1, int(level * (GROW_FAST if fast else GROW)))
        level = max(self.floor, min(self.cap, level))
        if level == self.floor:
            self._probe = None  # nothing left to learn by shrinking
        self._reset_window(now)
        if level == self.limit:
            return None
        self.limit = level
        self.history.append((now, level))
        return level

    def _machine_busy(self) -> bool:
        """Whether the machine's cores were more than ``MACHINE_BUSY`` busy in the window."""
        if self._machine_start is None:
            return False
        ticks = self.machine()
        if ticks is None:
            return False
        busy = ticks[0] - self._machine_start[0]
        spent = ticks[1] - self._machine_start[1]
        return spent > 0 and busy > MACHINE_BUSY * spent

    def _judge_trial(self, rate: float) -> int:
        """The level after a window while a growth on a busy machine is judged (see above)."""
        before, level_before, begun = self._trial
        if self._window_start < begun:
            return self.limit  # rows begun before the growth ended in this window: wait
        self._trial = None
        share = self.limit / level_before - 1
        if rate >= before * (1 + share / 2):
            return self.limit
        self._stalled = STALL_WINDOWS
        return level_before

    def _judge_probe(self, seconds: float, best: float | None) -> int:
        """The level after a window while a shrink on slow answers is judged (see above)."""
        before, came_down = self._probe
        if came_down is None or self._window_start < came_down + seconds:
            # Rows begun before the rows in flight came down to the new level ended in this
            # window (a crowded site still had the old level's queue): wait, and take the
            # slowest such window as the answers' time before (the latency may still have risen).
            self._probe = (max(before, seconds), came_down)
            return self.limit
        self._probe = None
        if seconds > SHRUNK_QUICKER * before:
            self._best_seconds = seconds  # no quicker with fewer in flight: the sites are slow
            return self.limit
        if best is not None and seconds > SLOW_FACTOR * best:
            self._probe = (seconds, None)  # quicker: crowded, and still slow
            return int(self.limit * SHRINK_SLOW)
        return self.limit
