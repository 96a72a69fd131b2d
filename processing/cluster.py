"""Running the django-q2 cluster so that it stops cleanly: no hang on SIGTERM, no orphans.

django-q2's ``qcluster`` (1.11) has two stop faults (issue 16.4):

- SIGTERM to the process group kills the sentinel at once (its SIGTERM is ``SIG_DFL``) while the
  main process's handler calls ``stop_event.set()``: a ``multiprocessing.Event`` whose condition
  still counts the dead sentinel as a sleeper, so ``set()`` waits for it forever.
- SIGKILL of the main process leaves the sentinel and its workers running as orphans.

``run_cluster`` starts the same ``django_q.cluster.Cluster`` but owns the stop (Linux):

- every process forked from here (sentinel, workers, pusher, monitor) asks the kernel for
  SIGTERM when its parent dies (``prctl(PR_SET_PDEATHSIG)``), so killing any level kills the
  levels below it, and a worker's SIGTERM is graceful (``worker_loop``: rows in flight finish);
- this process is the *subreaper* of its descendants (``PR_SET_CHILD_SUBREAPER``), so it can
  wait for every one of them, not only for the sentinel;
- SIGTERM or SIGINT here terminates the sentinel (never touching the Event) and waits until
  every descendant has exited; a second signal, or ``stop_timeout`` seconds, SIGKILLs the rest;
- this process, which runs no rows, keeps the leases of every worker (``lease_keeper.Hub``):
  it outlives them, and a row holding a worker's GIL does not hold its GIL.

prctl has no maintained Python binding (python-prctl is unmaintained and needs a compiler), and
it is two libc calls, so it is called through ctypes. Elsewhere django-q2 runs unchanged.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import os
import signal
import sys
import time

import psutil

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
DEATH_SIGNAL = signal.SIGTERM

_libc = None
_forking_parent = 0  # pid of the process about to fork (set in the parent, read in the child)


def supported() -> bool:
    """Whether this platform has prctl (Linux)."""
    return sys.platform.startswith("linux")


def _prctl(option: int, value: int) -> None:
    if _libc_handle().prctl(option, value, 0, 0, 0) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"prctl({option}) failed: {os.strerror(errno)}")


def _before_fork() -> None:
    global _forking_parent
    _forking_parent = os.getpid()


def _die_with_parent() -> None:
    """In a freshly forked child: get SIGTERM when the parent dies, also if it already has."""
    _prctl(PR_SET_PDEATHSIG, DEATH_SIGNAL)
    if os.getppid() != _forking_parent:  # it died between fork() and prctl()
        os.kill(os.getpid(), DEATH_SIGNAL)


_hooked = False


def _install_fork_hook() -> None:
    global _hooked
    if not _hooked:
        os.register_at_fork(before=_before_fork, after_in_child=_die_with_parent)
        _hooked = True


def _descendants() -> list[psutil.Process]:
    try:
        return psutil.Process().children(recursive=True)
    except psutil.Error:
        return []


def _signal_all(signum: int) -> None:
    for child in _descendants():
        with contextlib.suppress(psutil.Error):
            child.send_signal(signum)


def _reap_children(deadline: float) -> bool:
    """Wait for every child (orphaned descendants included); True when none is left."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return True
        if pid:
            continue
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def _import_services() -> None:
    """Import every workflow's service here, before the workers are forked from this process.

    The services pull in lxml, the extractors and the fetcher: imported in each worker at its
    first row, that is a fraction of a second of CPU per worker while the first rows wait (about
    5% of the cluster's CPU in bench/pipeline.py). Forked workers inherit the modules. A service
    that does not import is left to the run, which reports it and claims nothing.
    """
    from scrapersky.workflows import all_workflows

    for workflow in all_workflows():
        try:
            workflow.service()
        except Exception as exc:  # reported by the run that needs it
            logger.warning(
                "%s: service %s not importable: %s", workflow.name, workflow.service_path, exc
            )


