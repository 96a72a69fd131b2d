"""Comparing the live database with the Python side: enum types, columns, indexes, and the
functions of sql/functions/ (the body that runs is the file's)."""

from __future__ import annotations

from django.apps import apps
from django.db import connection

from curation.fields import PgEnumField
from ops.models import EnumType, FunctionSource, TableColumn, TableIndex
from ops.sqlfiles import function_body, function_files

# Views of the catalog (sql/000, sql/007) read by the schema check and the dashboard; they are
# not tables to compare (nor to truncate in tests).
CATALOG_TABLES = {
    "schema_enum_types",
    "schema_columns",
    "schema_indexes",
    "schema_functions",
    "table_estimates",
    "column_value_estimates",
}

# Spellings Django and format_type() use for the same PostgreSQL type.
TYPE_ALIASES = {"serial": "integer", "bigserial": "bigint", "smallserial": "smallint"}


def project_models() -> list:
    """Unmanaged models of the project whose tables live in sql/."""
    return [
        model
        for label in ("curation", "processing", "ops")
        for model in apps.get_app_config(label).get_models()
        if not model._meta.managed and model._meta.db_table not in CATALOG_TABLES
    ]


def expected_enums() -> dict[str, list[str]]:
    enums: dict[str, list[str]] = {}
    for model in project_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, PgEnumField):
                enums[field.enum_type] = [value for value, _label in field.choices]
    return enums


def _normalize_type(name: str) -> str:
    name = name.strip().lower()
    return TYPE_ALIASES.get(name, name)


def expected_indexes() -> dict[str, str]:
    """Index name -> table, from model Meta (indexes, unique constraints) and the workflows."""
    from scrapersky.workflows import all_workflows

    indexes: dict[str, str] = {}
    for model in project_models():
        table = model._meta.db_table
        indexes[f"{table}_pkey"] = table
        for index in model._meta.indexes:
            indexes[index.name] = table
        for constraint in model._meta.constraints:
            if getattr(constraint, "fields", None):
                indexes[constraint.name] = table
        for field in model._meta.concrete_fields:
            if field.unique and not field.primary_key:
                indexes[f"{table}_{field.column}_key"] = table
    for workflow in all_workflows():
        for index in workflow.names.index_names:
            indexes[index] = workflow.table
    return indexes


def schema_applied() -> bool:
    return "schema_enum_types" in connection.introspection.table_names(include_views=True)


def compare() -> list[str]:
    """Every difference between the database and the models, as readable lines."""
    problems: list[str] = []
    if not schema_applied():
        return ["the schema is not applied: run `bin/scrapersky apply_sql`"]

    live_enums = dict(EnumType.objects.values_list("name", "labels"))
    for name, values in sorted(expected_enums().items()):
        live = live_enums.get(name)
        if live is None:
            problems.append(f"enum type {name} is missing (expected {values})")
            continue
        missing = [v for v in values if v not in live]
        extra = [v for v in live if v not in values]
        if missing:
            problems.append(f"enum type {name} lacks values {missing}")
        if extra:
            problems.append(f"enum type {name} has extra values {extra}")
        if not missing and not extra and list(live) != values:
            problems.append(f"enum type {name} has values in order {list(live)}, expected {values}")

    live_columns = {(c.table_name, c.column_name): c for c in TableColumn.objects.all()}
    for model in project_models():
        table = model._meta.db_table
        if not any(t == table for t, _ in live_columns):
            problems.append(f"table {table} is missing (model {model._meta.label})")
            continue
        for field in model._meta.concrete_fields:
            live = live_columns.get((table, field.column))
            if live is None:
                problems.append(f"column {table}.{field.column} is missing")
                continue
            want = _normalize_type(field.db_type(connection) or "")
            have = _normalize_type(live.data_type)
            if want != have:
                problems.append(
                    f"column {table}.{field.column} is {have}, the model expects {want}"
                )
            if bool(field.null) != bool(live.is_nullable):
                problems.append(
                    f"column {table}.{field.column} is "
                    f"{'NULL' if live.is_nullable else 'NOT NULL'}, the model expects "
                    f"{'NULL' if field.null else 'NOT NULL'}"
                )

    live_indexes = dict(TableIndex.objects.values_list("index_name", "table_name"))
    for name, table in sorted(expected_indexes().items()):
        if live_indexes.get(name) != table:
            problems.append(f"index {name} on {table} is missing")

    if "schema_functions" not in connection.introspection.table_names(include_views=True):
        return [*problems, "the view schema_functions is missing: run `bin/scrapersky apply_sql`"]
    live_functions: dict[str, list[str]] = {}
    for name, source in FunctionSource.objects.values_list("name", "source"):
        live_functions.setdefault(name, []).append(source)
    for sql_file in function_files():
        name = sql_file.path.stem
        if name not in live_functions:
            problems.append(f"function {name} is missing (sql/{sql_file.name})")
        elif function_body(sql_file) not in live_functions[name]:
            problems.append(f"function {name} differs from sql/{sql_file.name}")
    return problems
