"""The rows a consumer run holds, and the process's lease heartbeat that renews their leases."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING

import psycopg.conninfo
from django.db import connection

from processing.engine import lease_keeper, leases
from processing.engine.faults import drop_broken_connection

if TYPE_CHECKING:
    from collections.abc import Iterable

    from scrapersky.workflows import Workflow

logger = logging.getLogger(__name__)


class Holdings:
    """Row id -> claim token of every row claimed and not yet finished, released or lost."""

    def __init__(self, workflow: Workflow, *, lease_seconds: float) -> None:
        self.workflow = workflow
        self.lease_seconds = lease_seconds
        self._rows: dict[int, str] = {}
        self._lock = threading.Lock()

    def hold(self, rows: Iterable, token: str) -> None:
        with self._lock:
            for row in rows:
                self._rows[row.pk] = token
        # The keeper knows of the rows before any service runs on them: a row that holds the
        # GIL at once would otherwise freeze the thread that tells it (issue 28.4).
        _renewer.tell_keeper()

    def forget(self, ids: Iterable[int]) -> None:
        with self._lock:
            for row_id in ids:
                self._rows.pop(row_id, None)

    def any(self) -> bool:
        with self._lock:
            return bool(self._rows)

    def by_token(self) -> dict[str, list[int]]:
        with self._lock:
            return group_by_token(self._rows.items())

    # --- the lease heartbeat -------------------------------------------------------------------
    def start_heartbeat(self) -> None:
        """Have the process's lease heartbeat renew this run's rows until ``stop_heartbeat``."""
        _renewer.add(self)

    def stop_heartbeat(self) -> None:
        _renewer.discard(self)

    def renew(self) -> None:
        for token, ids in self.by_token().items():
            leases.renew(self.workflow, ids, token=token, lease_seconds=self.lease_seconds)


class _Renewer:
    """The one lease heartbeat of a process: renews the rows of every run (every lane) in turn.

    One thread for the whole process, whatever the number of lanes running; each run's rows
    every third of its lease. In a worker process (``keep_leases_in_a_process``) the renewing is
    done by a lease keeper in another process (``lease_keeper``: the cluster's hub, or a keeper
    process of the worker's own), which this thread tells what is held every ``TICK``: a row
    holding the GIL freezes this thread, not the keeper (issue 28.4). Should the keeper be
    unavailable, this thread renews on its own connection meanwhile, as it does in any other
    process; that connection is closed when no run holds rows.
    """

    TICK = 0.5

    def __init__(self) -> None:
        self._runs: dict[Holdings, float] = {}  # run -> when its rows are renewed next
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._tell_lock = threading.Lock()  # one snapshot at a time down the keeper's channel
        self._thread: threading.Thread | None = None
        self._pid = 0
        self.keeper: _Keeper | None = None

    def add(self, holdings: Holdings) -> None:
        every = max(self.TICK, holdings.lease_seconds / 3)
        with self._lock:
            self._runs[holdings] = time.monotonic() + every
        self.ensure_running()

    def ensure_running(self) -> None:
        with self._lock:
            alive = self._thread is not None and self._thread.is_alive()
            if not alive or self._pid != os.getpid():
                if self._pid != os.getpid():  # forked: the parent's keeper is not ours
                    self.keeper = _Keeper() if self.keeper is not None else None
                self._pid = os.getpid()
                self._thread = threading.Thread(
                    target=self._run, name="lease-heartbeat", daemon=True
                )
                self._thread.start()

    def discard(self, holdings: Holdings) -> None:
        with self._lock:
            self._runs.pop(holdings, None)

    def _due(self) -> list[Holdings]:
        now = time.monotonic()
        with self._lock:
            due = [h for h, at in self._runs.items() if at <= now]
            for h in due:
                self._runs[h] = now + max(self.TICK, h.lease_seconds / 3)
            return due

    def snapshot(self) -> list[dict]:
        """What the keeper renews: per run, its statement, its lease and its rows by token."""
        with self._lock:
            runs = list(self._runs)
        return [
            {
                "sql": leases.renew_sql(h.workflow),
                "lease": float(h.lease_seconds),
                "tokens": h.by_token(),
            }
            for h in runs
        ]

    def tell_keeper(self) -> bool:
        """Tell the keeper what is held now; False when there is no keeper to renew it."""
        keeper = self.keeper
        if keeper is None:
            return False
        with self._tell_lock:
            return keeper.tell(self.snapshot())

    def _run(self) -> None:
        failing = False
        try:
            while True:
                self._wake.wait(self.TICK)
                if self.tell_keeper():
                    connection.close()  # the keeper renews: this thread needs no connection
                    continue
                with self._lock:
                    idle = not self._runs
                if idle:
                    connection.close()
                    continue
                for holdings in self._due():
                    wf = holdings.workflow.name
                    try:
                        holdings.renew()
                    except Exception as exc:
                        drop_broken_connection()
                        if not failing:  # once per outage, not once per beat
                            logger.warning("%s: lease renewal failed: %s", wf, exc)
                        failing = True
                        continue
                    if failing:
                        logger.warning("%s: lease renewal works again", wf)
                        failing = False
        finally:
            connection.close()


class _Keeper:
    """This process's lease keeper (``lease_keeper``): the cluster's hub when the process has one
    (``ADDRESS_ENV``, set by ``processing.cluster``), else a keeper process of its own. Reached
    on first use, again (at most every ``RESPAWN_SECONDS``) should it go; a keeper process ends
    when this process does."""

    RESPAWN_SECONDS = 10.0
    # A keeper that has not read what it was told for this long is stuck: it is replaced.
    STUCK_SECONDS = 10.0

    def __init__(self) -> None:
        self._channel: _Channel | None = None
        self._pending = b""  # the part of the last snapshot the channel did not take yet
        self._pending_since = 0.0
        self._next_spawn = 0.0
        self._failed = False

    @property
    def _proc(self) -> subprocess.Popen | None:
        """The keeper process, when this worker has one of its own."""
        channel = self._channel
        return channel.proc if isinstance(channel, _ProcessChannel) else None

    def tell(self, runs: list[dict]) -> bool:
        """Send the keeper what is held; False when it cannot renew them (renew here)."""
        channel = self._running()
        if channel is None:
            return False
        try:
            if not self._pending:
                self._pending = json.dumps({"runs": runs}, separators=(",", ":")).encode() + b"\n"
                self._pending_since = time.monotonic()
            written = os.write(channel.fileno(), self._pending)
            self._pending = self._pending[written:]
        except BlockingIOError:
            pass
        except OSError as exc:  # the keeper is gone: its end is closed
            logger.warning("lease keeper %s gone (%s); renewing in the worker", channel, exc)
            self._stop(channel)
            return False
        if self._pending:
            if time.monotonic() - self._pending_since > self.STUCK_SECONDS:
                logger.warning("lease keeper %s stuck; replacing it", channel)
                self._stop(channel)
            return False  # not told this time: renew here meanwhile
        return True

    def _running(self) -> _Channel | None:
        channel = self._channel
        if channel is not None and channel.alive():
            return channel
        if channel is not None:
            logger.warning("lease keeper %s exited", channel)
            self._stop(channel)
        if time.monotonic() < self._next_spawn:
            return None
        self._next_spawn = time.monotonic() + self.RESPAWN_SECONDS
        try:
            self._channel = _open_channel()
        except Exception:
            if not self._failed:
                logger.exception("could not reach a lease keeper; renewing in the worker")
            self._failed = True
            return None
        self._failed = False
        self._pending = b""
        logger.info("lease keeper %s", self._channel)
        return self._channel

    def _stop(self, channel: _Channel) -> None:
        channel.close()
        self._channel = None
        self._pending = b""


def _open_channel() -> _Channel:
    """The cluster's hub if this process has one and it answers, else a keeper process."""
    address = os.environ.get(lease_keeper.ADDRESS_ENV)
    if address:
        try:
            return _SocketChannel(address)
        except OSError as exc:  # not a worker of that cluster (its hub is gone)
            logger.warning("lease keeper hub %s unreachable (%s); starting one", address, exc)
    return _ProcessChannel()


class _SocketChannel:
    """The cluster's hub (``lease_keeper.Hub``), reached on its Unix socket."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.sock.connect("\0" + address)
        except OSError:
            self.sock.close()
            raise
        self.sock.setblocking(False)  # a stuck hub never blocks the lease heartbeat

    def fileno(self) -> int:
        return self.sock.fileno()

    def alive(self) -> bool:
        return self.sock.fileno() != -1  # a hub that went away is found when writing

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()

    def __str__(self) -> str:
        return f"hub {self.address}"


class _ProcessChannel:
    """A keeper process of this worker's own, told down its standard input."""

    def __init__(self) -> None:
        # -P: the script's folder is not put on sys.path (its modules would shadow others).
        proc = subprocess.Popen(
            [sys.executable, "-P", lease_keeper.__file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            close_fds=True,
        )
        first = {"conninfo": _conninfo(), "parent": os.getpid()}
        proc.stdin.write(json.dumps(first).encode() + b"\n")
        proc.stdin.flush()
        os.set_blocking(proc.stdin.fileno(), False)  # a stuck keeper never blocks this thread
        self.proc = proc

    def fileno(self) -> int:
        return self.proc.stdin.fileno()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.kill()
        with contextlib.suppress(OSError):
            self.proc.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=1)

    def __str__(self) -> str:
        return f"process {self.proc.pid}"


_Channel = _SocketChannel | _ProcessChannel


# psycopg's own connection arguments, which are not libpq's.
_NOT_LIBPQ = {"context", "cursor_factory", "prepare_threshold", "autocommit", "row_factory"}


def _conninfo(**extra: str) -> str:
    """This process's database connection as a libpq string, for the keeper."""
    params = connection.get_connection_params()
    kept = {
        key: value
        for key, value in params.items()
        if key not in _NOT_LIBPQ and value is not None and isinstance(value, (str, int, float))
    }
    return psycopg.conninfo.make_conninfo(**kept, **extra)


def keep_leases_in_a_process() -> None:
    """Have a lease keeper in another process renew this process's leases (worker processes)."""
    if _renewer.keeper is None:
        _renewer.keeper = _Keeper()
    _renewer.ensure_running()
    _renewer.tell_keeper()  # started now, before this process claims anything


def serve_cluster_leases() -> lease_keeper.Hub:
    """Bind the lease keeper of a whole cluster (in the cluster's main process, before its
    processes are forked: they find it through ``ADDRESS_ENV``); ``start`` it once they are."""
    hub = lease_keeper.Hub(_conninfo(application_name=f"scrapersky lease keeper {os.getpid()}"))
    hub.bind()
    os.register_at_fork(after_in_child=hub.close_listener)
    os.environ[lease_keeper.ADDRESS_ENV] = hub.address
    return hub


_renewer = _Renewer()


def group_by_token(pairs: Iterable[tuple[int, str]]) -> dict[str, list[int]]:
    """``(row id, token)`` pairs as ``{token: [row ids]}``."""
    by_token: dict[str, list[int]] = {}
    for row_id, token in pairs:
        by_token.setdefault(token, []).append(row_id)
    return by_token
