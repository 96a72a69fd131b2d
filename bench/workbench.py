"""The curator's and the integrator's lists at a million rows: search, counts, lead status and
the queued-for-discovery filter, in the admin and the API.

    .venv/bin/python bench/workbench.py [--domains 1000000] [--contacts 1000000]
                                        [--pages 200000] [--repeat 3]

A scratch database ``scrapersky_bench_workbench`` (dropped and recreated: migrate + sql/;
dropped on exit). The tables are filled with ``INSERT ... SELECT generate_series`` (the
trigram indexes of sql/061 and sql/100 (page_search) dropped during the load and built again from their
files, as a restore would): domains named from 50 words (a word such as ``hartley`` is in 4 %
of them) with a company name, 10 % never queued, 3 % discovering, 1 % failed, the rest done,
queued over the last 60 days; two contacts per domain for the first half of the domains (60 %
e-mail, 30 % phone, 10 % social); pages on the first domains, 5 % of them queued for page
curation. VACUUM ANALYZE, then each request is timed through Django's test client (the admin
logged in as a superuser, the API with ``force_authenticate``): the median of ``--repeat``
after one warm-up, with the rows or the count it answered. The baseline in the same run is
the plain list of the same table (no search, no filter), the cheapest thing that page does.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import scratch

DB = "scrapersky_bench_workbench"
SQL = Path(scratch.BASE) / "sql"
TRIGRAM_FILES = (
    "061_search_trigram_indexes.sql",
    "096_page_search_trigram_indexes.sql",
    "100_page_search.sql",
)
WORDS = [
    "acme",
    "apex",
    "atlas",
    "beacon",
    "birch",
    "bright",
    "cedar",
    "city",
    "coast",
    "crown",
    "delta",
    "eagle",
    "elm",
    "summit",
    "forge",
    "global",
    "granite",
    "harbor",
    "hartley",
    "heritage",
    "highland",
    "iron",
    "lake",
    "liberty",
    "maple",
    "meadow",
    "metro",
    "north",
    "oak",
    "pacific",
    "park",
    "peak",
    "pine",
    "pioneer",
    "prime",
    "river",
    "rock",
    "royal",
    "silver",
    "sterling",
    "stone",
    "sun",
    "united",
    "valley",
    "vista",
    "west",
    "willow",
    "bakery",
    "plumbing",
]


def trigram_statements(cursor) -> list[tuple[str, str]]:
    """(index name, CREATE INDEX statement) of the search's trigram indexes that the schema
    still has (a later file may drop one: sql/100 dropped sql/096's)."""
    cursor.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
    existing = {name for (name,) in cursor.fetchall()}
    found = []
    for name in TRIGRAM_FILES:
        for statement in (SQL / name).read_text().split(";"):
            match = re.search(r"CREATE INDEX (\w+)", statement)
            if match and "gin_trgm_ops" in statement and match.group(1) in existing:
                found.append((match.group(1), statement.strip()))
    return found


def load(cursor, domains: int, contacts: int, pages: int) -> None:
    words = "ARRAY[" + ",".join(f"'{w}'" for w in WORDS) + "]"
    n = len(WORDS)
    cursor.execute(
        f"""
        INSERT INTO domains (id, domain, company_name, source, created_at,
            sitemap_discovery_curation_status, sitemap_discovery_processing_status,
            sitemap_discovery_queued_at, sitemap_discovery_processing_error)
        SELECT g,
            ({words})[g %% {n} + 1] || '-' || ({words})[(g / {n}) %% {n} + 1] || g || '.example',
            initcap(({words})[g %% {n} + 1]) || ' ' || initcap(({words})[(g / {n}) %% {n} + 1])
                || ' Ltd',
            (ARRAY['csv', 'api', 'manual'])[g %% 3 + 1],
            now() - (g %% 730) * interval '1 day',
            (CASE WHEN g %% 100 < 10 THEN 'New' WHEN g %% 100 < 13 THEN 'Queued'
                  WHEN g %% 100 = 13 THEN 'Error' ELSE 'Complete' END
            )::sitemapdiscoverycurationstatus,
            (CASE WHEN g %% 100 < 10 THEN NULL WHEN g %% 100 < 13 THEN 'Queued'
                  WHEN g %% 100 = 13 THEN 'Error' ELSE 'Complete' END
            )::sitemapdiscoveryprocessingstatus,
            CASE WHEN g %% 100 >= 10 THEN now() - (g %% 60) * interval '1 day' - interval '1 minute'
            END,
            CASE WHEN g %% 100 = 13 THEN 'no sitemap found' END
        FROM generate_series(1, %s) g
        """,
        [domains],
    )
    half = max(1, min(domains, contacts // 2))
    cursor.execute(
        f"""
        INSERT INTO contacts (domain_id, kind, value, display, classification, verdict)
        SELECT d.id,
            CASE WHEN g %% 10 < 6 THEN 'email' WHEN g %% 10 < 9 THEN 'phone' ELSE 'social' END,
            CASE WHEN g %% 10 < 6 THEN (ARRAY['info', 'sales'])[(g - 1) / {half} %% 2 + 1]
                                       || g || '@' || d.domain
                 WHEN g %% 10 < 9 THEN '+1541' || lpad((g %% 10000000)::text, 7, '0')
                 ELSE 'https://facebook.com/' || replace(d.domain, '.example', '') || g END,
            CASE WHEN g %% 10 BETWEEN 6 AND 8
                 THEN '(541) ' || lpad((g %% 10000000)::text, 7, '0') ELSE '' END,
            'company',
            CASE WHEN g %% 10 < 6 AND g %% 2 = 0 THEN 'valid' END
        FROM generate_series(1, %s) g
        JOIN domains d ON d.id = (g - 1) %% {half} + 1
        """,
        [contacts],
    )
    cursor.execute(
        """
        INSERT INTO pages (domain_id, url, page_type, page_curation_curation_status,
                           page_curation_processing_status, page_curation_queued_at)
        SELECT (g - 1) / 2 + 1, 'https://' || d.domain || '/p' || g, 'other',
            (CASE WHEN g %% 20 = 0 THEN 'Queued' ELSE 'Complete' END)::pagecurationcurationstatus,
            (CASE WHEN g %% 20 = 0 THEN 'Queued' ELSE 'Complete' END
            )::pagecurationprocessingstatus,
            now()
        FROM generate_series(1, %s) g
        JOIN domains d ON d.id = (g - 1) / 2 + 1
        """,
        [pages],
    )
    for table in ("domains", "contacts", "pages"):
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 1) FROM {table}))"
        )


