"""The consumer loop: claim a batch, hand its rows to the row threads, repeat until empty.

A run is made of: this loop (claims, when to claim, stopping, teardown), the row threads
(``rows``), the starter thread counting attempts (``starter``), the finisher threads writing
outcomes (``finisher``), the rows held and their lease heartbeat (``holdings``), and the queue
between the loop and the row threads (``work``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import signal
import threading
import time
import uuid
from typing import TYPE_CHECKING

from django.utils import timezone

from processing import heartbeat
from processing.db_steps import on_db_thread
from processing.engine import claims
from processing.engine.faults import drop_broken_connection, is_transient_db_error
from processing.engine.finisher import Finisher
from processing.engine.holdings import Holdings, group_by_token
from processing.engine.outcomes import RunResult
from processing.engine.rows import START_WINDOW_SECONDS, RowThreads
from processing.engine.starter import Starter
from processing.engine.work import DomainQueue, RowQueue, interleave_by_domain
from processing.fetcher import FetcherConfig
from scrapersky.workflows import get_workflow

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from scrapersky.workflows import Knobs, Workflow

logger = logging.getLogger(__name__)

_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)

# The next batch is claimed while the threads still have about this many claims' time of work
# in hand (at most one batch), so they do not idle while a claim runs.
REFILL_CLAIMS = 2.0
# Rows of domains at their in-flight limit wait in the run without counting as work in hand;
# at most this many batches of rows wait, so a slow domain's rows are not hoarded without end.
WAITING_BATCHES_MAX = 4
# No more rows are claimed while this many finished rows wait for the finisher: threads that
# outrun the writes (extraction is CPU, the writes wait on PostgreSQL) would otherwise hold
# thousands of rows claimed but unwritten (measured: 6,000 in bench/pipeline.py), which a crash
# leaves to their lease and no other worker can take meanwhile.
FINISH_BACKLOG_MAX = 400
# An empty claim while rows are still in flight is tried again this often: rows queued while the
# last batch finishes start at once instead of waiting for the run to end (issue 11.1).
IN_FLIGHT_POLL_SECONDS = 0.2


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
    start_level: int | None = None,
) -> RunResult:
    """Drain a workflow's queue until it is empty, the time budget is spent, or a stop.

    ``time_budget`` overrides the workflow's knob (the worker engine's lanes pass ``math.inf``:
    they are not django-q2 tasks, so no task timeout bounds them); ``start_level`` is the pace's
    first level (the lanes pass the level their last run ended on). "Empty" means a claim found
    nothing and no row of this run is still in flight.

    Rows are claimed ``batch_size`` at a time (one statement, SKIP LOCKED) and processed by
    up to ``concurrency`` threads (a level that adapts, see ``pace``); no transaction is open
    while a service does I/O. With
    ``claim_per_domain`` (rows with a ``domain_id``), a batch takes at most that many rows of one
    domain, at most that many of one domain are in flight at once, and a claim passes over the
    domains the run already holds twice that many rows of. Leases of held rows
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
        start_level=start_level,
    ).run()


def _work_queue(workflow: Workflow, knobs: Knobs) -> RowQueue | DomainQueue:
    has_domain = any(f.attname == "domain_id" for f in workflow.model._meta.fields)
    if knobs.claim_per_domain > 0 and has_domain:
        return DomainQueue(knobs.claim_per_domain)
    return RowQueue()


