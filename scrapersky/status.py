"""The status values of the dual-status pattern, spelled once (seed: the enum values are fixed).

Every workflow has two PostgreSQL enums with these values (its ``…CurationStatus`` and
``…ProcessingStatus`` classes mirror them for Django); code compares and writes through these
constants instead of string literals::

    from scrapersky.status import Status

    rows.filter(page_curation_processing_status=Status.QUEUED)
"""

from __future__ import annotations

from typing import Final


class Status:
    """The six values; the processing enum has the middle four."""

    NEW: Final = "New"
    QUEUED: Final = "Queued"
    PROCESSING: Final = "Processing"
    COMPLETE: Final = "Complete"
    ERROR: Final = "Error"
    SKIPPED: Final = "Skipped"


CURATION_VALUES: Final = (
    Status.NEW,
    Status.QUEUED,
    Status.PROCESSING,
    Status.COMPLETE,
    Status.ERROR,
    Status.SKIPPED,
)
PROCESSING_VALUES: Final = (Status.QUEUED, Status.PROCESSING, Status.COMPLETE, Status.ERROR)
# Processing statuses a row can be left in for good (the others are in flight).
FINAL_PROCESSING_VALUES: Final = (Status.COMPLETE, Status.ERROR)
