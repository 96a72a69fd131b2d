"""Unmanaged models of the read side: the planner's estimates (views in sql/007)."""

from __future__ import annotations

from django.db import models


class TableEstimate(models.Model):
    """The planner's row count of a table (view ``table_estimates``; -1: never analyzed)."""

    table_name = models.TextField(primary_key=True)
    estimated_rows = models.BigIntegerField()

    class Meta:
        managed = False
        db_table = "table_estimates"
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.table_name}: ~{self.estimated_rows}"


class ColumnValueEstimate(models.Model):
    """The planner's row count of one common value of a column, or of its NULLs (``is_null``,
    ``value`` empty) (view ``column_value_estimates``, from ``pg_stats``)."""

    pk = models.CompositePrimaryKey("table_name", "column_name", "value")
    table_name = models.TextField()
    column_name = models.TextField()
    value = models.TextField()
    is_null = models.BooleanField()
    estimated_rows = models.BigIntegerField()

    class Meta:
        managed = False
        db_table = "column_value_estimates"
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.table_name}.{self.column_name}={self.value}: ~{self.estimated_rows}"
