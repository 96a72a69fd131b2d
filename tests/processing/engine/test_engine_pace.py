"""The rows in flight find their own level (issue 27.2): grow while it helps, shrink when the
site slows down or refuses for load, never past the workflow's cap."""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from engine_support import WORKFLOW, queue_pages_by_site, queue_rows, wait_for, worker_env

from processing.engine import pace as pace_module
from processing.engine import runner
from processing.engine.pace import Pace
from processing.engine.runner import run_consumer
from processing.engine.worker_loop import WorkerLoop
from processing.fetcher import Fetcher, FetcherConfig
from processing.models import WorkerHeartbeat
from scrapersky.workflows import get_workflow

WF = get_workflow(WORKFLOW)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.cpu = 0.0
        self.machine_busy = 0.5  # share of the machine's cores busy
        self.ticks = (0, 0)  # (busy, all), as /proc/stat counts them

    def advance(self, seconds: float) -> None:
        self.now += seconds
        spent = seconds * 200  # two cores, 100 ticks a second each
        busy, everything = self.ticks
        self.ticks = (busy + round(self.machine_busy * spent), everything + round(spent))


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
            clock.advance(pace_module.WINDOW_SECONDS)
            clock.cpu += cpu * pace_module.WINDOW_SECONDS
        pace.ended(seconds, **kw)
        pace.began()
    for _ in range(places):
        pace.ended(seconds)
    clock.advance(0.001)


def make(cap: int = 256) -> tuple[Pace, Clock]:
    clock = Clock()
    pace = Pace(cap, clock=lambda: clock.now, cpu=lambda: clock.cpu, machine=lambda: clock.ticks)
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


def test_sites_slower_of_themselves_cost_one_probe_not_the_level():
    # Quick answers first (small sites, errors that come back at once), then sites that take
    # 0.4 s whatever the run does. A shrink only lowers the rate there; before the probe, each
    # shrink allowed the next: 128 -> 2 in 40 windows, and no growth back while slow.
    pace, clock = make(cap=128)
    for _ in range(4):
        window(pace, clock, rows=int(pace.limit / 0.005), seconds=0.005, cpu=0.3)
    assert pace.limit == 128
    levels = []
    for _ in range(12):
        window(pace, clock, rows=int(pace.limit / 0.4), seconds=0.4, cpu=0.3)
        levels.append(pace.limit)
    assert min(levels) == int(128 * pace_module.SHRINK_SLOW), levels  # one probe
    assert levels[-1] == 128, levels  # then back to what the CPU and the cap allow


def test_a_crowded_site_keeps_the_level_shrinking():
    # A site answering 40 requests a second, the rest queued: an answer takes level / 40 s.
    # Each shrink makes the answers quicker, so the run shrinks on (by a third once that is
    # seen) until they are back within SLOW_FACTOR of the quickest (0.6 s: 24 in flight); then
    # it lives around there (a growth past it is probed and undone).
    pace, clock = make(cap=128)
    for _ in range(4):
        window(pace, clock, rows=int(pace.limit / 0.2), seconds=0.2, cpu=0.3)
    assert pace.limit == 128
    levels = []
    for _ in range(30):
        window(pace, clock, rows=40, seconds=max(0.2, pace.limit / 40), cpu=0.3)
        levels.append(pace.limit)
    knee = int(40 * pace_module.SLOW_FACTOR * 0.2)
    reached = next(i for i, level in enumerate(levels) if level <= knee)
    assert reached <= 15, str(levels)
    assert levels[:reached] == sorted(levels[:reached], reverse=True), str(levels)
    assert max(levels[reached:]) <= 2 * knee, str(levels)


