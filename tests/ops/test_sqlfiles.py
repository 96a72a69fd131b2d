"""apply_sql applies files in order once, skips applied ones and refuses edited ones."""

from __future__ import annotations

import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from ops.models import AppliedSqlFile
from ops.sqlfiles import SQL_DIR, SqlFileError, apply_pending, pending_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def sql_copy(tmp_path):
    target = tmp_path / "sql"
    shutil.copytree(SQL_DIR, target)
    return target


def test_all_files_are_applied_with_checksums():
    recorded = set(AppliedSqlFile.objects.values_list("filename", flat=True))
    assert recorded == {p.name for p in SQL_DIR.glob("*.sql")}


def test_second_run_changes_nothing(capsys):
    before = list(AppliedSqlFile.objects.values_list("filename", "checksum", "applied_at"))
    call_command("apply_sql")
    assert "nothing to apply" in capsys.readouterr().out
    assert list(AppliedSqlFile.objects.values_list("filename", "checksum", "applied_at")) == before


def test_new_file_is_applied_once(sql_copy):
    (sql_copy / "900_extra.sql").write_text("CREATE TABLE extra_things (id bigint PRIMARY KEY);")
    applied = apply_pending(sql_copy)
    assert [f.name for f in applied] == ["900_extra.sql"]
    assert "extra_things" in connection.introspection.table_names()
    assert apply_pending(sql_copy) == []


def test_edited_applied_file_is_refused(sql_copy):
    path = sql_copy / "001_core_tables.sql"
    path.write_text(path.read_text() + "\n-- an innocent-looking edit\n")
    with pytest.raises(SqlFileError, match="001_core_tables.sql was changed after it was applied"):
        pending_files(sql_copy)


def test_failing_file_is_rolled_back_and_not_recorded(sql_copy):
    (sql_copy / "900_broken.sql").write_text(
        "CREATE TABLE half_done (id bigint);\nSELECT no_such_function();"
    )
    with pytest.raises(SqlFileError, match="900_broken.sql failed and was rolled back"):
        apply_pending(sql_copy)
    assert "half_done" not in connection.introspection.table_names()
    assert not AppliedSqlFile.objects.filter(filename="900_broken.sql").exists()


def test_badly_named_file_is_refused(sql_copy):
    (sql_copy / "extra.sql").write_text("SELECT 1;")
    with pytest.raises(SqlFileError, match="not named NNN_description.sql"):
        pending_files(sql_copy)


def test_command_reports_refusal_as_command_error(monkeypatch, sql_copy):
    path = sql_copy / "002_sitemap_discovery.sql"
    path.write_text(path.read_text().replace("NOT NULL DEFAULT 'New'", "NULL"))
    monkeypatch.setattr("ops.sqlfiles.SQL_DIR", sql_copy)
    monkeypatch.setattr(
        "ops.management.commands.apply_sql.pending_files",
        lambda: pending_files(sql_copy),
    )
    with pytest.raises(CommandError, match="002_sitemap_discovery.sql was changed"):
        call_command("apply_sql", "--dry-run")
