"""The change feed under concurrent writers: a polling client misses nothing and sees nothing twice.

Writers in their own connections commit out of order on purpose (random pauses inside their
transactions, some transactions held open while others commit, some rolled back), while a
client polls with random page sizes, storing only the last cursor, as an integrator would.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter

import pytest
from django.db import connection, transaction

from curation.changes import change_page
from curation.models import Contact, Domain

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 4
TRANSACTIONS = 250


class Rollback(Exception):
    pass


def writer(n: int, expected: Counter, lock: threading.Lock, errors: list) -> None:
    rng = random.Random(n)
    mine: list[int] = []  # contacts this writer created and may change or delete
    try:
        for t in range(TRANSACTIONS):
            done: list[tuple[str, int, str]] = []
            try:
                with transaction.atomic():
                    domain = Domain.objects.create(domain=f"w{n}-t{t}.example")
                    done.append(("domains", domain.pk, "insert"))
                    for k in range(rng.randint(1, 3)):
                        c = Contact.objects.create(domain=domain, kind="email", value=f"c{k}@x.io")
                        done.append(("contacts", c.pk, "insert"))
                        new_contact = c.pk
                    if mine and rng.random() < 0.3:
                        pk = mine.pop(rng.randrange(len(mine)))
                        Contact.objects.filter(pk=pk).update(display=f"changed {t}")
                        done.append(("contacts", pk, "update"))
                    if mine and rng.random() < 0.2:
                        pk = mine.pop(rng.randrange(len(mine)))
                        Contact.objects.filter(pk=pk).delete()
                        done.append(("contacts", pk, "delete"))
                    # hold the transaction open a while: commits come out of txid order
                    time.sleep(rng.choice([0, 0, 0, 0.001, 0.003, 0.02]))
                    if rng.random() < 0.1:
                        raise Rollback
            except Rollback:
                continue  # rolled back: none of it may ever appear in the feed
            mine.append(new_contact)
            with lock:
                expected.update(done)
    except Exception as exc:  # pragma: no cover - reported by the test
        errors.append(exc)
    finally:
        connection.close()


def test_no_change_missed_or_repeated_under_concurrent_writers():
    expected: Counter = Counter()
    seen: list[tuple[str, int, str]] = []
    cursors: list[str] = []
    lock = threading.Lock()
    errors: list[Exception] = []
    threads = [
        threading.Thread(target=writer, args=(n, expected, lock, errors)) for n in range(WRITERS)
    ]
    for thread in threads:
        thread.start()

    rng = random.Random(99)
    cursor = None
    polls = 0

    def poll() -> bool:
        nonlocal cursor, polls
        page = change_page(after=cursor, page_size=rng.randint(1, 300))
        polls += 1
        seen.extend((c["table"], c["id"], c["op"]) for c in page.changes)
        cursors.extend(c["cursor"] for c in page.changes)
        cursor = page.next_cursor  # all the client keeps
        return page.has_more

    while any(t.is_alive() for t in threads):
        poll()
        time.sleep(rng.choice([0, 0.002, 0.01]))
    for thread in threads:
        thread.join()
    while poll():
        pass
    poll()  # once more after the writers' last commits: still nothing new

    assert not errors, errors
    assert sum(expected.values()) > 2000, "not enough changes to mean anything"
    assert len(cursors) == len(set(cursors)), "a change was handed out twice"
    assert Counter(seen) == expected  # nothing missed, nothing repeated, nothing rolled back
    assert polls > 20
