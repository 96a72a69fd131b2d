"""One line of a bench's table: what was done, in how many seconds, with how many calls out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Measured:
    label: str
    count: int  # leads, contacts, ...: the unit the bench reports per second
    seconds: float
    calls: int  # HTTP calls, DNS queries: what it cost outside the process
    note: str = ""

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0
