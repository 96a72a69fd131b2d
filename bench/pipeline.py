"""The whole pipeline as a user meets it, beside a Scrapy crawl of the same web in the same run.

    .venv/bin/python bench/pipeline.py [--sites 200] [--pages 42] [--q-workers 2]
                                       [--latency-ms 200] [--scrapy-concurrency 32,256]
                                       [--workflows-json '{...}'] [--no-scrapy] [--no-ours]

The web: ``ops.demo.generated_web(sites, pages)``: every common way of publishing a
sitemap (relative and absolute robots.txt lines, an index with a gzipped child, WordPress's
wp-sitemap.xml, plain text, no robots.txt, a home-page footer link only, .xml.gz, RSS), a footer
with the site's shared email and phone on every page, one contact of each page's own, a contact
page writing its contacts every way the extractor knows, and a few slow hosts (every 40th site
answers after 0.5 s) and, with ``--latency-ms N``, every answer delayed by a lognormal time of
median N ms (real small-business sites answer in 200 ms to a second). It is served on 127.0.0.1 by a threaded HTTP/1.1 server dispatching by
Host header, in this process (its CPU is not counted for either crawler).

ours
    A scratch database ``scrapersky_bench_pipeline`` (dropped and recreated: migrate, ``sql/``,
    ``setup_schedules``; dropped on exit) and ``manage.py qcluster`` (``Q_WORKERS`` workers, the
    README's way) with default settings except what the loopback web needs: loopback allowed,
    ``CONNECT_TO`` mapping each site's port 80 to the server and port 443 to a closed loopback
    port (no TLS there: https is refused, as for a site without https), and the two auto-queue
    settings that chain the stages without a curator (``SCRAPERSKY_AUTO_QUEUE_SITEMAPS=true``,
    ``SCRAPERSKY_AUTO_QUEUE_PAGES=all``). The domains are imported **bare** through the import
    service with ``queue=True`` (as ``import_domains --queue`` does), so discovery tries https
    first. The clock starts at the import and ends when no row of any stage is queued or
    processing. Everything is persisted: sitemap_files, pages, contacts and sightings.

scrapy
    A spider in the separate venv ``bench/_ext/venv`` (created on first run with
    ``pip install scrapy``; never a project dependency), told where each site's sitemap is (it
    does no discovery: an advantage), reading urlset / index / gzip / text / RSS, with
    ROBOTSTXT_OBEY, CONCURRENT_REQUESTS of each ``--scrapy-concurrency`` value (32, Scrapy's
    default per domain pool times two workers, and 256) and CONCURRENT_REQUESTS_PER_DOMAIN = 8, extracting mailto/tel links and email/phone regexes, and
    writing page and contact items to a JSON-lines feed (its persistence). Hosts reach the server
    as our CONNECT_TO does: a download handler connects to 127.0.0.1:PORT with the site's Host.

Printed: pages/s of both and the ratio, CPU seconds per page of the cluster's processes (every
process of the qcluster session, sampled from /proc; startup excluded) and of the Scrapy
process, the PostgreSQL server's CPU per page beside ours (its processes on this machine, from
/proc), rows in ``Error`` grouped by reason, the time from queueing to the first import, the
first curated page and the first contact (and each stage's start after its first queued row),
contacts found of those published, people and company facts found per domain against those
the web publishes (precision, recall, role accuracy, decoys taken for people), the cluster's
peak RSS, the web's requests in flight (peak per 2 s) and the PostgreSQL connections used (peak,
in all and per worker process).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import scratch

BASE = Path(__file__).resolve().parent.parent
EXT = BASE / "bench" / "_ext"
EXT_PYTHON = EXT / "venv" / "bin" / "python"
EXT_PACKAGES = ["scrapy"]
DB = "scrapersky_bench_pipeline"
SCRAPY_PER_DOMAIN = 8
WORKFLOW_COLUMNS = (
    ("sitemap_discovery", "domains"),
    ("sitemap_import", "sitemap_files"),
    ("page_curation", "pages"),
)


# --------------------------------------------------------------------------------------------
# the Scrapy side (runs in bench/_ext/venv; imports nothing from the project)


def scrapy_child(port: int, entries_file: str, out_file: str, conc: int, per_host: int) -> dict:
    import gzip
    import re
    import resource
    from urllib.parse import urlsplit, urlunsplit

    import scrapy
    from lxml import etree
    from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.sitemap import Sitemap

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

    class ContactSpider(scrapy.Spider):
        name = "contacts"

        def __init__(self, entries, **kwargs):
            super().__init__(**kwargs)
            self.entries = entries

        async def start(self):
            for url in self.entries:
                yield scrapy.Request(url, callback=self.parse_sitemap)

        def start_requests(self):  # Scrapy < 2.13
            for url in self.entries:
                yield scrapy.Request(url, callback=self.parse_sitemap)

        def parse_sitemap(self, response):
            body = response.body
            if body[:2] == b"\x1f\x8b":
                body = gzip.decompress(body)
            if not body.lstrip().startswith(b"<"):
                for line in body.decode("utf-8", "replace").splitlines():
                    if line.strip():
                        yield scrapy.Request(line.strip(), callback=self.parse)
                return
            root = etree.fromstring(body, etree.XMLParser(resolve_entities=False))
            if etree.QName(root).localname == "rss":
                for link in root.iterfind("channel/item/link"):
                    yield scrapy.Request(link.text.strip(), callback=self.parse)
                return
            sitemap = Sitemap(body)
            callback = self.parse_sitemap if sitemap.type == "sitemapindex" else self.parse
            for entry in sitemap:
                yield scrapy.Request(entry["loc"], callback=callback)

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

    entries = Path(entries_file).read_text().split()
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
    started, cpu = time.perf_counter(), time.process_time()
    process.crawl(crawler, entries=entries)
    process.start()
    seconds = time.perf_counter() - started
    stats = crawler.stats.get_stats()
    return {
        "seconds": seconds,
        "cpu": time.process_time() - cpu,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "requests": stats.get("downloader/request_count", 0),
    }


def ensure_ext_venv() -> None:
    if EXT_PYTHON.exists():
        return
    print(f"creating {EXT / 'venv'} (comparison tools, bench only) ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(EXT / "venv")], check=True)
    subprocess.run([str(EXT_PYTHON), "-m", "pip", "install", "-q", *EXT_PACKAGES], check=True)


def run_scrapy(port: int, sites, conc: int, workdir: Path) -> dict:
    entries = workdir / "entries.txt"
    entries.write_text("\n".join(site.entry for site in sites))
    out = workdir / "scrapy-items.jsonl"
    args = [str(port), str(entries), str(out), str(conc), str(SCRAPY_PER_DOMAIN)]
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
                value = "+" + item["value"] if item["kind"] == "phone" else item["value"]
                contacts.add((item["domain"], item["kind"], value))
    expected = {(s.host, k, v) for s in sites for k, v in s.expected if k != "social"}
    result.update(pages=pages, contacts=len(contacts & expected), expected=len(expected))
    return result


# --------------------------------------------------------------------------------------------
# our side


def prepare_database(env: dict[str, str]) -> None:
    """Create the scratch database, migrate, apply sql/, sync schedules."""
    env["DATABASE_URL"] = scratch.recreate(DB)
    manage = [sys.executable, str(BASE / "manage.py")]
    quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*manage, "migrate", "-v0", "--skip-checks"], **quiet)
    subprocess.run([*manage, "apply_sql"], **quiet)
    subprocess.run([*manage, "setup_schedules"], **quiet)


class ProcessGroupMonitor(threading.Thread):
    """Samples /proc for every process of one session: CPU seconds per pid and summed RSS."""

    TICK = os.sysconf("SC_CLK_TCK")
    PAGE = os.sysconf("SC_PAGE_SIZE")

    def __init__(self, session: int, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.session = session
        self.interval = interval
        self.cpu: dict[int, float] = {}
        self.peak_rss = 0
        self._stop_event = threading.Event()
        self._lock = threading.Lock()

    def sample(self) -> None:
        rss = 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) != self.session:  # field 6 of stat: the session id
                continue
            cpu = (int(fields[11]) + int(fields[12])) / self.TICK  # utime + stime
            rss += int(fields[21]) * self.PAGE
            with self._lock:
                self.cpu[int(entry)] = max(cpu, self.cpu.get(int(entry), 0.0))
        self.peak_rss = max(self.peak_rss, rss)

    def total_cpu(self) -> float:
        self.sample()
        with self._lock:
            return sum(self.cpu.values())

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            self.sample()

    def stop(self) -> None:
        self._stop_event.set()


def _proc_stat(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command name (state is [0], ppid [1])."""
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def postgres_cpu() -> float | None:
    """CPU seconds the PostgreSQL server has used: the postmaster, its children now, and the
    children it has reaped (cutime/cstime). None when the server is not on this machine."""
    tick = ProcessGroupMonitor.TICK
    try:
        postmaster = int(_proc_stat(_row("SELECT pg_backend_pid()")[0])[1])
        fields = _proc_stat(postmaster)
    except (OSError, ValueError, IndexError):
        return None
    total = sum(int(v) for v in fields[11:15]) / tick  # utime, stime, cutime, cstime
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            child = _proc_stat(int(entry))
        except OSError:
            continue
        if int(child[1]) == postmaster:
            total += (int(child[11]) + int(child[12])) / tick
    return total


