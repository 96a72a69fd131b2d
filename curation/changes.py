"""The change feed: domains, contacts, people and businesses created, changed or deleted after
an opaque cursor.

Reads ``change_log`` (sql/052 explains the design) through ``change_feed_page``: entries of
transactions that ended before the reading statement's snapshot, in (txid, id) order. A cursor
is the position of the last entry handed out, ``(txid, id)``, as 32 hex digits that clients
treat as opaque. Nothing can ever appear at or below a cursor
that was handed out, so a client that stores the last cursor and asks again never misses a
change and never gets one twice (also while workers write).

Each entry carries the row's current values (``data``), or null when the row no longer exists
(a deleted row, or one deleted after this change): the feed says *that* a row changed, the
data is a convenience read at the time of the request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db import connection

from curation.models import Business, ChangeLogHorizon, Contact, Domain, Person
from scrapersky.conf import conf

_PAGE = "SELECT * FROM change_feed_page(%s::xid8, %s, %s)"
_PRUNE = "SELECT change_log_prune(%s, %s)"
PRUNE_BATCH = 50_000
MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 200
START = (0, 0)


class CursorError(ValueError):
    """A cursor this feed did not hand out."""


class CursorExpired(Exception):
    """The changes after this cursor were pruned (``SCRAPERSKY_CHANGE_LOG_KEEP_DAYS``)."""


#: every string of this shape is a position (so the schema can say exactly what is valid)
CURSOR_PATTERN = r"^[0-9a-f]{16}[0-7][0-9a-f]{15}$"
_CURSOR_RE = re.compile(CURSOR_PATTERN)


def encode_cursor(txid: int, entry_id: int) -> str:
    return f"{txid:016x}{entry_id:016x}"


def decode_cursor(cursor: str) -> tuple[int, int]:
    if not _CURSOR_RE.match(cursor):
        raise CursorError(f"{cursor!r} is not a cursor of this feed")
    return int(cursor[:16], 16), int(cursor[16:], 16)


@dataclass(frozen=True)
class ChangePage:
    changes: list[dict[str, Any]]
    next_cursor: str
    has_more: bool


DATA_FIELDS = {
    "domains": (Domain, ("domain", "company_name", "source")),
    "contacts": (
        Contact,
        ("domain_id", "person_id", "kind", "value", "display", "classification", "verdict"),
    ),
    "people": (Person, ("domain_id", "name", "role", "seniority")),
    "businesses": (
        Business,
        (
            "domain_id",
            "provider",
            "provider_id",
            "name",
            "categories",
            "address",
            "city",
            "postcode",
            "country",
            "phone",
            "website",
        ),
    ),
}
#: the feed's tables and the permission that shows each
TABLES = tuple(DATA_FIELDS)
VIEW_PERMISSIONS = tuple(
    f"{model._meta.app_label}.view_{model._meta.model_name}" for model, _ in DATA_FIELDS.values()
)


def change_page(*, after: str | None, page_size: int = DEFAULT_PAGE_SIZE) -> ChangePage:
    """The changes after ``after`` (None: from the start), at most ``page_size`` of them."""
    txid, entry_id = decode_cursor(after) if after else START
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    with connection.cursor() as cursor:
        cursor.execute(_PAGE, [str(txid), entry_id, page_size + 1])
        rows = cursor.fetchall()
    # Read after the page: a prune that deleted anything after `after` before the page was read
    # has moved the horizon past it by now (sql/054 moves it in the deleting transaction).
    horizon = after and ChangeLogHorizon.objects.values_list("txid", "entry_id").first()
    if horizon and (txid, entry_id) < (int(horizon[0]), horizon[1]):
        raise CursorExpired(
            "the changes after this cursor were pruned (kept "
            f"{conf.change_log_keep_days:g} days): start again without `after`"
        )
    has_more = len(rows) > page_size
    rows = rows[:page_size]
    current: dict[str, dict[int, dict]] = {}
    for table, (model, fields) in DATA_FIELDS.items():
        ids = {r[3] for r in rows if r[2] == table and r[5] != "delete"}
        if ids:
            found = model._base_manager.filter(pk__in=ids).values("pk", *fields)
            current[table] = {row.pop("pk"): row for row in found}
    changes = []
    for row_txid, row_id, table, pk, domain_id, op, changed_at in rows:
        changes.append(
            {
                "cursor": encode_cursor(int(row_txid), row_id),
                "table": table,
                "id": pk,
                "domain_id": domain_id,
                "op": op,
                "changed_at": changed_at,
                "data": current.get(table, {}).get(pk),
            }
        )
    next_cursor = changes[-1]["cursor"] if changes else (after or encode_cursor(*START))
    return ChangePage(changes=changes, next_cursor=next_cursor, has_more=has_more)


def prune(*, keep_days: float | None = None, now=None) -> int:
    """Delete change-log entries older than ``keep_days`` (default: the setting; 0 keeps all),
    oldest first in feed order, at most :data:`PRUNE_BATCH` per statement. Returns how many."""
    from datetime import timedelta

    from django.utils import timezone

    keep = conf.change_log_keep_days if keep_days is None else keep_days
    if keep <= 0:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=keep)
    total = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(_PRUNE, [cutoff, PRUNE_BATCH])
            (deleted,) = cursor.fetchone()
        total += deleted
        if deleted < PRUNE_BATCH:
            return total
