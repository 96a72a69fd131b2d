"""Benchmark of the operator dashboard on big tables: index-only figures vs the naive statistics.

    .venv/bin/python bench/dashboard.py [--sizes 1000000,3000000] [--repeat 5]

Builds a scratch database ``scrapersky_bench_dash`` on the project's PostgreSQL server (dropped
and recreated on every run: migrate + sql/), grows the pages table to each size with one
``INSERT ... SELECT generate_series`` and a realistic mix for page_curation (70% never queued,
1% skipped, 20% Complete, 4% Error with a handful of message shapes, 4% Queued, 1% Processing of
which a fifth past its lease; finished over 30 days, some in the last hour), VACUUM ANALYZEs it,
and times, median of ``--repeat`` after one warm-up:

- ``dashboard JSON``: GET /admin/dashboard.json through the test client (full middleware stack,
  superuser), cache disabled: every workflow's figures plus the worker heartbeats (on a table
  above 200,000 rows the bulk statuses are estimates; Queued, Processing, Error exact);
- ``dashboard JSON, exact counts``: the same with ``SCRAPERSKY_DASHBOARD_EXACT_ROWS`` above the
  table size, i.e. every status counted exactly with a ``GROUP BY`` (no estimates);
- ``dashboard JSON (cached)``: the default, with the few-second cache warm;
- ``baseline all_stats()``: ``insights.stats.all_stats()``, the workflow_stats command's
  aggregate over whole tables (counts by status and filtered aggregates: full scans);
- ``baseline GROUP BY``: ``SELECT status, count(*) FROM pages GROUP BY status`` for both
  statuses of page_curation, which is what a dashboard without the indexes' help would run.

It also prints the plan of each dashboard query on pages, to show the index it reads.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import scratch

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DB = "scrapersky_bench_dash"
URL = "/admin/dashboard.json"


def setup_django() -> None:
    scratch.setup_django(BENCH_DB)


# g % 100 decides the row's state: 0-69 never queued, 70 skipped, 71-90 Complete, 91-94 Error,
# 95-98 Queued, 99 Processing (every fifth of those past its lease).
STATE_SQL = """
INSERT INTO pages (id, domain_id, url, page_type, created_at,
    page_curation_curation_status, page_curation_processing_status,
    page_curation_processing_error, page_curation_queued_at, page_curation_finished_at,
    page_curation_started_at, page_curation_lease_expires_at, page_curation_worker)
SELECT g, (g + 99) / 100, 'https://bench' || ((g + 99) / 100) || '.example/p' || g, 'other',
    now() - (g %% 730) * interval '1 day',
    (CASE WHEN g %% 100 < 70 THEN 'New' WHEN g %% 100 = 70 THEN 'Skipped'
          WHEN g %% 100 <= 90 THEN 'Complete' WHEN g %% 100 <= 94 THEN 'Error'
          WHEN g %% 100 <= 98 THEN 'Queued' ELSE 'Processing' END)::pagecurationcurationstatus,
    (CASE WHEN g %% 100 <= 70 THEN NULL
          WHEN g %% 100 <= 90 THEN 'Complete' WHEN g %% 100 <= 94 THEN 'Error'
          WHEN g %% 100 <= 98 THEN 'Queued' ELSE 'Processing' END)::pagecurationprocessingstatus,
    CASE WHEN g %% 100 BETWEEN 91 AND 94 THEN (ARRAY[
        'fetch failed: HTTP 503 Service Unavailable from https://bench' || g || '.example/',
        'fetch failed: timed out after 30s connecting to bench' || g || '.example',
        'fetch failed: HTTP 404 Not Found from https://bench' || g || '.example/p' || g,
        'blocked: bench' || g || '.example resolves to a private address'
    ])[1 + (g / 100) %% 4] END,
    CASE WHEN g %% 100 >= 71 THEN now() - (g %% 43200) * interval '1 minute' END,
    CASE WHEN g %% 100 BETWEEN 71 AND 94
         THEN now() - (g %% 43200) * interval '1 minute' + interval '30 seconds' END,
    CASE WHEN g %% 100 >= 71 THEN now() - (g %% 43200) * interval '1 minute' END,
    CASE WHEN g %% 100 = 99
         THEN now() + (CASE WHEN g %% 500 = 99 THEN -1 ELSE 4 END) * interval '1 minute' END,
    CASE WHEN g %% 100 >= 71 THEN 'bench:1' END
