"""Which database errors are the machine's fault (retry later) rather than the row's (Error).

A deadlock, a serialization failure, a lock timeout, a cancelled statement, a dropped connection
or a server shutting down says nothing about the row being processed: the same write succeeds
when tried again. The engine retries those with backoff and never charges them to the row; any
other error (a value too long, a constraint violation) is what the row's input did.

Classified by SQLSTATE (PostgreSQL, Appendix A "Error Codes") where the server sent one, and by
the driver's exception class where it could not (the connection is gone, so no code arrived).
"""

from __future__ import annotations

import contextlib
import errno

import psycopg
from django.db import connection
from django.db import utils as db_utils

# Class 08: connection exception; 53: insufficient resources (too many connections, out of
# memory, disk full); 57: operator intervention (admin/crash shutdown, cannot connect now,
# statement cancelled); 58: system error (I/O error on the server).
TRANSIENT_CLASSES = ("08", "53", "57", "58")
TRANSIENT_STATES = frozenset(
    {
        "40001",  # serialization_failure
        "40P01",  # deadlock_detected
        "55P03",  # lock_not_available (lock_timeout, NOWAIT)
        "55006",  # object_in_use
    }
)


def _chain(exc: BaseException):
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def is_transient_db_error(exc: BaseException) -> bool:
    """True when ``exc`` (or what it wraps) is a database fault that a retry can get past."""
    for link in _chain(exc):
        if isinstance(link, psycopg.Error):
            state = link.sqlstate
            if state is None:
                # No code from the server: the connection broke (closed, reset, server gone).
                return isinstance(link, (psycopg.OperationalError, psycopg.InterfaceError))
            return state in TRANSIENT_STATES or state[:2] in TRANSIENT_CLASSES
    # Django raises these itself for a connection it already knows is closed.
    return isinstance(exc, (db_utils.InterfaceError, db_utils.OperationalError))


def drop_broken_connection() -> None:
    """Close this thread's connection if a fault broke it; the next query reconnects."""
    with contextlib.suppress(Exception):
        connection.close_if_unusable_or_obsolete()


# The machine ran out of something (memory, disk, file descriptors): the row's input is not to
# blame, and the same row succeeds once the machine recovers.
RESOURCE_ERRNOS = frozenset({errno.ENOSPC, errno.EMFILE, errno.ENFILE, errno.ENOMEM, errno.EDQUOT})


def is_machine_fault(exc: BaseException) -> bool:
    """True when ``exc`` (or what it wraps) says the machine lacks a resource, not the row:
    ``MemoryError``, or an ``OSError`` for a full disk or quota, too many open files, no memory.
    """
    for link in _chain(exc):
        if isinstance(link, MemoryError):
            return True
        if isinstance(link, OSError) and link.errno in RESOURCE_ERRNOS:
            return True
    return False
