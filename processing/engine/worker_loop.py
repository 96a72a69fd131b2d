"""The worker loop: one long-lived consumer in each django-q2 worker process, for every workflow.

Why not one django-q2 task per consumer run: a task holds its worker process until it returns, so
with ``Q_WORKERS=2`` two runs draining one workflow's backlog starved every other workflow (issue
11). Here each worker process runs, beside django-q2's own task loop, one *lane* per workflow:
a thread that looks for ready rows every ``POLL_SECONDS`` and, while there are any, runs
``runner.run_consumer`` with the workflow's own ``concurrency`` and ``batch_size``. Lanes are
independent, so a backlog in one workflow never delays another's rows by more than one poll.
A listener thread (``wake``) wakes a lane as soon as rows of its workflow are queued (PostgreSQL
``LISTEN/NOTIFY``); while it listens, idle lanes poll only every ``SCRAPERSKY_IDLE_POLL_SECONDS``
(the fallback), and every ``POLL_SECONDS`` when it cannot.
The process's main thread stays django-q2's: kicks, schedules, the reaper and any other task
still run there, and nothing holds a worker for a whole backlog.

Leases are renewed by the process's lease keeper (``holdings``, ``lease_keeper``), a child
process that a row holding the GIL does not freeze. A supervisor thread beats the worker
heartbeat and runs the reaper every ``REAP_SECONDS`` (so
rows of a dead worker are rescued about a second after their lease ends, or at once when the
worker is proven dead). The loop starts when django-q2 spawns the worker (``post_spawn``), so a
(re)started cluster claims as soon as its workers exist. It stops on SIGTERM (rows started are
finished, the rest released, then the process exits as SIGTERM would have), when django-q2 ends
the worker (recycling, its own stop), or when the worker's parent dies.
"""

from __future__ import annotations

import faulthandler
import logging
import math
import os
import signal
import threading
import time
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from processing import heartbeat
from processing.db_steps import on_db_thread
from processing.engine import claims, holdings, politeness, reaper, runner, wake
from scrapersky.conf import conf
from scrapersky.workflows import Workflow, all_workflows

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.25  # an idle lane looks for ready rows this often while nothing notifies it
BEAT_SECONDS = 1.0  # the worker heartbeat
REAP_SECONDS = 1.0  # the reaper
IDLE_CLOSE_SECONDS = 1.0  # a lane about to wait this long gives its connection back first
SUPERVISE_SECONDS = 0.1  # how quickly the loop notices its process ending
ERROR_PAUSE_SECONDS = 2.0  # after a database error (server restarting, connection lost)
NO_SERVICE_PAUSE_SECONDS = 30.0  # a workflow whose service cannot be imported
# After a burst of machine faults (memory, disk, descriptors): doubled per burst in a row.
FAULT_PAUSE_SECONDS = 5.0
FAULT_PAUSE_MAX_SECONDS = 120.0
# A lane's next run starts at the rows-in-flight level its last run ended on (``pace``), if that
# run ended this recently: a backlog fed in bursts (pages queued as sitemaps are imported) would
# otherwise climb from the first level again at every run.
LEVEL_MEMORY_SECONDS = 300.0

_current: WorkerLoop | None = None


