"""startworkflow: from the questionnaire to a working, checked workflow in one command."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ops.management.commands.startworkflow import Command as StartWorkflow
from scrapersky.scaffold import Answers, ScaffoldError, generate, ruff_binary, validate
from scrapersky.scaffold.plan import check_name, suggest_name
from scrapersky.scaffold.render import render_tests

BASE_OPTIONS = {a.dest for a in BaseCommand().create_parser("manage.py", "base")._actions}
ROOT = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns(
    ".venv",
    ".pgdata",
    ".git",
    "artifacts",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "staticfiles",
    "*.egg-info",
    ".secret_key",
    ".*.lock",
    "bench",
)


LONG_PURPOSE = (
    "Have a curator review a contact before it is exported: whether the person still works "
    "there, whether the address is the right one for sales, and what the last answer was"
)


def answers(**changes) -> Answers:
    base = {
        "name": "contact_review",
        "purpose": "Check that a contact still works",
        "source_table": "contacts",
        "destination_table": None,
    }
    return Answers(**{**base, **changes})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "ContactReview"}, "not snake_case"),
        ({"name": "contact-validation"}, "not snake_case"),
        ({"name": "9lives"}, "not snake_case"),
        ({"name": "page_curation", "source_table": "pages"}, "already exists"),
        ({"name": "contact_validation"}, "already exists"),
        ({"source_table": "leads"}, "source table 'leads' has no model"),
        ({"destination_table": "nowhere"}, "destination table 'nowhere' has no model"),
        ({"purpose": "  "}, "purpose must not be empty"),
    ],
)
def test_invalid_answers_are_refused(changes, message):
    with pytest.raises(ScaffoldError, match=message):
        validate(answers(**changes))


def test_command_refuses_an_existing_workflow_and_writes_nothing():
    before = sorted(p.name for p in (ROOT / "sql").iterdir())
    with pytest.raises(CommandError, match="already exists"):
        call_command(
            "startworkflow",
            "sitemap_import",
            "--purpose",
            "again",
            "--source-table",
            "sitemap_files",
            "--noinput",
        )
    assert sorted(p.name for p in (ROOT / "sql").iterdir()) == before


def test_noinput_requires_the_answers_without_defaults():
    with pytest.raises(CommandError, match="--purpose is required"):
        call_command("startworkflow", "contact_review", "--noinput")


def test_the_plan_follows_the_naming_contract():
    plan = validate(answers())
    assert plan.service_function == "process_single_contact_for_contact_review"
    assert plan.sql_file.name.endswith("_contact_review.sql")
    assert plan.test_file.name == "test_contact_review_workflow.py"


def test_the_sql_number_is_any_free_one_after_the_source_tables_creation():
    taken = {int(p.name[:3]): p.name for p in (ROOT / "sql").glob("[0-9][0-9][0-9]_*.sql")}
    free = next(n for n in range(2, 999) if n not in taken)  # below the highest, possibly
    plan = validate(answers(), sql_number=free)
    assert plan.sql_file.name == f"{free:03d}_contact_review.sql"
    with pytest.raises(ScaffoldError, match=f"taken by {taken[1]}"):
        validate(answers(), sql_number=1)
    with pytest.raises(ScaffoldError, match="between 1 and 999"):
        validate(answers(), sql_number=1000)
    creator = min(
        n
        for n, name in taken.items()
        if "CREATE TABLE contacts" in (ROOT / "sql" / name).read_text()
    )
    earlier = next((n for n in range(1, creator) if n not in taken), None)
    if earlier is not None:
        with pytest.raises(ScaffoldError, match="creates contacts"):
            validate(answers(), sql_number=earlier)


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Contact Enrichment", "contact_enrichment"),
        ("contactEnrichment", "contact_enrichment"),
        ("contact-enrichment", "contact_enrichment"),
    ],
)
def test_a_name_not_in_snake_case_is_answered_with_the_suggestion(typed, suggested):
    with pytest.raises(ScaffoldError, match=f"did you mean {suggested}"):
        check_name(typed)
    assert suggest_name(typed) == suggested


def test_a_name_too_long_for_postgresql_is_refused_before_anything_is_written():
    name = "contact_enrichment_with_a_very_long_descriptive_name"
    with pytest.raises(ScaffoldError, match="PostgreSQL keeps 63"):
        validate(answers(name=name))


def test_every_flag_has_help():
    parser = StartWorkflow().create_parser("manage.py", "startworkflow")
    own = [a for a in parser._actions if a.dest not in BASE_OPTIONS]
    assert {a.dest for a in own} >= {"name", "purpose", "source_table", "ui", "fields"}
    assert [a.dest for a in own if not (a.help or "").strip()] == []


def test_answers_are_checked_as_they_are_typed(monkeypatch):
    """A wrong answer is asked again at once with the reason; no answer is lost."""
    typed = iter(
        [
            "Contact Enrichment",  # refused, with the suggestion as the default
            "",  # Enter: takes contact_enrichment
            "",  # purpose: required
            "Add what the web says about a contact",
            "leads",  # no such table
            "contacts",
            "nowhere",  # no such destination
            "",  # source
            "maybe",  # not y/n
            "n",
            "",
            "value",
            "",
        ]
    )
    monkeypatch.setattr("builtins.input", lambda prompt="": next(typed))
    err = io.StringIO()
    command = StartWorkflow(stdout=io.StringIO(), stderr=err)
    raw = command._answers({}, interactive=True)
    assert raw == {
        "name": "contact_enrichment",
        "purpose": "Add what the web says about a contact",
        "source_table": "contacts",
        "destination_table": "source",
        "ui": "n",
        "time_per_record": "< 1 second",
        "fields": "value",
        "validation": "None (standard API validation)",
    }
    said = err.getvalue()
    assert "did you mean contact_enrichment?" in said
    assert "an answer is required" in said
    assert "source table 'leads' has no model" in said and "contacts" in said
    assert "destination table 'nowhere'" in said
    assert "answer y or n" in said


def test_a_bad_flag_is_refused_before_any_question(monkeypatch):
    def ask(prompt=""):
        raise AssertionError(f"asked {prompt!r}")

    monkeypatch.setattr("builtins.input", ask)
    with pytest.raises(CommandError, match="did you mean contact_enrichment"):
        call_command("startworkflow", "Contact-Enrichment")
    with pytest.raises(CommandError, match="source table 'leads'"):
        call_command("startworkflow", "contact_enrichment", "--source-table", "leads")


def test_generated_code_passes_ruff_for_a_long_name_without_ui(tmp_path):
    """The templates as rendered, and the files generate() writes, pass ruff check and format."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    name = "contact_enrichment_from_sources"  # long lines at every use of its enum names
    plan = validate(answers(name=name, has_ui=False), root=copy)
    rendered = copy / "tests" / "workflows" / "test_rendered.py"  # the tests/ lint rules
    rendered.write_text(render_tests(replace(plan, answers=answers(has_ui=False))))
    ruff = ruff_binary()
    for command in (["check"], ["format", "--check"]):
        subprocess.run([ruff, *command, "--no-cache", str(rendered)], cwd=copy, check=True)
    rendered.unlink()
    written = [p for p in generate(plan) if p.suffix == ".py"]
    assert "(WorkflowContract):" in plan.test_file.read_text()  # no admin or API tests
    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(
            [ruff, *command, "--no-cache", *map(str, written)],
            cwd=copy,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def project_copy(tmp_path):
    """A copy of the project and a scratch database for it on the same server."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    d = connection.settings_dict
    name = f"scrapersky_scaffold_{os.getpid()}"
    admin_url = f"postgresql://{d['USER']}@{d['HOST']}:{d['PORT']}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DATABASE_URL": f"postgresql://{d['USER']}@{d['HOST']}:{d['PORT']}/{name}",
        "SECRET_KEY": "scaffold-test",
    }
    yield copy, env
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'DROP DATABASE IF EXISTS "test_{name}" WITH (FORCE)')


def run(copy: Path, env: dict, *args: str, stdin: str | None = None):
    result = subprocess.run(
        [sys.executable, *args],
        cwd=copy,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_generated_workflow_works_end_to_end(project_copy):
    copy, env = project_copy
    # The questionnaire, answered at its prompts.
    out = run(
        copy,
        env,
        "manage.py",
        "startworkflow",
        stdin="contact_review\n" + LONG_PURPOSE + "\ncontacts\nsource\n"
        "y\n< 1 second\nvalue, kind\nThe address still exists\n",
    ).stdout
    assert "wrote sql/" in out and "apply_sql" in out
    # Workers already running do not know it: the command says to restart them (issue 30).
    assert "Running workers loaded the workflows when they started: restart them" in out
    assert "process_contact_review_queue is not defined" in out
    sql = next((copy / "sql").glob("*_contact_review.sql")).read_text()
    assert "CREATE TYPE contactreviewcurationstatus AS ENUM" in sql
    assert "ADD COLUMN contact_review_processing_status contactreviewprocessingstatus" in sql
    assert "WHERE contact_review_processing_status = 'Queued'" in sql
    models_text = (copy / "curation/models/contacts.py").read_text()
    assert "class ContactReviewCurationStatus(models.TextChoices):" in models_text
    service = (copy / "processing/services/contact_review.py").read_text()
    assert "def process_single_contact_for_contact_review(row: Contact)" in service

    # Long answers are wrapped: the generated code passes the project's linter as it is.
    generated = [
        line.removeprefix("wrote ")
        for line in out.splitlines()
        if line.startswith("wrote ") and line.endswith(".py")
    ]
    run(copy, env, "-m", "ruff", "check", "--no-cache", *generated)
    run(copy, env, "-m", "ruff", "format", "--check", "--no-cache", *generated)

    run(copy, env, "manage.py", "migrate", "-v0")
    run(copy, env, "manage.py", "apply_sql")
    run(copy, env, "manage.py", "verify_schema")
    checked = run(copy, env, "manage.py", "check", "--database", "default")
    assert "workflows.E" not in checked.stdout + checked.stderr
    tests = run(
        copy,
        env,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/workflows/test_contact_review_workflow.py",
    )
    assert "6 passed" in tests.stdout

    # Running it again for the same name refuses instead of overwriting.
    again = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "startworkflow",
            "contact_review",
            "--purpose",
            "x",
            "--source-table",
            "contacts",
            "--noinput",
        ],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert again.returncode != 0
    assert "already exists" in again.stderr


def _next_steps(monkeypatch, table: str, ui: str = "y") -> str:
    """The command's closing lines for a workflow on ``table`` (nothing written)."""
    monkeypatch.setattr("ops.management.commands.startworkflow.generate", lambda plan: [])
    out = io.StringIO()
    call_command(
        "startworkflow",
        "row_review",
        "--purpose",
        "Have a curator review a row",
        "--source-table",
        table,
        "--ui",
        ui,
        "--noinput",
        stdout=out,
    )
    return out.getvalue()


def test_a_table_the_admin_and_api_curate_is_said_to_be_ready(monkeypatch):
    out = _next_steps(monkeypatch, "businesses")
    assert "The admin already shows its actions on businesses" in out
    assert "PUT /api/v3/businesses/status and /status/filtered" in out


def test_a_new_table_is_told_exactly_what_to_add(monkeypatch):
    """No ModelAdmin, viewset, selector or search entry: no promise, each piece named."""
    out = _next_steps(monkeypatch, "lead_deliveries")
    assert "already shows" not in out
    assert "lead_deliveries is not curated in the admin and the API yet" in out
    steps = [line.strip() for line in out.splitlines() if line.strip().startswith("- ")]
    assert [step.split(":")[0] for step in steps] == [
        "- curation/admin/",
        "- curation/api/viewsets.py",
        "- curation/selectors.py",
        "- curation/search.py",
    ]
    assert "PipelineAdmin" in steps[0] and "*workflow_list_display(LeadDelivery)" in steps[0]
    assert "PUT /api/v3/lead_deliveries/status" in steps[1]
    assert "SELECTORS" in steps[2] and "SEARCH_FIELDS" in steps[3]


def test_a_workflow_without_ui_promises_no_admin_or_api(monkeypatch):
    out = _next_steps(monkeypatch, "lead_deliveries", ui="n")
    assert "already shows" not in out and "not curated in the admin" not in out
