"""The row threads of a consumer run: start claimed rows, run the service, hand on the outcome.

A thread takes a chunk of rows from the run's work queue, has their attempt counted (by the run's
``starter``, unless the claim already started them), runs the service on each outside any
transaction, and gives the finisher each row's outcome: complete (with its ``persist()``), error,
or retry. No database work is done here: the engine's goes to the starter and the finisher, the
services' to ``persist()`` and to the process's database threads (``processing.db_steps``), so a
row thread holds no connection however many rows are in flight.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import connection

from processing.db_steps import row_thread
from processing.engine.backoff import retry_delay
from processing.engine.faults import (
    drop_broken_connection,
    is_machine_fault,
    is_transient_db_error,
)
from processing.engine.outcomes import Outcome, error_message
from processing.engine.pace import START as pace_start
from processing.engine.pace import Pace, is_overload, machine_cpu
from processing.errors import ProcessingError, TransientError

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from processing.engine.finisher import Finisher
    from processing.engine.holdings import Holdings
    from processing.engine.outcomes import RunResult
    from processing.engine.starter import Starter
    from processing.engine.work import DomainQueue, RowQueue
    from scrapersky.workflows import Knobs, Workflow

logger = logging.getLogger(__name__)

# A row's attempt is counted when its service starts (claims.start), in chunks sized to about
# this much service time: a no-op service costs one statement per chunk, a slow one starts (and
# is charged) one row at a time, and a worker killed mid-chunk charges at most this much work
# that never ran. When a whole batch (and the rows ahead of it) takes less than this on the
# threads, the claim starts its rows itself (see runner): one row version fewer per row.
START_WINDOW_SECONDS = 0.005
START_CHUNK_MAX = 100
# This many machine faults in a row (no other outcome between them) is a burst: the run stops
# claiming and its lane pauses (worker_loop), rather than cycling the queue through a machine
# that cannot process anything.
FAULT_BURST_MIN = 5


class RowThreads:
    """``concurrency`` threads processing the rows of ``work``; ``close`` finishes them."""

    def __init__(
        self,
        workflow: Workflow,
        knobs: Knobs,
        *,
        service: Callable,
        now: Callable[[], datetime],
        work: RowQueue | DomainQueue,
        finisher: Finisher,
        starter: Starter,
        holdings: Holdings,
        result: RunResult,
        stopping: Callable[[], bool],
        on_taken: Callable[[], None],
        start_level: int | None = None,
    ) -> None:
        self.workflow = workflow
        self.knobs = knobs
        self.service = service
        self.now = now
        self.work = work
        self.finisher = finisher
        self.starter = starter
        self.holdings = holdings
        self.result = result
        self.stopping = stopping
        self.on_taken = on_taken
        self.pace = Pace(
            max(1, knobs.concurrency),
            start=start_level or pace_start,
            machine=machine_cpu,
            on_change=self._level_changed,
        )
        result.levels = self.pace.history
        self.service_seconds: float | None = None  # moving average, sizes the start chunks
        self.unstarted: list[tuple[int, str]] = []  # set aside: released at the end of the run
        self._pool: ThreadPoolExecutor | None = None
        self._futures: list = []
        self._gate = threading.Condition()
        self._closing = False
        self.fault_streak = 0  # machine faults since the last other outcome
        self.faulting: str | None = None  # set when a burst of them says the machine is sick

    @property
    def concurrency(self) -> int:
        """Rows in flight at most right now (the pace's level, under the knob)."""
        return self.pace.limit

    def start(self) -> None:
        self._pool = ThreadPoolExecutor(
            max_workers=self.pace.cap, thread_name_prefix=f"{self.workflow.name}-row"
        )
        self._spawn(self.pace.limit)

    def _spawn(self, level: int) -> None:
        """Threads up to ``level``; a thread beyond the level waits at the gate (never ends)."""
        with self._gate:
            while len(self._futures) < level and not self._closing:
                self._futures.append(self._pool.submit(self._worker, len(self._futures)))

    def _level_changed(self, level: int) -> None:
        self._spawn(level)
        with self._gate:
            self._gate.notify_all()

    def close(self) -> None:
        """Stop the threads once they have taken every row (started rows are finished)."""
        with self._gate:
            self._closing = True
            futures = list(self._futures)
            self._gate.notify_all()
        for _ in futures:
            self.work.put(None)
        for future in futures:
            future.exception()  # wait; a worker never raises (see _worker)
        if self._pool is not None:
            self._pool.shutdown(wait=True)

    def _wait_for_a_place(self, index: int) -> None:
        with self._gate:
            while index >= self.pace.limit and not self._closing:
                self._gate.wait()

    def _worker(self, index: int) -> None:
        with row_thread():  # the services' database steps go to the database threads
            self._rows(index)

    def _rows(self, index: int) -> None:
        try:
            last = False
            while not last:
                self._wait_for_a_place(index)
                chunk, last = self.work.take(self._start_chunk_size())
                self.on_taken()
                if not chunk:
                    return
                pending = [row for row, _token, _started in chunk]
                try:
                    self._run_chunk(chunk)
                finally:
                    for row in pending:
                        self.work.done(row)
                    if connection.connection is not None:
                        # The service queried the database outside db_step(): give the
                        # connection back between rows, so it is held by the rows at such a
                        # query, not by every row in flight.
                        connection.close()
        finally:
            connection.close()  # each thread has its own connection: do not leak it

    def _run_chunk(self, chunk: list) -> None:
        # Rows the claim started are processed even when stopping: they are charged.
        started = [(row, token) for row, token, begun in chunk if begun]
        unstarted = [(row, token) for row, token, begun in chunk if not begun]
        if self.stopping():
            self._set_aside(unstarted)
        elif unstarted:
            started += self._start(unstarted)
        for row, token in started:
            self.pace.began()
            self._process(row, token)

    def _start_chunk_size(self) -> int:
        seconds = self.service_seconds
        if seconds is None:
            return 1
        return max(1, min(START_CHUNK_MAX, int(START_WINDOW_SECONDS / max(seconds, 1e-6))))

    def _set_aside(self, rows: list) -> None:
        """Rows claimed but not started: released at the end of the run.

        They are no longer held: the lease heartbeat stops renewing them, so should the run
        not end (or not manage to release them), the reaper requeues them once their lease
        ends, without an attempt used, instead of a living run keeping them (issue 28.1).
        """
        self.unstarted.extend([(row.pk, token) for row, token in rows])  # atomic (GIL)
        self.holdings.forget(row.pk for row, _token in rows)

    def _start(self, chunk: list) -> list:
        """Count the attempt of each row in ``chunk`` (one statement); return the rows held."""
        by_token: dict[str, list] = {}
        for row, token in chunk:
            by_token.setdefault(token, []).append(row)
        attempts_col = self.workflow.names.col("attempts")
        started = []
        for token, rows in by_token.items():
            attempts = self.starter.start([row.pk for row in rows], token)
            if attempts is None:
                # Not started (the run is stopping, or the start failed for a reason other
                # than a machine fault), so not charged: released at the end of the run.
                self._set_aside([(row, token) for row in rows])
                continue
            for row in rows:
                if row.pk in attempts:
                    setattr(row, attempts_col, attempts[row.pk])
                    started.append((row, token))
                else:
                    self.holdings.forget([row.pk])
                    self.result.count("lost")
        return started

    def _process(self, row, token: str) -> None:
        """Run the service on one row and hand its outcome to the finisher."""
        began = time.monotonic()
        began_cpu = time.thread_time()
        overloaded = False
        try:
            persist = self.service(row)
        except TransientError as exc:
            overloaded = is_overload(exc)
            outcome = self._transient_outcome(row, token, exc)
        except Exception as exc:
            if is_machine_fault(exc):
                outcome = self._fault_outcome(row, token, exc)
            elif is_transient_db_error(exc):
                # The service's own database work met a machine fault: retry, like a timeout.
                drop_broken_connection()
                outcome = self._transient_outcome(row, token, TransientError(error_message(exc)))
            else:
                if not isinstance(exc, ProcessingError):
                    logger.exception("%s: row %s failed", self.workflow.name, row.pk)
                outcome = Outcome(row.pk, token, "error", error_message(exc))
        else:
            outcome = Outcome(row.pk, token, "complete", persist=persist)
        if outcome.kind != "fault":
            self.fault_streak = 0
        elapsed = time.monotonic() - began
        self.pace.ended(elapsed, overloaded=overloaded, cpu=time.thread_time() - began_cpu)
        average = self.service_seconds
        self.service_seconds = elapsed if average is None else 0.9 * average + 0.1 * elapsed
        self.finisher.put(getattr(row, "domain_id", outcome.row_id), outcome)

    def _fault_outcome(self, row, token: str, exc: BaseException) -> Outcome:
        """The machine lacked memory, disk or descriptors: Queued again, the attempt given back,
        after a backoff that grows with the faults in a row; a burst of them stops the run."""
        self.fault_streak += 1  # a lost update between threads only delays the burst by one
        streak = self.fault_streak
        text = error_message(exc)
        if streak >= max(FAULT_BURST_MIN, self.knobs.concurrency) and self.faulting is None:
            self.faulting = text
            logger.warning(
                "%s: %d machine faults in a row (%s): pausing the lane",
                self.workflow.name,
                streak,
                text,
            )
        delay = retry_delay(streak, base=self.knobs.backoff_base, cap=self.knobs.backoff_max)
        at = self.now() + timedelta(seconds=delay)
        message = f"machine fault, not charged: {text}; retrying after {at:%H:%M:%S}"
        return Outcome(row.pk, token, "fault", message, next_attempt_at=at)

    def _transient_outcome(self, row, token: str, exc: TransientError) -> Outcome:
        attempts = getattr(row, self.workflow.names.col("attempts"))
        limit = self.knobs.max_attempts
        text = error_message(exc)
        if attempts >= limit:
            message = f"attempt {attempts}/{limit} failed: {text}; giving up"
            return Outcome(row.pk, token, "error", message)
        delay = retry_delay(
            attempts,
            base=self.knobs.backoff_base,
            cap=self.knobs.backoff_max,
            retry_after=exc.retry_after,
        )
        at = self.now() + timedelta(seconds=delay)
        message = f"attempt {attempts}/{limit} failed: {text}; retrying after {at:%H:%M:%S}"
        return Outcome(row.pk, token, "retry", message, next_attempt_at=at)
