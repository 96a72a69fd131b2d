"""robots.txt, per-host concurrency and delay, proxy."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from processing.errors import PermanentError
from processing.fetcher import BlockedAddressError, RobotsDisallowedError

ROBOTS = b"User-agent: *\nDisallow: /private\n\nUser-agent: OtherBot\nDisallow: /\n"


def test_robots_disallow_raises(server, make_fetcher):
    server.respond("/robots.txt", 200, ROBOTS)
    server.respond("/private/page", 200, b"secret")
    server.respond("/public", 200, b"ok")
    fetcher = make_fetcher()
    with pytest.raises(RobotsDisallowedError) as info:
        fetcher.get(server.url("/private/page"))
    assert isinstance(info.value, PermanentError)
    assert "robots.txt" in str(info.value)
    assert server.hits("/private/page") == 0
    assert fetcher.get(server.url("/public")).content == b"ok"
    assert fetcher.get(server.url("/public")).content == b"ok"
    assert server.hits("/robots.txt") == 1  # cached per origin


def test_robots_matches_our_user_agent(server, make_fetcher):
    server.respond("/robots.txt", 200, ROBOTS)
    server.respond("/public", 200, b"ok")
    with pytest.raises(RobotsDisallowedError):
        make_fetcher(user_agent="OtherBot/2.0").get(server.url("/public"))


def test_robots_ignored_when_disabled(server, make_fetcher):
    server.respond("/robots.txt", 200, ROBOTS)
    server.respond("/private/page", 200, b"secret")
    assert make_fetcher(obey_robots=False).get(server.url("/private/page")).content == b"secret"
    assert make_fetcher().get(server.url("/private/page"), check_robots=False).status_code == 200
    assert server.hits("/robots.txt") == 0


def test_robots_checked_on_redirect_hop(server, make_fetcher):
    server.respond("/robots.txt", 200, ROBOTS)
    server.redirect("/go", "/private/x")
    with pytest.raises(RobotsDisallowedError):
        make_fetcher().get(server.url("/go"))
    assert server.hits("/private/x") == 0


@pytest.mark.parametrize("status", [401, 403, 404, 500, 503])
def test_robots_errors_allow_everything(server, make_fetcher, status):
    server.respond("/robots.txt", status, b"User-agent: *\nDisallow: /\n")
    server.respond("/private/page", 200, b"ok")
    fetcher = make_fetcher(retries=0)
    assert fetcher.get(server.url("/private/page")).content == b"ok"
    assert server.hits("/robots.txt") == 1  # no retries for robots.txt


def test_robots_too_large_is_truncated_not_fatal(server, make_fetcher):
    body = b"User-agent: *\nDisallow: /private\n" + b"# filler\n" * 100_000
    server.respond("/robots.txt", 200, body)
    server.respond("/private", 200, b"x")
    with pytest.raises(RobotsDisallowedError):
        make_fetcher(robots_max_bytes=512 * 1024).get(server.url("/private"))


class Busy:
    """Counts requests in progress inside a slow handler, before it answers: counting until the
    answer is written would race with the client's next request on a loaded machine."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.peak = 0

    def handler(self, server):
        def slow(handler):
            with self.lock:
                self.now += 1
                self.peak = max(self.peak, self.now)
            time.sleep(0.2)
            with self.lock:
                self.now -= 1
            server.send(handler, 200, b"ok")

        return slow


def test_per_host_concurrency_limit(server, make_fetcher):
    busy = Busy()
    server.routes["/slow"] = busy.handler(server)
    fetcher = make_fetcher(per_host_concurrency=2)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _: fetcher.get(server.url("/slow")).status_code, range(6)))
    assert results == [200] * 6
    assert busy.peak == 2


def test_per_host_concurrency_is_process_wide(server, make_fetcher):
    busy = Busy()
    server.routes["/slow"] = busy.handler(server)
    fetchers = [make_fetcher(per_host_concurrency=1) for _ in range(3)]
    threads = [
        threading.Thread(target=f.get, args=(server.url("/slow"),), kwargs={"check_robots": False})
        for f in fetchers
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert busy.peak == 1


def test_per_host_delay(server, make_fetcher):
    server.respond("/", 200, b"ok")
    fetcher = make_fetcher(per_host_delay=0.2, obey_robots=False)
    start = time.monotonic()
    for _ in range(3):
        fetcher.get(server.url("/"))
    assert time.monotonic() - start >= 0.4


def test_proxy_routes_requests(server, make_fetcher):
    seen: list[str] = []

    def proxy(handler):
        seen.append(handler.path)
        if handler.path.endswith("/robots.txt"):
            server.send(handler, 404)
        else:
            server.send(handler, 200, b"via proxy " + handler.path.encode())

    server.default = proxy
    fetcher = make_fetcher(proxy=server.url(""), allowed_networks=("127.0.0.1/32",))
    resp = fetcher.get("http://127.0.0.1:9/target?q=1")
    assert resp.content == b"via proxy http://127.0.0.1:9/target?q=1"
    assert seen == ["http://127.0.0.1:9/robots.txt", "http://127.0.0.1:9/target?q=1"]
    # the target is still checked (best effort) before anything is sent to the proxy
    with pytest.raises(BlockedAddressError):
        fetcher.get("http://10.0.0.1/")
    with pytest.raises(BlockedAddressError, match="localhost resolves to"):
        make_fetcher(proxy=server.url(""), allowed_networks=()).get("http://localhost/")
    assert len(seen) == 2


def test_nested_same_host_request_times_out_instead_of_deadlocking(server, make_fetcher):
    from processing.fetcher import FetchTimeoutError

    server.respond("/a", 200, b"a")
    server.respond("/b", 200, b"b")
    fetcher = make_fetcher(per_host_concurrency=1, obey_robots=False)
    impatient = make_fetcher(per_host_concurrency=1, total_timeout=0.5, obey_robots=False)
    with fetcher.stream(server.url("/a")) as outer:
        start = time.monotonic()
        with pytest.raises(FetchTimeoutError, match="no free connection slot"):
            impatient.get(server.url("/b"))
        assert time.monotonic() - start < 2.0
        assert b"".join(outer.iter_bytes()) == b"a"
    assert fetcher.get(server.url("/b")).content == b"b"
