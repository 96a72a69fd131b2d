"""Queue throughput: the engine vs a bare SQL claim loop vs one django-q2 task per row; latency.

Run: .venv/bin/python bench/queue_throughput.py [--rows 100000] [--naive-rows 2000]
Uses a scratch database ``scrapersky_bench_queue`` on the project's server.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrapersky.settings")
os.environ.setdefault("SCRAPERSKY_WORKFLOWS_JSON", "{}")
import django  # noqa: E402

django.setup()
from django.conf import settings  # noqa: E402
from django.db import connection, connections  # noqa: E402

DB = "scrapersky_bench_queue"
WF = "sitemap_discovery"
OVERRIDES = {WF: {"service": "bench.queue_throughput.noop", "batch_size": 200, "concurrency": 2}}


def noop(row):
    return None


def db_url() -> str:
    d = connection.settings_dict
    auth = d["USER"] + (f":{d['PASSWORD']}" if d["PASSWORD"] else "")
    return f"postgresql://{auth}@{d['HOST']}:{d['PORT']}/{DB}"


def child_env(**extra) -> dict:
    env = dict(os.environ, DATABASE_URL=db_url(), SECRET_KEY=settings.SECRET_KEY)
    env["SCRAPERSKY_WORKFLOWS_JSON"] = json.dumps(OVERRIDES)
    env["PYTHONPATH"] = str(BASE)
    env.update(extra)
    return env


def prepare() -> None:
    with connection.cursor() as c:
        c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB])
        if not c.fetchone():
            c.execute(f'CREATE DATABASE "{DB}"')
    subprocess.run(
        [sys.executable, str(BASE / "manage.py"), "migrate", "-v0"], env=child_env(), check=True
    )
    code = "from curation.sqlfiles import apply_pending; apply_pending()"
    run_child(code)


def run_child(code: str, **extra) -> subprocess.Popen:
    setup = "import django; django.setup()\n"
    env = child_env(DJANGO_SETTINGS_MODULE="scrapersky.settings", **extra)
    return subprocess.run([sys.executable, "-c", setup + code], env=env, check=True)


def spawn(code: str, **extra) -> subprocess.Popen:
    setup = "import django; django.setup()\n"
    env = child_env(DJANGO_SETTINGS_MODULE="scrapersky.settings", **extra)
    return subprocess.Popen([sys.executable, "-c", setup + code], env=env)


def queue(n: int) -> None:
    code = f"""
from django.db import connection
with connection.cursor() as c:
    c.execute("TRUNCATE domains RESTART IDENTITY CASCADE")
    c.execute(\"\"\"INSERT INTO domains (domain, {WF}_curation_status, {WF}_processing_status,
        {WF}_queued_at) SELECT 'b' || g || '.example', 'Queued', 'Queued', now()
        FROM generate_series(1, {n}) g\"\"\")
    c.execute("ANALYZE domains")