def test_on_a_busy_machine_a_growth_that_does_not_raise_the_rate_is_undone_and_held():
    # Two workers and PostgreSQL on two cores: each worker under CPU_BUSY, the machine full.
    # Rows wait for the CPU, so the rate stays at 50 a second whatever the level.
    pace, clock = make(cap=256)
    clock.machine_busy = 0.97
    levels = []
    ended_late = 0  # rows in flight at a window's end are counted in the next window
    for _ in range(4 + pace_module.STALL_WINDOWS):
        places = pace.limit
        window(pace, clock, rows=50 - ended_late, seconds=0.2, cpu=0.5)
        ended_late = places
        levels.append(pace.limit)
    grown = int(pace_module.START * pace_module.GROW)  # a quarter, never doubled when busy
    assert levels[:3] == [grown, grown, pace_module.START], levels  # tried, judged, undone
    held = levels[3 : 3 + pace_module.STALL_WINDOWS - 1]
    assert set(held) == {pace_module.START}, levels
    assert levels[-1] == grown, levels  # tried again after STALL_WINDOWS


def test_on_a_busy_machine_growth_goes_on_while_it_raises_the_rate():
    # Rows waiting on 50 ms answers while other processes fill the cores: each growth raises
    # the rate, so each trial passes and the level climbs to the cap.
    pace, clock = make(cap=64)
    clock.machine_busy = 0.97
    levels = []
    for _ in range(20):
        window(pace, clock, rows=int(pace.limit / 0.05), seconds=0.05, cpu=0.3)
        levels.append(pace.limit)
    assert levels == sorted(levels) and levels[-1] == 64, levels


def test_spare_cpu_on_the_machine_ends_the_hold():
    pace, clock = make(cap=256)
    clock.machine_busy = 0.97
    ended_late = 0
    for _ in range(4):
        places = pace.limit
        window(pace, clock, rows=50 - ended_late, seconds=0.2, cpu=0.3)
        ended_late = places
    assert pace.limit == pace_module.START  # undone, holding
    clock.machine_busy = 0.6
    window(pace, clock, rows=50, seconds=0.2, cpu=0.3)
    assert pace.limit == 2 * pace_module.START  # spare CPU: doubling as before


def test_machine_cpu_reads_busy_and_all_ticks_with_niced_time_spare(tmp_path):
    stat = tmp_path / "stat"
    # user nice system idle iowait irq softirq steal guest guest_nice
    stat.write_text("cpu  100 50 20 400 10 5 1 10 0 0\ncpu0 50 25 10 200 5 2 1 5 0 0\n")
    assert pace_module.machine_cpu(str(stat)) == (136, 596)
    assert pace_module.machine_cpu(str(tmp_path / "missing")) is None


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


# --- a worker cluster against a loopback web whose latency changes mid-run --------------------


class Web:
    """Loopback sites (one server, each site its own host name) that count the requests in
    flight at the server, in all and per host, over time. ``crowd(k)`` makes the server answer
    ``k`` requests at a time, the others waiting their turn (a site overloaded by its visitors:
    each answer takes longer the more requests are in flight); ``crowd(None)`` ends it."""

    def __init__(self) -> None:
        self.delay = 0.3
        self.slots: threading.Semaphore | None = None
        self.lock = threading.Lock()
        self.in_flight = 0
        self.by_host: dict[str, int] = {}
        self.host_peak = 0
        self.samples: list[tuple[float, int]] = []  # (monotonic time, requests in flight)
        self.first = threading.Event()
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):
                pass

            def do_GET(self):
                host = self.headers.get("Host", "")
                with web.lock:
                    web.in_flight += 1
                    web.by_host[host] = web.by_host.get(host, 0) + 1
                    web.host_peak = max(web.host_peak, web.by_host[host])
                    web.samples.append((time.monotonic(), web.in_flight))
                web.first.set()
                slots = web.slots
                if slots is not None:
                    slots.acquire()
                try:
                    time.sleep(web.delay)
                finally:
                    if slots is not None:
                        slots.release()
                with web.lock:  # answered: the request is no longer in flight at the server
                    web.in_flight -= 1
                    web.by_host[host] -= 1
                    web.samples.append((time.monotonic(), web.in_flight))
                body = b"<!doctype html><html><body><h1>Pace</h1><p>A page.</p></body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.request_queue_size = 256
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def crowd(self, k: int | None) -> None:
        self.slots = None if k is None else threading.Semaphore(k)

    def peak(self, start: float, end: float) -> int:
        """The most requests in flight at the server between ``start`` and ``end``."""
        return max((n for at, n in self.samples if start <= at < end), default=0)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def web():
    web = Web()
    yield web
    web.close()


