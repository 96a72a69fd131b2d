"""The lease keeper: a small child process renewing its worker's leases, outside the worker's GIL.

Why a process (issue 28.4): a row whose service holds the GIL (a C call that does not release
it, a regular expression backtracking for minutes) stops every thread of its worker, the lease
heartbeat too. Its leases ran out, other workers ran the row again at the same time, and rows
that had already finished, waiting for the frozen finisher to write them, ran again and were
charged. A thread cannot help; another process, with its own interpreter, can.

The worker (``holdings``) starts one keeper and writes it, every half second, the rows it holds:
per run, the renew statement (``leases.renew_sql``), the lease and ``{claim token: [row ids]}``.
Rows that finished but are not yet written stay held, so they are in it. The keeper renews them
every third of their lease, on its own connection (the worker's lease heartbeat then needs none),
and judges its worker:

- it writes (its heartbeat is fresh): renew;
- silent, but running (not stopped, traced or a zombie): a call holds its GIL. Renew, for at
  most ``STALL_MAX_SECONDS`` of silence (a worker wedged for good gives its rows back then);
- stopped (SIGSTOP, a debugger) or silent past that: renew nothing, the leases run out and the
  reaper rescues the rows, as if the worker had died;
- gone (end of its pipe, or another parent): the keeper exits. It ignores SIGTERM and SIGINT,
  which reach the whole process group: a stopping worker still finishes its rows under lease.

The keeper only renews rows still held under the worker's own claim tokens (the statement is
fenced on them), so it renews nothing a reaper or another worker took, and the worker's identity
(``host:pid:nonce`` in its tokens, its heartbeat with boot id and pid namespace) is unchanged: a
keeper never beats for its worker, so a worker frozen or dead is seen as it is.

Where it runs. Under the project's ``qcluster`` (``processing.cluster``) one ``Hub`` keeps the
leases of every worker of the cluster: threads of the cluster's main process, which runs no rows
(it waits for its sentinel), so no row's GIL is its GIL. A worker writes its snapshots down a
Unix socket (abstract namespace, its address in ``ADDRESS_ENV``); the hub knows the worker by the
socket's peer credentials (``SO_PEERCRED``: the pid, which must be a descendant of the hub's
process under the same user), judges and renews as above on one connection for the whole
cluster, and forgets the worker when its end of the socket closes. A process of its own per
worker cost ~35 MB of resident memory each (Python, psycopg, psutil), 70 MB of a two-worker
cluster's 520 MB (issue 27), and a connection per worker.

Elsewhere (a worker started by django-q2's own command, without the hub) each worker starts its
keeper as a script (``python -P lease_keeper.py``): it imports no Django and nothing of the
project. The first line on its standard input is ``{"conninfo": ..., "parent": pid}``; then one
JSON snapshot per line.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import signal
import socket
import struct
import sys
import threading
import time

import psutil
import psycopg

logger = logging.getLogger("processing.engine.lease_keeper")

TICK = 0.5  # how often the keeper looks at its worker and at what is due
FRESH_SECONDS = 2.0  # a worker heard from this recently is alive and well (it writes every 0.5 s)
# A worker silent but running this long is taken for wedged: its leases are left to run out.
STALL_MAX_SECONDS = 3600.0
IDLE_CLOSE_SECONDS = 5.0  # nothing held this long: the connection is given back
# The environment variable naming the hub's socket (abstract namespace) to the workers.
ADDRESS_ENV = "SCRAPERSKY_LEASE_KEEPER"
_PEERCRED = struct.Struct("3i")  # struct ucred: pid, uid, gid
_HALTED = {psutil.STATUS_STOPPED, psutil.STATUS_TRACING_STOP, psutil.STATUS_ZOMBIE}
_HALTED |= {psutil.STATUS_DEAD}


class Link:
    """The keeper's database connection, opened when needed (shared by a hub's keepers)."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self._conn: psycopg.Connection | None = None

    def connection(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(self.conninfo, autocommit=True)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):
                self._conn.close()
            self._conn = None


