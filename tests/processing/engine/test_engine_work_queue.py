"""DomainQueue hands every row and every stop to a waiting row thread (no lost wakeup), with at
most ``limit`` rows of one domain in flight, though it wakes one waiting thread at a time."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from types import SimpleNamespace

from processing.engine.work import DomainQueue


def test_many_threads_take_every_row_and_every_stop_within_the_domain_limit():
    limit, threads_n, rows_n = 2, 40, 600
    work = DomainQueue(limit)
    taken: list[int] = []
    in_flight: Counter = Counter()
    peak: Counter = Counter()
    lock = threading.Lock()
    stopped = []

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        while True:
            chunk, last = work.take(rng.choice((1, 1, 3)))
            if last:
                stopped.append(seed)
                return
            for row, _token in chunk:
                with lock:
                    in_flight[row.domain_id] += 1
                    peak[row.domain_id] = max(peak[row.domain_id], in_flight[row.domain_id])
                time.sleep(rng.random() / 2000)
                with lock:
                    in_flight[row.domain_id] -= 1
                    taken.append(row.pk)
                work.done(row)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(threads_n)]
    for t in threads:
        t.start()
    rng = random.Random(7)
    for pk in range(rows_n):  # in bursts, as claims put them
        work.put((SimpleNamespace(pk=pk, domain_id=rng.randrange(12)), "token"))
        if pk % 50 == 49:
            time.sleep(0.01)
    for _ in threads:
        work.put(None)
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert sorted(taken) == list(range(rows_n))
    assert len(stopped) == threads_n
    assert max(peak.values()) <= limit
