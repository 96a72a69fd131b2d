"""apply_sql applies numbered files in order once, skips applied ones and refuses edited ones;
it applies a file of sql/functions/ again whenever it changes."""

from __future__ import annotations

import re
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from ops.dbschema import compare
from ops.models import AppliedSqlFile, FunctionSource
from ops.sqlfiles import (
    REWRITTEN,
    SQL_DIR,
    SqlFileError,
    apply_pending,
    function_files,
    pending_files,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sql_copy(tmp_path):
    target = tmp_path / "sql"
    shutil.copytree(SQL_DIR, target)
    return target


def test_all_files_are_applied_with_checksums():
    recorded = set(AppliedSqlFile.objects.values_list("filename", flat=True))
    assert recorded == {p.name for p in SQL_DIR.glob("*.sql")} | {
        f"functions/{p.name}" for p in SQL_DIR.glob("functions/*.sql")
    }


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


def test_an_edited_function_file_is_applied_again_and_verify_schema_sees_the_difference(sql_copy):
    path = sql_copy / "functions" / "insert_pages.sql"
    edited = path.read_text().replace("ORDER BY u.url", "ORDER BY /* edited */ u.url")
    path.write_text(edited)
    assert [f.name for f in pending_files(sql_copy)] == ["functions/insert_pages.sql"]
    assert [p for p in compare() if "insert_pages" in p] == []  # the repository's file runs
    assert [f.name for f in apply_pending(sql_copy)] == ["functions/insert_pages.sql"]
    assert "/* edited */" in FunctionSource.objects.get(name="insert_pages").source
    # The edited body now runs, and differs from the repository's file.
    assert [p for p in compare() if "insert_pages" in p] == [
        "function insert_pages differs from sql/functions/insert_pages.sql"
    ]
    assert apply_pending(sql_copy) == []


def test_a_function_file_must_define_the_function_it_is_named_for(sql_copy):
    (sql_copy / "functions" / "other_name.sql").write_text(
        "CREATE OR REPLACE FUNCTION not_other_name() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;"
    )
    with pytest.raises(SqlFileError, match="must hold CREATE OR REPLACE FUNCTION other_name"):
        pending_files(sql_copy)


def test_a_numbered_file_applied_before_its_functions_moved_is_accepted_and_recorded_anew():
    name, former = next(iter(REWRITTEN.items()))
    AppliedSqlFile.objects.filter(filename=name).update(checksum=next(iter(former)))
    assert pending_files() == []
    apply_pending()
    recorded = AppliedSqlFile.objects.get(filename=name).checksum
    assert recorded not in former and pending_files() == []


def test_every_function_is_defined_in_one_file():
    """sql/functions/ holds the definition that runs; no numbered file also defines it."""
    functions = {f.path.stem for f in function_files()}
    assert {"page_curation_persist", "page_curation_persist_many", "insert_pages"} <= functions
    for path in sorted(SQL_DIR.glob("*.sql")):
        defined = set(re.findall(r"CREATE (?:OR REPLACE )?FUNCTION (\w+)\(", path.read_text()))
        assert not defined & functions, f"{path.name} also defines {defined & functions}"


def test_a_numbered_file_defines_only_trigger_functions():
    """A function the code calls lives in sql/functions/; a trigger's stays beside its trigger."""
    for path in sorted(SQL_DIR.glob("*.sql")):
        for name, head in re.findall(
            r"CREATE (?:OR REPLACE )?FUNCTION (\w+)\((.*?)\bAS \$\$", path.read_text(), re.S
        ):
            assert "RETURNS trigger" in head, f"{path.name} defines {name}(): sql/functions/"
