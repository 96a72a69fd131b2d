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


def record_span(row):
    """Append "S id pgid pid time" before and "E id pgid pid time" after a sleep (O_APPEND)."""
    path = os.environ["ENGINE_RECORD_FILE"]
    ident = f"{row.pk} {os.getpgid(0)} {os.getpid()}"
    _append(path, f"S {ident} {time.time():.6f}\n")
    time.sleep(float(os.environ.get("ENGINE_RECORD_SLEEP") or 0))
    _append(path, f"E {ident} {time.time():.6f}\n")


def _append(path, line: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


def spans(path) -> dict[int, list[tuple[float, float | None, int, int]]]:
    """Per row id: its executions as (start, end or None if killed, pgid, pid), by start."""
    open_spans: dict[tuple[int, int], tuple[float, int]] = {}
    out: dict[int, list] = {}
    with open(path) as fh:
        for line in fh:
            kind, row_id, pgid, pid, at = line.split()
            key = (int(row_id), int(pid))
            if kind == "S":
                open_spans[key] = (float(at), int(pgid))
            else:
                start, _ = open_spans.pop(key)
                out.setdefault(int(row_id), []).append((start, float(at), int(pgid), int(pid)))
    for (row_id, pid), (start, pgid) in open_spans.items():
        out.setdefault(row_id, []).append((start, None, pgid, pid))
    return {k: sorted(v, key=lambda span: span[0]) for k, v in out.items()}


def _fault_until() -> float:
    """$ENGINE_FAULT_SECONDS after the first call of any worker (kept in a file beside the
    record file), so a slow start on a busy machine does not eat the fault window."""
    path = os.environ["ENGINE_RECORD_FILE"] + ".faults"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        for _ in range(100):
            with open(path) as fh:
                text = fh.read().strip()
            if text:
                return float(text)
            time.sleep(0.01)
        raise
    until = time.time() + float(os.environ["ENGINE_FAULT_SECONDS"])
    os.write(fd, f"{until}\n".encode())
    os.close(fd)
    return until


def machine_fault(row):
    """For $ENGINE_FAULT_SECONDS from the first row, fail as a sick machine does: MemoryError,
    or ENOSPC / EMFILE as the OSError a write or an open raises; then record the row."""
    if time.time() < _fault_until():
        kind = os.environ.get("ENGINE_FAULT_KIND", "memory")
        if kind == "memory":
            raise MemoryError
        import errno

        code = {"enospc": errno.ENOSPC, "emfile": errno.EMFILE}[kind]
        raise OSError(code, os.strerror(code))
    record(row)


def record_span_any_namespace(row):
    """``record_span`` for workers in several pid namespaces, where pids repeat: the "pgid"
    field is the pid namespace's inode, the "pid" field the process's random worker nonce."""
    from processing import heartbeat

    namespace = int(heartbeat.pid_namespace().strip("pid:[]") or 0)
    nonce = int(heartbeat.worker_identity().rsplit(":", 1)[1], 16)
    path = os.environ["ENGINE_RECORD_FILE"]
    ident = f"{row.pk} {namespace} {nonce}"
    _append(path, f"S {ident} {time.time():.6f}\n")
    time.sleep(float(os.environ.get("ENGINE_RECORD_SLEEP") or 0))
    _append(path, f"E {ident} {time.time():.6f}\n")


def _wait_for_line(path, prefix: str) -> None:
    while True:
        with open(path) as fh:
            if any(line.startswith(prefix) for line in fh):
                return
        time.sleep(0.005)


def gil_scene(row):
    """The rows of $ENGINE_GIL_ROWS (slow ones, bystander, hog) recorded as ``record_span``:

    - slow: each returns a persist() that sleeps 2 s, one after the other, so every writer of
      the finisher (``FINISH_WRITERS``) is busy writing one;
    - bystander: ends after the slow ones, while the finisher is busy: its outcome waits, unwritten;
    - hog: once the bystander has ended, holds the GIL for $ENGINE_GIL_SECONDS (a C call that
      does not release it: libc ``sleep`` through ``ctypes.PyDLL``), freezing every thread of
      its worker, the finisher and the in-process lease heartbeat included.

    Other rows are recorded only."""
    import ctypes

    path = os.environ["ENGINE_RECORD_FILE"]
    *slow, bystander, hog = (int(x) for x in os.environ["ENGINE_GIL_ROWS"].split(","))
    ident = f"{row.pk} {os.getpgid(0)} {os.getpid()}"
    _append(path, f"S {ident} {time.time():.6f}\n")
    if row.pk in slow[1:]:  # after the one before: each is a write of its own
        _wait_for_line(path, f"E {slow[slow.index(row.pk) - 1]} ")
        time.sleep(0.2)
    elif row.pk == bystander:
        _wait_for_line(path, f"E {slow[-1]} ")
        time.sleep(0.2)
    elif row.pk == hog:
        _wait_for_line(path, f"E {bystander} ")
        time.sleep(0.05)  # the bystander's thread hands its outcome to the finisher
        with open(path + ".hold", "w") as fh:
            fh.write(f"{time.time():.6f}\n")
        ctypes.PyDLL(None).sleep(int(os.environ["ENGINE_GIL_SECONDS"]))
    _append(path, f"E {ident} {time.time():.6f}\n")
    if row.pk in slow:
        return lambda: time.sleep(2.0)
    return None
