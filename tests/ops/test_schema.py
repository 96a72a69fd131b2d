"""The schema in sql/ matches the models, and verify_schema catches every kind of drift."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from curation.models import Domain, PageCurationCurationStatus
from ops.dbschema import compare
from scrapersky.status import CURATION_VALUES, PROCESSING_VALUES
from scrapersky.workflows import all_workflows

pytestmark = pytest.mark.django_db


def execute(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


def replace_enum(column_table: str, column: str, type_name: str, values: list[str]) -> None:
    """Recreate an enum type with other values (inside the test's transaction)."""
    labels = ", ".join(f"'{v}'" for v in values)
    execute(
        f"ALTER TABLE {column_table} ALTER COLUMN {column} DROP DEFAULT;"
        f"ALTER TABLE {column_table} ALTER COLUMN {column} TYPE text;"
        f"DROP TYPE {type_name};"
        f"CREATE TYPE {type_name} AS ENUM ({labels});"
        f"ALTER TABLE {column_table} ALTER COLUMN {column} TYPE {type_name} "
        f"USING {column}::{type_name};"
    )


def test_fresh_schema_has_no_drift():
    assert compare() == []


def test_pages_and_contacts_leave_room_on_each_heap_page_for_hot_updates():
    # sql/014: the updates a page (started, persisted) and a contact (last seen) get soon after
    # they are written change no indexed column; with room beside the row they stay HOT.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname IN ('pages', 'contacts')"
        )
        options = dict(cursor.fetchall())
    assert options == {"pages": ["fillfactor=70"], "contacts": ["fillfactor=70"]}


def test_verify_schema_command_passes_on_fresh_schema(capsys):
    call_command("verify_schema")
    assert "schema matches" in capsys.readouterr().out


def test_every_workflow_enum_has_the_mandated_values():
    for workflow in all_workflows():
        assert [c for c, _ in workflow.curation_enum.choices] == list(CURATION_VALUES)
        assert [c for c, _ in workflow.processing_enum.choices] == list(PROCESSING_VALUES)


def test_missing_enum_value_is_reported():
    replace_enum(
        "pages",
        "page_curation_curation_status",
        "pagecurationcurationstatus",
        ["New", "Queued", "Processing", "Complete", "Error"],
    )
    assert "enum type pagecurationcurationstatus lacks values ['Skipped']" in compare()


def test_extra_enum_value_is_reported():
    execute("ALTER TYPE sitemapimportprocessingstatus ADD VALUE 'Completed'")
    assert "enum type sitemapimportprocessingstatus has extra values ['Completed']" in compare()


def test_enum_values_in_another_order_are_reported():
    values = ["New", "Queued", "Processing", "Error", "Complete", "Skipped"]
    replace_enum("pages", "page_curation_curation_status", "pagecurationcurationstatus", values)
    problems = compare()
    assert any("pagecurationcurationstatus has values in order" in p for p in problems), problems


def test_missing_column_is_reported():
    execute("ALTER TABLE pages DROP COLUMN title CASCADE")  # sql/100's trigger reads it
    assert "column pages.title is missing" in compare()


def test_wrong_type_and_nullability_are_reported():
    execute("ALTER TABLE domains ALTER COLUMN sitemap_discovery_attempts TYPE bigint")
    execute("ALTER TABLE contacts ALTER COLUMN value DROP NOT NULL")
    problems = compare()
    assert (
        "column domains.sitemap_discovery_attempts is bigint, the model expects integer" in problems
    )
    assert "column contacts.value is NULL, the model expects NOT NULL" in problems


def test_missing_index_is_reported():
    execute("DROP INDEX pages_page_curation_queue_idx")
    assert "index pages_page_curation_queue_idx on pages is missing" in compare()


def test_verify_schema_command_lists_differences_and_fails(capsys):
    execute("DROP INDEX domains_created_at_idx")
    with pytest.raises(CommandError, match="1 difference"):
        call_command("verify_schema")
    assert "domains_created_at_idx" in capsys.readouterr().err


def test_system_check_reports_drift():
    from ops.checks import check_schema

    assert check_schema(databases=["default"]) == []
    execute("ALTER TABLE pages DROP COLUMN language")
    messages = check_schema(databases=["default"])
    assert [m.id for m in messages] == ["scrapersky.E002"]
    assert "pages.language" in messages[0].msg


def test_enum_columns_round_trip_through_the_orm():
    domain = Domain.objects.create(domain="roundtrip.example")
    domain.refresh_from_db()
    assert domain.sitemap_discovery_curation_status == "New"
    assert domain.sitemap_discovery_processing_status is None
    assert PageCurationCurationStatus.Queued == "Queued"


def test_pending_sql_file_is_a_warning_not_drift(monkeypatch, tmp_path):
    import shutil

    from ops import sqlfiles
    from ops.checks import check_schema

    copy = tmp_path / "sql"
    shutil.copytree(sqlfiles.SQL_DIR, copy)
    (copy / "900_later.sql").write_text("CREATE INDEX later_idx ON pages (title);")
    monkeypatch.setattr(sqlfiles, "SQL_DIR", copy)
    monkeypatch.setattr(sqlfiles.pending_files, "__defaults__", (copy,))
    messages = check_schema(databases=["default"])
    assert [m.id for m in messages] == ["scrapersky.W002"]
    assert "900_later.sql" in messages[0].msg
