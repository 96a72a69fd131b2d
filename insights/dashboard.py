"""The operator dashboard's figures per workflow, read only through the workflows' indexes.

Every figure is read through an index, so the dashboard stays fast on tables of millions:

- counts by processing and by curation status: on a table of up to
  ``SCRAPERSKY_DASHBOARD_EXACT_ROWS`` rows (default 200,000, by the planner's estimate), one
  ``GROUP BY`` over the status column (``count(*)``, never ``count(id)``: the id is not in the
  status index). On a bigger table an exact count of the big statuses (never queued, Complete,
  New: millions of rows) costs a scan of millions of index entries on every refresh, so those
  are the planner's estimates (marked ``estimated``), while the statuses an operator acts on
  (Queued, Processing, Error) are always counted exactly, each through its status index;
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
from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from insights.counts import (
    NEVER_QUEUED,
    count_of,
    estimated_counts,
    grouped_counts,
    is_big,
    oldest_queued_seconds,
    stuck_count,
)
from processing.heartbeat import alive_workers, unknown_workflows
from scrapersky.conf import conf
from scrapersky.status import PROCESSING_VALUES, Status
from scrapersky.workflows import Workflow, all_workflows

CACHE_KEY = "scrapersky:dashboard"
BUCKET_MINUTES = 5
BUCKETS = 12  # one hour
ERROR_SAMPLE = 500  # latest errored rows read to group their messages
TOP_ERRORS = 5
PROCESSING_ORDER = (NEVER_QUEUED, *PROCESSING_VALUES)
# What operators act on: never estimated.
EXACT_ALWAYS = (Status.QUEUED, Status.PROCESSING, Status.ERROR)

# Error texts differ by URL, host and numbers; grouping on the raw text would count each once.
_URL_RE = re.compile(r"\b(?:https?|ftp)://\S+")
_HOST_RE = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.IGNORECASE)
_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)*(?![\w.])")
_HTTP_STATUS_RE = re.compile(r"\b(HTTP) <n>")


def cache_seconds() -> float:
    return float(conf.dashboard_cache_seconds)


def _status_counts(
    workflow: Workflow, column: str, values: tuple[str, ...], *, exact: bool
) -> tuple[dict[str, int], list[str]]:
    """Rows per value of a status column (``NEVER_QUEUED`` for NULL) and the estimated values."""
    objects = workflow.model.objects
    if exact:
        counts = grouped_counts(objects, column)
        return {value: counts.get(value, 0) for value in values}, []
    planner = estimated_counts(workflow.table, column)
    counts, estimated = {}, []
    for value in values:
        if value in EXACT_ALWAYS:
            counts[value] = count_of(objects, column, value)
        else:
            # A value missing from the planner's most common values is rare: about none.
            counts[value] = planner.get(value, 0)
            estimated.append(value)
    return counts, estimated


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
    objects = workflow.model.objects
    proc, cur = workflow.names.processing_field, workflow.names.curation_field
    finished_at = workflow.names.col("finished_at")
    exact = not is_big(workflow.table)
    processing, processing_estimated = _status_counts(workflow, proc, PROCESSING_ORDER, exact=exact)
    curation, curation_estimated = _status_counts(
        workflow, cur, tuple(workflow.curation_enum.values), exact=exact
    )
    # One pass over the last hour of the finished_at index: a count per five-minute bucket,
    # oldest first, the current five minutes last.
    edges = [now - timedelta(minutes=BUCKET_MINUTES * (BUCKETS - i)) for i in range(BUCKETS + 1)]
    per_bucket = objects.filter(
        **{f"{finished_at}__gt": edges[0], f"{finished_at}__lte": now}
    ).aggregate(
        **{
            f"b{i}": Count(
                finished_at,  # in the index, unlike the id: an index-only scan
                filter=Q(**{f"{finished_at}__gt": edges[i], f"{finished_at}__lte": edges[i + 1]}),
            )
            for i in range(BUCKETS)
        }
    )
    buckets = [per_bucket[f"b{i}"] for i in range(BUCKETS)]
    messages = [
        message or ""
        for message in objects.filter(**{proc: Status.ERROR, f"{finished_at}__isnull": False})
        .order_by(f"-{finished_at}")
        .values_list(workflow.names.error_field, flat=True)[:ERROR_SAMPLE]
    ]
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
        "processing": processing,
        "curation": curation,
        "estimated": {"processing": processing_estimated, "curation": curation_estimated},
        "oldest_queued_s": oldest_queued_seconds(workflow, now=now),
        "stuck": stuck_count(workflow, now=now),
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


def _later(stamp: str | None, now: datetime) -> bool:
    try:
        return datetime.fromisoformat(stamp or "") > now
    except ValueError:
        return True  # an unreadable end: shown, not hidden


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
            # Registered workflows no live worker loaded (started before they were added).
            "unknown_workflows": unknown_workflows(workers),
            # Lanes a worker paused after a burst of machine faults (memory, disk, files).
            "paused_lanes": sorted(
                (
                    {"worker": w.worker, "workflow": name, **pause}
                    for w in workers
                    for name, pause in (w.paused_lanes or {}).items()
                    # A pause that has ended is over, even before its worker's next beat.
                    if _later(pause.get("until"), now)
                ),
                key=lambda p: (p["workflow"], p["worker"]),
            ),
        },
        "workflows": workflows,
    }


def cached(key: str, make: Callable[[], dict]) -> dict:
    """``make()``, cached under ``key`` for ``cache_seconds()`` (the same figures for every
    viewer; 0 seconds: made on every request)."""
    seconds = cache_seconds()
    if seconds <= 0:
        return make()
    data = cache.get(key)
    if data is None:
        data = make()
        cache.set(key, data, seconds)
    return data


def figures(now: datetime | None = None) -> dict:
    """``compute()``, cached (``cached``); at a given ``now`` computed afresh."""
    if now is not None:
        return compute(now)
    return cached(CACHE_KEY, compute)


def paused_lanes_warning(data: dict) -> str | None:
    """The warning shown while workers pause a workflow's lane after a burst of machine faults
    (every row failing for lack of memory, disk or file descriptors): the machine needs care,
    the rows are not charged and wait in the queue."""
    paused = data["workers"].get("paused_lanes") or []
    if not paused:
        return None
    lines = [
        f"{p['workflow']} paused on {p['worker']} until {p['until'][11:19]} UTC: {p['reason']}"
        for p in paused
    ]
    return (
        "Machine faults: every row failed the same way, so these lanes pause (the rows are not "
        "charged and wait in the queue): " + "; ".join(lines)
    )


def no_worker_warning(data: dict) -> str | None:
    """The warning shown when rows wait in a queue and no worker is alive to take them, or when
    the live workers started before a workflow was added and none of them can run its queue."""
    if data["workers"]["alive"]:
        visible = {wf["name"] for wf in data["workflows"]}
        unknown = [n for n in data["workers"].get("unknown_workflows", []) if n in visible]
        if not unknown:
            return None
        listed = ", ".join(unknown)
        return (
            f"No running worker knows the workflow{'s' if len(unknown) > 1 else ''} {listed} "
            "(the workers started before it was added): restart them (stop bin/scrapersky up "
            "and start it again, or restart bin/scrapersky qcluster)."
        )
    waiting = {wf["name"]: wf["processing"][Status.QUEUED] for wf in data["workflows"]}
    waiting = {name: n for name, n in waiting.items() if n}
    if not waiting:
        return None
    listed = ", ".join(f"{n:,} {name}" for name, n in waiting.items())
    return (
        f"No worker is alive, and rows are waiting: {listed}. Nothing will be processed until "
        "a worker cluster runs (bin/scrapersky qcluster)."
    )
