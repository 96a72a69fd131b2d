"""Finishing claimed rows: Complete (with the service's ``persist()``), Error, or Queued again.

Each statement is fenced on the row's claim (``queue_sql.held``): a worker whose lease was lost
(the reaper requeued the row, another worker re-claimed it) changes nothing.
"""

# Identifiers come from the registry and are quoted with quote_name; values are parameters.
# ruff: noqa: S608

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection, transaction

from processing.engine.outcomes import Outcome
from processing.engine.queue_sql import int_array, names
from processing.persist import Persist
from scrapersky.status import Status

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from scrapersky.workflows import Workflow


# Each kind's status, in the order of the statement's ARRAY (index 0 there is element 1).
_KIND_STATUS = {
    "complete": Status.COMPLETE,
    "error": Status.ERROR,
    "retry": Status.QUEUED,
    "fault": Status.QUEUED,
}
_KINDS = {kind: i for i, kind in enumerate(_KIND_STATUS)}


def finish(workflow: Workflow, outcomes: Iterable[Outcome]) -> set[int]:
    """Write the outcomes of many rows in one transaction, each fenced on its own claim token.

    One statement sets every row's status (Complete, Error, or Queued for a retry); then the
    ``persist()`` of each row still held runs, in the given order, in the same transaction
    (those of a service that writes many at once in one call: ``run_persists``). Returns the
    ids written (a row missing lost its claim and had nothing written). An exception from any
    ``persist()`` rolls the whole group back and propagates: the caller tries the rows one by
    one to find the culprit.
    """
    outcomes = list(outcomes)
    if not outcomes:
        return set()
    persisting = [o for o in outcomes if o.persist is not None]  # in the caller's order
    # In id order, the rows are looked up (and locked) in id order: the statement joins the
    # primary key in a nested loop over this list.
    outcomes.sort(key=lambda o: o.row_id)
    n = names(workflow)
    cur_t, proc_t = n.cur_type, n.proc_type
    kinds = ", ".join(f"'{value}'" for value in _KIND_STATUS.values())
    # Per row: its id, the index of its token and of its message (0: none) in short arrays of
    # the distinct values, and its kind. Most groups are all "complete" under one or two tokens.
    sql = f"""
        UPDATE {n.table} AS t
           SET {n.cur} = h.status::{cur_t}, {n.proc} = h.status::{proc_t},
               {n.err} = h.message, {n.finished_at} = now(), {n.lease} = NULL,
               {n.next_at} = h.next_at,
               {n.attempts} = GREATEST(t.{n.attempts} - h.refund, 0),
               {n.worker} = CASE WHEN h.status = '{Status.QUEUED}' THEN NULL ELSE t.{n.worker} END
          FROM (SELECT k.id, (%s::text[])[k.tok] AS token,
                       (ARRAY[{kinds}])[k.kind + 1] AS status,
                       (k.kind = {_KINDS["fault"]})::int AS refund,
                       (%s::text[])[NULLIF(k.msg, 0)] AS message,
                       (%s::timestamptz[])[NULLIF(k.msg, 0)] AS next_at
                  FROM unnest(%s::bigint[], %s::int[], %s::int[], %s::int[])
                       AS k(id, tok, kind, msg)) AS h
         WHERE t.id = h.id AND t.{n.worker} = h.token
           AND t.{n.proc} = '{Status.PROCESSING}'::{proc_t}
        RETURNING t.id"""
    tokens: dict[str, int] = {}
    messages: list[str] = []
    next_ats: list[datetime | None] = []
    tok_idx, msg_idx = [], []
    for o in outcomes:
        tok_idx.append(tokens.setdefault(o.token, len(tokens) + 1))
        if o.message is None and o.next_attempt_at is None:
            msg_idx.append(0)
        else:
            messages.append(o.message)
            next_ats.append(o.next_attempt_at)
            msg_idx.append(len(messages))
    ids = int_array(o.row_id for o in outcomes)
    toks = int_array(tok_idx)
    token_list = list(tokens)
    params = [
        token_list,
        messages,
        next_ats,
        ids,
        toks,
        int_array(_KINDS[o.kind] for o in outcomes),
        int_array(msg_idx),
    ]
    if not persisting:
        # Statuses only: one autocommit statement, no transaction round trips.
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {row[0] for row in cursor.fetchall()}
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            held = {row[0] for row in cursor.fetchall()}
        run_persists([o.persist for o in persisting if o.row_id in held])
    return held


def run_persists(persists: list[Persist]) -> None:
    """Run ``persist()`` callables in order; a run of them sharing a ``persist_many`` goes in one
    call of it.

    A service whose results are written by one statement per row can write a whole group in
    one: its ``persist()`` is an object with a static ``persist_many(persists)`` that writes
    those persists in the given order (page_curation: one SQL call for a finisher's group).
    """
    i = 0
    while i < len(persists):
        many = getattr(persists[i], "persist_many", None)
        j = i + 1
        if many is not None:
            while j < len(persists) and getattr(persists[j], "persist_many", None) is many:
                j += 1
            many(persists[i:j])
        else:
            persists[i]()
        i = j
