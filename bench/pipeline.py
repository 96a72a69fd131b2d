"""The whole pipeline end to end with real workers, beside a Scrapy crawl of the same web.

    .venv/bin/python bench/pipeline.py [--sites 300] [--pages 12] [--q-workers 2]
                                       [--workflows-json '{...}'] [--no-scrapy]

Builds ``processing.demo.generated_web(sites, pages)`` (robots.txt → /sitemap.xml → pages; every
page carries exactly one contact, an email or a phone, so ``sites * pages`` contacts are
expected) and serves it on 127.0.0.1 (``SiteServer``, one threaded HTTP/1.1 server dispatching
by Host header). Then, in the same run:

ours
    A scratch database ``scrapersky_bench_pipeline`` (dropped and recreated: migrate, ``sql/``,
    ``setup_schedules``; dropped on exit) and a real ``manage.py qcluster`` subprocess with
    ``DATABASE_URL`` pointing at it, ``SCRAPERSKY_FETCH_CONNECT_TO`` mapping every site's
    ``host:80`` to the server, ``SCRAPERSKY_AUTO_QUEUE_SITEMAPS=true`` and
    ``SCRAPERSKY_AUTO_QUEUE_PAGES=all`` (the stages overlap, as Scrapy's do). The clock starts
    when the domains are queued for sitemap_discovery (one ``set_curation_status`` call, as a
    curator would) and ends when every page is curated; the stage figures are the times at
    which each queue drained.
    Everything is persisted: sitemap_files, pages (with status/title/hash), contacts and
    sightings.

scrapy
    A ``SitemapSpider`` in the separate venv ``bench/_ext/venv`` (created on first run with
    ``pip install ultimate-sitemap-parser scrapy``; never a project dependency), started from
    every site's ``http://host/robots.txt`` (its ``Sitemap:`` line → sitemap → pages), with
    ROBOTSTXT_OBEY, extracting mailto/tel links and email/phone regexes from every page and
    writing page and contact items to a JSON-lines feed (its persistence). Hosts reach the
    loopback server the way our fetcher's CONNECT_TO does (curl's ``--connect-to``): a download
    handler sends the request to 127.0.0.1:PORT with the site's ``Host`` header and hands the
    response back under the original URL, so robots.txt, dupe filter, per-domain slots and
    relative links all see the real host names. Concurrency matches ours: CONCURRENT_REQUESTS =
    q-workers x page_curation concurrency, CONCURRENT_REQUESTS_PER_DOMAIN = the fetcher's
    PER_HOST_CONCURRENCY (2).

Domains are stored as ``http://siteNNNN.demo`` by default (``--domains http``), so discovery,
like the spider, starts at http (the generated web has no https). ``--domains bare`` stores the
bare names, as an import would: discovery then tries https first, and each https probe of a site
without TLS costs the fetcher's connection retries (see the printed notes).

Knobs go through the environment only: ``--q-workers`` → Q_WORKERS, ``--workflows-json`` →
SCRAPERSKY_WORKFLOWS_JSON (per-workflow batch_size / concurrency ...). Both are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import scratch

BASE = Path(__file__).resolve().parent.parent
EXT = BASE / "bench" / "_ext"
EXT_PYTHON = EXT / "venv" / "bin" / "python"
EXT_PACKAGES = ["ultimate-sitemap-parser", "scrapy"]
DB = "scrapersky_bench_pipeline"
PAGE_CURATION_CONCURRENCY = 16  # scrapersky/workflows.py default, unless overridden
PER_HOST_CONCURRENCY = 2  # processing/fetcher/config.py default


# --------------------------------------------------------------------------------------------
# the Scrapy side (runs in bench/_ext/venv; imports nothing from the project)


def scrapy_child(port: int, hosts_file: str, out_file: str, conc: int, per_host: int) -> dict:
    import re
    from urllib.parse import urlsplit, urlunsplit

    from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
    from scrapy.crawler import CrawlerProcess
    from scrapy.spiders import SitemapSpider

    target = f"127.0.0.1:{port}"

    class ConnectToHandler(HTTP11DownloadHandler):
        """curl --connect-to for Scrapy: connect to the loopback server, keep URL and Host."""

        def __init__(self, crawler):
            super().__init__(crawler)
            # every site shares one address:port here; let keep-alive cover all of them
            self._pool.maxPersistentPerHost = crawler.settings.getint("CONCURRENT_REQUESTS")

        async def download_request(self, request):
            parts = urlsplit(request.url)
            wire = request.replace(url=urlunsplit(("http", target, parts.path, parts.query, "")))
            wire.headers[b"Host"] = parts.netloc.encode()
            response = await super().download_request(wire)
            return response.replace(url=request.url)

    email_re = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
    phone_re = re.compile(r"\+?\d[\d ()./-]{7,}\d")

    class ContactSpider(SitemapSpider):
        name = "contacts"

        def __init__(self, hosts, **kwargs):
            super().__init__(**kwargs)
            self.sitemap_urls = [f"http://{h}/robots.txt" for h in hosts]

        def parse(self, response):
            host = urlsplit(response.url).hostname
            yield {
                "type": "page",
                "url": response.url,
                "status": response.status,
                "title": response.css("title::text").get(),
            }
            mailto = response.css('a[href^="mailto:"]::attr(href)').getall()
            emails = {h[7:].split("?")[0] for h in mailto}
            phones = {h[4:] for h in response.css('a[href^="tel:"]::attr(href)').getall()}
            text = " ".join(response.css("body *::text").getall())
            emails |= set(email_re.findall(text))
            phones |= set(phone_re.findall(text))
            for email in emails:
                yield {"type": "contact", "domain": host, "kind": "email", "value": email.lower()}
            for phone in phones:
                digits = re.sub(r"\D", "", phone)
                if 10 <= len(digits) <= 15:
                    yield {"type": "contact", "domain": host, "kind": "phone", "value": digits}

    hosts = Path(hosts_file).read_text().split()
    process = CrawlerProcess(
        settings={
            "DOWNLOAD_HANDLERS": {"http": ConnectToHandler},
            "ROBOTSTXT_OBEY": True,
            "CONCURRENT_REQUESTS": conc,
            "CONCURRENT_REQUESTS_PER_DOMAIN": per_host,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "TELNETCONSOLE_ENABLED": False,
            "LOG_LEVEL": "WARNING",
            "USER_AGENT": "ScrapyBench/1.0",
            "FEEDS": {out_file: {"format": "jsonlines", "overwrite": True}},
        }
    )
    crawler = process.create_crawler(ContactSpider)
    started = time.perf_counter()
    process.crawl(crawler, hosts=hosts)
    process.start()
    seconds = time.perf_counter() - started
    stats = crawler.stats.get_stats()
    return {
        "seconds": seconds,
        "requests": stats.get("downloader/request_count", 0),
        "responses_200": stats.get("downloader/response_status_count/200", 0),
    }


def ensure_ext_venv() -> None:
    if EXT_PYTHON.exists():
        return
    print(f"creating {EXT / 'venv'} (comparison tools, bench only) ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(EXT / "venv")], check=True)
    subprocess.run([str(EXT_PYTHON), "-m", "pip", "install", "-q", *EXT_PACKAGES], check=True)


def run_scrapy(port: int, hosts: list[str], conc: int, per_host: int, workdir: Path) -> dict:
    hosts_file = workdir / "hosts.txt"
    hosts_file.write_text("\n".join(hosts))
    out = workdir / "scrapy-items.jsonl"
    args = [str(port), str(hosts_file), str(out), str(conc), str(per_host)]
    proc = subprocess.run(
        [str(EXT_PYTHON), str(Path(__file__).resolve()), "--scrapy-child", *args],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
        cwd=workdir,
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    pages = 0
    contacts: set[tuple[str, str, str]] = set()
    with out.open() as f:
        for line in f:
            item = json.loads(line)
            if item["type"] == "page":
                pages += item["status"] == 200
            else:
                contacts.add((item["domain"], item["kind"], item["value"]))
    result.update(pages=pages, contacts=len(contacts), items_bytes=out.stat().st_size)
    return result


# --------------------------------------------------------------------------------------------
# our side


def prepare_database(env: dict[str, str]) -> str:
    """Create the scratch database, migrate, apply sql/, sync schedules; return the admin URL."""
    admin_url = scratch.admin_url()
    env["DATABASE_URL"] = scratch.recreate(DB)
    manage = [sys.executable, str(BASE / "manage.py")]
    quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*manage, "migrate", "-v0", "--skip-checks"], **quiet)
    subprocess.run([*manage, "apply_sql"], **quiet)
    subprocess.run([*manage, "setup_schedules"], **quiet)
    return admin_url


class Cluster:
    """``manage.py qcluster`` in its own process group; stderr to a log file."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log
        self._log_file = log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, str(BASE / "manage.py"), "qcluster"],
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, workers: int, timeout: float = 60) -> None:
        """Until every worker process has spawned (its heartbeat row exists)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if _counts("SELECT count(*) FROM worker_heartbeats")[0] >= workers:
                return
            if self.proc.poll() is not None:
                raise RuntimeError(f"qcluster exited: {self.log.read_text()[-2000:]}")
            time.sleep(0.1)
        raise RuntimeError(f"qcluster did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log_file.close()


def _counts(sql: str) -> tuple:
    from django.db import connection

    with connection.cursor() as c:
        c.execute(sql)
        return c.fetchone()


def _wait(label: str, sql: str, done, deadline: float) -> tuple:
    """Poll ``sql`` until ``done(row)``; print progress every few seconds."""
    last = 0.0
    while True:
        row = _counts(sql)
        if done(row):
            return row
        now = time.monotonic()
        if now > deadline:
            raise TimeoutError(f"{label}: not done before --timeout ({row})")
        if now - last > 5:
            print(f"    {label}: {row}", flush=True)
            last = now
        time.sleep(0.2)


def run_ours(args, sites, env: dict[str, str], workdir: Path) -> dict:
    import django

    os.environ.update(env)
    django.setup()
    from curation.models import Domain, Page
    from curation.services import set_curation_status

    prefix = "http://" if args.domains == "http" else ""
    Domain.objects.bulk_create(
        [Domain(domain=f"{prefix}{s.host}", company_name=s.name, source="bench") for s in sites]
    )
    cluster = Cluster(env, workdir / "qcluster.log")
    try:
        cluster.wait_ready(args.q_workers)
        deadline = time.monotonic() + args.timeout
        stages: dict[str, float] = {}
        t0 = time.monotonic()
        set_curation_status(
            workflow="sitemap_discovery",
            status="Queued",
            queryset=Domain.objects.all(),
            actor="bench",
            channel="command",
        )
        unfinished = "IN ('Queued', 'Processing')"
        _wait(
            "sitemap_discovery (pending, done)",
            f"""SELECT count(*) FILTER (WHERE sitemap_discovery_processing_status {unfinished}),
                count(*) FILTER (WHERE sitemap_discovery_processing_status IN ('Complete', 'Error'))
                FROM domains""",
            lambda r: r[0] == 0,
            deadline,
        )
        stages["sitemap_discovery"] = time.monotonic() - t0
        _wait(
            "sitemap_import (pending, done, pages)",
            f"""SELECT count(*) FILTER (WHERE sitemap_import_processing_status {unfinished}),
                count(*) FILTER (WHERE sitemap_import_processing_status IN ('Complete', 'Error')),
                (SELECT count(*) FROM pages) FROM sitemap_files""",
            lambda r: r[0] == 0,
            deadline,
        )
        stages["sitemap_import"] = time.monotonic() - t0 - stages["sitemap_discovery"]
        t_pages = time.monotonic()
        set_curation_status(
            workflow="page_curation",
            status="Queued",
            queryset=Page.objects.filter(page_curation_processing_status__isnull=True),
            actor="bench",
            channel="command",
        )
        _wait(
            "page_curation (pending, done, contacts)",
            f"""SELECT count(*) FILTER (WHERE page_curation_processing_status {unfinished}),
                count(*) FILTER (WHERE page_curation_processing_status IN ('Complete', 'Error')),
                (SELECT count(*) FROM contacts) FROM pages""",
            lambda r: r[0] == 0,
            deadline,
        )
        stages["page_curation"] = time.monotonic() - t_pages
        total = time.monotonic() - t0
    finally:
        cluster.stop()
    pages_ok, pages_err, contacts, sitemaps, disc_err = _counts(
        """SELECT (SELECT count(*) FROM pages WHERE page_curation_processing_status = 'Complete'),
           (SELECT count(*) FROM pages WHERE page_curation_processing_status = 'Error'),
           (SELECT count(*) FROM contacts),
           (SELECT count(*) FROM sitemap_files),
           (SELECT count(*) FROM domains WHERE sitemap_discovery_processing_status = 'Error')"""
    )
    errors = _counts(
        """SELECT string_agg(DISTINCT left(page_curation_processing_error, 160), ' | ')
           FROM pages WHERE page_curation_processing_status = 'Error'"""
    )[0]
    return {
        "seconds": total,
        "stages": stages,
        "pages": pages_ok,
        "page_errors": pages_err,
        "page_error_text": errors,
        "contacts": contacts,
        "sitemaps": sitemaps,
        "discovery_errors": disc_err,
    }


# --------------------------------------------------------------------------------------------
# the driver


def count_requests() -> dict[str, int]:
    """Count the requests the loopback server answers (both crawlers share it)."""
    import threading

    from processing.demo import server

    served = {"n": 0}
    lock = threading.Lock()
    do_get = server._Handler.do_GET

    def counted(handler) -> None:
        with lock:
            served["n"] += 1
        do_get(handler)

    server._Handler.do_GET = counted
    return served


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n", 1)[0],
        epilog="Prints one table: pages/s and contacts of ours and of Scrapy, with the ratio.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--sites", type=int, default=300, help="sites in the generated web")
    parser.add_argument("--pages", type=int, default=12, help="pages per site")
    parser.add_argument("--q-workers", type=int, default=2, help="Q_WORKERS of the qcluster")
    parser.add_argument(
        "--workflows-json",
        default="{}",
        help='SCRAPERSKY_WORKFLOWS_JSON, e.g. \'{"page_curation": {"concurrency": 32}}\'',
    )
    parser.add_argument(
        "--domains",
        choices=["http", "bare"],
        default="http",
        help="store domains as http://name (discovery starts at http) or bare names",
    )
    parser.add_argument("--timeout", type=float, default=900, help="seconds for our pipeline")
    parser.add_argument("--no-scrapy", action="store_true", help="skip the Scrapy crawl")
    parser.add_argument("--no-ours", action="store_true", help="skip our pipeline")
    parser.add_argument("--scrapy-child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scrapy_child:
        port, hosts_file, out_file, conc, per_host = args.scrapy_child
        print(json.dumps(scrapy_child(int(port), hosts_file, out_file, int(conc), int(per_host))))
        return

    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    sys.path.insert(0, str(BASE))
    from processing.demo import SiteServer, generated_web

    overrides = json.loads(args.workflows_json)
    conc = overrides.get("page_curation", {}).get("concurrency", PAGE_CURATION_CONCURRENCY)
    if not args.no_scrapy:
        ensure_ext_venv()
    served = count_requests()
    sites = generated_web(args.sites, args.pages)
    expected = args.sites * args.pages
    server = SiteServer(sites).start()
    connect_to = ",".join(f"{k}={v}" for k, v in server.connect_to.items())
    env = dict(os.environ, PYTHONPATH=str(BASE), LOG_LEVEL="WARNING")
    env.setdefault("DJANGO_SETTINGS_MODULE", "scrapersky.settings")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    env.update(
        Q_WORKERS=str(args.q_workers),
        SCRAPERSKY_WORKFLOWS_JSON=args.workflows_json,
        SCRAPERSKY_FETCH_ALLOWED_NETWORKS="127.0.0.0/8",
        SCRAPERSKY_FETCH_CONNECT_TO=connect_to,
        SCRAPERSKY_AUTO_QUEUE_SITEMAPS="true",
        SCRAPERSKY_AUTO_QUEUE_PAGES="all",
    )
    print(
        f"web: {args.sites} sites x {args.pages} pages = {expected:,} pages, {expected:,} "
        f"contacts expected; served on 127.0.0.1:{server.port}\n"
        f"knobs: Q_WORKERS={args.q_workers} SCRAPERSKY_WORKFLOWS_JSON={args.workflows_json} "
        f"(page_curation concurrency {conc}), PER_HOST_CONCURRENCY {PER_HOST_CONCURRENCY}, "
        f"domains stored as {'http://name' if args.domains == 'http' else 'bare names'}",
        flush=True,
    )
    admin_url = None
    ours = theirs = None
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        workdir = Path(tmp)
        try:
            if not args.no_ours:
                admin_url = prepare_database(env)
                print("ours: qcluster running the pipeline ...", flush=True)
                before = served["n"]
                ours = run_ours(args, sites, env, workdir)
                ours["requests"] = served["n"] - before
                print(f"  done in {ours['seconds']:.1f}s", flush=True)
            if not args.no_scrapy:
                print("scrapy: crawling the same web ...", flush=True)
                before = served["n"]
                theirs = run_scrapy(
                    server.port,
                    [s.host for s in sites],
                    conc * args.q_workers,
                    PER_HOST_CONCURRENCY,
                    workdir,
                )
                theirs["served"] = served["n"] - before
                print(f"  done in {theirs['seconds']:.1f}s", flush=True)
        finally:
            server.stop()
            if admin_url:
                from django.db import connections

                connections.close_all()
                scratch.drop(DB)
    print_table(ours, theirs, expected, args, conc)


def print_table(ours, theirs, expected: int, args, conc: int) -> None:
    print()
    print(
        f"pipeline: {args.sites} sites x {args.pages} pages; Q_WORKERS={args.q_workers}, "
        f"page_curation concurrency {conc}; Scrapy CONCURRENT_REQUESTS={conc * args.q_workers}, "
        f"per domain {PER_HOST_CONCURRENCY}"
    )
    header = f"{'':44} {'seconds':>8} {'pages':>7} {'pages/s':>8} {'contacts':>9} {'expected':>9}"
    print(header)
    print("-" * len(header))
    if ours:
        st = ours["stages"]
        print(
            f"{'ours: end to end (all persisted)':44} {ours['seconds']:8.1f} {ours['pages']:>7,} "
            f"{ours['pages'] / ours['seconds']:8.0f} {ours['contacts']:>9,} {expected:>9,}"
        )
        print(f"{'  sitemap_discovery':44} {st['sitemap_discovery']:8.1f}")
        print(f"{'  sitemap_import':44} {st['sitemap_import']:8.1f}")
        print(
            f"{'  page_curation':44} {st['page_curation']:8.1f} {ours['pages']:>7,} "
            f"{ours['pages'] / st['page_curation']:8.0f}"
        )
    if theirs:
        print(
            f"{'scrapy: end to end (items to JSON lines)':44} {theirs['seconds']:8.1f} "
            f"{theirs['pages']:>7,} {theirs['pages'] / theirs['seconds']:8.0f} "
            f"{theirs['contacts']:>9,} {expected:>9,}"
        )
    if ours and theirs:
        ratio = (ours["pages"] / ours["seconds"]) / (theirs["pages"] / theirs["seconds"])
        stage = (ours["pages"] / ours["stages"]["page_curation"]) / (
            theirs["pages"] / theirs["seconds"]
        )
        print(f"{'ratio ours/scrapy, end to end':44} {ratio:8.2f}x   (goal >= 1.00x)")
        print(f"{'ratio ours page_curation stage / scrapy':44} {stage:8.2f}x")
    if ours:
        notes = []
        if ours["page_errors"]:
            notes.append(f"{ours['page_errors']} pages in Error: {ours['page_error_text']}")
        if ours["discovery_errors"]:
            notes.append(f"{ours['discovery_errors']} domains failed discovery")
        notes.append(f"{ours['sitemaps']} sitemap_files found")
        notes.append(
            f"{ours['requests']:,} requests served ({ours['requests'] / ours['seconds']:.0f}/s)"
        )
        print("ours: " + "; ".join(notes))
    if theirs:
        print(
            f"scrapy: {theirs['served']:,} requests served "
            f"({theirs['served'] / theirs['seconds']:.0f}/s), "
            f"{theirs['items_bytes'] / 1e6:.1f} MB of items"
        )


if __name__ == "__main__":
    main()
