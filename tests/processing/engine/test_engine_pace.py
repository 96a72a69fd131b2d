"""The rows in flight find their own level (issue 27.2): grow while it helps, shrink when the
site slows down or refuses for load, never past the workflow's cap."""

from __future__ import annotations

import ipaddress
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from engine_support import WORKFLOW, queue_rows

from processing.engine import pace as pace_module
from processing.engine import runner
from processing.engine.pace import Pace
from processing.engine.runner import run_consumer
from processing.engine.worker_loop import WorkerLoop
from processing.fetcher import Fetcher, FetcherConfig
from scrapersky.workflows import get_workflow

WF = get_workflow(WORKFLOW)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.cpu = 0.0


def window(
    pace: Pace,
    clock: Clock,
    *,
    rows: int,
    seconds: float,
    cpu: float = 0.1,
    row_cpu: float | None = None,
    **kw,
):
    """One window of ``rows`` rows each taking ``seconds`` (``row_cpu`` of it CPU, if told),
    all places taken; the process uses ``cpu`` of a core."""
    if row_cpu is not None:
        kw["cpu"] = row_cpu
    places = pace.limit
    for _ in range(places):
        pace.began()
    for i in range(rows):
        if i == rows - 1:
            clock.now += pace_module.WINDOW_SECONDS
            clock.cpu += cpu * pace_module.WINDOW_SECONDS
        pace.ended(seconds, **kw)
        pace.began()
    for _ in range(places):
        pace.ended(seconds)
    clock.now += 0.001


def make(cap: int = 256) -> tuple[Pace, Clock]:
    clock = Clock()
    pace = Pace(cap, clock=lambda: clock.now, cpu=lambda: clock.cpu)
    return pace, clock


def test_the_level_grows_while_places_are_full_and_cpu_is_spare_up_to_the_cap():
    pace, clock = make(cap=64)
    assert pace.limit == pace_module.START
    levels = []
    for _ in range(12):
        window(pace, clock, rows=50, seconds=0.2)
        levels.append(pace.limit)
    assert levels == sorted(levels) and levels[-1] == 64  # grew, stopped at the cap


def test_the_level_doubles_while_the_cpu_is_far_from_busy_then_grows_by_a_quarter():
    pace, clock = make()
    window(pace, clock, rows=50, seconds=0.2, cpu=pace_module.CPU_SPARE - 0.05)
    assert pace.limit == 2 * pace_module.START
    window(pace, clock, rows=50, seconds=0.2, cpu=pace_module.CPU_SPARE + 0.05)
    assert pace.limit == int(2 * pace_module.START * pace_module.GROW)


def test_the_level_doubles_while_doubling_the_runs_own_rows_keeps_the_cpu_under_busy():
    # The process is at 0.6 of a core (other lanes), the run's rows used 0.1 of it: doubling
    # them stays under busy. Then they use 0.35: doubling would not, a quarter more does.
    pace, clock = make()
    window(pace, clock, rows=50, seconds=0.2, cpu=0.6, row_cpu=0.1 / 50)
    assert pace.limit == 2 * pace_module.START
    window(pace, clock, rows=50, seconds=0.2, cpu=0.6, row_cpu=0.35 / 50)
    assert pace.limit == int(2 * pace_module.START * pace_module.GROW)


def test_the_level_holds_when_the_cpu_is_the_limit():
    pace, clock = make()
    window(pace, clock, rows=50, seconds=0.2, cpu=0.95)
    assert pace.limit == pace_module.START


def test_the_level_shrinks_on_429_503_and_timeouts():
    pace, clock = make()
    for _ in range(6):
        window(pace, clock, rows=50, seconds=0.2)
    high = pace.limit
    window(pace, clock, rows=50, seconds=0.2, overloaded=True)
    assert pace.limit == int(high * pace_module.SHRINK_OVERLOAD)


def test_the_level_shrinks_when_answers_slow_down_without_more_rows_done():
    pace, clock = make()
    for _ in range(3):
        window(pace, clock, rows=50, seconds=0.2, cpu=0.6)  # grows by a quarter a window
    high = pace.limit
    window(pace, clock, rows=40, seconds=1.0, cpu=0.6)  # five times slower, fewer rows a second
    assert pace.limit < high


# --- a consumer run against a loopback site whose answers change mid-run ----------------------


class _Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    mode = {"delay": 0.2, "status": 200}

    def do_GET(self) -> None:
        time.sleep(self.mode["delay"])
        body = b"<html><title>ok</title></html>"
        self.send_response(self.mode["status"])
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        return


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    _Site.mode.update(delay=0.2, status=200)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.django_db(transaction=True)
def test_a_run_grows_on_a_steady_site_and_backs_off_when_it_answers_503(site):
    queue_rows(3000)
    fetcher = Fetcher(
        FetcherConfig(
            allowed_networks=(ipaddress.ip_network("127.0.0.0/8"),),
            per_host_concurrency=1000,
            obey_robots=False,
            retries=0,
        )
    )
    url = f"http://127.0.0.1:{site.server_address[1]}/"

    def service(row):
        fetcher.get(url)

    stop = threading.Event()
    marks = {}

    def script():
        time.sleep(5.0)
        marks["503"] = time.monotonic()
        _Site.mode.update(status=503)
        time.sleep(2.5)
        stop.set()

    threading.Thread(target=script, daemon=True).start()
    knobs = replace(WF.effective_knobs, batch_size=50, concurrency=48, time_budget=60)
    try:
        result = run_consumer(
            WORKFLOW, service=service, knobs=knobs, handle_signals=False, stop=stop
        )
    finally:
        fetcher.close()
    before = [level for at, level in result.levels if at < marks["503"]]
    after = [level for at, level in result.levels if at >= marks["503"]]
    assert max(before) > pace_module.START, result.levels  # grew on the steady site
    assert max(before) <= 48  # never past the cap
    assert after and after[-1] < max(before), result.levels  # backed off on the 503s
    assert result.retried > 0  # the 503s were retries, not errors


@pytest.mark.django_db(transaction=True)
def test_a_lanes_next_run_starts_at_the_level_its_last_run_ended_on(site, monkeypatch):
    fetcher = Fetcher(
        FetcherConfig(
            allowed_networks=(ipaddress.ip_network("127.0.0.0/8"),),
            per_host_concurrency=1000,
            obey_robots=False,
        )
    )
    url = f"http://127.0.0.1:{site.server_address[1]}/"
    _Site.mode.update(delay=0.1)
    knobs = replace(WF.effective_knobs, batch_size=50, concurrency=64, time_budget=60)
    real_run = runner.run_consumer
    results = []

    def service(row):
        fetcher.get(url)

    def run_with_the_site(name, **kw):
        results.append(real_run(name, service=service, knobs=knobs, **kw))
        return results[-1]

    monkeypatch.setattr(runner, "run_consumer", run_with_the_site)
    loop = WorkerLoop([WF])
    try:
        queue_rows(1500)
        loop._run(WF)  # drains the queue, growing from START
        queue_rows(100)
        loop._run(WF)
    finally:
        fetcher.close()
    first, second = results
    assert first.complete == 1500 and second.complete == 100
    ended_on = first.levels[-1][1]
    assert ended_on > pace_module.START, first.levels  # the first run grew
    assert second.levels[0][1] == ended_on  # the second did not climb from START again
