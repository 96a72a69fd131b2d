"""set_curation_status: the one write path for curation status changes (the dual-status update).

The admin action, the API views and ``manage.py set_status`` all call :func:`set_curation_status`
and contain no logic of their own. One call is one transaction:

1. the matching rows are locked ``FOR UPDATE`` in id order (two curators selecting overlapping
   rows lock them in the same order, so they queue behind each other instead of deadlocking),
   reading each row's old curation status (for the audit) and processing status;
2. rows whose processing status is ``Processing`` are skipped: a worker holds them, and the engine
   alone decides what happens to them;
3. the others are changed by ONE set-based ``UPDATE ... WHERE id = ANY(...)``. When the target is
   ``Queued`` the same statement sets the processing status to ``Queued``, clears the error,
   stamps ``{wf}_queued_at`` and resets the retry counters (the dual-status update). Any other
   target changes the curation status and withdraws rows still waiting in the queue (their
   processing status goes back to NULL); finished rows keep the engine's last word;
4. the audit row (``status_changes``) is written in the same transaction.

After the commit, if rows were queued and ``SCRAPERSKY_KICK_ON_QUEUE`` is true, the
``curation.signals.rows_queued`` signal is sent; processing connects the workflow consumer's kick
to it, so the rows do not wait for the next scheduled run (and curation never imports the engine).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F, Lookup
from django.utils import timezone

from curation.models import Channel, StatusChange
from curation.signals import rows_queued
from curation.status_results import SKIPPED_PROCESSING, StatusChangePreview, StatusChangeResult
from scrapersky.conf import conf
from scrapersky.status import Status
from scrapersky.workflows import Workflow, get_workflow

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.db.models import QuerySet

logger = logging.getLogger(__name__)

# Explicit id lists are capped so one request cannot hold a lock on (and send back) an unbounded
# number of rows; to change more rows, pass a queryset (the API's filtered variant, the admin's
# "select all", ``set_status --filter``), which has no cap.
MAX_IDS = 10_000


class CurationError(Exception):
    """A curation request the service refuses; the message is meant for the user."""


class _AnyOf(Lookup):
    """``column = ANY(%s)`` with the whole list as ONE array parameter.

    ``id__in=[...]`` would send one placeholder per id: slow to build and parse for 100k ids.
    """

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, list(self.rhs)]


def resolve_workflow(workflow: str | Workflow) -> Workflow:
    """The registry entry for ``workflow``; CurationError for an unknown name."""
    if isinstance(workflow, Workflow):
        return workflow
    try:
        return get_workflow(workflow)
    except LookupError as exc:
        raise CurationError(str(exc.args[0])) from None


def curation_choices(workflow: Workflow) -> list[str]:
    """The statuses a curator may set (every curation status except Processing)."""
    return [value for value in workflow.curation_enum.values if value != Status.PROCESSING]


def set_curation_status(
    *,
    workflow: str | Workflow,
    status: str,
    ids: Sequence[int] | None = None,
    queryset: QuerySet | None = None,
    actor: AbstractBaseUser | str,
    channel: Channel,
    dry_run: bool = False,
) -> StatusChangeResult | StatusChangePreview:
    """Set ``workflow``'s curation status of the given rows to ``status``, in one transaction.

    Pass exactly one of ``ids`` (at most :data:`MAX_IDS`) or ``queryset`` (of the workflow's
    source model; any filtering, no cap). ``actor`` is the acting user, or a name when no user
    acts (a command's OS user). ``channel`` is one of ``Channel`` (admin, api, command, system).

    Raises CurationError (nothing changed) for an unknown workflow, status or channel, the
    status ``Processing`` (only the engine sets it), both or neither of ids/queryset, too many
    ids, or a queryset of another model.

    Returns a :class:`StatusChangeResult`; with ``dry_run=True``, a :class:`StatusChangePreview`
    instead: the same validation, then counts of what would change (read without locks), and
    nothing written.
    """
    wf = resolve_workflow(workflow)
    status = _check_status(wf, status)
    if channel not in Channel.values:
        raise CurationError(
            f"unknown channel {channel!r} (expected one of: {', '.join(Channel.values)})"
        )
    model = wf.model
    requested_ids: list[int] | None = None
    if (ids is None) == (queryset is None):
        raise CurationError("pass exactly one of ids or queryset")
    if ids is not None:
        requested_ids = _check_ids(ids)
        selection = model._base_manager.filter(_AnyOf(F("pk"), requested_ids))
    else:
        if queryset.model is not model:
            raise CurationError(
                f"workflow {wf.name} works on {model._meta.label}, not {queryset.model._meta.label}"
            )
        # Re-selected by primary key: the caller's queryset may be sliced, distinct, annotated
        # or joined, none of which FOR UPDATE accepts (or it would lock the joined tables too).
        inner = queryset if queryset.query.is_sliced else queryset.order_by()
        selection = model._base_manager.filter(pk__in=inner.values("pk"))
    if dry_run:
        return _preview(wf, status, selection, requested_ids)

    curation_col, processing_col = wf.names.curation_field, wf.names.processing_field
    with transaction.atomic():
        locked = list(
            selection.select_for_update(of=("self",))
            .order_by("pk")
            .values_list("pk", curation_col, processing_col)
        )
        change_ids: list[int] = []
        processing_ids: list[int] = []
        from_statuses: Counter[str] = Counter()
        for pk, old_curation, old_processing in locked:
            if old_processing == Status.PROCESSING:
                processing_ids.append(pk)
            else:
                change_ids.append(pk)
                from_statuses[old_curation] += 1

        queue = status == Status.QUEUED
        if change_ids:
            values: dict[str, object] = {curation_col: status}
            if queue:
                values.update(
                    {
                        processing_col: Status.QUEUED,
                        wf.names.error_field: None,
                        wf.names.col("queued_at"): timezone.now(),
                        wf.names.col("attempts"): 0,
                        wf.names.col("next_attempt_at"): None,
                    }
                )
            model._base_manager.filter(_AnyOf(F("pk"), change_ids)).update(**values)
            if not queue:
                # Any other target withdraws rows still waiting in the queue: a curator who
                # skips a row must not see a worker process it a second later. Finished rows
                # keep their processing history.
                model._base_manager.filter(
                    _AnyOf(F("pk"), change_ids), **{processing_col: Status.QUEUED}
                ).update(**{processing_col: None, wf.names.col("next_attempt_at"): None})

        if requested_ids is not None:
            found = {pk for pk, _, _ in locked}
            missing_ids = [pk for pk in requested_ids if pk not in found]
            requested = len(requested_ids)
        else:
            missing_ids = []
            requested = len(locked)
        skipped = {SKIPPED_PROCESSING: processing_ids} if processing_ids else {}
        queued_ids = change_ids if queue else []

        audit_id = None
        if locked or missing_ids:
            audit_id = _write_audit(
                wf,
                status=status,
                actor=actor,
                channel=channel,
                from_statuses=dict(from_statuses),
                requested=requested,
                change_ids=change_ids,
                queued=len(queued_ids),
                skipped=len(processing_ids),
                missing=len(missing_ids),
            )

        if queued_ids and conf.kick_on_queue:
            transaction.on_commit(lambda: _send_rows_queued(workflow_name=wf.name, ids=queued_ids))

    result = StatusChangeResult(
        workflow=wf.name,
        status=status,
        requested=requested,
        updated_ids=change_ids,
        queued_ids=queued_ids,
        skipped=skipped,
        missing_ids=missing_ids,
        audit_id=audit_id,
        noun=(str(model._meta.verbose_name), str(model._meta.verbose_name_plural)),
    )
    logger.info("%s by %s via %s: %s", wf.name, _actor_name(actor), channel, result.message)
    return result


def _preview(
    wf: Workflow, status: str, selection: QuerySet, requested_ids: list[int] | None
) -> StatusChangePreview:
    """The dry run's counts, read without locks."""
    selection = selection.order_by()
    total = selection.count()
    processing = selection.filter(**{wf.names.processing_field: Status.PROCESSING}).count()
    model = wf.model
    return StatusChangePreview(
        workflow=wf.name,
        status=status,
        requested=len(requested_ids) if requested_ids is not None else total,
        update_count=total - processing,
        skip_count=processing,
        missing_count=len(requested_ids) - total if requested_ids is not None else 0,
        noun=(str(model._meta.verbose_name), str(model._meta.verbose_name_plural)),
    )


def _check_status(wf: Workflow, status: object) -> str:
    values = list(wf.curation_enum.values)
    if status == Status.PROCESSING:
        raise CurationError("Processing is set by the workers only; queue rows with Queued instead")
    if not isinstance(status, str) or status not in values:
        allowed = ", ".join(curation_choices(wf))
        raise CurationError(f"unknown status {status!r} for {wf.name} (expected one of: {allowed})")
    return status


def _check_ids(ids: Sequence[int]) -> list[int]:
    if isinstance(ids, str | bytes):
        raise CurationError("ids must be a list of integers")
    unique: dict[int, None] = {}
    for raw in ids:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            raise CurationError(f"invalid id {raw!r}: ids are positive integers")
        unique[raw] = None
    if not unique:
        raise CurationError("no ids given")
    if len(unique) > MAX_IDS:
        raise CurationError(
            f"too many ids ({len(unique)}): at most {MAX_IDS} per call; "
            "use a filtered update for more"
        )
    return list(unique)


def _actor_name(actor: AbstractBaseUser | str) -> str:
    if isinstance(actor, str):
        return actor
    return actor.get_username()


def _write_audit(
    wf: Workflow,
    *,
    status: str,
    actor: AbstractBaseUser | str,
    channel: Channel,
    from_statuses: dict[str, int],
    requested: int,
    change_ids: list[int],
    queued: int,
    skipped: int,
    missing: int,
) -> int:
    user_id = None if isinstance(actor, str) else actor.pk
    record = StatusChange.objects.create(
        workflow=wf.name,
        table_name=wf.table,
        to_status=status,
        from_statuses=from_statuses,
        channel=channel,
        actor=_actor_name(actor) or "unknown",
        user_id=user_id,
        requested=requested,
        updated=len(change_ids),
        queued=queued,
        skipped=skipped,
        missing=missing,
        row_ids=change_ids,
    )
    return record.pk


def _send_rows_queued(*, workflow_name: str, ids: list[int]) -> None:
    """Tell the receivers (processing's consumer kick) that rows were queued; never raises."""
    # send_robust: the rows are committed, so a failing receiver is logged by Django
    # ("django.dispatch") and must not fail the change; the scheduled consumer is the safety net.
    rows_queued.send_robust(sender=set_curation_status, workflow=workflow_name, ids=ids)


__all__ = [
    "MAX_IDS",
    "CurationError",
    "StatusChangePreview",
    "StatusChangeResult",
    "curation_choices",
    "resolve_workflow",
    "set_curation_status",
]
