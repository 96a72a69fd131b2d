"""Benchmark of the curation write path: the service, the API and bare SQL on the same rows.

    .venv/bin/python bench/curation_update.py [--rows 100000]

Builds a scratch database ``scrapersky_bench`` on the project's PostgreSQL server (dropped and
recreated on every run: migrate + sql/), inserts N pages with one ``generate_series`` INSERT,
then times, for the same N rows, resetting them to New (and VACUUM ANALYZE) before each section:

- ``service``: ``set_curation_status(queryset=Page.objects.all(), status="Queued")``;
- ``api``: ``PUT /api/v3/pages/status`` with 10,000 ids per request (DRF test client, full
  middleware stack, token-less forced authentication);
- ``sql``: a bare ``UPDATE pages SET ... WHERE id = ANY(%s)`` of the same columns.

Each section is a function ``(ctx) -> Timing`` listed in SECTIONS; add one there to extend the
report (e.g. admin changelist renders).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import scratch

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DB = "scrapersky_bench"
API_CHUNK = 10_000


@dataclass
class Timing:
    label: str
    seconds: float
    rows: int
    note: str = ""


@dataclass
class Context:
    rows: int
    ids: list[int] = field(default_factory=list)
    results: list[Timing] = field(default_factory=list)


def setup_django() -> None:
    # No broker traffic inside the timings.
    scratch.setup_django(BENCH_DB, SCRAPERSKY_KICK_ON_QUEUE="false")


def insert_pages(ctx: Context) -> None:
    from django.db import connection

    domains = max(1, ctx.rows // 100)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO domains (domain) "
            "SELECT 'bench' || g || '.example' FROM generate_series(1, %s) g",
            [domains],
        )
        cursor.execute(
            "INSERT INTO pages (domain_id, url, page_type) "
            "SELECT d.id, 'https://' || d.domain || '/p' || g, 'other' "
            "FROM generate_series(1, %s) g JOIN domains d ON d.id = 1 + (g %% %s)",
            [ctx.rows, domains],
        )
        cursor.execute("SELECT id FROM pages ORDER BY id")
        ctx.ids = [row[0] for row in cursor.fetchall()]
        cursor.execute("VACUUM ANALYZE pages")


def reset_pages() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pages SET page_curation_curation_status = 'New', "
            "page_curation_processing_status = NULL, page_curation_queued_at = NULL"
        )
        cursor.execute("TRUNCATE status_changes")
        cursor.execute("VACUUM ANALYZE pages")


def check_all_queued(ctx: Context) -> None:
    from curation.models import Page

    queued = Page.objects.filter(
        page_curation_curation_status="Queued", page_curation_processing_status="Queued"
    ).count()
    if queued != ctx.rows:
        raise SystemExit(f"expected {ctx.rows} queued pages, found {queued}")


def bench_service(ctx: Context) -> Timing:
    from curation.models import Page
    from curation.services import set_curation_status

    start = time.perf_counter()
    result = set_curation_status(
        workflow="page_curation",
        status="Queued",
        queryset=Page.objects.all(),
        actor="bench",
        channel="command",
    )
    seconds = time.perf_counter() - start
    assert result.queued_count == ctx.rows
    return Timing("service (queryset, 1 call)", seconds, ctx.rows)


def bench_api(ctx: Context) -> Timing:
    from django.contrib.auth import get_user_model
    from rest_framework.test import APIClient

    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_superuser": True, "is_staff": True}
    )
    client = APIClient()
    client.force_authenticate(user)
    requests = 0
    start = time.perf_counter()
    for offset in range(0, len(ctx.ids), API_CHUNK):
        chunk = ctx.ids[offset : offset + API_CHUNK]
        response = client.put(
            "/api/v3/pages/status", {"ids": chunk, "status": "Queued"}, format="json"
        )
        if response.status_code != 200:
            raise SystemExit(f"API returned {response.status_code}: {response.content[:300]!r}")
        requests += 1
    seconds = time.perf_counter() - start
    return Timing("api (10k ids per PUT)", seconds, ctx.rows, f"{requests} requests")


def bench_sql(ctx: Context) -> Timing:
    from django.db import connection, transaction

    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pages SET page_curation_curation_status = 'Queued', "
            "page_curation_processing_status = 'Queued', page_curation_processing_error = NULL, "
            "page_curation_queued_at = now(), page_curation_attempts = 0, "
            "page_curation_next_attempt_at = NULL WHERE id = ANY(%s)",
            [ctx.ids],
        )
    seconds = time.perf_counter() - start
    return Timing("bare SQL UPDATE ... = ANY(ids)", seconds, ctx.rows)


# Each entry: (section, reset the pages before it and check they are all queued after it).
SECTIONS: list[tuple[Callable[[Context], Timing], bool]] = [
    (bench_service, True),
    (bench_api, True),
    (bench_sql, True),
]


def report(ctx: Context) -> None:
    baseline = next((t.seconds for t in ctx.results if t.label.startswith("bare SQL")), None)
    print(f"\n{ctx.rows:,} pages")
    print(f"{'section':34} {'seconds':>9} {'rows/s':>11} {'x bare SQL':>11}  note")
    for timing in ctx.results:
        ratio = f"{timing.seconds / baseline:.1f}" if baseline else "-"
        rate = timing.rows / timing.seconds if timing.seconds else 0
        print(f"{timing.label:34} {timing.seconds:9.3f} {rate:11,.0f} {ratio:>11}  {timing.note}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    setup_django()
    ctx = Context(rows=args.rows)
    started = time.perf_counter()
    insert_pages(ctx)
    print(f"inserted {ctx.rows:,} pages in {time.perf_counter() - started:.1f}s")
    for section, queues in SECTIONS:
        if queues:
            reset_pages()
        timing = section(ctx)
        if queues:
            check_all_queued(ctx)
        ctx.results.append(timing)
        print(f"  {timing.label}: {timing.seconds:.3f}s {timing.note}")
    report(ctx)


if __name__ == "__main__":
    main()