CAP = 48  # page_curation's concurrency (the knob is the level's cap)
SITES = 24  # with PER_HOST_CONCURRENCY 4: 96 could be in flight, the cap is what holds


@pytest.mark.workers
@pytest.mark.django_db(transaction=True)
def test_a_worker_grows_on_a_slow_web_shrinks_when_a_site_is_crowded_and_grows_back(
    workers, record_file, web
):
    """What the site sees: the requests in flight at the server grow past the first level
    while every answer takes 0.3 s (the worker waits, its CPU is spare); when the server serves
    only 8 at a time (an answer then takes as long as the queue ahead of it: 1.8 s at 48) they
    shrink; when it serves every request again they grow back. Never more than the cap, never
    more than PER_HOST_CONCURRENCY to one site, every page Complete in the end."""
    page_wf = get_workflow("page_curation")
    port = web.server.server_address[1]
    hosts = [f"s{i}.example" for i in range(SITES)]
    workers.start(
        ["qcluster"],
        worker_env(
            {page_wf.name: {"concurrency": CAP}},
            record_file,
            Q_WORKERS="1",  # one worker process: one level, read at the server
            SCRAPERSKY_FETCH_ALLOWED_NETWORKS="127.0.0.0/8",
            SCRAPERSKY_FETCH_CONNECT_TO=",".join(f"{h}:80=127.0.0.1:{port}" for h in hosts),
            SCRAPERSKY_OBEY_ROBOTS="false",
            SCRAPERSKY_PER_HOST_CONCURRENCY="4",
        ),
    )
    assert wait_for(lambda: WorkerHeartbeat.objects.exists(), timeout=60), workers.log(
        workers.procs[0]
    )
    queued = queue_pages_by_site({f"s{i}": 80 for i in range(SITES)})
    assert web.first.wait(30), workers.log(workers.procs[0])
    t0 = time.monotonic()
    steady, crowded, again = t0 + 6, t0 + 16, t0 + 22
    time.sleep(steady - time.monotonic())
    web.crowd(8)
    time.sleep(crowded - time.monotonic())
    web.crowd(None)
    time.sleep(again - time.monotonic())
    web.delay = 0.005  # the rest of the pages, quickly
    pages = sum(len(ids) for _domain, ids in queued.values())
    done = lambda: page_wf.model.objects.filter(  # noqa: E731
        **{f"{page_wf.names.processing_field}__in": ["Complete", "Error"]}
    ).count()
    assert wait_for(lambda: done() == pages, timeout=60), workers.log(workers.procs[0])
    counts = {
        status: page_wf.model.objects.filter(**{page_wf.names.processing_field: status}).count()
        for status in ("Complete", "Error")
    }
    assert counts == {"Complete": pages, "Error": 0}

    # The run starts at START (16) in flight; its first window may end before the first answer
    # does (claims and starts come first), so the level is read after growth, not before it.
    grown = web.peak(steady - 2, steady)
    shrunk = web.peak(crowded - 1.5, crowded)
    regrown = web.peak(again - 3, again)
    figures = (grown, shrunk, regrown, pace_module.START)
    assert grown >= 2 * pace_module.START, figures  # grew while the answers waited
    assert shrunk <= 0.75 * grown, figures  # shrank when more in flight only queued
    assert regrown >= 1.4 * shrunk, figures  # grew back
    assert web.peak(0, math.inf) <= CAP, figures  # the knob is the cap
    assert web.host_peak <= 4  # PER_HOST_CONCURRENCY, at the server
