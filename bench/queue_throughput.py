"""Queue throughput: the engine vs a bare batch claim+complete SQL loop vs one task per row.

Run: .venv/bin/python bench/queue_throughput.py [--rows 100000] [--naive-rows 2000] [--repeat 3]
     [--throughput-only]
Uses a scratch database ``scrapersky_bench_queue`` on the project's server. Besides rows per
second it prints the CPU each side spent per row, in the two client processes and (when the
server runs on this machine) in PostgreSQL: on a shared machine the rates swing with the load,
the CPU per row much less.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrapersky.settings")
os.environ.setdefault("SCRAPERSKY_WORKFLOWS_JSON", "{}")
import django  # noqa: E402

django.setup()
from django.conf import settings  # noqa: E402
from django.db import connection, connections  # noqa: E402

from scrapersky.status import Status  # noqa: E402
from scrapersky.workflows import get_workflow  # noqa: E402

DB = "scrapersky_bench_queue"
WF = "sitemap_discovery"
BATCH = 200
W = get_workflow(WF)
QUEUED, COMPLETE = Status.QUEUED, Status.COMPLETE
OVERRIDES = {WF: {"service": "bench.queue_throughput.noop", "batch_size": BATCH, "concurrency": 2}}


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
        [sys.executable, str(BASE / "manage.py"), "migrate", "-v0", "--skip-checks"],
        env=child_env(),
        check=True,
    )
    code = "from ops.sqlfiles import apply_pending; apply_pending()"
    run_child(code)


def run_child(code: str, **extra) -> subprocess.Popen:
    setup = "import django; django.setup()\n"
    env = child_env(DJANGO_SETTINGS_MODULE="scrapersky.settings", **extra)
    return subprocess.run([sys.executable, "-c", setup + code], env=env, check=True)


def spawn(code: str, **popen) -> subprocess.Popen:
    setup = "import django; django.setup()\n"
    env = child_env(DJANGO_SETTINGS_MODULE="scrapersky.settings")
    return subprocess.Popen([sys.executable, "-c", setup + code], env=env, **popen)


def queue(n: int) -> None:
    code = f"""
from django.db import connection
with connection.cursor() as c:
    c.execute("TRUNCATE {W.table} RESTART IDENTITY CASCADE")
    c.execute(\"\"\"INSERT INTO {W.table} (domain, {W.names.curation_field}, {W.names.processing_field},
        {W.names.col("queued_at")}) SELECT 'b' || g || '.example', '{QUEUED}', '{QUEUED}', now()
        FROM generate_series(1, {n}) g\"\"\")
    c.execute("ANALYZE {W.table}")
