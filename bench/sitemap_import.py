"""Sitemap import: our streaming parser vs ultimate-sitemap-parser, and our import service.

    .venv/bin/python bench/sitemap_import.py [--urls 50000] [--children 20] [--repeat 1]
                                             [--no-usp] [--no-service] [--service-index]

Generates, in memory, a ``--urls``-URL urlset sitemap (``/sitemap.xml``) and a gzipped sitemap
index (``/sitemap_index.xml.gz``) of ``--children`` gzipped urlsets of ``--urls`` URLs each, and
serves them on 127.0.0.1 (``ops.demo.SiteServer``, a threaded HTTP/1.1 server). Then, for
each file, in a FRESH subprocess per measurement (so peak memory of one parser never mixes with
another's), it measures URLs per second (fetch + decompress + parse + iterate every entry) and
the peak RSS of that process (``VmHWM``, not ``ru_maxrss``, which on Linux inherits the parent's
RSS at fork; "after imports" is the RSS before any work, so the difference is what the parse
itself costs):

- ``ours``: ``iter_sitemap_tree`` + ``fetch_sitemap_chunks`` through the real ``Fetcher``
  (SSRF guard, robots.txt check, size caps), entries of one file at a time, as the service does;
- ``usp``: ultimate-sitemap-parser's ``SitemapFetcher(url).sitemap().all_pages()`` fetching the
  same URL (its default requests client), run in the separate venv ``bench/_ext/venv``
  (created and filled with ``pip install ultimate-sitemap-parser scrapy`` on first run; never a
  project dependency);
- ``service``: ``process_single_sitemap_file_for_sitemap_import`` (+ its ``persist()``) into a
  scratch database ``scrapersky_bench_sitemaps`` on the project's PostgreSQL server (created,
  migrated and ``sql/`` applied on every run, dropped on exit): pages inserted per second, for
  the urlset (and, with ``--service-index``, for the million-URL index too).

Best of ``--repeat`` runs for speed, highest peak for memory (the service runs once). Ratios are
ours / usp.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import scratch

BASE = Path(__file__).resolve().parent.parent
EXT = BASE / "bench" / "_ext"
EXT_PYTHON = EXT / "venv" / "bin" / "python"
EXT_PACKAGES = ["ultimate-sitemap-parser", "scrapy"]
DB = "scrapersky_bench_sitemaps"
PAGE_HOST = "www.bench-shop.test"


# --------------------------------------------------------------------------------------------
# what the children measure (each runs in its own process; stdout: one JSON line)


def _status_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return None


def _peak_mb() -> float:
    # VmHWM is the high-water mark of this process image. ru_maxrss is not used on Linux: it
    # carries over the RSS of the parent at fork() across exec(), so every child would report at
    # least the parent's size (the served files). ru_maxrss is the fallback elsewhere.
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _now_mb() -> float:
    return _status_mb("VmRSS") or _peak_mb()


def child_ours(url: str) -> dict:
    sys.path.insert(0, str(BASE))
    from processing.fetcher import Fetcher, FetcherConfig
    from processing.sitemaps import iter_sitemap_tree
    from processing.sitemaps.fetching import fetch_sitemap_chunks

    fetcher = Fetcher(
        FetcherConfig.from_mapping({"ALLOWED_NETWORKS": ["127.0.0.0/8"], "OBEY_ROBOTS": True})
    )
    before = _now_mb()
    start = time.perf_counter()
    rows = files = 0
    for _url, result in iter_sitemap_tree(url, fetch_sitemap_chunks(fetcher)):
        files += 1
        for _entry in result.entries:
            rows += 1
    seconds = time.perf_counter() - start
    return {"rows": rows, "files": files, "seconds": seconds, "rss0": before, "peak": _peak_mb()}


def child_usp(url: str) -> dict:
    import logging

    logging.disable(logging.CRITICAL)  # usp logs every fetch at INFO
    from usp.fetch_parse import SitemapFetcher
    from usp.web_client.requests_client import RequestsWebClient

    before = _now_mb()
    start = time.perf_counter()
    tree = SitemapFetcher(url=url, recursion_level=0, web_client=RequestsWebClient()).sitemap()
    rows = sum(1 for _page in tree.all_pages())
    files = sum(1 for _s in tree.all_sitemaps()) + 1
    seconds = time.perf_counter() - start
    return {"rows": rows, "files": files, "seconds": seconds, "rss0": before, "peak": _peak_mb()}


def child_service(url: str) -> dict:
    sys.path.insert(0, str(BASE))
    import django

    django.setup()
    from django.db import connection

    from curation.models import Domain, Page, SitemapFile
    from processing.services.sitemap_import import process_single_sitemap_file_for_sitemap_import
    from scrapersky.status import Status

    with connection.cursor() as c:
        c.execute("TRUNCATE domains RESTART IDENTITY CASCADE")
    domain = Domain.objects.create(domain=PAGE_HOST, source="bench")
    # The service writes its pages fenced on the row's claim: the row is held, as a claim leaves it.
    sitemap = SitemapFile.objects.create(
        domain=domain,
        url=url,
        source="bench",
        sitemap_import_curation_status=Status.PROCESSING,
        sitemap_import_processing_status=Status.PROCESSING,
        sitemap_import_worker="bench",
    )
    before = _now_mb()
    start = time.perf_counter()
    persist = process_single_sitemap_file_for_sitemap_import(sitemap)
    persist()
    seconds = time.perf_counter() - start
    rows = Page.objects.count()
    return {"rows": rows, "files": 1, "seconds": seconds, "rss0": before, "peak": _peak_mb()}


CHILDREN = {"ours": child_ours, "usp": child_usp, "service": child_service}


# --------------------------------------------------------------------------------------------
# the files


def _urlset(urls: range, n_offset: int) -> bytes:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    )
    items = [
        f"<url><loc>https://{PAGE_HOST}/products/item-{n_offset + i:07d}</loc>"
        f"<lastmod>2026-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00+00:00</lastmod>"
        f"<changefreq>weekly</changefreq><priority>0.{1 + i % 9}</priority></url>\n"
        for i in urls
    ]
    return (head + "".join(items) + "</urlset>\n").encode()


def build_files(base: str, n_urls: int, n_children: int) -> dict[str, tuple[str, bytes]]:
    """path -> (content type, body): the plain urlset, the gzipped index and its children."""
    files = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n")}
    files["/sitemap.xml"] = ("application/xml", _urlset(range(n_urls), 0))
    children = []
    for k in range(n_children):
        path = f"/sitemaps/products-{k:02d}.xml.gz"
        body = gzip.compress(_urlset(range(n_urls), (k + 1) * n_urls), compresslevel=6)
        files[path] = ("application/x-gzip", body)
        children.append(f"{base}{path}")
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"<sitemap><loc>{u}</loc></sitemap>\n" for u in children)
        + "</sitemapindex>\n"
    )
    files["/sitemap_index.xml.gz"] = ("application/x-gzip", gzip.compress(index.encode()))
    return files


# --------------------------------------------------------------------------------------------
# the scratch database (service section)


def prepare_database(env: dict[str, str]) -> str:
    """Create, migrate and apply sql/ to the scratch database; return the admin URL."""
    admin_url = scratch.admin_url()
    env["DATABASE_URL"] = scratch.recreate(DB)
    manage = [sys.executable, str(BASE / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0", "--skip-checks"], env=env, check=True)
    subprocess.run([*manage, "apply_sql"], env=env, check=True, stdout=subprocess.DEVNULL)
    return admin_url


# --------------------------------------------------------------------------------------------
# the driver


def ensure_ext_venv() -> None:
    if EXT_PYTHON.exists():
        return
    print(f"creating {EXT / 'venv'} (comparison tools, bench only) ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(EXT / "venv")], check=True)
    pip = [str(EXT_PYTHON), "-m", "pip", "install", "-q", *EXT_PACKAGES]
    subprocess.run(pip, check=True)


def measure(kind: str, url: str, env: dict[str, str]) -> dict:
    python = str(EXT_PYTHON) if kind == "usp" else sys.executable
    proc = subprocess.run(
        [python, str(Path(__file__).resolve()), "--child", kind, url],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def best(runs: list[dict]) -> dict:
    fastest = min(runs, key=lambda r: r["seconds"])
    return {**fastest, "peak": max(r["peak"] for r in runs), "rss0": fastest["rss0"]}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n", 1)[0],
        epilog="Prints one table: URLs/s and peak RSS per parser and file, ours/usp ratios.",
    )
    parser.add_argument("--urls", type=int, default=50_000, help="URLs per urlset (50000)")
    parser.add_argument("--children", type=int, default=20, help="children of the index (20)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per parser measurement (1)")
    parser.add_argument("--no-usp", action="store_true", help="skip ultimate-sitemap-parser")
    parser.add_argument("--no-service", action="store_true", help="skip the database section")
    parser.add_argument(
        "--service-index",
        action="store_true",
        help="also run the service on the index (a million inserts: ~10 minutes here)",
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, url = args.child
        print(json.dumps(CHILDREN[kind](url)))
        return

    # SIGTERM ends the run like Ctrl-C does: the finally blocks clean up.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    sys.path.insert(0, str(BASE))
    from ops.demo import Site, SiteServer

    if not args.no_usp:
        ensure_ext_venv()
    site = Site("127.0.0.1", "bench sitemaps")
    server = SiteServer([site]).start()
    env = dict(os.environ, PYTHONPATH=str(BASE), LOG_LEVEL="WARNING")
    env.setdefault("DJANGO_SETTINGS_MODULE", "scrapersky.settings")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    env["SCRAPERSKY_FETCH_ALLOWED_NETWORKS"] = "127.0.0.0/8"
    env["SCRAPERSKY_AUTO_QUEUE_PAGES"] = "none"
    admin_url = None
    try:
        base = f"http://127.0.0.1:{server.port}"
        t0 = time.perf_counter()
        for path, (ctype, body) in build_files(base, args.urls, args.children).items():
            site.add(path, ctype, body)
        sizes = {p: len(b) for p, (_c, b) in site.resources.items()}
        child_bytes = sum(v for p, v in sizes.items() if p.startswith("/sitemaps/"))
        print(
            f"generated in {time.perf_counter() - t0:.1f}s: /sitemap.xml "
            f"{sizes['/sitemap.xml'] / 1e6:.1f} MB ({args.urls:,} URLs); /sitemap_index.xml.gz "
            f"-> {args.children} gzipped children, {child_bytes / 1e6:.1f} MB compressed "
            f"({args.urls * args.children:,} URLs); served on {base}",
            flush=True,
        )
        files = {"urlset": f"{base}/sitemap.xml", "index+gz": f"{base}/sitemap_index.xml.gz"}
        kinds = ["ours"] + ([] if args.no_usp else ["usp"])
        results: dict[tuple[str, str], dict] = {}
        for label, url in files.items():
            for kind in kinds:
                runs = []
                for _ in range(args.repeat):
                    runs.append(measure(kind, url, env))
                results[(kind, label)] = best(runs)
                r = results[(kind, label)]
                print(
                    f"  {kind:8} {label:9} {r['rows']:>9,} URLs {r['seconds']:7.2f}s "
                    f"peak {r['peak']:6.0f} MB",
                    flush=True,
                )
        if not args.no_service:
            admin_url = prepare_database(env)
            for label, url in files.items():
                if label != "urlset" and not args.service_index:
                    continue
                # One run: the service writes a million rows for the index.
                results[("service", label)] = r = measure("service", url, env)
                print(
                    f"  service  {label:9} {r['rows']:>9,} pages {r['seconds']:7.2f}s "
                    f"peak {r['peak']:6.0f} MB",
                    flush=True,
                )
        print_table(results, files, kinds, args)
    finally:
        server.stop()
        if admin_url:
            scratch.drop(DB)


def print_table(results: dict, files: dict, kinds: list[str], args) -> None:
    print()
    print(f"sitemap import, best of {args.repeat} (rows/s = URLs read, or pages inserted)")
    header = (
        f"{'file':10} {'what':34} {'rows':>10} {'rows/s':>10} {'peak RSS':>9} {'after imports':>14}"
    )
    print(header)
    print("-" * len(header))
    names = {
        "ours": "ours: iter_sitemap_tree + Fetcher",
        "usp": "ultimate-sitemap-parser",
        "service": "ours: sitemap_import service -> DB",
    }
    for label in files:
        for kind in [*kinds, "service"]:
            r = results.get((kind, label))
            if not r:
                continue
            print(
                f"{label:10} {names[kind]:34} {r['rows']:>10,} {r['rows'] / r['seconds']:>10,.0f} "
                f"{r['peak']:>7.0f}MB {r['rss0']:>12.0f}MB"
            )
        ours, usp = results.get(("ours", label)), results.get(("usp", label))
        if ours and usp:
            speed = (ours["rows"] / ours["seconds"]) / (usp["rows"] / usp["seconds"])
            mem = (ours["peak"] - ours["rss0"]) / max(usp["peak"] - usp["rss0"], 1)
            print(
                f"{label:10} {'ratio ours/usp':34} {'':>10} {speed:>9.2f}x "
                f"{ours['peak'] / usp['peak']:>8.2f}x {'(parse only ' + f'{mem:.2f}x)':>14}"
            )
        if ours and usp and ours["rows"] != usp["rows"]:
            print(f"{'':10} note: URL counts differ ({ours['rows']:,} vs {usp['rows']:,})")


if __name__ == "__main__":
    main()
