"""The schema's own records: which sql/ files were applied, and views of the catalog (enum types,
columns, indexes) that the schema check compares the models with."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models


class AppliedSqlFile(models.Model):
    """One applied file of sql/; written only by ``manage.py apply_sql``."""

    filename = models.TextField(primary_key=True)
    checksum = models.TextField()
    applied_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        managed = False
        db_table = "schema_sql_files"
        ordering = ["filename"]

    def __str__(self) -> str:
        return self.filename


class EnumType(models.Model):
    """A PostgreSQL enum type and its labels in order (view ``schema_enum_types``)."""

    name = models.TextField(primary_key=True)
    labels = ArrayField(models.TextField())

    class Meta:
        managed = False
        db_table = "schema_enum_types"

    def __str__(self) -> str:
        return self.name


class TableColumn(models.Model):
    """A column of a table of the current schema (view ``schema_columns``)."""

    pk = models.CompositePrimaryKey("table_name", "column_name")
    table_name = models.TextField()
    column_name = models.TextField()
    data_type = models.TextField()
    is_nullable = models.BooleanField()

    class Meta:
        managed = False
        db_table = "schema_columns"

    def __str__(self) -> str:
        return f"{self.table_name}.{self.column_name}"


class TableIndex(models.Model):
    """An index of the current schema (view ``schema_indexes``)."""

    index_name = models.TextField(primary_key=True)
    table_name = models.TextField()
    definition = models.TextField()

    class Meta:
        managed = False
        db_table = "schema_indexes"

    def __str__(self) -> str:
        return self.index_name


class FunctionSource(models.Model):
    """A function of the schema and its body as the database runs it (view ``schema_functions``).

    Overloads share a name; the schema check reads ``values_list`` and never saves.
    """

    name = models.TextField(primary_key=True)
    arguments = models.TextField()
    source = models.TextField()

    class Meta:
        managed = False
        db_table = "schema_functions"

    def __str__(self) -> str:
        return f"{self.name}({self.arguments})"