"""
    run_child(code)


# Children import Django, then wait for "go" on stdin: the clock measures the queue, not startup.
# They print the CPU seconds they spent after "go".
READY = (
    "import sys, time\nprint('ready', flush=True)\nsys.stdin.readline()\n"
    "_cpu = time.process_time()\n"
)
DONE = "\nprint('cpu', time.process_time() - _cpu, flush=True)\n"

ENGINE = f"""
from processing.engine.runner import run_consumer
run_consumer({WF!r}, handle_signals=False)
"""

# The fair baseline: the engine's own claim statement and a whole batch completed in one
# statement fenced on its token, with no per-row work in Python at all.
BARE = f"""
import os
from django.db import connection
from processing.engine.claims import claim_sql
from processing.engine.queue_sql import names as queue_names
from scrapersky.workflows import get_workflow
names = queue_names(get_workflow({WF!r}))
claim = claim_sql(names, "id")
token = f"bare:{{os.getpid()}}"
while True:
    with connection.cursor() as c:
        c.execute(claim, [300.0, token, {BATCH}])
        ids = [r[0] for r in c.fetchall()]
        if not ids:
            break
        c.execute(\"\"\"UPDATE {W.table} SET {W.names.processing_field} = '{COMPLETE}',
            {W.names.curation_field} = '{COMPLETE}', {W.names.col("finished_at")} = now(),
            {W.names.col("lease_expires_at")} = NULL
            WHERE id = ANY(%s) AND {W.names.col("worker")} = %s\"\"\", [ids, token])
"""


@dataclass
class Run:
    rate: float  # rows per second
    client_us: float  # CPU microseconds per row in the two client processes
    server_us: float | None  # ... in PostgreSQL's processes (None: not on this machine)


def server_cpu() -> float | None:
    """CPU seconds used so far by the PostgreSQL server's processes, if it runs on this host."""
    with connections["bench"].cursor() as c:
        c.execute("SELECT pg_backend_pid()")
        backend = c.fetchone()[0]
    try:
        postmaster = int(_stat(backend)[1])
        total = sum(int(x) for x in _stat(postmaster)[11:15])  # its own and reaped children's
        for pid in os.listdir("/proc"):
            if pid.isdigit() and int(pid) != backend:
                with contextlib.suppress(OSError):
                    stat = _stat(int(pid))
                    if int(stat[1]) == postmaster:
                        total += int(stat[11]) + int(stat[12])
    except (OSError, ValueError):
        return None
    return total / os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def timed_pair(code: str, n: int) -> Run:
    """Rows per second (and CPU per row) of two processes running ``code`` over ``n`` rows."""
    queue(n)
    procs = [
        spawn(READY + code + DONE, stdin=subprocess.PIPE, stdout=subprocess.PIPE) for _ in range(2)
    ]
    for p in procs:
        assert p.stdout.readline().strip() == b"ready"
    server_before = server_cpu()
    start = time.monotonic()
    for p in procs:
        p.stdin.write(b"go\n")
        p.stdin.flush()
    client = 0.0
    for p in procs:
        words = p.stdout.read().split()
        client += float(words[words.index(b"cpu") + 1])
        assert p.wait() == 0
    elapsed = time.monotonic() - start
    time.sleep(0.2)  # the clients' backends exit (and are reaped) after they disconnect
    server_after = server_cpu()
    assert count(COMPLETE) == n, "not every row was completed"
    server = None
    if server_before is not None and server_after is not None:
        server = (server_after - server_before) / n * 1e6
    return Run(n / elapsed, client / n * 1e6, server)


def describe(runs: list[Run]) -> str:
    """The best rate, then every run's rate and CPU per row."""
    parts = []
    for r in runs:
        server = "" if r.server_us is None else f" + {r.server_us:.0f} server"
        parts.append(f"{r.rate:,.0f}/s, {r.client_us:.0f} us client{server}")
    return f"{max(r.rate for r in runs):,.0f} rows/s (" + "; ".join(parts) + " CPU per row)"


def count(status: str) -> int:
    with connections["bench"].cursor() as c:
        c.execute(f"SELECT count(*) FROM {W.table} WHERE {W.names.processing_field} = %s", [status])
        return c.fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--naive-rows", type=int, default=2000)
    parser.add_argument("--latency-samples", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--throughput-only", action="store_true", help="skip latency and naive")
    args = parser.parse_args()
    prepare()
    connections.settings["bench"] = {
        **connection.settings_dict,
        "NAME": DB,
    }
    # Alternate the two, best of --repeat each: the machine is shared, so one slow moment
    # should not decide the ratio.
    engine_runs, bare_runs = [], []
    for _ in range(args.repeat):
        engine_runs.append(timed_pair(ENGINE, args.rows))
        bare_runs.append(timed_pair(BARE, args.rows))
    engine = max(r.rate for r in engine_runs)
    bare = max(r.rate for r in bare_runs)
    print(f"engine (no-op service, 2 processes, {args.rows:,} rows): {describe(engine_runs)}")
    print(f"bare SQL claim+complete in batches of {BATCH} (2 processes): {describe(bare_runs)}")
    print(f"ratio engine/bare: {engine / bare:.2f}x (goal >= 0.5x)")

    def cpu(runs: list[Run]) -> float | None:
        if any(r.server_us is None for r in runs):
            return None
        return min(r.client_us + r.server_us for r in runs)

    engine_cpu, bare_cpu = cpu(engine_runs), cpu(bare_runs)
    if engine_cpu and bare_cpu:
        print(
            f"CPU per row, client + server (least of the runs): engine {engine_cpu:.0f} us, "
            f"bare {bare_cpu:.0f} us; ratio bare/engine {bare_cpu / engine_cpu:.2f}x"
        )
    if args.throughput_only:
        return

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
        code = f"""
import sys, time
from curation.services import set_curation_status
from django.db import connection
from scrapersky.status import Status
ids = list(range(1, {args.latency_samples} + 1))
with connection.cursor() as c:
    c.execute("UPDATE {W.table} SET {W.names.processing_field} = NULL, "
              "{W.names.curation_field} = %s", [Status.NEW])
out = []
for i in ids:
    time.sleep(0.6)
    t0 = time.monotonic()
    set_curation_status(workflow={WF!r}, status=Status.QUEUED, ids=[i], actor="bench",
                        channel="command")
    while True:
        with connection.cursor() as c:
            c.execute("SELECT {W.names.col("started_at")} IS NOT NULL FROM {W.table} WHERE id=%s",
                      [i])
            if c.fetchone()[0]:
                break
        time.sleep(0.005)
    out.append(time.monotonic() - t0)
print(" ".join(f"{{x:.4f}}" for x in out), file=sys.stderr)
"""
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
        code = f"""
from django_q.tasks import async_task
from django.db import connection
with connection.cursor() as c:
    c.execute("SELECT id FROM {W.table} ORDER BY id")
    ids = [r[0] for r in c.fetchall()]
for i in ids:
    async_task("bench.queue_throughput.naive_one", i)
"""
        start = time.monotonic()
        run_child(code)
        while count(COMPLETE) < args.naive_rows:
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
            f"UPDATE {W.table} SET {W.names.processing_field} = '{COMPLETE}', "
            f"{W.names.curation_field} = '{COMPLETE}' WHERE id = %s",
            [row_id],
        )


if __name__ == "__main__":
    main()
