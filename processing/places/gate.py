"""The deployment-wide request gate and the geocoding cache, both in the database (sql/020).

Nominatim allows one request a second from an application, however many workers it runs:
a lock in one process would not do. ``request_gate_reserve`` reserves the next free slot in one
statement (the row lock serialises the reservations, for a few microseconds) and returns how
long to wait for it; the caller sleeps outside any transaction, then sends.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import connection, transaction
from psycopg.types.json import Jsonb

from scrapersky.conf import conf

_RESERVE = "SELECT request_gate_reserve(%(name)s, %(interval)s)"
_CACHED = """
    SELECT answer FROM geocode_cache
    WHERE provider = %(provider)s AND query = %(query)s AND fetched_at > now() - %(max_age)s
"""
_STORE = """
    INSERT INTO geocode_cache (provider, query, answer) VALUES (%(provider)s, %(query)s, %(answer)s)
    ON CONFLICT (provider, query) DO UPDATE SET answer = EXCLUDED.answer, fetched_at = now()
"""


def wait_for_slot(
    name: str, interval: float, *, sleep: Callable[[float], None] = time.sleep
) -> float:
    """Reserve the next request slot of gate ``name`` and wait for it; return the wait."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_RESERVE, {"name": name, "interval": interval})
        wait = float(cursor.fetchone()[0])
    if wait > 0:
        sleep(wait)
    return wait


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
