"""The write cost of the search's trigram indexes on pages (sql/096), through page curation's
own writes, with and without the indexes in the same run.

    .venv/bin/python bench/search_indexes.py [--domains 100] [--pages 100] [--rounds 2]

A scratch database ``scrapersky_bench_search_indexes`` (dropped and recreated, dropped on
exit). Each round, without the three indexes of sql/096 and then with them (the baseline
beside the measured, alternating so drift hits both): the pages table is emptied, every
domain's pages are written by ``insert_pages`` (sql/functions, as a sitemap import does: one
call per domain) and then finished by ``page_curation_persist_many`` (as the finisher does:
groups of 20 pages, each with a title and two contacts). Printed: seconds of each phase per
configuration (the median over the rounds), pages per second, and the indexes' cost in percent.
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
INDEX_FILE = Path(scratch.BASE) / "sql" / "096_page_search_trigram_indexes.sql"
INDEXES = ("pages_url_trgm_idx", "pages_title_trgm_idx", "sitemap_files_url_trgm_idx")
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
    """Seconds to insert every page, then to finish them all."""
    cursor.execute("TRUNCATE pages RESTART IDENTITY CASCADE")
    started = time.perf_counter()
    for site, domain_id in enumerate(domain_ids):
        urls = sorted(page_urls(site, pages))
        cursor.execute(
            "SELECT count(*) FROM insert_pages(%s, NULL, 'sitemap', %s, %s, %s, %s, %s)",
            [domain_id, urls, ["other"] * pages, [None] * pages, [None] * pages, [None] * pages],
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
        cursor.execute("SELECT page_curation_persist_many(%s::jsonb)", [json.dumps(group)])
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
        create = [s for s in INDEX_FILE.read_text().split(";") if "CREATE INDEX" in s]
        times: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
        with connection.cursor() as cursor:
            for _ in range(args.rounds):
                for config in ("without", "with"):
                    for name in INDEXES:
                        cursor.execute(f"DROP INDEX IF EXISTS {name}")
                    if config == "with":
                        for statement in create:
                            cursor.execute(statement)
                    times[config].append(write_round(cursor, ids, args.pages))
        n = args.domains * args.pages
        print(f"{n:,} pages ({args.domains} domains x {args.pages}), {args.rounds} round(s)")
        medians = {}
        for config, rounds in times.items():
            insert = statistics.median(r[0] for r in rounds)
            finish = statistics.median(r[1] for r in rounds)
            medians[config] = (insert, finish)
            print(
                f"  {config:>7} sql/096 indexes: insert_pages {insert:6.2f} s "
                f"({n / insert:7.0f} pages/s), persist {finish:6.2f} s ({n / finish:6.0f} pages/s)"
            )
        base, measured = medians["without"], medians["with"]
        print(
            f"  cost of the indexes: insert_pages {100 * (measured[0] / base[0] - 1):+.0f}%, "
            f"persist {100 * (measured[1] / base[1] - 1):+.0f}%, "
            f"both {100 * (sum(measured) / sum(base) - 1):+.0f}%"
        )
    finally:
        from django.db import connections

        connections.close_all()
        scratch.drop(DB)


if __name__ == "__main__":
    main()
