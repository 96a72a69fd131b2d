"""The deployment-wide request gate and the geocoding cache, both in the database (sql/020).

Nominatim allows one request a second from an application, however many workers it runs:
a lock in one process would not do. A request goes through ``request_slot``: it takes the gate's
session advisory lock (one request at a time across the deployment; a dead process's lock goes
with its connection), waits until ``interval`` seconds after the previous request was answered
(``request_gate_reserve``), sends, and on the answer or a failure sets the next time
(``request_gate_release``) and lets go. Spacing from the previous *answer*, under a lock, is what
makes the provider see the requests ``interval`` apart: slots reserved in advance were not, when
a process was slow to send its reserved request and the next one went on time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from django.db import connection, transaction
from psycopg.types.json import Jsonb

from scrapersky.conf import conf

_LOCK = "SELECT pg_advisory_lock(hashtext('request_gates'), hashtext(%(name)s))"
_UNLOCK = "SELECT pg_advisory_unlock(hashtext('request_gates'), hashtext(%(name)s))"
_RESERVE = "SELECT request_gate_reserve(%(name)s, %(interval)s)"
_RELEASE = "SELECT request_gate_release(%(name)s, %(interval)s)"
_CACHED = """
    SELECT answer FROM geocode_cache
    WHERE provider = %(provider)s AND query = %(query)s AND fetched_at > now() - %(max_age)s
"""
_STORE = """
    INSERT INTO geocode_cache (provider, query, answer) VALUES (%(provider)s, %(query)s, %(answer)s)
    ON CONFLICT (provider, query) DO UPDATE SET answer = EXCLUDED.answer, fetched_at = now()
"""


@contextmanager
def request_slot(
    name: str, interval: float, *, sleep: Callable[[float], None] = time.sleep
) -> Iterator[float]:
    """Hold gate ``name`` for one request: wait until ``interval`` seconds after the previous
    request's answer, run the body (the request), then start the next interval. Yields the wait.
    """
    params = {"name": name, "interval": interval}
    with connection.cursor() as cursor:
        cursor.execute(_LOCK, params)
    try:
        with connection.cursor() as cursor:
            cursor.execute(_RESERVE, params)
            wait = float(cursor.fetchone()[0])
        if wait > 0:
            sleep(wait)
        yield wait
    finally:
        with connection.cursor() as cursor:
            cursor.execute(_RELEASE, params)
            cursor.execute(_UNLOCK, params)


def cached_answer(provider: str, query: str) -> Any | None:
    """A cached answer younger than ``SCRAPERSKY_PLACES_GEOCODE_CACHE_DAYS``, or None."""
    max_age = timedelta(days=conf.places_geocode_cache_days)
    with connection.cursor() as cursor:
        cursor.execute(_CACHED, {"provider": provider, "query": query, "max_age": max_age})
        row = cursor.fetchone()
    if row is None:
        return None
    return json.loads(row[0]) if isinstance(row[0], str) else row[0]


def store_answer(provider: str, query: str, answer: Any) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_STORE, {"provider": provider, "query": query, "answer": Jsonb(answer)})
