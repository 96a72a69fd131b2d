"""The consumer loop: claim a batch, process rows on a thread pool, finish each row, repeat."""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import queue
import signal
import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import connection
from django.utils import timezone

from processing.engine import claims
from processing.engine.backoff import retry_delay
from processing.errors import ProcessingError, TransientError
from scrapersky.workflows import get_workflow

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapersky.workflows import Knobs, Workflow

logger = logging.getLogger(__name__)

_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


# Rows with nothing to persist are completed this many at a time (see _Run._worker).
COMPLETE_GROUP = 100
COMPLETE_GROUP_SECONDS = 0.25  # ... or after this long, so progress stays visible
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
    stopped_by: str = ""  # "empty", "time budget", "signal", "stop event", "no service"
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, outcome: str) -> None:
        with self._lock:
            setattr(self, outcome, getattr(self, outcome) + 1)

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
        self.work: queue.Queue = queue.Queue()
        self.held: dict[int, str] = {}  # row id -> claim token, for the heartbeat
        self.held_lock = threading.Lock()
        self.unstarted: list[tuple[int, str]] = []
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
        concurrency = max(1, self.knobs.concurrency)
        pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix=f"{wf}-row")
        workers = [pool.submit(self._worker) for _ in range(concurrency)]
        heartbeat.start()
        batch = 0
        try:
            while True:
                reason = self._should_stop(started)
                if reason:
                    self.result.stopped_by = reason
                    break
                # Keep the threads fed without hoarding rows: claim when the backlog is short.
                if self.work.qsize() > concurrency:
                    time.sleep(0.005)
                    continue
                batch += 1
                token = f"{self.run_id}:{batch}"
                ids = claims.claim(
                    self.workflow,
                    token=token,
                    batch_size=self.knobs.batch_size,
                    lease_seconds=self.knobs.lease_seconds,
                )
                if not ids:
                    if self._in_flight():
                        # Threads still hold rows: keep claiming for rows queued meanwhile.
                        self.stop.wait(IN_FLIGHT_POLL_SECONDS)
                        continue
                    self.result.stopped_by = "empty"
                    break
                self.result.claimed += len(ids)
                logger.info("%s: claimed %d rows (%s)", wf, len(ids), token)
                rows = interleave_by_domain(claims.load(self.workflow, ids))
                with self.held_lock:
                    for row in rows:
                        self.held[row.pk] = token
                for row in rows:
                    self.work.put((row, token))
        except BaseException:
            # e.g. django-q2's timeout (SIGALRM): stop taking rows, release what is unstarted.
            self.stop.set()
            self.result.stopped_by = "exception"
            raise
        finally:
            for _ in workers:
                self.work.put(None)
            for future in workers:
                future.exception()  # wait; a worker never raises (see _worker)
            pool.shutdown(wait=True)
            self._release_unstarted()
            heartbeat_stop.set()
            heartbeat.join(timeout=5)
            self.result.seconds = round(self.clock() - started, 3)
            self._restore_signal_handlers(previous)
            logger.info("%s: consumer run done %s", wf, self.result.as_dict())
        self._redeliver_signal(previous)
        return self.result

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
    def _worker(self) -> None:
        # Rows whose service wrote nothing are completed in groups (one statement per group);
        # they stay held (lease renewed) until their group is flushed.
        done: list[tuple[int, str]] = []
        oldest = 0.0  # when the first row of the current group finished
        try:
            while True:
                if done and (
                    len(done) >= COMPLETE_GROUP
                    or self.work.empty()
                    or time.monotonic() - oldest >= COMPLETE_GROUP_SECONDS
                ):
                    self._flush(done)
                item = self.work.get()
                if item is None:
                    return
                row, token = item
                if self.stop.is_set() or self.signal_received is not None:
                    with self.held_lock:
                        self.unstarted.append((row.pk, token))
                    continue
                buffered = False
                try:
                    if not done:
                        oldest = time.monotonic()
                    buffered = self._process(row, token, done)
                except Exception:
                    # Finishing itself failed (database gone?): the lease will bring it back.
                    logger.exception("%s: row %s could not be finished", self.workflow.name, row.pk)
                finally:
                    if not buffered:
                        with self.held_lock:
                            self.held.pop(row.pk, None)
        finally:
            try:
                self._flush(done)
            finally:
                connection.close()  # each thread has its own connection: do not leak it

    def _flush(self, done: list[tuple[int, str]]) -> None:
        if not done:
            return
        try:
            completed = claims.complete_many(self.workflow, done)
        except Exception:
            # The rows stay Processing; once their lease expires the reaper requeues them.
            logger.exception("%s: could not complete rows %s", self.workflow.name, done)
            completed = set()
        with self.held_lock:
            for row_id, _token in done:
                self.held.pop(row_id, None)
        for row_id, _token in done:
            if row_id in completed:
                self.result.count("complete")
            else:
                self.result.count("lost")
                logger.warning(
                    "%s: row %s lost its claim; result discarded", self.workflow.name, row_id
                )
        done.clear()

    def _process(self, row, token: str, done: list[tuple[int, str]]) -> bool:
        """Run the service on one row and finish it; True when it was left in ``done``."""
        wf, row_id = self.workflow.name, row.pk
        try:
            persist = self.service(row)
        except TransientError as exc:
            self._retry_or_fail(row, token, exc)
            return False
        except Exception as exc:
            if not isinstance(exc, ProcessingError):
                logger.exception("%s: row %s failed", wf, row_id)
            self._fail(row_id, token, error_message(exc))
            return False
        if persist is None:
            done.append((row_id, token))
            return True
        try:
            ok = claims.complete(self.workflow, row_id, token=token, persist=persist)
        except Exception as exc:
            logger.exception("%s: row %s persist failed", wf, row_id)
            self._fail(row_id, token, f"persist failed: {error_message(exc)}")
            return False
        if ok:
            self.result.count("complete")
            logger.debug("%s: row %s complete", wf, row_id)
        else:
            self.result.count("lost")
            logger.warning("%s: row %s lost its claim; result discarded", wf, row_id)
        return False

    def _fail(self, row_id: int, token: str, message: str) -> None:
        if claims.fail(self.workflow, row_id, token=token, message=message):
            self.result.count("errored")
            logger.info("%s: row %s error: %s", self.workflow.name, row_id, message)
        else:
            self.result.count("lost")

    def _retry_or_fail(self, row, token: str, exc: TransientError) -> None:
        attempts = getattr(row, self.workflow.col("attempts"))
        limit = self.knobs.max_attempts
        text = error_message(exc)
        if attempts >= limit:
            self._fail(row.pk, token, f"attempt {attempts}/{limit} failed: {text}; giving up")
            return
        delay = retry_delay(
            attempts,
            base=self.knobs.backoff_base,
            cap=self.knobs.backoff_max,
            retry_after=exc.retry_after,
        )
        at = self.now() + timedelta(seconds=delay)
        message = f"attempt {attempts}/{limit} failed: {text}; retrying after {at:%H:%M:%S}"
        if claims.retry(self.workflow, row.pk, token=token, message=message, next_attempt_at=at):
            self.result.count("retried")
            logger.info("%s: row %s %s", self.workflow.name, row.pk, message)
        else:
            self.result.count("lost")

    def _release_unstarted(self) -> None:
        # Rows still in the queue were claimed but never handed to a worker.
        with contextlib.suppress(queue.Empty):
            while True:
                item = self.work.get_nowait()
                if item is not None:
                    self.unstarted.append((item[0].pk, item[1]))
        by_token: dict[str, list[int]] = {}
        for row_id, token in self.unstarted:
            by_token.setdefault(token, []).append(row_id)
        for token, ids in by_token.items():
            released = claims.release(self.workflow, ids, token=token)
            self.result.released += released
            logger.info("%s: released %d unstarted rows %s", self.workflow.name, released, ids)
        with self.held_lock:
            for row_id, _ in self.unstarted:
                self.held.pop(row_id, None)

    # --- heartbeat -----------------------------------------------------------------------------
    def _heartbeat(self) -> None:
        every = max(0.5, self.knobs.lease_seconds / 3)
        try:
            while not self._heartbeat_stop.wait(every):
                with self.held_lock:
                    by_token: dict[str, list[int]] = {}
                    for row_id, token in self.held.items():
                        by_token.setdefault(token, []).append(row_id)
                for token, ids in by_token.items():
                    try:
                        kept = claims.renew(
                            self.workflow, ids, token=token, lease_seconds=self.knobs.lease_seconds
                        )
                    except Exception:
                        logger.exception("%s: lease renewal failed", self.workflow.name)
                        continue
                    with self.held_lock:  # rows finished meanwhile are not lost
                        lost = sorted(i for i in set(ids) - set(kept) if i in self.held)
                    if lost:
                        # Only possible if a renewal came too late (the reaper requeued them).
                        logger.warning("%s: leases lost for rows %s", self.workflow.name, lost)
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
