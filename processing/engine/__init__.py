"""The workflow engine: claims queued rows, runs a workflow's service on them, finishes them.

Contract for a workflow service (``processing.services.{workflow}.process_single_{source}_for_
{workflow}``, or the dotted path in ``SCRAPERSKY_WORKFLOWS[name]["service"]``)::

    def process_single_page_for_page_curation(page: Page) -> Persist | None: ...

- It is called OUTSIDE any transaction with the claimed model instance (its processing status is
  already ``Processing``). It does its I/O (HTTP, parsing) there and must not write the database
  for results it wants to keep atomically.
- It returns ``None`` (nothing to write) or a ``processing.persist.Persist``: a zero-argument
  callable ``persist()`` that writes the destination rows (and any columns of the source row
  other than the workflow's status columns).
  The engine runs ``persist()`` and marks the row Complete in ONE transaction, fenced on still
  holding the row: processing status ``Processing`` and ``{workflow}_worker`` equal to this
  claim's token. If the lease was lost (the reaper requeued the row and another worker re-claimed
  it) the transaction is rolled back and ``persist()``'s writes are discarded.
- ``persist()`` should be idempotent where possible (unique keys, ON CONFLICT), as a row can be
  processed again after a worker died between its I/O and its commit.
- Failures: raise ``processing.errors.TransientError(message, retry_after=None)`` to retry with
  exponential backoff (status back to Queued) until ``max_attempts``, then Error;
  ``PermanentError`` or any other exception (also from ``persist()``) sets Error at once with
  ``"ExceptionClass: text"`` on the row; the traceback goes to the log. Database faults
  (deadlock, serialization failure, lock timeout, lost connection, server shutdown: see
  ``faults``) are never the row's: in ``persist()`` the write is tried again with backoff (no
  attempt used), in the service they count as a TransientError.
- Attempts: one is counted when the service starts on the row (``claims.start``), not at claim,
  so rows claimed by a worker that died or stopped before starting them keep their attempts
  (a claim starts its rows itself when the whole batch runs within the start window, see
  ``rows.START_WINDOW_SECONDS``).
- ``persist()`` calls of several rows that finished together run in one transaction (one row
  per domain per transaction, in domain order); ``persist()`` should write its rows in the
  order of their unique key, so concurrent transactions never deadlock.

Modules. The queue's SQL, and no other: ``claims`` (claim_rows, start, release),
``politeness`` (the claim that keeps a domain under the deployment-wide cap), ``finish_sql``
(Complete, Error or Queued again for many rows in one statement; the ``persist()``
transaction), ``leases`` (renew, reap, requeue), all built from ``queue_sql`` (names, fence).
A consumer run: ``runner`` (the loop), ``work`` (the rows waiting for a thread, per-domain
limit), ``rows`` (the row threads), ``pace`` (how many in flight), ``starter`` (counts
attempts, one writer per process), ``finisher`` (writes outcomes), ``holdings`` (rows held; one
lease heartbeat per process, renewing through ``lease_keeper``, a child process, in workers).
Around them: ``worker_loop`` (one lane per workflow in each worker process), ``wake``
(LISTEN/NOTIFY), ``reaper``, ``schedules``, ``backoff``, ``faults``, ``stats``.
"""
