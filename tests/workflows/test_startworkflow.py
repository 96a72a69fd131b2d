"""startworkflow: from the questionnaire to a working, checked workflow in one command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from scrapersky.scaffold import Answers, ScaffoldError, validate

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


def test_the_sql_number_can_be_chosen_above_the_highest():
    highest = max(int(p.name[:3]) for p in (ROOT / "sql").glob("[0-9][0-9][0-9]_*.sql"))
    plan = validate(answers(), sql_number=highest + 2)
    assert plan.sql_file.name == f"{highest + 2:03d}_contact_review.sql"
    with pytest.raises(ScaffoldError, match="not above the highest"):
        validate(answers(), sql_number=highest)
    with pytest.raises(ScaffoldError, match="between 1 and 999"):
        validate(answers(), sql_number=1000)


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