class Cluster:
    """``manage.py qcluster`` in its own session (process group); output to a log file."""

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
        self.monitor = ProcessGroupMonitor(self.proc.pid)
        self.monitor.start()

    def wait_ready(self, workers: int, timeout: float = 90) -> None:
        """Until every worker process has spawned (its heartbeat row exists)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if _row("SELECT count(*) FROM worker_heartbeats")[0] >= workers:
                return
            if self.proc.poll() is not None:
                raise RuntimeError(f"qcluster exited: {self.log.read_text()[-2000:]}")
            time.sleep(0.1)
        raise RuntimeError(f"qcluster did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        self.monitor.stop()
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log_file.close()


def _row(sql: str) -> tuple:
    from django.db import connection

    with connection.cursor() as c:
        c.execute(sql)
        return c.fetchone()


def _rows(sql: str, params: list | None = None) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as c:
        c.execute(sql, params)
        return c.fetchall()


PROGRESS = """SELECT
  (SELECT count(*) FROM domains WHERE sitemap_discovery_processing_status IN ('Complete', 'Error')),
  (SELECT count(*) FROM domains WHERE sitemap_discovery_processing_status IN ('Queued', 'Processing')),
  (SELECT count(*) FROM sitemap_files WHERE sitemap_import_processing_status IN ('Queued', 'Processing')),
  (SELECT count(*) FROM sitemap_files),
  (SELECT count(*) FROM pages WHERE page_curation_processing_status IN ('Queued', 'Processing')),
  (SELECT count(*) FROM pages WHERE page_curation_processing_status IN ('Complete', 'Error')),
  (SELECT count(*) FROM contacts)"""

# Polled four times a second, so it must cost PostgreSQL next to nothing (the counts above took
# 25 ms a poll, 5 s of the server's CPU in a run): probes of the partial queue and lease indexes.
BUSY = """SELECT
  EXISTS (SELECT FROM domains WHERE sitemap_discovery_processing_status = 'Queued')
  OR EXISTS (SELECT FROM domains WHERE sitemap_discovery_processing_status = 'Processing')
  OR EXISTS (SELECT FROM sitemap_files WHERE sitemap_import_processing_status = 'Queued')
  OR EXISTS (SELECT FROM sitemap_files WHERE sitemap_import_processing_status = 'Processing')
  OR EXISTS (SELECT FROM pages WHERE page_curation_processing_status = 'Queued')
  OR EXISTS (SELECT FROM pages WHERE page_curation_processing_status = 'Processing')"""


def _reason(message: str) -> str:
    """An error message with its URLs, host names and numbers generalised, for grouping."""
    message = re.sub(r"\b\w+://\S+", "<url>", message or "")
    message = re.sub(r"site\d{4}\.demo", "<host>", message)
    message = re.sub(r"\d+(\.\d+)?", "N", message)
    return message[:150]


class ConnectionSampler(threading.Thread):
    """Samples the web's requests in flight (peak per 2 s) and the database's connections: in
    all, and per worker process (a worker names its connections ``scrapersky worker PID``)."""

    def __init__(self, url: str, server) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.server = server
        self.in_flight: list[int] = []
        self.total_peak = 0
        self.worker_peak = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        import psycopg

        sql = """SELECT application_name, count(*) FROM pg_stat_activity
                  WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1"""
        with psycopg.connect(self.url, autocommit=True) as conn:
            tick = 0
            while not self._stop_event.wait(0.25):
                counts = dict(conn.execute(sql).fetchall())
                self.total_peak = max(self.total_peak, sum(counts.values()))
                workers = [n for name, n in counts.items() if name.startswith("scrapersky worker")]
                self.worker_peak = max([self.worker_peak, *workers])
                tick += 1
                if tick % 8 == 0:
                    self.in_flight.append(self.server.take_peak())

    def stop(self) -> None:
        self._stop_event.set()
        self.join(5)


def run_ours(args, sites, env: dict[str, str], workdir: Path, server) -> dict:
    import django

    os.environ.update(env)
    django.setup()
    from curation.intake.importing import InputRow, import_rows

    cluster = Cluster(env, workdir / "qcluster.log")
    try:
        cluster.wait_ready(args.q_workers)
        time.sleep(1.0)  # let the workers finish importing Django before CPU is counted
        deadline = time.monotonic() + args.timeout
        cpu_before = cluster.monitor.total_cpu()
        pg_before = postgres_cpu()
        web_before = time.process_time()  # this process: the loopback web's threads, the polling
        t0_db = _row("SELECT clock_timestamp()")[0]
        sampler = ConnectionSampler(env["DATABASE_URL"], server)
        server.take_peak()
        sampler.start()
        t0 = time.monotonic()
        report = import_rows(
            [InputRow(i + 1, s.host, s.name) for i, s in enumerate(sites)],
            kind="domains",
            source="bench",
            queue=True,
            actor="bench",
            channel="command",
        )
        assert report.queued == len(sites), (report.queued, report.rows[:3])
        last = 0.0
        while True:
            # The import queued every domain before this loop: idle means the pipeline is done.
            if not _row(BUSY)[0]:
                break
            now = time.monotonic()
            if now > deadline:
                raise TimeoutError(f"not done before --timeout: {_row(PROGRESS)}")
            if now - last > 10:
                done, _disc, imp, files, curating, curated, contacts = _row(PROGRESS)
                print(
                    f"    {now - t0:5.0f}s discovered {done}/{len(sites)}, sitemaps {files} "
                    f"({imp} pending), pages curated {curated:,} ({curating:,} pending), "
                    f"contacts {contacts:,}",
                    flush=True,
                )
                last = now
            time.sleep(0.25)
        total = time.monotonic() - t0
        cpu = cluster.monitor.total_cpu() - cpu_before
        pg_after = postgres_cpu()
        pg_cpu = None if pg_before is None or pg_after is None else pg_after - pg_before
        web_cpu = time.process_time() - web_before
        peak_rss = cluster.monitor.peak_rss
        sampler.stop()
    finally:
        cluster.stop()
    pages_ok, pages_err = _row(
        """SELECT count(*) FILTER (WHERE page_curation_processing_status = 'Complete'),
                  count(*) FILTER (WHERE page_curation_processing_status = 'Error') FROM pages"""
    )
    errors: Counter[tuple[str, str]] = Counter()
    for workflow, table in WORKFLOW_COLUMNS:
        for (message,) in _rows(
            f"SELECT {workflow}_processing_error FROM {table} "
            f"WHERE {workflow}_processing_status = 'Error'"
        ):
            errors[workflow, _reason(message)] += 1
    timeline = {}
    for workflow, table in WORKFLOW_COLUMNS:
        first_queued, first_started, last_finished = _row(
            f"SELECT min({workflow}_queued_at), min({workflow}_started_at), "
            f"max({workflow}_finished_at) FROM {table}"
        )
        timeline[workflow] = tuple(
            None if t is None else (t - t0_db).total_seconds()
            for t in (first_queued, first_started, last_finished)
        )
    first_contact = _row("SELECT min(created_at) FROM contacts")[0]
    # Pages finished in each 2-second step from the import: a tail (slow hosts) shows here.
    pace = _rows(
        """SELECT floor(extract(epoch FROM page_curation_finished_at - %s) / 2)::int, count(*)
             FROM pages WHERE page_curation_finished_at IS NOT NULL GROUP BY 1 ORDER BY 1""",
        [t0_db],
    )
    found = set(
        _rows(
            "SELECT d.domain, c.kind, c.value FROM contacts c JOIN domains d ON d.id = c.domain_id"
        )
    )
    expected = {(s.host, k, v) for s in sites for k, v in s.expected}
    people = _rows(
        "SELECT d.domain, p.name_key, p.role FROM people p JOIN domains d ON d.id = p.domain_id"
    )
    facts = _rows(
        """SELECT DISTINCT ON (d.domain, f.kind) d.domain, f.kind, f.value FROM company_facts f
             JOIN domains d ON d.id = f.domain_id ORDER BY d.domain, f.kind, f.rank, f.id"""
    )
    return {
        "people": score_people(sites, people, facts),
        "seconds": total,
        "pages": pages_ok,
        "page_errors": pages_err,
        "errors": errors,
        "timeline": timeline,
        "pace": pace,
        "first_contact": None if first_contact is None else (first_contact - t0_db).total_seconds(),
        "contacts": len(found & expected),
        "contacts_all": len(found),
        "expected": len(expected),
        "cpu": cpu,
        "pg_cpu": pg_cpu,
        "web_cpu": web_cpu,
        "peak_rss": peak_rss,
        "sitemaps": _row("SELECT count(*) FROM sitemap_files")[0],
        "in_flight": sampler.in_flight,
        "connections_peak": sampler.total_peak,
        "worker_connections_peak": sampler.worker_peak,
    }


def score_people(sites, people: list[tuple], facts: list[tuple]) -> dict:
    """People and company facts found per domain against what the generated web publishes."""
    from processing.contacts.names import name_key

    want = {(s.host, name_key(n)): roles for s in sites for n, roles in s.people.items()}
    decoys = {(s.host, name_key(d)) for s in sites for d in s.decoys}
    got = {(domain, key): role for domain, key, role in people}
    hits = set(got) & set(want)
    best = {(domain, kind): value for domain, kind, value in facts}
    published = {(s.host, k): v for s in sites for k, v in s.company.items()}
    return {
        "found": len(got),
        "expected": len(want),
        "precision": len(hits) / len(got) if got else 1.0,
        "recall": len(hits) / len(want) if want else 1.0,
        "roles": sum(got[k] in want[k] for k in hits) / len(hits) if hits else 1.0,
        "decoys": len(set(got) & decoys),
        "facts": sum(best.get(k) == v for k, v in published.items()),
        "facts_expected": len(published),
    }


# --------------------------------------------------------------------------------------------
# the driver


def closed_port() -> int:
    """A loopback port nothing listens on (connections to it are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n", 1)[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--sites", type=int, default=200, help="sites in the generated web")
    parser.add_argument("--pages", type=int, default=42, help="pages per site")
    parser.add_argument("--q-workers", type=int, default=2, help="Q_WORKERS of the qcluster")
    parser.add_argument(
        "--workflows-json",
        default="{}",
        help='SCRAPERSKY_WORKFLOWS_JSON, e.g. \'{"page_curation": {"concurrency": 32}}\'',
    )
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=0.0,
        help="every answer of the loopback web waits a lognormal time with this median (ms)",
    )
    parser.add_argument(
        "--scrapy-concurrency",
        default="32,256",
        help="Scrapy's CONCURRENT_REQUESTS, one crawl per value (comma-separated)",
    )
    parser.add_argument("--timeout", type=float, default=1200, help="seconds for our pipeline")
    parser.add_argument("--no-scrapy", action="store_true", help="skip the Scrapy crawl")
    parser.add_argument("--no-ours", action="store_true", help="skip our pipeline")
    parser.add_argument("--scrapy-child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scrapy_child:
        port, entries_file, out_file, conc, per_host = args.scrapy_child
        print(json.dumps(scrapy_child(int(port), entries_file, out_file, int(conc), int(per_host))))
        return

    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    sys.path.insert(0, str(BASE))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrapersky.settings")
    from ops.demo import SiteServer, generated_web
    from scrapersky.workflows import get_workflow

    # the declared default, or the override (settings are read later, once DATABASE_URL is set)
    overrides = json.loads(args.workflows_json).get("page_curation", {})
    per_worker = overrides.get("concurrency", get_workflow("page_curation").knobs.concurrency)
    scrapy_levels = [int(v) for v in args.scrapy_concurrency.split(",") if v.strip()]
    if not args.no_scrapy:
        ensure_ext_venv()
    sites = generated_web(args.sites, args.pages)
    expected_pages = sum(1 for s in sites for ct, _ in s.resources.values() if "html" in ct)
    server = SiteServer(sites, latency_ms=args.latency_ms).start()
    refused = closed_port()
    connect_to = [f"{s.host}:80=127.0.0.1:{server.port}" for s in sites]
    connect_to += [f"{s.host}:443=127.0.0.1:{refused}" for s in sites]
    env = dict(os.environ, PYTHONPATH=str(BASE), LOG_LEVEL="WARNING")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    env.update(
        Q_WORKERS=str(args.q_workers),
        SCRAPERSKY_WORKFLOWS_JSON=args.workflows_json,
        SCRAPERSKY_FETCH_ALLOWED_NETWORKS="127.0.0.0/8",
        SCRAPERSKY_FETCH_CONNECT_TO=",".join(connect_to),
        SCRAPERSKY_AUTO_QUEUE_SITEMAPS="true",
        SCRAPERSKY_AUTO_QUEUE_PAGES="all",
    )
    slow = sum(1 for s in sites if s.delay)
    print(
        f"web: {args.sites} sites, {expected_pages:,} pages, answers delayed "
        f"{f'~{args.latency_ms:g} ms (lognormal median)' if args.latency_ms else 'not at all'}, "
        f"{sum(len(s.expected) for s in sites):,} contacts published; {slow} slow hosts; "
        f"sitemap forms: {', '.join(sorted({s.form for s in sites}))}; 127.0.0.1:{server.port}\n"
        f"ours: Q_WORKERS={args.q_workers}, SCRAPERSKY_WORKFLOWS_JSON={args.workflows_json}, "
        f"page_curation concurrency cap {per_worker} per worker; "
        f"domains imported bare (https first; refused)\n"
        f"scrapy: CONCURRENT_REQUESTS={', '.join(map(str, scrapy_levels))}, "
        f"CONCURRENT_REQUESTS_PER_DOMAIN={SCRAPY_PER_DOMAIN}",
        flush=True,
    )
    ours = None
    theirs: dict[int, dict] = {}
    created_db = False
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        workdir = Path(tmp)
        try:
            if not args.no_ours:
                created_db = True
                prepare_database(env)
                print("ours: qcluster running the pipeline ...", flush=True)
                ours = run_ours(args, sites, env, workdir, server)
                print(f"  done in {ours['seconds']:.1f}s", flush=True)
            for level in [] if args.no_scrapy else scrapy_levels:
                print(f"scrapy: crawling the same web, {level} requests in flight ...", flush=True)
                server.take_peak()
                theirs[level] = run_scrapy(server.port, sites, level, workdir)
                theirs[level]["in_flight"] = server.take_peak()
                print(f"  done in {theirs[level]['seconds']:.1f}s", flush=True)
        finally:
            server.stop()
            if created_db:
                from django.db import connections

                connections.close_all()
                scratch.drop(DB)
    print_report(ours, theirs, expected_pages)


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}s"