SLOWEST: list[str] = []  # the slowest query of the last request, for --explain


def median_ms(get, repeat: int):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = get()  # warm-up
    slowest = max(queries.captured_queries, key=lambda q: float(q["time"]), default=None)
    SLOWEST[:] = [f"{float(slowest['time']) * 1000:.0f} ms: {slowest['sql']}"] if slowest else []
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = get()
        times.append(time.perf_counter() - started)
    assert response.status_code == 200, (response.status_code, response.content[:300])
    return statistics.median(times) * 1000, response


def _time_query(run, repeat: int) -> float:
    run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _list_and_count(queryset):
    """What an API list does: the capped count (10,001 rows at most) and a first page of 50."""

    def run():
        queryset.order_by()[:10_001].count()
        list(queryset.order_by("-id").values_list("pk", flat=True)[:50])

    return run


def same_run_baselines(repeat: int) -> None:
    """The fixes beside what they replaced, on the same tables in the same run."""
    from datetime import timedelta

    from django.db import connection
    from django.utils import timezone

    from curation.lead_status import LEAD_STATUSES, lead_status_expression, lead_status_q
    from curation.models import Domain

    print("lead status filter: capped count + first page of 50 (median ms)")
    print(f"  {'status':16} {'CASE filter':>12} {'lead_status_q':>14}")
    for status in LEAD_STATUSES:
        old = Domain.objects.alias(lead_status=lead_status_expression()).filter(lead_status=status)
        new = Domain.objects.filter(lead_status_q(status))
        before = _time_query(_list_and_count(old), repeat)
        after = _time_query(_list_and_count(new), repeat)
        print(f"  {status:16} {before:12.0f} {after:14.0f}")
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    print("queued for discovery: capped count + first page of 50 (median ms)")
    print(f"  {'since':16} {'without 097':>12} {'with 097':>14}")
    index = "domains_discovery_queued_idx"
    for label, days in (("today", 0), ("7 days", 7), ("30 days", 30)):
        queryset = Domain.objects.filter(
            sitemap_discovery_queued_at__gte=today - timedelta(days=days)
        )
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX {index}")
            before = _time_query(_list_and_count(queryset), repeat)
            cursor.execute(f"CREATE INDEX {index} ON domains (sitemap_discovery_queued_at)")
            cursor.execute("ANALYZE domains")
        after = _time_query(_list_and_count(queryset), repeat)
        print(f"  {label:16} {before:12.0f} {after:14.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--domains", type=int, default=1_000_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--pages", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--slowest", action="store_true", help="print each request's slowest SQL (warm-up run)"
    )
    args = parser.parse_args()
    scratch.setup_django(DB)
    try:
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        scratch.drop(DB)


