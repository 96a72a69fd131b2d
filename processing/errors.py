"""Exceptions a workflow service raises to tell the engine how a row failed."""

from __future__ import annotations


class ProcessingError(Exception):
    """Base class: the row failed; ``str(exc)`` is the message stored on the row."""


class TransientError(ProcessingError):
    """A failure worth retrying later (timeouts, connection errors, HTTP 408/429/5xx).

    ``retry_after`` is the delay in seconds the remote side asked for (``Retry-After``), if any;
    the engine waits at least that long before the next attempt.
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(ProcessingError):
    """A failure that will not go away by retrying (HTTP 404, invalid input, a refused address)."""
