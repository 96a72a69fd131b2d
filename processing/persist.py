"""``Persist``: what a workflow service returns and the engine runs in its fenced transaction."""

from __future__ import annotations

from typing import Protocol


class Persist(Protocol):
    """A zero-argument callable that writes one row's results (see :mod:`processing.engine`).

    The engine calls it inside the transaction that marks the row Complete, fenced on the claim.
    Its class may also offer a static ``persist_many(persists)`` that writes several of them in
    one statement (``processing.services.page_curation.PagePersist``): the engine hands it the
    persists of that class that finished together.
    """

    def __call__(self) -> object: ...
