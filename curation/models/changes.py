"""The change log behind the change feed (sql/052): written by triggers, read by the feed."""

from __future__ import annotations

from django.db import models


class Xid8Field(models.TextField):
    """A PostgreSQL ``xid8`` (a 64-bit transaction id), read and written as its decimal text."""

    def db_type(self, connection) -> str:
        return "xid8"


class ChangeLogEntry(models.Model):
    """One insert, update or delete of a domain, contact or person, in its writer's transaction.

    The table's key is (txid, id); ``id`` alone is unique too (an identity column).
    """

    id = models.BigIntegerField(primary_key=True)
    txid = Xid8Field()
    table_name = models.TextField()
    row_id = models.BigIntegerField()
    domain_id = models.BigIntegerField()
    op = models.TextField()
    changed_at = models.DateTimeField()

    class Meta:
        managed = False
        db_table = "change_log"
        indexes = [models.Index(fields=["changed_at"], name="change_log_changed_at_idx")]
        ordering = ["txid", "id"]

    def __str__(self) -> str:
        return f"{self.op} {self.table_name} {self.row_id}"


class ChangeLogHorizon(models.Model):
    """The last change-log position pruning deleted (one row; none: nothing pruned yet)."""

    id = models.BooleanField(primary_key=True, default=True)
    txid = Xid8Field(default="0")
    entry_id = models.BigIntegerField(default=0)
    pruned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        managed = False
        db_table = "change_log_horizon"

    def __str__(self) -> str:
        return f"pruned up to ({self.txid}, {self.entry_id})"