def run(args) -> None:
    from django.db import connection
    from rest_framework.test import APIClient

    started = time.perf_counter()
    with connection.cursor() as cursor:
        statements = trigram_statements(cursor)
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for name, _ in statements:
            cursor.execute(f"DROP INDEX {name}")
        load(cursor, args.domains, args.contacts, args.pages)
        for _, statement in statements:
            cursor.execute(statement)
        for table in ("domains", "contacts", "pages"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(
        f"loaded {args.domains:,} domains, {args.contacts:,} contacts, {args.pages:,} pages "
        f"in {time.perf_counter() - started:.0f} s"
    )
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client records each response's context
    client = scratch.superuser_client()
    from django.contrib.auth import get_user_model

    api = APIClient()
    api.force_authenticate(get_user_model().objects.get(username="bench"))
    rare = f"{WORDS[123_456 % len(WORDS)]}-{WORDS[(123_456 // len(WORDS)) % len(WORDS)]}123456"

    def admin(url: str):
        ms, response = median_ms(lambda: client.get(url), args.repeat)
        cl = response.context["cl"]
        return ms, f"{len(cl.result_list)} rows shown"

    def api_list(url: str):
        ms, response = median_ms(lambda: api.get(url), args.repeat)
        body = response.json()
        kind = "estimate" if body["count_is_estimate"] else "exact"
        return ms, f"count {body['count']:,} ({kind})"

    checks = [
        ("admin", "/admin/curation/domain/", admin),
        ("admin", "/admin/curation/domain/?q=hartley", admin),
        ("admin", f"/admin/curation/domain/?q={rare}", admin),
        ("admin", "/admin/curation/domain/?lead_status=done", admin),
        ("admin", "/admin/curation/domain/?lead_status=failed", admin),
        ("admin", "/admin/curation/domain/?lead_status=curating_pages", admin),
        ("admin", "/admin/curation/domain/?queued=today", admin),
        ("admin", "/admin/curation/domain/?queued=7d", admin),
        ("admin", "/admin/curation/contact/", admin),
        ("admin", "/admin/curation/contact/?q=hartley", admin),
        ("admin", f"/admin/curation/contact/?q={rare}", admin),
        ("admin", "/admin/curation/contact/?q=0012346", admin),
        ("api", "/api/v3/domains/", api_list),
        ("api", "/api/v3/domains/?search=hartley", api_list),
        ("api", f"/api/v3/domains/?search={rare}", api_list),
        ("api", "/api/v3/domains/?lead_status=done", api_list),
        ("api", "/api/v3/domains/?lead_status=failed", api_list),
        ("api", "/api/v3/domains/?lead_status=curating_pages", api_list),
        ("api", "/api/v3/contacts/", api_list),
        ("api", "/api/v3/contacts/?search=hartley", api_list),
        ("api", f"/api/v3/contacts/?search={rare}", api_list),
        ("api", "/api/v3/contacts/?verdict=valid", api_list),
    ]
    same_run_baselines(args.repeat)
    print(f"{'':5} {'request':58} {'median ms':>10}  answer")
    for where, url, measure in checks:
        ms, answer = measure(url)
        print(f"{where:5} {url:58} {ms:10.0f}  {answer}")
        if args.slowest and SLOWEST:
            print(f"        slowest query {SLOWEST[0][:400]}")


if __name__ == "__main__":
    main()
