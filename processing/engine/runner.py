"""The consumer loop: claim a batch, process rows on a thread pool, finish each row, repeat."""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import queue
import random
import signal
import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import connection
from django.utils import timezone

from processing.engine import claims
from processing.engine.backoff import retry_delay
from processing.engine.faults import is_transient_db_error
from processing.errors import ProcessingError, TransientError
from scrapersky.workflows import get_workflow

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapersky.workflows import Knobs, Workflow

logger = logging.getLogger(__name__)

_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


# A row's attempt is counted when its service starts (claims.start), in chunks sized to about
# this much service time: a no-op service costs one statement per chunk, a slow one starts (and
# is charged) one row at a time, and a worker killed mid-chunk charges at most this much work
# that never ran. When a whole batch (and the rows ahead of it) takes less than this on the
# threads, the claim starts its rows itself: one statement and one row version fewer per row.
START_WINDOW_SECONDS = 0.005
START_CHUNK_MAX = 100
# The next batch is claimed while the threads still have about this many claims' time of work
# in hand (at most one batch), so they do not idle while a claim runs.
REFILL_CLAIMS = 2.0
# Finished rows are written by one thread, as many in one transaction as finished meanwhile.
FINISH_GROUP_MAX = 200
# A write that failed for a machine fault (deadlock, connection lost, server restarting) is tried
# again with backoff for the lease (at least this long; only this long once stopping), then the
# rows are left to the lease: the reaper requeues them.
RETRY_MIN_SECONDS = 5.0
RETRY_DELAY_MAX = 2.0
# An empty claim while rows are still in flight is tried again this often: rows queued while the
# last batch finishes start at once instead of waiting for the run to end (issue 11.1).
IN_FLIGHT_POLL_SECONDS = 0.2


@dataclass
class RunResult:
    """What one consumer run did."""

    workflow: str
    claimed: int = 0
    complete: int = 0
    errored: int = 0
    retried: int = 0
    released: int = 0
    lost: int = 0  # finished after losing the claim: the write was rejected
    unfinished: int = 0  # the database stayed unavailable: left to the lease (the reaper)
    # "empty", "time budget", "signal", "stop event", "no service", "database unavailable"
    stopped_by: str = ""
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, outcome: str, n: int = 1) -> None:
        with self._lock:
            setattr(self, outcome, getattr(self, outcome) + n)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


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


def _take(source: queue.SimpleQueue, limit: int) -> tuple[list, bool]:
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


class _GaveUp(Exception):
    """The database stayed unavailable for longer than a write may wait."""


def _drop_broken_connection() -> None:
    """Close this thread's connection if a fault broke it; the next query reconnects."""
    with contextlib.suppress(Exception):
        connection.close_if_unusable_or_obsolete()


def error_message(exc: BaseException) -> str:
    """The text stored on a row: a ProcessingError's own message, else ``Class: text``."""
    text = str(exc).strip()
    if isinstance(exc, ProcessingError) and text:
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def run_consumer(
    workflow_name: str,
    *,
    stop: threading.Event | None = None,
    knobs: Knobs | None = None,
    service: Callable | None = None,
    now: Callable[[], datetime] = timezone.now,
    clock: Callable[[], float] = time.monotonic,
    handle_signals: bool = True,
    time_budget: float | None = None,
) -> RunResult:
    """Drain a workflow's queue until it is empty, the time budget is spent, or a stop.

    ``time_budget`` overrides the workflow's knob (the worker engine's lanes pass ``math.inf``:
    they are not django-q2 tasks, so no task timeout bounds them). "Empty" means a claim found
    nothing and no row of this run is still in flight.

    Rows are claimed ``batch_size`` at a time (one statement, SKIP LOCKED) and processed by
    ``concurrency`` threads; no transaction is open while a service does I/O. Leases of held rows
    are renewed by a heartbeat thread. On stop (SIGTERM/SIGINT in the main thread, ``stop`` set,
    the parent process gone, or the time budget) rows already started are finished and rows
    claimed but not started are released (Queued again, their attempt not consumed).
    """
    return _Run(
        get_workflow(workflow_name),
        stop=stop or threading.Event(),
        knobs=knobs,
        service=service,
        now=now,
        clock=clock,
        handle_signals=handle_signals,
        time_budget=time_budget,
    ).run()


