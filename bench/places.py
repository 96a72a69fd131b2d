"""Places: a search over N businesses, then their domains, through the real workers.

    .venv/bin/python bench/places.py [--businesses 5000] [--q-workers 2] [--timeout 600]

Builds a scratch database ``scrapersky_bench_places`` (dropped and recreated: migrate, sql/,
``setup_schedules``; dropped on exit), serves N generated plumbers over Demo City with the
loopback places service (ops/demo/places.py: Nominatim, Overpass, Google Places) and starts
``manage.py qcluster`` as the README's ``up`` does (``Q_WORKERS`` workers, default settings:
the workflows' own knobs, the kick on queue; only the provider URLs, the Google key and
the loopback network allowed point at the service). Each row:

- ``provider only``: the OpenStreetMap search (geocode + one Overpass query) and reading the
  answer in this process, no database write: the same-run baseline of the rows below;
- ``place_search, first``: a search created and queued as the admin does; the clock runs from
  the queueing until the workers have finished it (claim, the service, the businesses upserted,
  Complete);
- ``place_search, again``: a second search of the same market: every business is found again,
  none is created (the run checks the count);
- ``google, tiled``: the same market through Google's protocol (60 a query: tiles, pages);
- ``domain_extraction``: every business queued in one request, the clock running until no
  business is queued or processing: a domain and a phone contact per business.

``cluster CPU`` is the CPU every process of the qcluster (sentinel, monitor, workers) spent in
the row; the rates are wall-clock on a machine shared with other work.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

import scratch
from pipeline import Cluster

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
BENCH_DB = "scrapersky_bench_places"
POLL = 0.05


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


def wait(idle, deadline: float, what: str) -> float:
    """Poll ``idle()`` until true; seconds waited."""
    started = time.perf_counter()
    while not idle():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not finished before --timeout")
        time.sleep(POLL)
    return time.perf_counter() - started


def search_run(label: str, n: int, provider: str, cluster: Cluster, deadline: float) -> tuple:
    from curation.models import Business, PlaceSearch

    before = Business.objects.count()
    search = PlaceSearch.objects.create(
        provider=provider, category="plumber", place="Demo City", result_limit=n
    )
    cpu = cluster.monitor.total_cpu()
    queue("place_search", [search.pk])

    def idle() -> bool:
        search.refresh_from_db()
        return search.place_search_processing_status in ("Complete", "Error")

    seconds = wait(idle, deadline, label)
    cpu = cluster.monitor.total_cpu() - cpu
    assert search.place_search_processing_status == "Complete", search.place_search_processing_error
    created = Business.objects.count() - before
    note = f"{created:,} created, {search.pages_read} pages"
    if search.warnings:
        note += f"; {search.warnings[0]}"
    return label, search.results_count, seconds, cpu, search.queries_made, note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--businesses", type=int, default=5_000)
    parser.add_argument("--q-workers", type=int, default=2, help="Q_WORKERS of the qcluster")
    parser.add_argument("--timeout", type=float, default=600, help="seconds for the whole run")
    args = parser.parse_args()
    n = args.businesses

    from ops.demo.places import PlacesServer, generated_businesses

    server = PlacesServer(generated_businesses(n)).start()
    cluster = None
    rows = []
    try:
        scratch.setup_django(
            BENCH_DB,
            **{
                k: (",".join(v) if isinstance(v, list) else str(v))
                for k, v in server.settings().items()
            },
        )
        from django.core.management import call_command
        from django.db.models import Q

        from curation.models import Business, Domain, PlaceSearch
        from processing.places.search import run_search

        call_command("setup_schedules", stdout=io.StringIO())
        env = dict(os.environ, PYTHONPATH=str(BASE), Q_WORKERS=str(args.q_workers))
        workdir = Path(tempfile.mkdtemp(prefix="bench-places-"))
        cluster = Cluster(env, workdir / "qcluster.log")
        cluster.wait_ready(args.q_workers)
        time.sleep(1.0)  # the workers finish importing Django before CPU is counted
        deadline = time.monotonic() + args.timeout

        probe = PlaceSearch(provider="osm", category="plumber", place="Demo City", result_limit=n)
        started = time.perf_counter()
        outcome = run_search(probe)
        seconds = time.perf_counter() - started
        rows.append(
            (
                "provider only",
                len(outcome.found),
                seconds,
                None,
                outcome.queries_made,
                "this process, no database writes",
            )
        )
        rows.append(search_run("place_search, first", n, "osm", cluster, deadline))
        count = Business.objects.count()
        rows.append(search_run("place_search, again", n, "osm", cluster, deadline))
        assert Business.objects.count() == count, "a business found twice was duplicated"
        rows.append(search_run("google, tiled", n, "google", cluster, deadline))

        ids = list(Business.objects.order_by("id").values_list("id", flat=True))
        busy = Business.objects.filter(
            domain_extraction_processing_status__in=("Queued", "Processing")
        )
        cpu = cluster.monitor.total_cpu()
        started = time.perf_counter()
        queue("domain_extraction", ids)
        seconds = time.perf_counter() - started
        seconds += wait(lambda: not busy.exists(), deadline, "domain_extraction")
        cpu = cluster.monitor.total_cpu() - cpu
        done = Business.objects.filter(domain_extraction_processing_status="Complete").count()
        failed = Business.objects.filter(~Q(domain_extraction_processing_status="Complete"))
        assert done == len(ids), f"{failed.count()} not Complete"
        rows.append(
            ("domain_extraction", done, seconds, cpu, 0, f"{Domain.objects.count():,} domains")
        )
    finally:
        if cluster is not None:
            cluster.stop()
        server.stop()
        from django.db import connections

        connections.close_all()
        scratch.drop(BENCH_DB)

    print(
        f"\n{n:,} generated businesses in Demo City, loopback places service, "
        f"manage.py qcluster with Q_WORKERS={args.q_workers}\n"
    )
    print(
        f"{'section':<22}{'rows':>7}{'seconds':>9}{'rows/s':>9}{'cluster CPU':>13}"
        f"{'queries':>9}  note"
    )
    for label, count_, secs, cpu, queries, note in rows:
        rate = count_ / secs if secs else 0
        cpu_text = "-" if cpu is None else f"{cpu:.2f} s"
        print(f"{label:<22}{count_:>7,}{secs:>9.2f}{rate:>9,.0f}{cpu_text:>13}{queries:>9}  {note}")


if __name__ == "__main__":
    main()