class WorkerLoop:
    """The lanes and the supervisor of one worker process."""

    def __init__(self, workflows: list[Workflow] | None = None, *, poll: float = POLL_SECONDS):
        self.workflows = workflows if workflows is not None else all_workflows()
        self.poll = poll
        self.stopping = threading.Event()
        self.reason = ""
        self.wakes = {w.name: threading.Event() for w in self.workflows}
        self._run_stops: set[threading.Event] = set()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._ppid = os.getppid()
        self.listener = wake.Listener(
            self.nudge, self.wakes, stopping=self.stopping, paused=politeness.pause_heard
        )
        self._bursts: dict[str, int] = {}  # machine-fault bursts in a row, per lane
        self._levels: dict[str, tuple[int, float]] = {}  # lane: (last run's level, when)

    # --- lifecycle -----------------------------------------------------------------------------
    def start(self) -> None:
        for workflow in self.workflows:
            self._spawn(f"lane-{workflow.name}", self._lane, workflow)
        self._spawn("worker-loop", self._supervise)
        self.listener.start()
        logger.info("worker loop started: lanes %s", ", ".join(self.wakes))

    def _spawn(self, name: str, target, *args) -> None:
        # Not daemon threads: at interpreter exit Python waits for them, so rows in flight are
        # finished (or released) before the process goes away.
        thread = threading.Thread(target=target, args=args, name=name)
        self._threads.append(thread)
        thread.start()

    def stop(self, reason: str) -> None:
        """Stop claiming; each lane finishes the rows it started and releases the others."""
        with self._lock:
            if not self.stopping.is_set():
                self.reason = reason
                logger.info("worker loop stopping (%s)", reason)
            self.stopping.set()
            for event in self._run_stops:
                event.set()
        for event in self.wakes.values():
            event.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for every thread of the loop; True when all have ended."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            if thread is threading.current_thread():
                continue
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._threads if t is not threading.current_thread())

    def nudge(self, workflow_name: str) -> bool:
        """Make a lane look for rows now (a kick); False when this loop has no such lane."""
        wake = self.wakes.get(workflow_name)
        if wake is None:
            return False
        wake.set()
        return True

    # --- lanes ---------------------------------------------------------------------------------
    def _lane(self, workflow: Workflow) -> None:
        woken = self.wakes[workflow.name]
        failing = False
        try:
            while not self.stopping.is_set():
                pause = self._idle_poll()
                try:
                    if on_db_thread(claims.has_ready_rows, workflow):
                        pause = self._run(workflow)
                    if failing:
                        logger.info("%s: lane working again", workflow.name)
                        failing = False
                except Exception:
                    # The database restarting or unreachable: the traceback once per outage.
                    if failing:
                        logger.warning("%s: lane still failing", workflow.name)
                    else:
                        logger.exception("%s: lane failed; retrying", workflow.name)
                    failing = True
                    connection.close()  # a broken connection is reopened on the next query
                    pause = ERROR_PAUSE_SECONDS
                if pause >= IDLE_CLOSE_SECONDS:
                    # An idle lane holds no connection: a worker's connections are those of
                    # the lanes at work (plus the listener, the supervisor, starts and leases).
                    connection.close()
                woken.wait(pause)
                woken.clear()
        finally:
            connection.close()

    def _idle_poll(self) -> float:
        """How long an idle lane waits before looking again: long while notifications wake it."""
        if self.listener.listening.is_set():
            return max(self.poll, conf.idle_poll_seconds)
        return self.poll

    def _run(self, workflow: Workflow) -> float:
        """One consumer run while rows are ready; returns how long the lane then waits."""
        run_stop = threading.Event()
        with self._lock:
            if self.stopping.is_set():
                return 0.0
            self._run_stops.add(run_stop)
        try:
            result = runner.run_consumer(
                workflow.name,
                stop=run_stop,
                handle_signals=False,
                time_budget=math.inf,
                start_level=self._resume_level(workflow.name),
            )
        finally:
            with self._lock:
                self._run_stops.discard(run_stop)
        if result.levels:
            self._levels[workflow.name] = (result.levels[-1][1], time.monotonic())
        if result.stopped_by == "no service":
            return NO_SERVICE_PAUSE_SECONDS
        if result.stopped_by == "machine faults":
            return self._pause_for_faults(workflow, result.fault)
        if self._bursts.get(workflow.name):
            self._bursts[workflow.name] = 0
            heartbeat.resume_lane(workflow.name)
            logger.info("%s: lane resumed after machine faults", workflow.name)
        return 0.0 if result.stopped_by == "empty" and result.claimed else self._idle_poll()

    def _resume_level(self, name: str) -> int | None:
        level, at = self._levels.get(name, (None, -math.inf))
        return level if time.monotonic() - at <= LEVEL_MEMORY_SECONDS else None

    def _pause_for_faults(self, workflow: Workflow, reason: str) -> float:
        """A burst of machine faults: the lane waits, longer each burst in a row, and says so
        on the dashboard (through the heartbeat) instead of cycling the queue."""
        bursts = self._bursts[workflow.name] = self._bursts.get(workflow.name, 0) + 1
        seconds = min(FAULT_PAUSE_MAX_SECONDS, FAULT_PAUSE_SECONDS * 2 ** (bursts - 1))
        until = timezone.now() + timedelta(seconds=seconds)
        heartbeat.pause_lane(workflow.name, reason=reason, until=until)
        heartbeat.beat()
        logger.warning(
            "%s: lane paused %.0fs after a burst of machine faults: %s",
            workflow.name,
            seconds,
            reason,
        )
        self.stopping.wait(seconds)  # a kick does not cut the pause short; a stop does
        return 0.0

    # --- supervisor ----------------------------------------------------------------------------
    def _supervise(self) -> None:
        main = threading.main_thread()
        next_beat = next_reap = 0.0
        try:
            while not self.stopping.wait(SUPERVISE_SECONDS):
                if not main.is_alive():  # django-q2's worker loop ended (recycle, STOP)
                    self.stop("worker ending")
                    break
                if os.getppid() != self._ppid:
                    # The sentinel died and no death signal came (not started by our qcluster,
                    # or not Linux): stop the way SIGTERM does, which also ends the process.
                    logger.warning("worker loop: parent process gone; stopping")
                    os.kill(os.getpid(), signal.SIGTERM)
                    break
                now = time.monotonic()
                if now >= next_beat:
                    next_beat = now + BEAT_SECONDS
                    if not heartbeat.beat():
                        connection.close()  # reconnect on the next beat (database restarted?)
                if now >= next_reap:
                    next_reap = now + REAP_SECONDS
                    self._reap()
        finally:
            connection.close()

    def _reap(self) -> None:
        try:
            reaper.reap_expired_leases()
        except Exception:
            logger.warning("worker loop: reaping failed", exc_info=True)
            connection.close()