class _Run:
    def __init__(
        self, workflow: Workflow, *, stop, knobs, service, now, clock, handle_signals, time_budget
    ):
        self.workflow = workflow
        self.knobs = knobs or workflow.settings
        self.time_budget = self.knobs.time_budget if time_budget is None else time_budget
        self.stop = stop
        self.service = service
        self.now = now
        self.clock = clock
        self.handle_signals = handle_signals
        self.result = RunResult(workflow=workflow.name)
        self.run_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        # SimpleQueue: put/get in C, a few microseconds less per row than queue.Queue.
        self.work: queue.SimpleQueue = queue.SimpleQueue()
        self.held: dict[int, str] = {}  # row id -> claim token, for the heartbeat
        self.held_lock = threading.Lock()
        self.unstarted: list[tuple[int, str]] = []
        self.finished: queue.SimpleQueue = queue.SimpleQueue()  # (lock key, Outcome)
        self.service_seconds: float | None = None  # moving average, sizes the start chunks
        self.claim_seconds = 0.0  # moving average of a claim's round trip
        self.concurrency = max(1, self.knobs.concurrency)
        self.hungry = threading.Event()  # set by a row thread when the backlog runs short
        self.ppid = os.getppid()
        self.signal_received: int | None = None

    # --- the loop ------------------------------------------------------------------------------
    def run(self) -> RunResult:
        started = self.clock()
        wf = self.workflow.name
        if self.service is None:
            try:
                self.service = self.workflow.service()
            except Exception:
                # Never claim rows we cannot process: they would all end in Error.
                logger.exception("%s: service %s not importable", wf, self.workflow.service_path)
                self.result.stopped_by = "no service"
                return self.result
        previous = self._install_signal_handlers()
        heartbeat = threading.Thread(target=self._heartbeat, name=f"{wf}-heartbeat", daemon=True)
        heartbeat_stop = threading.Event()
        self._heartbeat_stop = heartbeat_stop
        finisher = threading.Thread(target=self._finisher, name=f"{wf}-finish", daemon=True)
        concurrency = self.concurrency
        pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix=f"{wf}-row")
        workers = [pool.submit(self._worker) for _ in range(concurrency)]
        finisher.start()
        heartbeat.start()
        batch = 0
        try:
            while True:
                reason = self._should_stop(started)
                if reason:
                    self.result.stopped_by = reason
                    break
                # Keep the threads fed without hoarding rows: claim when the backlog is short.
                if self.work.qsize() > self._refill_level():
                    self.hungry.wait(0.05)
                    self.hungry.clear()
                    continue
                batch += 1
                token = f"{self.run_id}:{batch}"
                start = self._start_at_claim()
                rows = self._claim(token, start=start)
                if rows is None:
                    self.result.stopped_by = "database unavailable"
                    break
                if not rows:
                    if self._in_flight():
                        # Threads still hold rows: keep claiming for rows queued meanwhile.
                        self.stop.wait(IN_FLIGHT_POLL_SECONDS)
                        continue
                    self.result.stopped_by = "empty"
                    break
                for row in interleave_by_domain(rows):
                    self.work.put((row, token, start))
        except BaseException:
            # e.g. django-q2's timeout (SIGALRM): stop taking rows, release what is unstarted.
            self.stop.set()
            self.result.stopped_by = "exception"
            raise
        finally:
            self._teardown(workers, pool, finisher, heartbeat, previous, started)
        self._redeliver_signal(previous)
        return self.result

    def _refill_level(self) -> int:
        """Claim again once no more than this many claimed rows wait for a thread."""
        seconds = self.service_seconds
        if seconds is None:
            return self.concurrency
        in_hand = REFILL_CLAIMS * self.claim_seconds * self.concurrency / max(seconds, 1e-6)
        return max(self.concurrency, min(self.knobs.batch_size, int(in_hand)))

    def _start_at_claim(self) -> bool:
        """Whether the next batch runs, behind the rows in hand, within the start window."""
        seconds = self.service_seconds
        if seconds is None:
            return False
        rows = self.work.qsize() + self.knobs.batch_size
        return seconds * rows / self.concurrency <= START_WINDOW_SECONDS

    def _claim(self, token: str, *, start: bool = False) -> list | None:
        """Claim a batch and hold it (heartbeat); None when the database is unavailable."""
        began = time.monotonic()
        try:
            rows = claims.claim_rows(
                self.workflow,
                token=token,
                batch_size=self.knobs.batch_size,
                lease_seconds=self.knobs.lease_seconds,
                per_domain=self.knobs.claim_per_domain,
                start=start,
            )
        except Exception as exc:
            if not is_transient_db_error(exc):
                raise
            # Nothing was claimed; the next run (schedule or kick) tries again.
            logger.warning("%s: cannot claim, database unavailable: %s", self.workflow.name, exc)
            _drop_broken_connection()
            return None
        self.claim_seconds = 0.8 * self.claim_seconds + 0.2 * (time.monotonic() - began)
        if rows:
            self.result.claimed += len(rows)
            logger.info("%s: claimed %d rows (%s)", self.workflow.name, len(rows), token)
            with self.held_lock:
                for row in rows:
                    self.held[row.pk] = token
        return rows

    def _teardown(self, workers, pool, finisher, heartbeat, previous, started) -> None:
        """Every step runs, each on its own: the database may be gone (rows are left to the lease).

        Row threads stop and finish the rows they started, the finisher writes what finished,
        unstarted rows are released, the heartbeat stops, and the signal handlers are restored.
        """
        wf = self.workflow.name
        first: BaseException | None = None

        def step(what: str, action: Callable[[], object]) -> None:
            nonlocal first
            try:
                action()
            except BaseException as exc:
                logger.exception("%s: teardown: %s failed", wf, what)
                first = first or exc

        def stop_row_threads() -> None:
            for _ in workers:
                self.work.put(None)
            for future in workers:
                future.exception()  # wait; a worker never raises (see _worker)
            pool.shutdown(wait=True)

        def stop_finisher() -> None:
            self.finished.put(None)
            finisher.join()  # bounded: its retries give up after the lease

        def stop_heartbeat() -> None:
            self._heartbeat_stop.set()
            heartbeat.join(timeout=10)
            if heartbeat.is_alive():
                logger.warning("%s: lease heartbeat still running after teardown", wf)

        step("stopping the row threads", stop_row_threads)
        step("writing finished rows", stop_finisher)
        step("releasing unstarted rows", self._release_unstarted)
        step("stopping the lease heartbeat", stop_heartbeat)
        step("restoring signal handlers", lambda: self._restore_signal_handlers(previous))
        step("closing a broken connection", _drop_broken_connection)
        self.result.seconds = round(self.clock() - started, 3)
        logger.info("%s: consumer run done %s", wf, self.result.as_dict())
        if first is not None and not isinstance(first, Exception):
            raise first  # e.g. SystemExit: after every step, not instead of one

    def _should_stop(self, started: float) -> str:
        if self.signal_received is not None:
            return "signal"
        if self.stop.is_set():
            return "stop event"
        if os.getppid() != self.ppid:
            return "parent exited"
        if self.clock() - started >= self.time_budget:
            return "time budget"
        return ""

    def _in_flight(self) -> bool:
        with self.held_lock:
            return bool(self.held)

    # --- row processing (worker threads) -------------------------------------------------------
    def _stopping(self) -> bool:
        return self.stop.is_set() or self.signal_received is not None

    def _worker(self) -> None:
        try:
            last = False
            while not last:
                chunk, last = _take(self.work, self._start_chunk_size())
                if self.work.qsize() <= self._refill_level():
                    self.hungry.set()
                if not chunk:
                    return
                # Rows the claim started are processed even when stopping: they are charged.
                started = [(row, token) for row, token, begun in chunk if begun]
                unstarted = [(row, token) for row, token, begun in chunk if not begun]
                if self._stopping():
                    self._set_aside(unstarted)
                elif unstarted:
                    started += self._start(unstarted)
                for row, token in started:
                    self._process(row, token)
        finally:
            connection.close()  # each thread has its own connection: do not leak it

    def _start_chunk_size(self) -> int:
        seconds = self.service_seconds
        if seconds is None:
            return 1
        return max(1, min(START_CHUNK_MAX, int(START_WINDOW_SECONDS / max(seconds, 1e-6))))

    def _set_aside(self, chunk: list) -> None:
        """Rows claimed but not started: released at the end of the run."""
        with self.held_lock:
            self.unstarted.extend((row.pk, token) for row, token in chunk)

    def _start(self, chunk: list) -> list:
        """Count the attempt of each row in ``chunk`` (one statement); return the rows held."""
        by_token: dict[str, list] = {}
        for row, token in chunk:
            by_token.setdefault(token, []).append(row)
        attempts_col = self.workflow.col("attempts")
        started = []
        for token, rows in by_token.items():
            try:
                attempts = claims.start(self.workflow, [row.pk for row in rows], token=token)
            except Exception as exc:
                if not is_transient_db_error(exc):
                    logger.exception("%s: could not start rows", self.workflow.name)
                else:
                    logger.warning("%s: could not start rows: %s", self.workflow.name, exc)
                    _drop_broken_connection()
                # Not started, so not charged: released at the end, or requeued by the reaper.
                self._set_aside([(row, token) for row in rows])
                continue
            for row in rows:
                if row.pk in attempts:
                    setattr(row, attempts_col, attempts[row.pk])
                    started.append((row, token))
                else:
                    self._forget([row.pk])
                    self.result.count("lost")
        return started

    def _process(self, row, token: str) -> None:
        """Run the service on one row and hand its outcome to the finisher."""
        began = time.monotonic()
        try:
            persist = self.service(row)
        except TransientError as exc:
            outcome = self._transient_outcome(row, token, exc)
        except Exception as exc:
            if is_transient_db_error(exc):
                # The service's own database work met a machine fault: retry, like a timeout.
                _drop_broken_connection()
                outcome = self._transient_outcome(row, token, TransientError(error_message(exc)))
            else:
                if not isinstance(exc, ProcessingError):
                    logger.exception("%s: row %s failed", self.workflow.name, row.pk)
                outcome = claims.Outcome(row.pk, token, "error", error_message(exc))
        else:
            outcome = claims.Outcome(row.pk, token, "complete", persist=persist)
        elapsed = time.monotonic() - began
        average = self.service_seconds
        self.service_seconds = elapsed if average is None else 0.9 * average + 0.1 * elapsed
        self.finished.put((getattr(row, "domain_id", outcome.row_id), outcome))

    def _transient_outcome(self, row, token: str, exc: TransientError) -> claims.Outcome:
        attempts = getattr(row, self.workflow.col("attempts"))
        limit = self.knobs.max_attempts
        text = error_message(exc)
        if attempts >= limit:
            message = f"attempt {attempts}/{limit} failed: {text}; giving up"
            return claims.Outcome(row.pk, token, "error", message)
        delay = retry_delay(
            attempts,
            base=self.knobs.backoff_base,
            cap=self.knobs.backoff_max,
            retry_after=exc.retry_after,
        )
        at = self.now() + timedelta(seconds=delay)
        message = f"attempt {attempts}/{limit} failed: {text}; retrying after {at:%H:%M:%S}"
        return claims.Outcome(row.pk, token, "retry", message, next_attempt_at=at)

    # --- finishing (one thread) ----------------------------------------------------------------
    def _finisher(self) -> None:
        """Write outcomes as they come, grouping all that finished while the last write ran."""
        try:
            last = False
            while not last:
                group, last = _take(self.finished, FINISH_GROUP_MAX)
                if not group:
                    return
                try:
                    self._write(group)
                except Exception:
                    # Never lose the thread: these rows stay Processing until their lease ends.
                    logger.exception("%s: could not finish rows", self.workflow.name)
                    self._forget([outcome.row_id for _key, outcome in group])
        finally:
            connection.close()

    def _write(self, group: list[tuple[object, claims.Outcome]]) -> None:
        plain = [outcome for _key, outcome in group if outcome.persist is None]
        if plain:
            self._write_outcomes(plain)
        # Rows that write: one per lock key (domain) per transaction, in key order. Every persist
        # writes its own keys sorted, so all transactions take row locks in one global order
        # (domain, then key) and never deadlock, however many finish at once.
        layers: list[dict] = []
        for key, outcome in group:
            if outcome.persist is None:
                continue
            layer = next((layer for layer in layers if key not in layer), None)
            if layer is None:
                layer = {}
                layers.append(layer)
            layer[key] = outcome
        for layer in layers:
            self._write_outcomes([layer[key] for key in sorted(layer)])

    def _write_outcomes(self, outcomes: list[claims.Outcome]) -> None:
        try:
            written = self._retrying(lambda: claims.finish(self.workflow, outcomes))
        except _GaveUp:
            self._forget([o.row_id for o in outcomes])
            self.result.count("unfinished", len(outcomes))
            return
        except Exception as exc:
            if len(outcomes) > 1:
                for outcome in outcomes:  # find the row whose persist() fails
                    self._write_outcomes([outcome])
                return
            [outcome] = outcomes
            if outcome.persist is None:
                raise
            logger.exception("%s: row %s persist failed", self.workflow.name, outcome.row_id)
            message = f"persist failed: {error_message(exc)}"
            self._write_outcomes([replace(outcome, kind="error", message=message, persist=None)])
            return
        self._forget([o.row_id for o in outcomes])
        wf = self.workflow.name
        counts = {"complete": 0, "retried": 0, "errored": 0, "lost": 0}
        for outcome in outcomes:
            if outcome.row_id not in written:
                counts["lost"] += 1
                logger.warning("%s: row %s lost its claim; result discarded", wf, outcome.row_id)
            elif outcome.kind == "complete":
                counts["complete"] += 1
            elif outcome.kind == "retry":
                counts["retried"] += 1
                logger.info("%s: row %s %s", wf, outcome.row_id, outcome.message)
            else:
                counts["errored"] += 1
                logger.info("%s: row %s error: %s", wf, outcome.row_id, outcome.message)
        for kind, n in counts.items():
            if n:
                self.result.count(kind, n)

    def _retrying(self, write: Callable[[], set[int]]) -> set[int]:
        """``write()``, tried again with backoff while it fails for a machine fault."""
        first = None
        delay = 0.05
        while True:
            try:
                return write()
            except Exception as exc:
                if not is_transient_db_error(exc):
                    raise
                _drop_broken_connection()
                now = time.monotonic()
                first = first or now
                patience = RETRY_MIN_SECONDS
                if not self._stopping():
                    patience = max(patience, float(self.knobs.lease_seconds))
                if now - first >= patience:
                    logger.warning(
                        "%s: database unavailable for %.0f s, rows left to their lease: %s",
                        self.workflow.name,
                        now - first,
                        exc,
                    )
                    raise _GaveUp from exc
                log = logger.warning if first == now else logger.debug
                log("%s: write failed (%s), retrying", self.workflow.name, exc)
                time.sleep(random.uniform(delay / 2, delay))
                delay = min(delay * 2, RETRY_DELAY_MAX)

    def _forget(self, ids: list[int]) -> None:
        with self.held_lock:
            for row_id in ids:
                self.held.pop(row_id, None)

    def _release_unstarted(self) -> None:
        # Rows still in the queue were claimed but never handed to a worker.
        with contextlib.suppress(queue.Empty):
            while True:
                item = self.work.get_nowait()
                if item is not None and not item[2]:  # rows the claim started: left to the lease
                    self.unstarted.append((item[0].pk, item[1]))
        by_token: dict[str, list[int]] = {}
        for row_id, token in self.unstarted:
            by_token.setdefault(token, []).append(row_id)
        try:
            for token, ids in by_token.items():
                released = claims.release(self.workflow, ids, token=token)
                self.result.released += released
                logger.info("%s: released %d unstarted rows %s", self.workflow.name, released, ids)
        except Exception as exc:
            if not is_transient_db_error(exc):
                raise
            # The reaper requeues them once their lease ends, without counting an attempt.
            logger.warning(
                "%s: could not release unstarted rows (%s); left to their lease",
                self.workflow.name,
                exc,
            )
        finally:
            self._forget([row_id for row_id, _ in self.unstarted])

    # --- heartbeat -----------------------------------------------------------------------------
    def _heartbeat(self) -> None:
        every = max(0.5, self.knobs.lease_seconds / 3)
        failing = False
        try:
            while not self._heartbeat_stop.wait(every):
                with self.held_lock:
                    by_token: dict[str, list[int]] = {}
                    for row_id, token in self.held.items():
                        by_token.setdefault(token, []).append(row_id)
                try:
                    for token, ids in by_token.items():
                        claims.renew(
                            self.workflow, ids, token=token, lease_seconds=self.knobs.lease_seconds
                        )
                except Exception as exc:
                    _drop_broken_connection()
                    if not failing:  # once per outage, not once per beat
                        logger.warning("%s: lease renewal failed: %s", self.workflow.name, exc)
                    failing = True
                    continue
                if failing:
                    logger.warning("%s: lease renewal works again", self.workflow.name)
                    failing = False
        finally:
            connection.close()

    # --- signals -------------------------------------------------------------------------------
    def _install_signal_handlers(self) -> dict:
        if not self.handle_signals or threading.current_thread() is not threading.main_thread():
            return {}
        previous = {}

        def on_signal(signum, frame):
            # Finish rows in hand, release the rest; the signal is re-delivered afterwards.
            self.signal_received = signum
            self.stop.set()

        for signum in _STOP_SIGNALS:
            previous[signum] = signal.signal(signum, on_signal)
        return previous

    def _restore_signal_handlers(self, previous: dict) -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)

    def _redeliver_signal(self, previous: dict) -> None:
        """Act on a deferred signal as the process would have: default handler means exit."""
        signum = self.signal_received
        if signum is None or signum not in previous:
            return
        handler = previous[signum]
        if handler == signal.SIG_DFL:
            os.kill(os.getpid(), signum)
        elif callable(handler):
            handler(signum, None)
