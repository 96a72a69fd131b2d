"""CPU per request of the fetcher beside bare HTTP clients on the same pages, same run.

    .venv/bin/python bench/fetch_cpu.py [--hosts 200] [--pages 10] [--rounds 3] [--threads 16]
        [--compare REV ...] [--profile [N]]

A loopback web of ``--hosts`` sites (``ops.demo.generated_web``, HTTP/1.1 keep-alive) is
served by a separate process, so only the client's CPU is counted. Each path makes sequential
``Fetcher.get`` calls, interleaved across hosts as the engine's batches are (so the pool holds
a connection per host), with the default config plus ``CONNECT_TO`` and loopback allowed:
robots.txt obeyed (fetched once per host), SSRF guard, size cap, per-host gate. Logging is set
up as in a worker (root at INFO, a formatter, a stream handler writing to /dev/null), so a
client that logs every request pays for it here as it does in production.

Baselines, measured in the same rounds (the machine's load moves every figure, so only
same-run ratios mean much):

* ``bare http.client``: one keep-alive ``http.client.HTTPConnection`` per host (per thread),
  the same headers, ``read()`` of the whole body: no guard, no robots, no cap, no pool;
* ``bare urllib3``: one ``urllib3.PoolManager`` (pools per origin, as the fetcher's), the same
  headers, body preloaded: what urllib3 itself costs;
* ``--compare REV``: ``processing/fetcher`` as of the git revision REV, read from git into a
  temporary package, to measure a change before/after in one run. ``--compare 9925c85`` is
  the last httpx fetcher (needs ``pip install httpx``, no longer a project dependency).

CPU is ``time.process_time()`` of this process per request (median of the rounds; rounds
alternate the paths). ``--profile N`` also runs the fetcher once under cProfile (CPU clock) and
prints its N most expensive functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import importlib
import logging
import os
import pstats
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import urllib3
from urllib3.connection import HTTPConnection as Urllib3Connection
from urllib3.connectionpool import HTTPConnectionPool

BASE = Path(__file__).resolve().parent.parent
SERVER = """
import sys
sys.path.insert(0, sys.argv[1])
from ops.demo import SiteServer, generated_web
server = SiteServer(generated_web(int(sys.argv[2]), int(sys.argv[3]), slow_every=0))
print(server.port, flush=True)
server.serve_forever()
"""


def load_fetcher_at(rev: str, tmp: Path):
    """``processing/fetcher`` at the git revision ``rev``, as a package of its own."""
    git = ["git", "-C", str(BASE)]
    names = subprocess.run(
        [*git, "ls-tree", "--name-only", f"{rev}:processing/fetcher"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    package = tmp / f"fetcher_{rev.replace('/', '_').replace('~', '_').replace('^', '_')}"
    package.mkdir()
    for name in names:
        if name.endswith(".py"):
            source = subprocess.run(
                [*git, "show", f"{rev}:processing/fetcher/{name}"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            (package / name).write_text(source)
    if str(tmp) not in sys.path:
        sys.path.insert(0, str(tmp))
    return importlib.import_module(package.name)


HEADERS = {
    "User-Agent": "ScraperSkyBot/0.1 (+https://github.com/scrapersky)",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate",
}


class BareHTTPClient:
    """One keep-alive ``http.client`` connection per host and thread, to the loopback server."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.local = threading.local()

    def get(self, url: str) -> int:
        parts = urlsplit(url)
        conns = self.local.__dict__.setdefault("conns", {})
        conn = conns.get(parts.hostname)
        if conn is None:
            conn = conns[parts.hostname] = http.client.HTTPConnection(parts.hostname, timeout=15)
            conn.sock = socket.create_connection(("127.0.0.1", self.port), timeout=15)
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.request("GET", parts.path or "/", headers=HEADERS)
        response = conn.getresponse()
        response.read()
        return response.status

    def close(self) -> None:
        for conn in self.local.__dict__.get("conns", {}).values():
            conn.close()


class BareUrllib3:
    """A plain ``urllib3.PoolManager`` whose connections go to the loopback server."""

    def __init__(self, port: int, threads: int) -> None:
        class Connection(Urllib3Connection):
            def _new_conn(self) -> socket.socket:
                sock = socket.create_connection(("127.0.0.1", port), timeout=15)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                return sock

        self.manager = urllib3.PoolManager(num_pools=1000, maxsize=max(2, threads))
        self.manager.pool_classes_by_scheme = {
            "http": type("Pool", (HTTPConnectionPool,), {"ConnectionCls": Connection})
        }

    def get(self, url: str) -> int:
        response = self.manager.request("GET", url, headers=HEADERS, redirect=False, retries=False)
        return response.status

    def close(self) -> None:
        self.manager.clear()