def print_report(ours, theirs, expected_pages: int) -> None:
    print()
    header = (
        f"{'':30} {'seconds':>8} {'pages':>7} {'pages/s':>8} {'CPU ms/page':>12} "
        f"{'peak RSS':>9} {'contacts found':>18}"
    )
    print(header)
    print("-" * len(header))
    rows = [("ours (qcluster, persisted)", ours)]
    rows += [(f"scrapy {level} in flight (JSON lines)", r) for level, r in theirs.items()]
    for label, r in rows:
        if not r:
            continue
        print(
            f"{label:30} {r['seconds']:8.1f} {r['pages']:>7,} {r['pages'] / r['seconds']:8.1f} "
            f"{r['cpu'] / max(1, r['pages']) * 1000:12.2f} {r['peak_rss'] / 2**20:7.0f}MB "
            f"{r['contacts']:>8,}/{r['expected']:<9,}"
        )
    print(f"pages published: {expected_pages:,}")
    if ours and ours.get("people"):
        p = ours["people"]
        print(
            f"people (per domain): {p['found']:,} found of {p['expected']:,} published, precision "
            f"{p['precision']:.3f} (goal >= 0.98), recall {p['recall']:.3f} (goal >= 0.95), role "
            f"accuracy {p['roles']:.3f} (goal >= 0.95), {p['decoys']} testimonial/byline/review "
            f"authors taken for people (goal 0); company facts (best per kind) "
            f"{p['facts']:,}/{p['facts_expected']:,}"
        )
    for level, r in theirs.items() if ours else ():
        ratio = (ours["pages"] / ours["seconds"]) / (r["pages"] / r["seconds"])
        cpu_ratio = (ours["cpu"] / max(1, ours["pages"])) / (r["cpu"] / max(1, r["pages"]))
        print(
            f"ratio ours/scrapy at {level} in flight: pages/s {ratio:.2f}x (goal >= 1.5x), "
            f"CPU per page {cpu_ratio:.2f}x; scrapy's peak requests in flight {r['in_flight']}"
        )
    if theirs:
        print("  (scrapy's contacts: emails and phones only; it extracts no social profiles)")
    if not ours:
        return
    print(
        f"ours: CPU is every qcluster process (workers, sentinel, monitor); goal <= 4 ms/page; "
        f"{ours['sitemaps']} sitemap_files"
    )
    if ours["pg_cpu"] is not None:
        print(
            f"PostgreSQL (every server process, beside ours): "
            f"{ours['pg_cpu'] / max(1, ours['pages']) * 1000:.2f} ms CPU/page, "
            f"{ours['pg_cpu'] / ours['seconds']:.2f} cores on average; the cluster "
            f"{ours['cpu'] / ours['seconds']:.2f} cores; the loopback web and this bench "
            f"{ours['web_cpu'] / ours['seconds']:.2f} cores (of {os.cpu_count()})"
        )
    print("timeline from the import (seconds): first queued / first started / last finished")
    for workflow, (queued, started, finished) in ours["timeline"].items():
        wait = None if queued is None or started is None else started - queued
        print(
            f"  {workflow:18} {_s(queued):>7} {_s(started):>7} {_s(finished):>7}   "
            f"start after first queued row: {_s(wait)} (goal <= 1s)"
        )
    print("  pages finished per 2 s: " + " ".join(f"{count}" for _step, count in ours["pace"]))
    print("  requests in flight per 2 s (peak): " + " ".join(map(str, ours["in_flight"])))
    print(
        f"PostgreSQL connections (peak): {ours['connections_peak']} in all; per worker process "
        f"{ours['worker_connections_peak']} (goal <= 12); of the database, every client "
        f"(the cluster's other processes and this bench included)"
    )
    print(
        f"  first import started {_s(ours['timeline']['sitemap_import'][1])}, "
        f"first page curated {_s(ours['timeline']['page_curation'][1])}, "
        f"first contact {_s(ours['first_contact'])}"
    )
    errors = ours["errors"]
    print(f"rows in Error: {sum(errors.values())} (goal: 0 other than the sites' own answers)")
    for (workflow, reason), count in errors.most_common(20):
        print(f"  {count:6} {workflow}: {reason}")


if __name__ == "__main__":
    main()
