"""Row locks held by another connection: a thread's transaction left open beside this one."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import connection, transaction

H = TypeVar("H")
T = TypeVar("T")


def beside_an_open_transaction(hold: Callable[[], H], then: Callable[[], T]) -> tuple[H, T]:
    """Run ``hold()`` in a thread's transaction left open (the rows it locked stay locked) while
    ``then()`` runs on this connection; the two results."""
    held: list = []
    holding = threading.Event()
    release = threading.Event()

    def hold_open():
        try:
            with transaction.atomic():
                held.append(hold())
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=hold_open)
    thread.start()
    try:
        assert holding.wait(10)
        result = then()
    finally:
        release.set()
        thread.join()
    return held[0], result
