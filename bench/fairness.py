"""Every stage at once: start latency of one workflow's rows behind another's 50,000-row backlog,
restart-to-first-claim, and how long a stop takes, with docs/workers.md's `manage.py qcluster`.

Run: .venv/bin/python bench/fairness.py [--backlog 50000] [--samples 20]
Uses a scratch database ``scrapersky_bench_fairness`` on the project's server. Default settings
(Q_WORKERS=2, the workflows' default knobs); only the services are replaced: sitemap_discovery
sleeps 200 ms per row (a slow site, no CPU) so its backlog lasts, page_curation does nothing.
Baselines in the same run: the same latency on an idle cluster, and the wall time of
``manage.py check`` (Python + Django start, the floor of any restart).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
from bench import scratch  # noqa: E402

DB = "scrapersky_bench_fairness"
SLOW_SECONDS = 0.2
OVERRIDES = {
    "sitemap_discovery": {"service": "bench.fairness.slow"},
    "page_curation": {"service": "bench.fairness.noop"},
}


def slow(row):
    time.sleep(SLOW_SECONDS)


def noop(row):
    return None


def child_env() -> dict:
    from django.conf import settings

    env = dict(os.environ, SECRET_KEY=settings.SECRET_KEY, Q_WORKERS="2", LOG_LEVEL="WARNING")
    env["SCRAPERSKY_WORKFLOWS_JSON"] = json.dumps(OVERRIDES)
    env["PYTHONPATH"] = str(BASE)
    return env


def manage(*args: str) -> list[str]:
    return [sys.executable, str(BASE / "manage.py"), *args]


def start_cluster() -> subprocess.Popen:
    return subprocess.Popen(
        manage("qcluster"),
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def session_alive(sid: int) -> int:
    import psutil

    alive = 0
    for pid in psutil.pids():
        try:
            if os.getsid(pid) == sid and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive += 1
        except (psutil.Error, OSError):
            pass
    return alive


def wait(predicate, timeout: float, every: float = 0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    return predicate()


def db_now():
    from django.db.models.functions import Now

    from curation.models import Domain

    return Domain.objects.annotate(t=Now()).values_list("t", flat=True)[:1].get()


def page_latencies(n: int) -> list[float]:
    """Queue pages one at a time through the curation service; seconds from queued to started."""
    from curation.models import Domain, Page
    from curation.services import set_curation_status
    from scrapersky.status import Status
    from scrapersky.workflows import get_workflow

    pages = get_workflow("page_curation")
    started_at, queued_at = pages.names.col("started_at"), pages.names.col("queued_at")
    domain = Domain.objects.create(domain=f"pages-{time.monotonic_ns()}.example")
    out = []
    for i in range(n):
        page = Page.objects.create(domain=domain, url=f"https://{domain.domain}/p{i}")
        set_curation_status(
            workflow=pages.name,
            status=Status.QUEUED,
            ids=[page.pk],
            actor="bench",
            channel="command",
        )
        started = wait(
            lambda p=page.pk: (
                Page.objects.filter(pk=p, **{f"{started_at}__isnull": False})
                .values_list(started_at, queued_at)
                .first()
            ),
            timeout=600,
        )
        out.append((started[0] - started[1]).total_seconds())
        time.sleep(0.3)
    return out


def summary(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[max(0, round(0.95 * len(values)) - 1)]
    return (
        f"p50 {statistics.median(values) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {values[-1] * 1000:.0f} ms over {len(values)}"
    )


def discovery_workflow():
    """The backlog's workflow (once Django is set up)."""
    from scrapersky.workflows import get_workflow

    return get_workflow("sitemap_discovery")


def discovery(status: str) -> int:
    """Rows of sitemap_discovery with this processing status."""
    wf = discovery_workflow()
    return wf.model.objects.filter(**{wf.names.processing_field: status}).count()


def first_claim_after(since) -> float:
    """Seconds from starting a cluster to its first claimed row (any started after ``since``)."""
    from curation.models import Domain

    started_after = {f"{discovery_workflow().names.col('started_at')}__gt": since}
    started = time.monotonic()
    cluster = start_cluster()
    assert wait(
        lambda: Domain.objects.filter(**started_after).exists(),
        60,
    ), "no claim within 60 s"
    first_claim_after.cluster = cluster
    return time.monotonic() - started


def stop_seconds(cluster: subprocess.Popen, how: str) -> float:
    started = time.monotonic()
    if how == "group SIGTERM":
        os.killpg(cluster.pid, signal.SIGTERM)
    elif how == "main SIGTERM":
        cluster.send_signal(signal.SIGTERM)
    elif how == "main SIGKILL":
        cluster.send_signal(signal.SIGKILL)
    else:
        os.killpg(cluster.pid, signal.SIGKILL)
    assert wait(lambda: session_alive(cluster.pid) == 0, 600, every=0.05), "cluster still runs"
    cluster.wait()
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backlog", type=int, default=50_000)
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    scratch.setup_django(DB)
    from django.core.management import call_command

    from curation.models import Domain
    from curation.services import set_curation_status
    from scrapersky.status import Status

    wf = discovery_workflow()
    processing = {wf.names.processing_field: Status.PROCESSING}
    call_command("setup_schedules", verbosity=0)
    try:
        t = time.monotonic()
        subprocess.run(manage("check"), env=child_env(), check=True, capture_output=True)
        check_seconds = time.monotonic() - t

        cluster = start_cluster()
        idle = page_latencies(args.samples)
        print(f"page_curation queue-to-start, idle cluster (baseline): {summary(idle)}")

        Domain.objects.bulk_create(
            [Domain(domain=f"d{i}.example") for i in range(args.backlog)], batch_size=5000
        )
        set_curation_status(
            workflow=wf.name,
            status=Status.QUEUED,
            queryset=Domain.objects.filter(domain__regex=r"^d[0-9]+\.example$"),
            actor="bench",
            channel="command",
        )
        assert wait(lambda: discovery(Status.PROCESSING) > 0, 60)
        loaded = page_latencies(args.samples)
        queued = discovery(Status.QUEUED)
        print(
            f"page_curation queue-to-start behind a {args.backlog:,}-row sitemap_discovery "
            f"backlog: {summary(loaded)} ({queued:,} discovery rows still queued after)"
        )
        print(f"ratio p50 loaded/idle: {statistics.median(loaded) / statistics.median(idle):.2f}x")

        for how in ("group SIGTERM", "main SIGTERM", "main SIGKILL", "group SIGKILL"):
            stopped = stop_seconds(cluster, how)
            since = db_now()
            held = list(Domain.objects.filter(**processing).values_list("pk", flat=True))
            restart = first_claim_after(since)
            cluster = first_claim_after.cluster
            line = (
                f"after {how}: every cluster process gone in {stopped:.2f} s, "
                f"{len(held)} rows left Processing; restart to first claim {restart:.2f} s"
            )
            if held:
                t = time.monotonic()
                stale = Domain.objects.filter(
                    pk__in=held, **processing, **{f"{wf.names.col('started_at')}__lte": since}
                )
                assert wait(lambda q=stale: not q.exists(), 600, every=0.05)
                line += f"; their rescue {time.monotonic() - t + restart:.2f} s after the restart"
            print(line)
        print(f"baseline: manage.py check (Python + Django start) {check_seconds:.2f} s")
        stop_seconds(cluster, "group SIGTERM")
    finally:
        from django.db import connections

        connections.close_all()
        scratch.drop(DB)


if __name__ == "__main__":
    main()
