"""CPU per request of the fetcher: the urllib3 path beside the previous httpx path, same run.

    .venv/bin/python bench/fetch_cpu.py [--hosts 200] [--pages 10] [--rounds 3]

A loopback web of ``--hosts`` sites (``processing.demo.generated_web``, HTTP/1.1 keep-alive) is
served by a separate process, so only the client's CPU is counted. Each path makes sequential
``Fetcher.get`` calls, interleaved across hosts as the engine's batches are (so the pool holds
a connection per host), with the default config plus ``CONNECT_TO`` and loopback allowed:
robots.txt obeyed (fetched once per host), SSRF guard, size cap, per-host gate. Logging is set
up as in a worker (root at INFO, a formatter, a stream handler writing to /dev/null), so a
client that logs every request pays for it here as it does in production.

The previous path is ``processing/fetcher`` as of commit ``BASELINE`` (httpx/httpcore), read
from git into a temporary package; it needs ``httpx`` importable (``pip install httpx``; no
longer a project dependency). Rounds alternate old/new; CPU is ``time.process_time()`` of this
process per request (median of the rounds).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
BASELINE = "9925c85"  # the last commit with the httpx fetcher
FILES = ("__init__", "client", "config", "decoding", "errors", "guard", "hosts", "robots")

SERVER = """
import sys
sys.path.insert(0, sys.argv[1])
from processing.demo import SiteServer, generated_web
server = SiteServer(generated_web(int(sys.argv[2]), int(sys.argv[3]), slow_every=0))
print(server.port, flush=True)
server.serve_forever()
"""


def load_old_fetcher(tmp: Path):
    """``processing/fetcher`` at BASELINE as the package ``fetcher_httpx``, or None."""
    try:
        import httpx  # noqa: F401
    except ImportError:
        return None
    package = tmp / "fetcher_httpx"
    package.mkdir()
    for name in FILES:
        source = subprocess.run(
            ["git", "-C", str(BASE), "show", f"{BASELINE}:processing/fetcher/{name}.py"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (package / f"{name}.py").write_text(source)
    sys.path.insert(0, str(tmp))
    return importlib.import_module("fetcher_httpx")


def run(fetcher, urls: list[str], threads: int = 1) -> float:
    """CPU seconds per request for ``urls``, one after another or from a thread pool."""

    def get(url: str) -> None:
        response = fetcher.get(url)
        assert response.status_code == 200, (url, response.status_code)

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

    from processing import fetcher as new
    from processing.demo import generated_web

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
            old = load_old_fetcher(Path(tmp))
            paths_to_run = [("new: urllib3", new)] + ([("old: httpx", old)] if old else [])
            modes = [("sequential", 1), (f"{args.threads} threads", args.threads)]
            figures: dict[tuple[str, str], list[float]] = {
                (mode, name): [] for mode, _ in modes for name, _ in paths_to_run
            }
            for _ in range(args.rounds):
                for mode, threads in modes:
                    for name, module in paths_to_run:
                        fetcher = module.Fetcher(module.FetcherConfig.from_mapping(options))
                        figures[mode, name].append(run(fetcher, urls, threads))
                        fetcher.close()
    finally:
        server.kill()
        server.wait()

    print(
        f"Fetcher.get over {len(urls):,} pages of {args.hosts} hosts "
        f"(robots.txt included), {args.rounds} rounds, loopback server in another process"
    )
    print(f"{'mode':12} {'path':14} {'CPU ms/request (median)':>24} {'rounds':>24}")
    for (mode, name), values in figures.items():
        rounds = " ".join(f"{v * 1000:.2f}" for v in values)
        print(f"{mode:12} {name:14} {statistics.median(values) * 1000:24.2f} {rounds:>24}")
    for mode, _ in modes:
        if (mode, "old: httpx") in figures:
            ratio = statistics.median(figures[mode, "old: httpx"]) / statistics.median(
                figures[mode, "new: urllib3"]
            )
            print(f"{mode}: old/new = {ratio:.1f}x (the goal is <= 4 ms of worker CPU per page)")
    if not any(name == "old: httpx" for _, name in figures):
        print("old path not measured: httpx is not installed (pip install httpx)")


if __name__ == "__main__":
    main()