class Keeper:
    """The keeper of one worker: its last snapshot, when it came, when each run's rows are due."""

    def __init__(
        self, conninfo: str, parent: int, *, clock=time.monotonic, link: Link | None = None
    ) -> None:
        self.parent = parent
        self.clock = clock
        self.link = link or Link(conninfo)
        self.runs: list[dict] = []
        # The runs that held rows when this keeper first heard its worker: when they were last
        # renewed is not known (a keeper replacing one that died, a worker connecting again),
        # so they are renewed at once, not a third of a lease later.
        self._inherited: set[tuple[str, float]] | None = None
        self.heard_at = clock()
        self.gone = threading.Event()
        self._lock = threading.Lock()
        self._due: dict[tuple[str, float], float] = {}
        self._idle_since = clock()
        self._judged = "well"
        self._failing = False

    # --- what the worker says ------------------------------------------------------------------
    def hear(self, line: bytes) -> None:
        snapshot = json.loads(line)
        with self._lock:
            self.runs = snapshot["runs"]
            self.heard_at = self.clock()
            if self._inherited is None:
                self._inherited = {_key(run) for run in self.runs if run["tokens"]}

    def listen(self, stream) -> None:
        """Read snapshots until the worker's end of the pipe closes (the worker is gone)."""
        try:
            for line in stream:
                if line.strip():
                    self.hear(line)
        finally:
            self.gone.set()

    # --- judging the worker --------------------------------------------------------------------
    def parent_gone(self) -> bool:
        return self.gone.is_set() or os.getppid() != self.parent

    def may_renew(self) -> bool:
        """Whether the worker is alive and working (see the module docstring)."""
        silent = self.clock() - self.heard_at
        if silent <= FRESH_SECONDS:
            self._judge("well", "heard from again: renewing its leases")
            return True
        try:
            status = psutil.Process(self.parent).status()
        except psutil.Error:
            status = psutil.STATUS_DEAD
        if status in _HALTED:
            self._judge("halted", f"{status}: its leases are left to run out")
            return False
        if silent > STALL_MAX_SECONDS:
            self._judge("wedged", f"silent {silent:.0f} s: its leases are left to run out")
            return False
        self._judge("silent", "silent but running (a call holding its GIL?): renewing its leases")
        return True

    def _judge(self, state: str, message: str) -> None:
        """Log the worker's state when it changes (not once a beat)."""
        if state != self._judged:
            logger.warning("lease keeper of worker %s: worker %s", self.parent, message)
            self._judged = state

    # --- renewing ------------------------------------------------------------------------------
    def due(self) -> list[dict]:
        """The runs whose rows are due for renewal now (each every third of its lease; those
        held before this keeper first heard its worker at once)."""
        now = self.clock()
        with self._lock:
            runs = list(self.runs)
            inherited = self._inherited or set()
        out = []
        seen = set()
        for run in runs:
            key = _key(run)
            seen.add(key)
            every = max(TICK, key[1] / 3)
            if key not in self._due:
                # Rows claimed since: the lease is fresh. Rows held before: renewed who knows when.
                self._due[key] = now if key in inherited else now + every
                inherited.discard(key)
            at = self._due[key]
            if at <= now:
                self._due[key] = now + every
                out.append(run)
        for key in set(self._due) - seen:
            del self._due[key]
        return out

    def renew(self, runs: list[dict]) -> int:
        """Renew the rows of ``runs``; the number renewed. A database fault is logged once per
        outage and tried again on the next beat."""
        renewed = 0
        try:
            conn = self._connection()
            with conn.cursor() as cursor:
                for run in runs:
                    for token, ids in run["tokens"].items():
                        cursor.execute(run["sql"], [float(run["lease"]), ids, token])
                        renewed += len(cursor.fetchall())
        except psycopg.Error as exc:
            self.close()
            if not self._failing:
                logger.warning("lease keeper of worker %s: renewal failed: %s", self.parent, exc)
            self._failing = True
            return renewed
        if self._failing:
            logger.warning("lease keeper of worker %s: renewal works again", self.parent)
            self._failing = False
        return renewed

    def _connection(self) -> psycopg.Connection:
        return self.link.connection()

    def close(self) -> None:
        self.link.close()

    def holding(self) -> bool:
        with self._lock:
            return any(run["tokens"] for run in self.runs)

    def beat(self) -> None:
        """Renew what is due, if the worker may keep its rows."""
        runs = self.due()
        if runs and self.may_renew():
            self.renew(runs)

    def tick(self) -> None:
        """One beat of a keeper process: renew what is due; idle, close the connection."""
        now = self.clock()
        if self.holding():
            self._idle_since = now
        elif now - self._idle_since >= IDLE_CLOSE_SECONDS:
            self.close()
        self.beat()

    def run(self, stream) -> None:
        threading.Thread(target=self.listen, args=(stream,), daemon=True).start()
        try:
            while not self.parent_gone():
                self.gone.wait(TICK)
                if not self.parent_gone():
                    self.tick()
        finally:
            self.close()


