"""Benchmark of the admin's page list on big tables: the capped paginator vs Django's default.

    .venv/bin/python bench/admin_changelist.py [--sizes 10000,1000000] [--repeat 5]

Builds a scratch database ``scrapersky_bench_admin`` on the project's PostgreSQL server (dropped
and recreated on every run: migrate + sql/), grows the pages table to each size with one
``INSERT ... SELECT generate_series`` (90% New, the rest Complete/Error/Skipped, created over
two years), VACUUM ANALYZEs it, and times GET of the filtered changelist

    /admin/curation/page/?page_curation_curation_status__exact=New

through the Django test client (full middleware stack, logged-in superuser), median of
``--repeat`` renders after one warm-up (total, and the part spent in SQL, which is what grows
with the table; the rest is template rendering of 100 rows), for each admin configuration:

- ``capped``: the project's admin (CappedPaginator, no full result count);
- ``django default``: ``Paginator`` (exact ``COUNT(*)`` of the matching rows) and
  ``show_full_result_count = True`` (a second ``COUNT(*)`` of the whole table), which is what a
  stock ModelAdmin does.

Kept apart from bench/curation_update.py because it needs several table sizes in one report
and its own database.
"""

from __future__ import annotations

import argparse
import statistics
import time
from contextlib import contextmanager
from pathlib import Path

import scratch

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DB = "scrapersky_bench_admin"
URL = "/admin/curation/page/?page_curation_curation_status__exact=New"


def setup_django() -> None:
    scratch.setup_django(BENCH_DB)


def grow_pages(target: int) -> None:
    """Insert pages until the table holds ``target`` rows (100 pages per domain)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM pages")
        start = cursor.fetchone()[0] + 1
        if start > target:
            return
        first_domain, last_domain = (start + 99) // 100, (target + 99) // 100
        cursor.execute(
            "INSERT INTO domains (id, domain) SELECT g, 'bench' || g || '.example' "
            "FROM generate_series(%s, %s) g ON CONFLICT DO NOTHING",
            [first_domain, last_domain],
        )
        # Page g belongs to domain (g + 99) / 100; 90% New, the rest Complete, Error, Skipped.
        cursor.execute(
            "INSERT INTO pages (id, domain_id, url, page_type, created_at,"
            " page_curation_curation_status, page_curation_processing_status)"
            " SELECT g, (g + 99) / 100, 'https://bench' || ((g + 99) / 100) || '.example/p' || g,"
            "  'other', now() - (g %% 730) * interval '1 day',"
            "  (CASE WHEN g %% 10 < 9 THEN 'New' WHEN g %% 20 = 9 THEN 'Complete'"
            "   WHEN g %% 40 = 19 THEN 'Error' ELSE 'Skipped' END)::pagecurationcurationstatus,"
            "  (CASE WHEN g %% 20 = 9 THEN 'Complete' WHEN g %% 40 = 19 THEN 'Error' END)"
            "   ::pagecurationprocessingstatus"
            " FROM generate_series(%s, %s) g",
            [start, target],
        )
        for table in ("domains", "pages"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        cursor.execute("VACUUM ANALYZE pages")
        cursor.execute("VACUUM ANALYZE domains")


@contextmanager
def django_default_admin():
    """The page admin as a stock ModelAdmin counts: exact COUNT(*)s."""
    from django.contrib import admin
    from django.core.paginator import Paginator

    from curation.models import Page

    page_admin = admin.site._registry[Page]
    saved = page_admin.paginator, page_admin.show_full_result_count
    page_admin.paginator = Paginator
    page_admin.get_paginator = lambda request, qs, per_page, orphans=0, allow_empty=True: Paginator(
        qs, per_page, orphans, allow_empty
    )
    page_admin.show_full_result_count = True
    try:
        yield
    finally:
        del page_admin.get_paginator
        page_admin.paginator, page_admin.show_full_result_count = saved


@contextmanager
def project_admin():
    yield


CONFIGS = {"capped": project_admin, "django default": django_default_admin}


def time_renders(client, repeat: int) -> tuple[float, float, int]:
    """Median wall time of a render, median time spent in SQL, and the number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(URL)  # warm-up: templates, connection, caches
    if response.status_code != 200:
        raise SystemExit(f"{URL} returned {response.status_code}")
    seconds, sql_seconds = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(URL)
            seconds.append(time.perf_counter() - start)
        assert response.status_code == 200
        sql_seconds.append(sum(float(q["time"]) for q in queries.captured_queries))
    return statistics.median(seconds), statistics.median(sql_seconds), len(queries)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,1000000", help="comma-separated page counts")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    setup_django()

    client = scratch.superuser_client()

    results: dict[tuple[int, str], tuple[float, float, int]] = {}
    for size in sizes:
        started = time.perf_counter()
        grow_pages(size)
        print(f"{size:,} pages ready in {time.perf_counter() - started:.1f}s")
        for name, config in CONFIGS.items():
            with config():
                results[size, name] = time_renders(client, args.repeat)
            wall, sql, queries = results[size, name]
            print(f"  {name}: {wall * 1000:.0f} ms, of which SQL {sql * 1000:.0f} ms ({queries} q)")

    print(f"\nGET {URL}")
    print(f"median of {args.repeat} renders: total ms / of which SQL ms")
    header = "".join(f"{f'{size:,} pages':>22}" for size in sizes)
    print(f"{'admin':16}{header}")
    for name in CONFIGS:
        cells = "".join(
            f"{f'{results[size, name][0] * 1000:,.0f} / {results[size, name][1] * 1000:,.0f}':>22}"
            for size in sizes
        )
        print(f"{name:16}{cells}")


if __name__ == "__main__":
    main()
