"""What one status change did (:class:`StatusChangeResult`) or would do
(:class:`StatusChangePreview`, a dry run), in the words a curator uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapersky.naming import WorkflowNames
from scrapersky.status import Status

SKIPPED_PROCESSING = "processing"


@dataclass(frozen=True)
class StatusChangeResult:
    """What one :func:`set_curation_status` call did."""

    workflow: str
    status: str
    requested: int
    updated_ids: list[int]
    queued_ids: list[int]
    skipped: dict[str, list[int]] = field(default_factory=dict)
    missing_ids: list[int] = field(default_factory=list)
    audit_id: int | None = None
    noun: tuple[str, str] = ("row", "rows")  # singular, plural (the model's verbose names)

    @property
    def updated_count(self) -> int:
        return len(self.updated_ids)

    @property
    def queued_count(self) -> int:
        return len(self.queued_ids)

    @property
    def message(self) -> str:
        """E.g. ``Queued 3 pages for page curation; 2 not found.``: words a curator uses."""
        verbose = WorkflowNames(self.workflow).verbose_name
        noun = _counted(self.updated_count, self.noun)
        if self.status == Status.QUEUED:
            first = f"Queued {noun} for {verbose}"
        elif self.status == Status.SKIPPED:
            first = f"Skipped {noun} for {verbose}"
        elif self.status == Status.NEW:
            first = f"Reset {noun} to New for {verbose}"
        else:
            first = f"Set {noun} to {self.status} for {verbose}"
        if not self.updated_count:
            verb = {Status.QUEUED: "queued", Status.SKIPPED: "skipped", Status.NEW: "reset to New"}
            first = (
                f"No {self.noun[1]} {verb.get(self.status, f'set to {self.status}')} for {verbose}"
            )
        parts = [first]
        for reason, ids in self.skipped.items():
            if ids:
                why = "being processed" if reason == SKIPPED_PROCESSING else reason
                parts.append(f"{len(ids):,} left unchanged ({why})")
        if self.missing_ids:
            parts.append(f"{len(self.missing_ids):,} not found")
        return "; ".join(parts) + "."


@dataclass(frozen=True)
class StatusChangePreview:
    """What a :func:`set_curation_status` call would do (``dry_run=True``): counts only."""

    workflow: str
    status: str
    requested: int
    update_count: int
    skip_count: int  # rows a worker is processing
    missing_count: int
    noun: tuple[str, str] = ("row", "rows")

    @property
    def message(self) -> str:
        """E.g. ``Dry run: would update 2 pages to Queued; skip 1 (processing).``"""
        line = f"Dry run: would update {self.update_count} {self.noun[1]} to {self.status}"
        if self.skip_count:
            line += f"; skip {self.skip_count} (processing)"
        if self.missing_count:
            line += f"; {self.missing_count} not found"
        return line + "."


def _counted(n: int, noun: tuple[str, str]) -> str:
    """``1 page``, ``3 pages``, ``1,200 pages``."""
    return f"{n:,} {noun[0] if n == 1 else noun[1]}"
