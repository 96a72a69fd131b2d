"""Recording services for engine tests, importable by dotted path in worker subprocesses."""

from __future__ import annotations

import os
import time


def record(row):
    """Append the row id to $ENGINE_RECORD_FILE (O_APPEND: atomic across processes)."""
    fd = os.open(os.environ["ENGINE_RECORD_FILE"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, f"{row.pk}\n".encode())
    finally:
        os.close(fd)
    delay = float(os.environ.get("ENGINE_RECORD_SLEEP") or 0)
    if delay:
        time.sleep(delay)


def recorded(path) -> list[int]:
    with open(path) as fh:
        return [int(line) for line in fh if line.strip()]


def noop(row):
    """Nothing to do, nothing to write: the row completes."""
    return None
