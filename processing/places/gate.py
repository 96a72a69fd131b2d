"""The deployment-wide request gate and the geocoding cache, both in the database (sql/020).

Nominatim allows one request a second from an application, however many workers it runs:
a lock in one process would not do. A request goes through ``request_slot``: it takes the gate
(``request_gate_take``: free once the previous request's answer is ``interval`` seconds old; the
taker gets a lease of ``hold`` seconds), sends, and on the answer or a failure gives it back
(``request_gate_give``: the next may go ``interval`` seconds from now). Spacing from the
previous *answer*, one request at a time, is what makes the provider see the requests
``interval`` apart: slots reserved in advance were not, when a process was slow to send its
reserved request and the next one went on time.

No connection is held while the request is out or while a caller waits its turn (issue 27:
fetching threads hold no database connection across I/O; this gate used to hold a session
advisory lock, so a connection, across the request, and one more per caller queued on the
lock): each take and give is one statement, run on the process's database threads when called
from a row thread (``db_step``). A holder that dies frees the gate when its lease ends, as a
dead process's advisory lock went with its connection; ``hold`` must outlast the request with
its retries (the gate's only guarantee beyond it: a give after the lease ran out changes
nothing).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from psycopg.types.json import Jsonb

from processing.db_steps import db_step
from scrapersky.conf import conf

_TAKE = "SELECT wait, lease FROM request_gate_take(%(name)s, %(hold)s)"
_GIVE = "SELECT request_gate_give(%(name)s, %(interval)s, %(lease)s)"
# A caller whose turn has not come asks again after at most this long: while another holds the
# gate its turn is unknown (the holder's answer sets it).
POLL_SECONDS = 0.1
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
    name: str,
    interval: float,
    *,
    hold: float,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[float]:
    """Hold gate ``name`` for one request: wait until ``interval`` seconds after the previous
    request's answer, run the body (the request, at most ``hold`` seconds with its retries),
    then start the next interval. Yields the seconds waited."""
    waited = 0.0
    while True:
        wait, lease = db_step(_take, name, hold)
        if lease is not None:
            break
        pause = min(wait, POLL_SECONDS)
        sleep(pause)
        waited += pause
    try:
        yield waited
    finally:
        db_step(_give, name, interval, lease)


def _take(name: str, hold: float) -> tuple[float, datetime | None]:
    with connection.cursor() as cursor:
        cursor.execute(_TAKE, {"name": name, "hold": hold})
        wait, lease = cursor.fetchone()
    return float(wait), lease


def _give(name: str, interval: float, lease: datetime) -> None:
    with connection.cursor() as cursor:
        cursor.execute(_GIVE, {"name": name, "interval": interval, "lease": lease})


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
