"""The health endpoint: database reachability, worker liveness, queue age per workflow."""

from __future__ import annotations

import logging
import time

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from insights.counts import oldest_queued_seconds, queued_count, stuck_count
from ops.models import AppliedSqlFile
from processing.heartbeat import alive_workers, max_age
from scrapersky.workflows import all_workflows

logger = logging.getLogger(__name__)


def queue_health(now) -> dict[str, dict]:
    """Per workflow: queued rows, the oldest one's age, rows stuck past their lease.

    Each figure is read through the workflow's partial indexes (queue, lease), so this stays
    cheap however large the tables grow.
    """
    return {
        workflow.name: {
            "queued": queued_count(workflow),
            "oldest_queued_age_s": oldest_queued_seconds(workflow, now=now),
            "stuck": stuck_count(workflow, now=now),
        }
        for workflow in all_workflows()
    }


def _database() -> dict:
    started = time.monotonic()
    try:
        connection.ensure_connection()
        with connection.cursor():
            pass
        AppliedSqlFile.objects.exists()
    except DatabaseError as exc:
        # The driver's text names the database host and port: for the log, not for anyone
        # who can reach this unauthenticated URL.
        logger.warning("health: database unavailable: %s", str(exc).strip().splitlines()[0])
        return {"ok": False, "error": "database unavailable"}
    return {"ok": True, "latency_ms": round((time.monotonic() - started) * 1000, 1)}


@never_cache
@require_GET
def health(request):
    """200 when the database answers and a worker is alive; 503 otherwise, with the details.

    ``?check=web`` checks only the database (for a load balancer in front of the web servers).
    Unauthenticated by design; it reveals counts and ages, nothing else (a database error is
    "database unavailable", its detail goes to the log). It is exempt from the https redirect
    (``SECURE_REDIRECT_EXEMPT``): a load balancer probes its web servers over plain http.
    """
    database = _database()
    body: dict = {"database": database}
    healthy = database["ok"]
    if request.GET.get("check") != "web" and database["ok"]:
        now = timezone.now()
        workers = alive_workers(now)
        body["workers"] = {
            "alive": len(workers),
            "max_heartbeat_age_s": max_age().total_seconds(),
            "last_seen_s": min(((now - w.seen_at).total_seconds() for w in workers), default=None),
        }
        body["workflows"] = queue_health(now)
        healthy = healthy and bool(workers)
    body["status"] = "ok" if healthy else "unhealthy"
    return JsonResponse(body, status=200 if healthy else 503)
