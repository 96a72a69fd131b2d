"""The contract for streaming workflows: writes made while reading, each fenced as persist() is.

A service whose result is too big to hold at once (``sitemap_import``: an index of 20 sitemaps
of 50,000 URLs each) writes it in chunks while it reads, each chunk in its own short
transaction opened with :func:`fenced`, instead of returning everything to one ``persist()``::

    for chunk in read_in_chunks(row):
        with fenced("sitemap_import", row):  # locks the row, checks the claim, or raises
            write(chunk)
    return persist  # the row's own columns, written with Complete as usual

Each chunk's transaction first locks the source row and checks that this claim still holds it,
with the engine's own condition: processing status ``Processing`` and ``{workflow}_worker``
equal to the claim's token (the claim writes the token on the row, so the instance the service
receives carries it). A row whose lease was lost (the reaper requeued it and another worker
re-claimed it) writes nothing more: :class:`ClaimLostError` ends the service and the engine's
fence discards the row's outcome. The row lock is taken before the chunk's rows, the order the
engine's finishing transaction uses too, and the reaper and heartbeat skip a locked row, so the
lease cannot be taken while a chunk commits.

The rules of ``persist()`` hold for each chunk: idempotent writes (unique keys, ON CONFLICT)
made in the order of their keys. Chunks committed before a lease was lost stay: they are facts
(a page once per domain and URL) that the next run finds and skips.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models, transaction

from processing.errors import PermanentError
from scrapersky.status import Status
from scrapersky.workflows import get_workflow


class ClaimLostError(PermanentError):
    """The row is no longer held by this claim (another worker has it): nothing was written."""


@contextmanager
def fenced(workflow_name: str, row: models.Model) -> Iterator[None]:
    """A transaction whose writes commit only while ``row`` is still held by its claim.

    Raises :class:`ClaimLostError` before the body runs when the claim is lost, or when the
    row was never claimed (a service called outside the engine holds no claim).
    """
    workflow = get_workflow(workflow_name)
    worker = workflow.names.col("worker")
    token = getattr(row, worker)
    with transaction.atomic():
        held = (
            workflow.model.objects.filter(
                pk=row.pk, **{workflow.names.processing_field: Status.PROCESSING, worker: token}
            )
            .select_for_update()
            .values_list("pk", flat=True)
        )
        if token is None or not list(held):
            raise ClaimLostError(
                f"{workflow_name}: row {row.pk} is no longer held by claim {token!r}; "
                "its remaining writes were not made"
            )
        yield