class FetcherClient:
    def __init__(self, module, options: dict) -> None:
        self.fetcher = module.Fetcher(module.FetcherConfig.from_mapping(options))

    def get(self, url: str) -> int:
        return self.fetcher.get(url).status_code

    def close(self) -> None:
        self.fetcher.close()


def run(client, urls: list[str], threads: int = 1) -> float:
    """CPU seconds per request for ``urls``, one after another or from a thread pool."""

    def get(url: str) -> None:
        status = client.get(url)
        assert status == 200, (url, status)

    start = time.process_time()
    if threads == 1:
        for url in urls:
            get(url)
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(get, urls))
    return (time.process_time() - start) / len(urls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--threads", type=int, default=16, help="threads of the second mode (page_curation's)"
    )
    parser.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="REV",
        help="also measure processing/fetcher as of this git revision (repeatable)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=30,
        default=0,
        metavar="N",
        help="also profile the fetcher (sequential) and print its N top functions",
    )
    args = parser.parse_args()

    sys.path.insert(0, str(BASE))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrapersky.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    root = logging.getLogger()
    root.handlers[:] = []
    handler = logging.StreamHandler(open(os.devnull, "w"))  # noqa: SIM115 - lives as long as the run
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)

    from ops.demo import generated_web
    from processing import fetcher as new

    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(BASE), str(args.hosts), str(args.pages)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(server.stdout.readline())
        sites = generated_web(args.hosts, args.pages, slow_every=0)
        hosts = [site.host for site in sites]
        pages = [
            [site.base + path for path, (ct, _) in site.resources.items() if "html" in ct]
            for site in sites
        ]
        # interleaved across hosts, as the engine's batches are
        urls = [page[i] for i in range(max(map(len, pages))) for page in pages if i < len(page)]
        options = {
            "ALLOWED_NETWORKS": ["127.0.0.0/8"],
            "CONNECT_TO": {f"{h}:80": f"127.0.0.1:{port}" for h in hosts},
        }
        with tempfile.TemporaryDirectory(prefix="bench-fetch-") as tmp:
            paths_to_run = [
                ("fetcher", lambda threads: FetcherClient(new, options)),
                ("bare urllib3", lambda threads: BareUrllib3(port, threads)),
                ("bare http.client", lambda threads: BareHTTPClient(port)),
            ]
            for rev in args.compare:
                module = load_fetcher_at(rev, Path(tmp))
                paths_to_run.append(
                    (f"fetcher@{rev}"[:17], lambda threads, m=module: FetcherClient(m, options))
                )
            modes = [("sequential", 1), (f"{args.threads} threads", args.threads)]
            figures: dict[tuple[str, str], list[float]] = {
                (mode, name): [] for mode, _ in modes for name, _ in paths_to_run
            }
            for _ in range(args.rounds):
                for mode, threads in modes:
                    for name, make in paths_to_run:
                        client = make(threads)
                        figures[mode, name].append(run(client, urls, threads))
                        client.close()
            if args.profile:
                profile(FetcherClient(new, options), urls, args.profile)
    finally:
        server.kill()
        server.wait()

    print(
        f"Fetcher.get over {len(urls):,} pages of {args.hosts} hosts "
        f"(robots.txt included), {args.rounds} rounds, loopback server in another process"
    )
    print(f"{'mode':12} {'path':17} {'CPU ms/request: median':>23} {'min':>6}   x bare http.client")
    for (mode, name), values in figures.items():
        base = figures[mode, "bare http.client"]
        print(
            f"{mode:12} {name:17} {statistics.median(values) * 1000:23.3f} "
            f"{min(values) * 1000:6.3f}   {statistics.median(values) / statistics.median(base):.2f}"
            f" (min {min(values) / min(base):.2f})"
        )
    print(
        "(CPU of this process, median and least of the rounds: other load on the machine only "
        "adds, so the least is the steadier figure; the goal is <= 4 ms of worker CPU per page, "
        "whole pipeline)"
    )


def profile(client: FetcherClient, urls: list[str], top: int) -> None:
    """The fetcher's sequential run under cProfile, CPU clock (robots.txt and connections warm)."""
    run(client, urls)
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    run(client, urls)
    profiler.disable()
    client.close()
    print(f"\nprofile of the fetcher, {len(urls):,} requests, CPU clock (profiling inflates it):")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


if __name__ == "__main__":
    main()