"""
    run_child(code)


ENGINE = f"""
from processing.engine.runner import run_consumer
run_consumer({WF!r}, handle_signals=False)
"""

BARE = f"""
from django.db import connection
while True:
    with connection.cursor() as c:
        c.execute(\"\"\"UPDATE domains SET {WF}_processing_status = 'Processing'
            WHERE id IN (SELECT id FROM domains WHERE {WF}_processing_status = 'Queued'
            ORDER BY {WF}_queued_at, id LIMIT 200 FOR UPDATE SKIP LOCKED) RETURNING id\"\"\")
        ids = [r[0] for r in c.fetchall()]
        if not ids:
            break
        for i in ids:
            c.execute(\"\"\"UPDATE domains SET {WF}_processing_status = 'Complete',
                {WF}_curation_status = 'Complete', {WF}_finished_at = now() WHERE id = %s\"\"\", [i])
"""


def timed_pair(code: str, n: int) -> float:
    queue(n)
    start = time.monotonic()
    procs = [spawn(code) for _ in range(2)]
    for p in procs:
        assert p.wait() == 0
    return n / (time.monotonic() - start)


def count(status: str) -> int:
    with connections["bench"].cursor() as c:
        c.execute(f"SELECT count(*) FROM domains WHERE {WF}_processing_status = %s", [status])
        return c.fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--naive-rows", type=int, default=2000)
    parser.add_argument("--latency-samples", type=int, default=20)
    args = parser.parse_args()
    prepare()
    connections.settings["bench"] = {
        **connection.settings_dict,
        "NAME": DB,
    }
    engine = timed_pair(ENGINE, args.rows)
    print(f"engine (no-op service, 2 processes): {engine:,.0f} rows/s over {args.rows:,} rows")
    bare = timed_pair(BARE, args.rows)
    print(f"bare SQL claim+complete (2 processes): {bare:,.0f} rows/s")
    print(f"ratio bare/engine: {bare / engine:.2f}x (goal <= 2x)")

    # Latency first, on an idle cluster: the curation service queues a row; time until the
    # row is Processing. (Measured before the naive run: 2,000 one-row tasks leave django-q2's
    # monitor saving results for minutes, and workers wait on its result queue meanwhile.)
    cluster = subprocess.Popen(
        [sys.executable, str(BASE / "manage.py"), "qcluster"],
        env=child_env(Q_WORKERS="2"),
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        queue(args.latency_samples)
        lat = []
        code = """
import sys, time
from curation.services import set_curation_status
from django.db import connection
ids = list(range(1, SAMPLES + 1))
with connection.cursor() as c:
    c.execute("UPDATE domains SET sitemap_discovery_processing_status = NULL, "
              "sitemap_discovery_curation_status = 'New'")
out = []
for i in ids:
    time.sleep(0.6)
    t0 = time.monotonic()
    set_curation_status(workflow="sitemap_discovery", status="Queued", ids=[i], actor="bench",
                        channel="command")
    while True:
        with connection.cursor() as c:
            c.execute("SELECT sitemap_discovery_started_at IS NOT NULL FROM domains WHERE id=%s",
                      [i])
            if c.fetchone()[0]:
                break
        time.sleep(0.005)
    out.append(time.monotonic() - t0)
print(" ".join(f"{x:.4f}" for x in out), file=sys.stderr)
""".replace("SAMPLES", str(args.latency_samples))
        env = child_env(DJANGO_SETTINGS_MODULE="scrapersky.settings")
        res = subprocess.run(
            [sys.executable, "-c", "import django; django.setup()\n" + code],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        )
        lat = [float(x) for x in res.stderr.strip().splitlines()[-1].split()]
        q = statistics.quantiles(lat, n=20)
        print(
            f"queue-to-start latency: p50 {statistics.median(lat) * 1000:.0f} ms, "
            f"p95 {q[18] * 1000:.0f} ms over {len(lat)} calls (goal < 1 s)"
        )
        # Naive reference: one django-q2 task per row, same cluster with 2 workers.
        queue(args.naive_rows)
        code = """
from django_q.tasks import async_task
from django.db import connection
with connection.cursor() as c:
    c.execute("SELECT id FROM domains ORDER BY id")
    ids = [r[0] for r in c.fetchall()]
for i in ids:
    async_task("bench.queue_throughput.naive_one", i)
"""
        start = time.monotonic()
        run_child(code)
        while count("Complete") < args.naive_rows:
            time.sleep(0.2)
        naive = args.naive_rows / (time.monotonic() - start)
        print(f"naive one-task-per-row (2 workers): {naive:,.0f} rows/s over {args.naive_rows:,}")

    finally:
        os.killpg(cluster.pid, 9)
        cluster.wait()


def naive_one(row_id: int) -> None:
    """One row per django-q2 task: claim it, run the no-op, complete it."""
    with connection.cursor() as c:
        c.execute(
            f"UPDATE domains SET {WF}_processing_status = 'Complete', "
            f"{WF}_curation_status = 'Complete' WHERE id = %s",
            [row_id],
        )


if __name__ == "__main__":
    main()
