"""The operator dashboard's figures per workflow, read only through the workflows' indexes.

Every query here is answered from an index, so the dashboard stays fast on tables of millions:

- counts by processing and by curation status: ``GROUP BY`` over the status column alone, which
  PostgreSQL answers with an index-only scan of the status index (``count(*)``, never
  ``count(id)``: the id is not in that index, and asking for it means reading the table);
- oldest queued row: the first entry of the partial queue index;
- stuck rows (Processing past their lease): the partial lease index;
- throughput (rows finished per five minutes over the last hour): the ``finished_at`` index;
- the most common recent errors: the latest errored rows by ``finished_at`` (bounded).

The figures are the same for every user, so they are cached for a few seconds
(``SCRAPERSKY_DASHBOARD_CACHE_SECONDS``, default 5; 0 disables); the view filters the workflows
by the user's permissions afterwards.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from processing.heartbeat import alive_workers
from scrapersky.workflows import PROCESSING_VALUES, Workflow, all_workflows

CACHE_KEY = "scrapersky:dashboard"
BUCKET_MINUTES = 5
BUCKETS = 12  # one hour
ERROR_SAMPLE = 500  # latest errored rows read to group their messages
TOP_ERRORS = 5
NEVER_QUEUED = "None"
PROCESSING_ORDER = (NEVER_QUEUED, *PROCESSING_VALUES)

# Error texts differ by URL, host and numbers; grouping on the raw text would count each once.
_URL_RE = re.compile(r"\b(?:https?|ftp)://\S+")
_HOST_RE = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.IGNORECASE)
_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)*(?![\w.])")
_HTTP_STATUS_RE = re.compile(r"\b(HTTP) <n>")


def cache_seconds() -> float:
    return float(getattr(settings, "SCRAPERSKY_DASHBOARD_CACHE_SECONDS", 5))


def error_group(message: str) -> str:
    """The shape of an error message: first line, URLs, hosts and numbers replaced.

    HTTP status codes are kept (``HTTP 503`` and ``HTTP 404`` are different problems).
    """
    line = (message or "").strip().splitlines()[0] if (message or "").strip() else "(empty)"
    line = _URL_RE.sub("<url>", line)
    line = _HOST_RE.sub("<host>", line)
    statuses = re.findall(r"\bHTTP (\d{3})\b", line)
    line = _NUMBER_RE.sub("<n>", line)
    for status in statuses:
        line = _HTTP_STATUS_RE.sub(rf"\1 {status}", line, count=1)
    return line[:200]


def workflow_figures(workflow: Workflow, *, now: datetime) -> dict:
    """One workflow's counts, queue age, stuck rows, throughput and grouped recent errors."""
    qn = connection.ops.quote_name
    table = qn(workflow.table)
    proc, cur = qn(workflow.processing_field), qn(workflow.curation_field)
    queued_at, finished_at = qn(workflow.col("queued_at")), qn(workflow.col("finished_at"))
    lease = qn(workflow.col("lease_expires_at"))
    error = qn(workflow.error_field)
    since = now - timedelta(minutes=BUCKET_MINUTES * BUCKETS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {proc}::text, count(*) FROM {table} GROUP BY 1")  # noqa: S608
        processing = {status or NEVER_QUEUED: n for status, n in cursor.fetchall()}
        cursor.execute(f"SELECT {cur}::text, count(*) FROM {table} GROUP BY 1")  # noqa: S608
        curation = dict(cursor.fetchall())
        cursor.execute(
            f"SELECT min({queued_at}) FROM {table} WHERE {proc} = 'Queued'"  # noqa: S608
        )
        oldest = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT count(*) FROM {table} "  # noqa: S608
            f"WHERE {proc} = 'Processing' AND {lease} < %s",
            [now],
        )
        stuck = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT floor(extract(epoch FROM (%s - {finished_at})) / %s)::int, count(*) "  # noqa: S608
            f"FROM {table} WHERE {finished_at} > %s AND {finished_at} <= %s GROUP BY 1",
            [now, BUCKET_MINUTES * 60, since, now],
        )
        buckets = [0] * BUCKETS
        for age, n in cursor.fetchall():
            if 0 <= age < BUCKETS:
                buckets[BUCKETS - 1 - age] += n  # oldest first, the current five minutes last
        cursor.execute(
            f"SELECT {error} FROM {table} "  # noqa: S608
            f"WHERE {proc} = 'Error' AND {finished_at} IS NOT NULL "
            f"ORDER BY {finished_at} DESC LIMIT %s",
            [ERROR_SAMPLE],
        )
        messages = [row[0] or "" for row in cursor.fetchall()]
    groups: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for message in messages:
        key = error_group(message)
        groups[key] += 1
        examples.setdefault(key, message[:500])
    return {
        "name": workflow.name,
        "table": workflow.table,
        "total": sum(processing.values()),
        "processing": {status: processing.get(status, 0) for status in PROCESSING_ORDER},
        "curation": {status: curation.get(status, 0) for status in workflow.curation_enum.values},
        "oldest_queued_s": round((now - oldest).total_seconds(), 1) if oldest else None,
        "stuck": stuck,
        "throughput": {
            "bucket_minutes": BUCKET_MINUTES,
            "buckets": buckets,
            "total": sum(buckets),
        },
        "errors": {
            "sampled": len(messages),
            "top": [
                {"group": key, "count": n, "example": examples[key]}
                for key, n in groups.most_common(TOP_ERRORS)
            ],
        },
    }


def compute(now: datetime | None = None) -> dict:
    """The figures of every workflow and the live workers, uncached."""
    now = now or timezone.now()
    started = time.perf_counter()
    workflows = [workflow_figures(wf, now=now) for wf in all_workflows()]
    workers = alive_workers(now)
    return {
        "generated_at": now.isoformat(),
        "query_ms": round((time.perf_counter() - started) * 1000, 1),
        "workers": {
            "alive": len(workers),
            "names": sorted(w.worker for w in workers),
            "last_seen_s": min(
                (round((now - w.seen_at).total_seconds(), 1) for w in workers), default=None
            ),
        },
        "workflows": workflows,
    }


def figures(now: datetime | None = None) -> dict:
    """``compute()``, cached for ``cache_seconds()`` (the same figures for every viewer)."""
    seconds = cache_seconds()
    if seconds <= 0 or now is not None:
        return compute(now)
    data = cache.get(CACHE_KEY)
    if data is None:
        data = compute()
        cache.set(CACHE_KEY, data, seconds)
    return data


def no_worker_warning(data: dict) -> str | None:
    """The warning shown when rows wait in a queue and no worker is alive to take them."""
    if data["workers"]["alive"]:
        return None
    waiting = {wf["name"]: wf["processing"]["Queued"] for wf in data["workflows"]}
    waiting = {name: n for name, n in waiting.items() if n}
    if not waiting:
        return None
    listed = ", ".join(f"{n:,} {name}" for name, n in waiting.items())
    return (
        f"No worker is alive, and rows are waiting: {listed}. Nothing will be processed until "
        "a worker cluster runs (manage.py qcluster)."
    )