def _key(run: dict) -> tuple[str, float]:
    """A run as the keeper schedules it: its renew statement and its lease."""
    return (run["sql"], float(run["lease"]))


class Hub:
    """The lease keeper of every worker of a cluster: threads of the cluster's main process.

    ``bind`` before the cluster's processes are forked (they inherit the address through
    ``ADDRESS_ENV``; ``close_listener`` in each child), ``start`` once they are: a worker that
    connects meanwhile waits in the socket's backlog, its snapshots in the socket's buffer.
    """

    def __init__(self, conninfo: str, *, clock=time.monotonic) -> None:
        self.link = Link(conninfo)
        self.clock = clock
        self.address = f"scrapersky-lease-keeper-{os.getpid()}-{secrets.token_hex(6)}"
        self.keepers: dict[int, Keeper] = {}
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._listener: socket.socket | None = None
        self._pid = os.getpid()
        self._idle_since = clock()

    def bind(self) -> None:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind("\0" + self.address)
        listener.listen(128)
        self._listener = listener

    def close_listener(self) -> None:
        """In a forked child: the listening socket is the hub's process's alone."""
        if self._listener is not None and os.getpid() != self._pid:
            with contextlib.suppress(OSError):
                self._listener.close()
            self._listener = None

    def start(self) -> None:
        for target, name in ((self._accept, "lease-hub-accept"), (self._beat, "lease-hub")):
            threading.Thread(target=target, name=name, daemon=True).start()

    def stop(self) -> None:
        self._stopped.set()
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                self._listener.close()
        self.link.close()

    # --- workers coming and going ---------------------------------------------------------------
    def _accept(self) -> None:
        listener = self._listener
        while not self._stopped.is_set() and listener is not None:
            try:
                conn, _ = listener.accept()
            except OSError:
                if self._stopped.is_set():
                    return
                time.sleep(TICK)  # EMFILE and the like: try again
                continue
            pid, uid, _gid = _PEERCRED.unpack(
                conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _PEERCRED.size)
            )
            if uid != os.getuid() or not self._is_descendant(pid):
                # Its snapshots name the statements the hub runs: only the cluster's own.
                logger.warning("lease keeper: refused a connection from pid %s (uid %s)", pid, uid)
                conn.close()
                continue
            keeper = Keeper(self.link.conninfo, pid, clock=self.clock, link=self.link)
            with self._lock:
                self.keepers[pid] = keeper  # a worker that connects again replaces its keeper
            threading.Thread(
                target=self._serve, args=(keeper, conn), name=f"lease-hub-{pid}", daemon=True
            ).start()

    def _is_descendant(self, pid: int) -> bool:
        try:
            return any(p.pid == self._pid for p in psutil.Process(pid).parents())
        except psutil.Error:
            return False

    def _serve(self, keeper: Keeper, conn: socket.socket) -> None:
        """Hear one worker until its end of the socket closes (it is gone): then forget it."""
        try:
            with conn, conn.makefile("rb") as stream:
                keeper.listen(stream)
        except (OSError, ValueError) as exc:
            logger.warning("lease keeper of worker %s: %s", keeper.parent, exc)
        finally:
            keeper.gone.set()
            with self._lock:
                if self.keepers.get(keeper.parent) is keeper:
                    del self.keepers[keeper.parent]

    # --- renewing -------------------------------------------------------------------------------
    def tick(self) -> None:
        """One beat: each worker's rows that are due, if it may keep them; idle, close."""
        with self._lock:
            keepers = [k for k in self.keepers.values() if not k.gone.is_set()]
        now = self.clock()
        if any(k.holding() for k in keepers):
            self._idle_since = now
        elif now - self._idle_since >= IDLE_CLOSE_SECONDS:
            self.link.close()
        for keeper in keepers:
            keeper.beat()

    def _beat(self) -> None:
        while not self._stopped.wait(TICK):
            try:
                self.tick()
            except Exception:  # never let one bad beat end the renewals of every worker
                logger.exception("lease keeper: beat failed")


def main() -> None:
    # A stop signal sent to the process group is for the worker, which then finishes its rows
    # under lease: the keeper ends when the worker does.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    stream = sys.stdin.buffer
    config = json.loads(stream.readline() or b"{}")
    if "conninfo" not in config:
        return  # the worker went away before saying anything
    Keeper(config["conninfo"], int(config["parent"])).run(stream)


if __name__ == "__main__":
    main()