def _settle_before_fork() -> None:
    """Leave the heap the forked processes inherit compact and out of the collector's way.

    Every process of the cluster is forked from this one after the imports (about 57 MB of
    Python objects in each: Django, the apps, the services). ``gc.freeze()`` moves the objects
    alive now to the collector's permanent generation, as the gc documentation advises before a
    fork: a worker's full collections then scan only what it allocated itself, instead of the
    ~120,000 imported objects too (each one took 70-90 ms of a worker's CPU in bench/pipeline.py,
    twice a run, and wrote to every object's page). ``malloc_trim`` gives the heap that the
    imports left free back to the system (about 1 MB), once here rather than in each process.
    Objects frozen here are still freed by reference counting; only cycles among them would be
    kept, and the collection just before leaves none.
    """
    gc.collect()
    gc.freeze()
    trim = getattr(_libc_handle(), "malloc_trim", None)  # glibc only
    if trim is not None:
        trim(0)


def _libc_handle():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    return _libc


EXIT_SENTINEL_DIED = 1
EXIT_KILLED_WORK = 2


def run_cluster(*, run_once: bool = False, stop_timeout: float = 300.0) -> int:
    """Run a django-q2 cluster until a signal (or ``run_once``); return the exit status.

    0 after a clean stop by signal; 1 (``EXIT_SENTINEL_DIED``) when the sentinel died by itself
    (so a supervisor restarts us); 2 (``EXIT_KILLED_WORK``) when processes still working had to
    be killed, at ``stop_timeout`` or on a second signal: their rows were cut off mid-run (the
    reaper requeues them when their leases end), which a deploy script should hear about.
    """
    from django_q.cluster import Cluster

    from processing.engine.holdings import serve_cluster_leases

    _install_fork_hook()
    _prctl(PR_SET_CHILD_SUBREAPER, 1)
    _import_services()
    _settle_before_fork()
    # The workers' leases are kept from here, a process that runs no rows (see lease_keeper);
    # bound now, so the processes forked below find it.
    hub = serve_cluster_leases()
    cluster = Cluster()  # installs django-q2's handlers; ours replace them below
    stopping = {"signal": None, "killed": False}

    def on_signal(signum, frame):
        if stopping["signal"] is not None:
            logger.warning("second signal: killing the cluster's processes")
            stopping["killed"] = stopping["killed"] or bool(_descendants())
            _signal_all(signal.SIGKILL)
            return
        stopping["signal"] = signum
        logger.info("stopping: rows in flight finish, the others are released")
        sentinel = cluster.sentinel
        if sentinel is not None and sentinel.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(sentinel.pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        cluster.start()
    except RuntimeError:
        if stopping["signal"] is None:
            raise  # the sentinel could not start (django-q2 logged why)
    # Started once this process forks no more (the sentinel forks the workers): no thread of
    # it is copied into a child mid-step. Workers that connected meanwhile wait in its backlog.
    hub.start()
    if run_once:
        on_signal(signal.SIGTERM, None)
    cluster.sentinel.join()
    if stopping["signal"] is None:
        logger.error("the cluster's sentinel died (exit code %s)", cluster.sentinel.exitcode)
        _signal_all(signal.SIGTERM)  # they got it from the kernel too; this is belt and braces
    if not _reap_children(time.monotonic() + stop_timeout):
        logger.error("cluster processes still running after %ss: killing them", stop_timeout)
        stopping["killed"] = True
        _signal_all(signal.SIGKILL)
        _reap_children(time.monotonic() + 10)
    hub.stop()  # every worker has ended
    if stopping["signal"] is not None:
        from processing.heartbeat import forget_stopped

        forget_stopped()  # a clean stop: its workers are not alive (health, dashboard)
    if stopping["killed"]:
        logger.error("cluster stopped, killing work in flight (exit %s)", EXIT_KILLED_WORK)
        return EXIT_KILLED_WORK
    logger.info("cluster stopped")
    return 0 if stopping["signal"] is not None else EXIT_SENTINEL_DIED
