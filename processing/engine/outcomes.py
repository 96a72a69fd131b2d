"""How rows and runs end: a row's Outcome, a run's RunResult, and the error text stored on a row.

One module for the outcome types, imported by the row threads (``rows``), the finisher thread
(``finisher``), the finish statements (``finish_sql``) and the loop (``runner``), so none of
those imports another for them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from processing.errors import ProcessingError

if TYPE_CHECKING:
    from datetime import datetime

    from processing.persist import Persist


@dataclass(slots=True)  # not frozen: one is made per row, and frozen __init__ is slower
class Outcome:
    """How one held row ends: ``kind`` is "complete", "error", "retry" (Queued again) or
    "fault" (Queued again with its attempt given back: the machine failed, not the row)."""

    row_id: int
    token: str
    kind: str
    message: str | None = None
    next_attempt_at: datetime | None = None
    persist: Persist | None = field(default=None, compare=False)


@dataclass
class RunResult:
    """What one consumer run did."""

    workflow: str
    claimed: int = 0
    complete: int = 0
    errored: int = 0
    retried: int = 0
    faulted: int = 0  # requeued uncharged: the machine lacked memory, disk or descriptors
    released: int = 0
    lost: int = 0  # finished after losing the claim: the write was rejected
    unfinished: int = 0  # the database stayed unavailable: left to the lease (the reaper)
    # "empty", "time budget", "signal", "stop event", "no service", "database unavailable",
    # "machine faults" (a burst of them: the lane pauses)
    stopped_by: str = ""
    fault: str = ""  # with "machine faults": the fault that made the burst
    seconds: float = 0.0
    # (monotonic time, level) each time the rows in flight changed their level (``pace``)
    levels: list = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, outcome: str, n: int = 1) -> None:
        with self._lock:
            setattr(self, outcome, getattr(self, outcome) + n)

    def as_dict(self) -> dict:
        values = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
        levels = values.pop("levels")
        values["levels"] = [level for _at, level in levels][-8:]  # the last few, for the log
        return values


def error_message(exc: BaseException) -> str:
    """The text stored on a row: a ProcessingError's own message, else ``Class: text``."""
    text = str(exc).strip()
    if isinstance(exc, ProcessingError) and text:
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