class _Run:
    def __init__(
        self,
        workflow: Workflow,
        *,
        stop,
        knobs,
        service,
        now,
        clock,
        handle_signals,
        time_budget,
        start_level=None,
    ):
        self.workflow = workflow
        self.knobs = knobs or workflow.effective_knobs
        self.time_budget = self.knobs.time_budget if time_budget is None else time_budget
        self.stop = stop
        self.service = service
        self.now = now
        self.clock = clock
        self.handle_signals = handle_signals
        self.result = RunResult(workflow=workflow.name)
        # host:pid:nonce:run (heartbeat.worker_identity): the reaper reads the worker from it.
        self.run_id = f"{heartbeat.worker_identity()}:{uuid.uuid4().hex[:8]}"
        self.work = _work_queue(workflow, self.knobs)
        self.holdings = Holdings(workflow, lease_seconds=self.knobs.lease_seconds)
        self.claim_seconds = 0.0  # moving average of a claim's round trip
        self.rotation = claims.Rotation()  # where the next spread claim starts
        # Rows of one domain Processing at once across the deployment (spread claims only).
        self.host_cap = FetcherConfig.from_settings().per_host_concurrency
        self.hungry = threading.Event()  # set by a row thread when the backlog runs short
        self.rows: RowThreads | None = None
        self.finisher: Finisher | None = None
        self.starter: Starter | None = None
        self.ppid = os.getppid()
        self.signal_received: int | None = None
        self.start_level = start_level

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
        finisher = self.finisher = Finisher(
            self.workflow,
            self.knobs,
            result=self.result,
            holdings=self.holdings,
            stopping=self._stopping,
        )
        starter = self.starter = Starter(self.workflow, stopping=self._stopping)
        self.rows = RowThreads(
            self.workflow,
            self.knobs,
            service=self.service,
            now=self.now,
            work=self.work,
            finisher=finisher,
            starter=starter,
            holdings=self.holdings,
            result=self.result,
            stopping=self._stopping,
            on_taken=self._on_taken,
            start_level=self.start_level,
        )
        starter.start_thread()
        self.rows.start()
        finisher.start()
        self.holdings.start_heartbeat()
        batch = 0
        try:
            while True:
                reason = self._should_stop(started)
                if reason:
                    self.result.stopped_by = reason
                    break
                # Keep the threads fed without hoarding rows: claim when the backlog is short.
                if self._enough_in_hand():
                    self.hungry.wait(0.05)
                    self.hungry.clear()
                    continue
                batch += 1
                token = f"{self.run_id}:{batch}"
                start = self._start_at_claim()
                crowded = self.work.crowded()
                rows = self._claim(token, start=start, skip_domains=crowded)
                if rows is None:
                    self.result.stopped_by = "database unavailable"
                    break
                if not rows:
                    if self.holdings.any():
                        # Threads still hold rows: keep claiming for rows queued meanwhile,
                        # and, when domains were passed over, as soon as a thread takes a row.
                        (self.hungry if crowded else self.stop).wait(IN_FLIGHT_POLL_SECONDS)
                        self.hungry.clear()
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
            self._teardown(finisher, previous, started)
        self._redeliver_signal(previous)
        return self.result

    @property
    def concurrency(self) -> int:
        """Rows in flight at most right now: the row threads' pace (the knob is its cap)."""
        return self.rows.concurrency if self.rows else max(1, self.knobs.concurrency)

    def _enough_in_hand(self) -> bool:
        if self.finisher is not None and self.finisher.backlog() >= FINISH_BACKLOG_MAX:
            return True
        if self.work.qsize() >= WAITING_BATCHES_MAX * self.knobs.batch_size:
            return True
        return self.work.ready() > self._refill_level()

    def _on_taken(self) -> None:
        if not self._enough_in_hand():
            self.hungry.set()

    def _refill_level(self) -> int:
        """Claim again once no more than this many claimed rows wait for a thread."""
        seconds = self.rows.service_seconds if self.rows else None
        if seconds is None:
            return self.concurrency
        in_hand = REFILL_CLAIMS * self.claim_seconds * self.concurrency / max(seconds, 1e-6)
        return max(self.concurrency, min(self.knobs.batch_size, int(in_hand)))

    def _start_at_claim(self) -> bool:
        """Whether the next batch runs, behind the rows in hand, within the start window."""
        seconds = self.rows.service_seconds if self.rows else None
        if seconds is None:
            return False
        rows = self.work.qsize() + self.knobs.batch_size
        return seconds * rows / self.concurrency <= START_WINDOW_SECONDS

    def _claim(self, token: str, *, start: bool = False, skip_domains=()) -> list | None:
        """Claim a batch and hold it (heartbeat); None when the database is unavailable."""
        began = time.monotonic()
        try:
            rows = on_db_thread(
                claims.claim_rows,
                self.workflow,
                token=token,
                batch_size=self.knobs.batch_size,
                lease_seconds=self.knobs.lease_seconds,
                per_domain=self.knobs.claim_per_domain,
                start=start,
                rotation=self.rotation,
                skip_domains=skip_domains,
                host_cap=self.host_cap,
            )
        except Exception as exc:
            if not is_transient_db_error(exc):
                raise
            # Nothing was claimed; the next run (schedule or kick) tries again.
            logger.warning("%s: cannot claim, database unavailable: %s", self.workflow.name, exc)
            drop_broken_connection()
            return None
        self.claim_seconds = 0.8 * self.claim_seconds + 0.2 * (time.monotonic() - began)
        if rows:
            self.result.claimed += len(rows)
            logger.info("%s: claimed %d rows (%s)", self.workflow.name, len(rows), token)
            self.holdings.hold(rows, token)
        return rows

    def _teardown(self, finisher: Finisher, previous: dict, started: float) -> None:
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

        step("stopping the row threads", self.rows.close)
        step("stopping the starter", self.starter.close)
        step("writing finished rows", finisher.close)
        step("releasing unstarted rows", self._release_unstarted)
        step("stopping the lease heartbeat", self.holdings.stop_heartbeat)
        step("restoring signal handlers", lambda: self._restore_signal_handlers(previous))
        step("closing a broken connection", drop_broken_connection)
        self.result.seconds = round(self.clock() - started, 3)
        logger.info("%s: consumer run done %s", wf, self.result.as_dict())
        if first is not None and not isinstance(first, Exception):
            raise first  # e.g. SystemExit: after every step, not instead of one

    def _should_stop(self, started: float) -> str:
        if self.signal_received is not None:
            return "signal"
        if self.stop.is_set():
            return "stop event"
        if self.rows is not None and self.rows.faulting is not None:
            self.result.fault = self.rows.faulting
            return "machine faults"
        if os.getppid() != self.ppid:
            return "parent exited"
        if self.clock() - started >= self.time_budget:
            return "time budget"
        return ""

    def _stopping(self) -> bool:
        return self.stop.is_set() or self.signal_received is not None

    def _release_unstarted(self) -> None:
        unstarted = self.rows.unstarted
        # Rows still in the queue were claimed but never handed to a worker.
        with contextlib.suppress(queue.Empty):
            while True:
                item = self.work.get_nowait()
                if item is not None and not item[2]:  # rows the claim started: left to the lease
                    unstarted.append((item[0].pk, item[1]))
        try:
            for token, ids in group_by_token(unstarted).items():
                released = on_db_thread(claims.release, self.workflow, ids, token=token)
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
            self.holdings.forget(row_id for row_id, _ in unstarted)

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