def current() -> WorkerLoop | None:
    """The loop of this process (running or stopping), if it has one."""
    return _current


def start_in_worker(sender=None, proc_name=None, **kwargs) -> WorkerLoop:
    """django-q2 ``post_spawn`` receiver: start this worker process's loop, and make SIGTERM
    stop it gracefully (django-q2's workers otherwise die at once on SIGTERM)."""
    global _current
    if _current is not None and not _current.stopping.is_set():
        return _current
    # Every connection this worker opens from now on says whose it is in pg_stat_activity
    # (libpq reads PGAPPNAME): an operator sizing max_connections, and the bench, count them.
    os.environ["PGAPPNAME"] = f"scrapersky worker {os.getpid()}"
    # Leases are renewed from a child process, which a row holding the GIL does not freeze.
    holdings.keep_leases_in_a_process()
    # The per-host delay and Retry-After pauses are kept across the deployment (politeness).
    politeness.install_shared_hosts()
    loop = WorkerLoop()
    _current = loop
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _on_sigterm)
        # `kill -USR1 PID` prints every thread's stack to stderr: what a wedged worker waits on.
        faulthandler.register(signal.SIGUSR1, all_threads=True)
    loop.start()
    return loop


_stopping_on_signal = False


def _on_sigterm(signum, frame) -> None:
    # Runs in the worker's main thread; the lanes keep running while it waits for them. A group
    # SIGTERM reaches a worker twice (the signal itself and the sentinel's): the second must not
    # run a second handler inside the first, which waits on locks (Event.set) the first holds.
    global _stopping_on_signal
    if _stopping_on_signal:
        return
    _stopping_on_signal = True
    loop = _current
    if loop is not None:
        loop.stop("SIGTERM")
        loop.join()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
