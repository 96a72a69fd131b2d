"""A worker process's database work, run by its few database threads.

A worker process keeps hundreds of rows in flight on its row threads (``processing.engine.rows``);
if each of them queried the database itself, each would hold a PostgreSQL connection, and the
requests in flight would again cost connections (issue 27). What a service writes with its row
goes to ``persist()`` (the engine's finisher writes it); what it must read or write *while* it
works goes through :func:`db_step`::

    accepted = db_step(records.delivered_hashes, row.pk)          # before its requests
    with fenced(...): ...  ->  db_step(write_chunk, chunk)         # between them

Called from an engine row thread, the step runs on one of the process's database threads
(``SCRAPERSKY_DB_THREADS``, 4 by default, each with its own connection, given back after
``IDLE_SECONDS`` without work) and the row thread waits for its result or its exception, holding
no connection. The engine's own claims and outcome writes run there too (:func:`on_db_thread`),
so a worker process's connections are these threads, its listener, start writer, lease heartbeat
and supervisor, and django-q2's own: a fixed number, whatever the lanes at work and the rows in
flight. Called from any other thread (a test, a command, the shell, a database thread)
it runs right there, in that thread's transaction. A step is one unit of work (its own
transaction, or autocommit): it sees what committed before it, nothing of its caller's.

Hand-written: ``concurrent.futures.ThreadPoolExecutor`` keeps idle threads (and with them their
connections) for the life of the process and cannot hand a connection back between steps.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any, TypeVar

from django.core.signals import setting_changed
from django.db import connection

from processing.engine.faults import drop_broken_connection, is_transient_db_error
from scrapersky.conf import conf

T = TypeVar("T")

IDLE_SECONDS = 2.0

_local = threading.local()
_pool_lock = threading.Lock()
_pool: _Pool | None = None


@contextmanager
def row_thread() -> Iterator[None]:
    """Marks the current thread as a row thread while inside: its :func:`db_step` calls are
    handed to the database threads."""
    _local.row = True
    try:
        yield
    finally:
        _local.row = False


def in_row_thread() -> bool:
    return getattr(_local, "row", False)


def db_step(fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)``, on a database thread when called from a row thread."""
    if not in_row_thread():
        return fn(*args, **kwargs)
    return _on_pool(fn, args, kwargs)


def on_db_thread(fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` on a database thread (here, when this is one): the engine's own
    claims and outcome writes, so that its lane and finisher threads hold no connection."""
    if getattr(_local, "db_thread", False):
        return fn(*args, **kwargs)
    return _on_pool(fn, args, kwargs)


def _on_pool(fn: Callable[..., T], args: tuple, kwargs: dict) -> T:
    while (future := _the_pool().submit(fn, args, kwargs)) is None:
        pass  # the settings changed meanwhile: the next pool
    return future.result()


def shutdown() -> None:
    """Stop this process's database threads and wait for them (their connections closed)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None and pool.pid == os.getpid():
        pool.stop()
        pool.join()


def _the_pool() -> _Pool:
    global _pool
    with _pool_lock:
        # A forked process (django-q2's workers) has none of its parent's threads: a new pool.
        if _pool is None or _pool.pid != os.getpid():
            _pool = _Pool(max(1, int(conf.db_threads)))
        return _pool


def _on_setting_changed(*, setting: str, **kwargs: Any) -> None:
    global _pool
    if setting == "SCRAPERSKY_DB_THREADS":
        with _pool_lock:
            if _pool is not None and _pool.pid == os.getpid():
                _pool.stop()
            _pool = None


setting_changed.connect(_on_setting_changed, dispatch_uid="processing.db_steps.reset")


class _Pool:
    def __init__(self, size: int) -> None:
        self.pid = os.getpid()
        self.size = size
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._stopped = False
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., T], args: tuple, kwargs: dict) -> Future | None:
        """The step's future; None when the pool was stopped (the caller takes the new one)."""
        future: Future = Future()
        with self._lock:
            if self._stopped:
                return None
            self._queue.put((fn, args, kwargs, future))
            if self._idle == 0 and len(self._threads) < self.size:
                thread = threading.Thread(
                    target=self._serve, name=f"db-step-{len(self._threads)}", daemon=True
                )
                self._threads.append(thread)
                self._idle += 1
                thread.start()
        return future

    def stop(self) -> None:
        """Its threads end once they ran the steps handed over before."""
        with self._lock:
            self._stopped = True
            for _ in self._threads:
                self._queue.put(None)

    def join(self) -> None:
        for thread in list(self._threads):
            thread.join()

    def _serve(self) -> None:
        _local.db_thread = True
        try:
            while self._step():
                pass
        finally:
            connection.close()

    def _step(self) -> bool:
        """Run the next step handed over; False once the pool stops."""
        try:
            item = self._queue.get(timeout=IDLE_SECONDS)
        except queue.Empty:
            connection.close()  # idle: give the connection back; the next step reconnects
            return True
        if item is None:
            return False
        fn, args, kwargs, future = item
        with self._lock:
            self._idle -= 1
        try:
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args, **kwargs))
                except BaseException as exc:
                    if is_transient_db_error(exc):
                        drop_broken_connection()
                    future.set_exception(exc)
        finally:
            with self._lock:
                self._idle += 1
        return True
