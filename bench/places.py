"""Places: a search over N businesses, then their domains, through the workflow engine.

    .venv/bin/python bench/places.py [--businesses 5000]

Builds a scratch database ``scrapersky_bench_places`` (dropped and recreated: migrate + sql/),
serves N generated plumbers over Demo City with the loopback places service
(ops/demo/places.py: Nominatim, Overpass, Google Places) and reports, each a row:

- ``provider only``: the OpenStreetMap search (geocode + one Overpass query) and reading the
  answer, no database write: the same-run baseline of the rows below;
- ``place_search, first``: the place_search workflow as a worker runs it (``run_consumer``:
  claim, the service, persist() upserting the businesses, Complete);
- ``place_search, again``: a second search of the same market: every business is found again,
  none is created (the run checks the count);
- ``google, tiled``: the same market through Google's protocol (60 a query: tiles, pages);
- ``domain_extraction``: every business queued, then extracted to a domain and its phone.

``run_consumer`` is the code a django-q2 worker runs for a workflow, here in this process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import scratch

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
BENCH_DB = "scrapersky_bench_places"


def queue(workflow: str, ids: list[int]) -> None:
    from curation.services import set_curation_status
    from scrapersky.status import Status

    for start in range(0, len(ids), 10_000):
        set_curation_status(
            workflow=workflow,
            status=Status.QUEUED,
            ids=ids[start : start + 10_000],
            actor="bench",
            channel="command",
        )


def search_run(label: str, n: int, provider: str) -> tuple[str, int, float, int, str]:
    from curation.models import Business, PlaceSearch
    from processing.engine.runner import run_consumer

    before = Business.objects.count()
    search = PlaceSearch.objects.create(
        provider=provider, category="plumber", place="Demo City", result_limit=n
    )
    queue("place_search", [search.pk])
    started = time.perf_counter()
    result = run_consumer("place_search", handle_signals=False)
    seconds = time.perf_counter() - started
    search.refresh_from_db()
    assert result.complete == 1, (result, search.place_search_processing_error)
    created = Business.objects.count() - before
    note = f"{created:,} created, {search.queries_made} queries, {search.pages_read} pages"
    if search.warnings:
        note += f"; {search.warnings[0]}"
    return label, search.results_count, seconds, search.queries_made, note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--businesses", type=int, default=5_000)
    args = parser.parse_args()
    n = args.businesses

    from ops.demo.places import PlacesServer, generated_businesses

    server = PlacesServer(generated_businesses(n)).start()
    try:
        scratch.setup_django(
            BENCH_DB,
            SCRAPERSKY_KICK_ON_QUEUE="false",
            **{
                k: (",".join(v) if isinstance(v, list) else str(v))
                for k, v in server.settings().items()
            },
        )
        from curation.models import Business, Domain, PlaceSearch
        from processing.engine.runner import run_consumer
        from processing.places.search import run_search

        rows = []
        probe = PlaceSearch(provider="osm", category="plumber", place="Demo City", result_limit=n)
        started = time.perf_counter()
        outcome = run_search(probe)
        rows.append(
            (
                "provider only",
                len(outcome.found),
                time.perf_counter() - started,
                outcome.queries_made,
                "no database writes",
            )
        )
        rows.append(search_run("place_search, first", n, "osm"))
        count = Business.objects.count()
        rows.append(search_run("place_search, again", n, "osm"))
        assert Business.objects.count() == count, "a business found twice was duplicated"
        rows.append(search_run("google, tiled", n, "google"))

        ids = list(Business.objects.order_by("id").values_list("id", flat=True))
        queue("domain_extraction", ids)
        started = time.perf_counter()
        done = 0
        while done < len(ids):
            result = run_consumer("domain_extraction", handle_signals=False)
            if not result.complete:
                break
            done += result.complete
        seconds = time.perf_counter() - started
        rows.append(("domain_extraction", done, seconds, 0, f"{Domain.objects.count():,} domains"))
    finally:
        server.stop()
        scratch.drop(BENCH_DB)

    print(f"\n{n:,} generated businesses in Demo City, loopback places service\n")
    print(f"{'section':<24}{'rows':>8}{'seconds':>10}{'rows/s':>10}{'queries':>9}  note")
    for label, count_, secs, queries, note in rows:
        rate = count_ / secs if secs else 0
        print(f"{label:<24}{count_:>8,}{secs:>10.2f}{rate:>10,.0f}{queries:>9}  {note}")


if __name__ == "__main__":
    main()