FROM generate_series(%s, %s) g
"""


def grow_pages(target: int) -> None:
    """Insert pages until the table holds ``target`` rows (100 pages per domain)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM pages")
        start = cursor.fetchone()[0] + 1
        if start > target:
            return
        cursor.execute(
            "INSERT INTO domains (id, domain) SELECT g, 'bench' || g || '.example' "
            "FROM generate_series(%s, %s) g ON CONFLICT DO NOTHING",
            [(start + 99) // 100, (target + 99) // 100],
        )
        cursor.execute(STATE_SQL, [start, target])
        for table in ("domains", "pages"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        cursor.execute("VACUUM ANALYZE pages")
        cursor.execute("VACUUM ANALYZE domains")


def median_ms(function, repeat: int) -> float:
    function()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def plans() -> list[str]:
    """The scan each dashboard query on pages uses (captured, then EXPLAINed)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from insights import dashboard
    from scrapersky.workflows import get_workflow

    with CaptureQueriesContext(connection) as queries:
        dashboard.workflow_figures(get_workflow("page_curation"), now=timezone.now())
    lines = []
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            if query["sql"].startswith("EXPLAIN") or "pg_class" in query["sql"]:
                continue
            cursor.execute("EXPLAIN " + query["sql"])
            scans = [
                row[0].strip().lstrip("-> ").split("  ")[0]
                for row in cursor.fetchall()
                if " Scan " in row[0] or row[0].strip().startswith(("Seq", "Index", "Bitmap"))
            ]
            lines.append(f"  {query['sql'][:70]:72} {'; '.join(scans)}")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,3000000", help="comma-separated page counts")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    setup_django()

    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection

    from insights import dashboard
    from insights.stats import all_stats

    client = scratch.superuser_client()

    def uncached():
        settings.SCRAPERSKY_DASHBOARD_CACHE_SECONDS = 0
        response = client.get(URL)
        assert response.status_code == 200, response.status_code

    def exact():
        settings.SCRAPERSKY_DASHBOARD_CACHE_SECONDS = 0
        settings.SCRAPERSKY_DASHBOARD_EXACT_ROWS = 10**12
        try:
            assert client.get(URL).status_code == 200
        finally:
            del settings.SCRAPERSKY_DASHBOARD_EXACT_ROWS

    def cached():
        settings.SCRAPERSKY_DASHBOARD_CACHE_SECONDS = 5
        assert client.get(URL).status_code == 200

    def group_by():
        with connection.cursor() as cursor:
            for column in ("page_curation_processing_status", "page_curation_curation_status"):
                cursor.execute(f"SELECT {column}, count(id) FROM pages GROUP BY 1")
                cursor.fetchall()

    measures = {
        "dashboard JSON": uncached,
        "dashboard JSON, exact counts": exact,
        "dashboard JSON (cached)": cached,
        "baseline all_stats()": lambda: all_stats(),
        "baseline GROUP BY": group_by,
    }
    results: dict[tuple[int, str], float] = {}
    for size in sizes:
        started = time.perf_counter()
        grow_pages(size)
        print(f"{size:,} pages ready in {time.perf_counter() - started:.1f}s")
        cache.delete(dashboard.CACHE_KEY)
        for name, function in measures.items():
            results[size, name] = median_ms(function, args.repeat)
            print(f"  {name}: {results[size, name]:,.1f} ms")
        print("  plans of the dashboard's page_curation queries:")
        print("\n".join(plans()))

    print(f"\nmedian of {args.repeat} (ms), after one warm-up")
    print(f"{'':28}" + "".join(f"{f'{size:,} pages':>18}" for size in sizes))
    for name in measures:
        print(f"{name:28}" + "".join(f"{results[size, name]:>18,.1f}" for size in sizes))


if __name__ == "__main__":
    main()
