"""The write cost of the page search's trigram indexes through page curation's own writes: on
pages themselves (sql/096, as they were) and in page_search (sql/100, as they are), beside no
search indexes at all, in the same run.

    .venv/bin/python bench/search_indexes.py [--domains 100] [--pages 100] [--rounds 2]

A scratch database ``scrapersky_bench_search_indexes`` (dropped and recreated, dropped on
exit). Each round, in each configuration in turn (alternating so drift hits all three): the
pages table is emptied, every domain's pages are written by ``insert_pages`` (sql/functions,
as a sitemap import does: one call per domain) and queued (one statement per domain), then
curated in groups of 20 as the engine does: claimed (Processing, a lease), written by
``page_curation_persist_many`` (each page with a title and two contacts) and finished
(Complete). The configurations: ``none`` (no page search index, page_search's triggers
disabled), ``pages`` (sql/096's two indexes on pages, triggers disabled), ``page_search``
(sql/100: the triggers write page_search, its indexes; none on pages). sitemap_files' index of
sql/096 stays in all three. Printed: seconds of each phase per configuration (the median over
the rounds), pages per second, and each configuration's cost over ``none`` in percent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import scratch

DB = "scrapersky_bench_search_indexes"
OLD_FILE = Path(scratch.BASE) / "sql" / "096_page_search_trigram_indexes.sql"
OLD_INDEXES = ("pages_url_trgm_idx", "pages_title_trgm_idx")
TRIGGERS = "pages_search_insert, pages_search_update"
CONFIGS = ("none", "pages", "page_search")
GROUP = 20  # pages per page_curation_persist_many call (the finisher's group)
WORDS = [
    "about",
    "contact",
    "services",
    "plumbing",
    "repair",
    "heating",
    "team",
    "careers",
    "news",
    "blog",
    "pricing",
]


def page_urls(site: int, pages: int) -> list[str]:
    return [
        f"https://www.site{site}.example/{WORDS[i % len(WORDS)]}/{WORDS[(i * 7) % len(WORDS)]}-{i}"
        for i in range(pages)
    ]


def write_round(cursor, domain_ids: list[int], pages: int) -> tuple[float, float]:
    """Seconds to insert (and queue) every page, then to curate them all."""
    cursor.execute("TRUNCATE pages RESTART IDENTITY CASCADE")
    started = time.perf_counter()
    for site, domain_id in enumerate(domain_ids):
        urls = sorted(page_urls(site, pages))
        cursor.execute(
            "SELECT count(*) FROM insert_pages(%s, NULL, 'sitemap', %s, %s, %s, %s, %s)",
            [domain_id, urls, ["other"] * pages, [None] * pages, [None] * pages, [None] * pages],
        )
        cursor.execute(
            "UPDATE pages SET page_curation_curation_status = 'Queued',"
            " page_curation_processing_status = 'Queued', page_curation_queued_at = now()"
            " WHERE domain_id = %s",
            [domain_id],
        )
    inserted = time.perf_counter() - started
    cursor.execute("SELECT id, domain_id, url FROM pages ORDER BY domain_id, id")
    rows = cursor.fetchall()
    started = time.perf_counter()
    for start in range(0, len(rows), GROUP):
        group = [
            {
                "page_id": pk,
                "domain_id": domain_id,
                "fetched_at": "2026-12-05T12:00:00Z",
                "http_status": 200,
                "final_url": url,
                "title": f"{url.rsplit('/', 1)[-1].title()} - Hartley & Sons Plumbing, Springfield",
                "meta_description": "Family plumbers since 1962.",
                "language": "en",
                "content_type": "text/html",
                "content_length": 18_000,
                "content_hash": f"{pk:064x}",
                "has_contact_form": False,
                "schema_types": ["LocalBusiness"],
                "contacts": [
                    [
                        "email",
                        f"info@site{domain_id}.example",
                        f"info@site{domain_id}.example",
                        "role",
                        "mailto",
                        "",
                    ],
                    ["phone", "+15415550123", "(541) 555-0123", "fixed_line_or_mobile", "tel", ""],
                ],
                "people": [],
                "facts": [],
            }
            for pk, domain_id, url in rows[start : start + GROUP]
        ]
        ids = [page["page_id"] for page in group]
        cursor.execute(
            "UPDATE pages SET page_curation_processing_status = 'Processing',"
            " page_curation_started_at = now(), page_curation_attempts = page_curation_attempts + 1,"
            " page_curation_lease_expires_at = now() + interval '5 minutes',"
            " page_curation_worker = 'bench' WHERE id = ANY(%s)",
            [ids],
        )
        cursor.execute("SELECT page_curation_persist_many(%s::jsonb)", [json.dumps(group)])
        cursor.execute(
            "UPDATE pages SET page_curation_processing_status = 'Complete',"
            " page_curation_finished_at = now(), page_curation_lease_expires_at = NULL"
            " WHERE id = ANY(%s)",
            [ids],
        )
    return inserted, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--domains", type=int, default=100)
    parser.add_argument("--pages", type=int, default=100, help="pages per domain")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    scratch.setup_django(DB)
    try:
        from django.db import connection

        from curation.models import Domain

        domains = Domain.objects.bulk_create(
            [Domain(domain=f"site{i}.example") for i in range(args.domains)]
        )
        ids = [d.pk for d in domains]
        create = [s for s in OLD_FILE.read_text().split(";") if "ON pages USING gin" in s]
        times: dict[str, list[tuple[float, float]]] = {config: [] for config in CONFIGS}
        with connection.cursor() as cursor:
            for _ in range(args.rounds):
                for config in CONFIGS:
                    for name in OLD_INDEXES:
                        cursor.execute(f"DROP INDEX IF EXISTS {name}")
                    if config == "pages":
                        for statement in create:
                            cursor.execute(statement)
                    switch = "ENABLE" if config == "page_search" else "DISABLE"
                    for trigger in TRIGGERS.split(", "):
                        cursor.execute(f"ALTER TABLE pages {switch} TRIGGER {trigger}")
                    times[config].append(write_round(cursor, ids, args.pages))
        n = args.domains * args.pages
        print(f"{n:,} pages ({args.domains} domains x {args.pages}), {args.rounds} round(s)")
        medians = {}
        for config, rounds in times.items():
            insert = statistics.median(r[0] for r in rounds)
            finish = statistics.median(r[1] for r in rounds)
            medians[config] = (insert, finish)
            print(
                f"  {config:>11}: insert_pages + queue {insert:6.2f} s ({n / insert:7.0f} pages/s),"
                f" claim + persist + finish {finish:6.2f} s ({n / finish:6.0f} pages/s)"
            )
        base = medians["none"]
        for config in CONFIGS[1:]:
            measured = medians[config]
            print(
                f"  cost of {config}: insert {100 * (measured[0] / base[0] - 1):+.0f}%, "
                f"curation {100 * (measured[1] / base[1] - 1):+.0f}%, "
                f"both {100 * (sum(measured) / sum(base) - 1):+.0f}%"
            )
    finally:
        from django.db import connections

        connections.close_all()
        scratch.drop(DB)


if __name__ == "__main__":
    main()
