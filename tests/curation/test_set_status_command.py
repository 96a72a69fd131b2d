"""manage.py set_status: ids, files, filters, dry runs and one-line errors."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from curation.models import Page, StatusChange
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("set_status", *args, stdout=out)
    return out.getvalue().strip()


def test_ids_queue_and_audit():
    pages = PageFactory.create_batch(2)
    output = run("page_curation", "Queued", "--ids", f"{pages[0].pk},{pages[1].pk},99999")
    assert output == "Queued 2 pages for page curation; 1 not found."
    assert set(Page.objects.values_list("page_curation_processing_status", flat=True)) == {"Queued"}
    audit = StatusChange.objects.get()
    assert audit.channel == "command" and audit.user_id is None and audit.actor
    assert audit.missing == 1


def test_actor_option():
    page = PageFactory()
    run("page_curation", "Skipped", "--ids", str(page.pk), "--actor", "cron-cleanup")
    assert StatusChange.objects.get().actor == "cron-cleanup"


def test_ids_file_and_stdin(tmp_path, monkeypatch):
    pages = PageFactory.create_batch(3)
    path = tmp_path / "ids.txt"
    path.write_text(f"{pages[0].pk}\n\n{pages[1].pk}\n")
    assert run("page_curation", "Skipped", "--ids-file", str(path)).startswith("Skipped 2 pages")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{pages[2].pk}\n"))
    assert run("page_curation", "Skipped", "--ids-file", "-").startswith("Skipped 1 page ")


def test_filters_and_all():
    PageFactory.create_batch(2, page_curation_curation_status="Error", page_type="contact")
    PageFactory(page_curation_curation_status="Error", page_type="blog")
    output = run(
        "page_curation",
        "Queued",
        "--filter",
        "page_curation_curation_status=Error",
        "--filter",
        "page_type=contact",
    )
    assert output.startswith("Queued 2 pages")
    assert run("page_curation", "New", "--all").startswith("Reset 3 pages to New")


def test_dry_run_changes_nothing():
    PageFactory.create_batch(2)
    PageFactory(page_curation_processing_status="Processing")
    output = run("page_curation", "Queued", "--all", "--dry-run")
    assert output == "Dry run: would update 2 pages to Queued; skip 1 (processing)."
    assert not Page.objects.filter(page_curation_curation_status="Queued").exists()
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["nope", "Queued", "--all"], "unknown workflow"),
        (["page_curation", "Bogus", "--all"], "unknown status"),
        (["page_curation", "Processing", "--all"], "workers only"),
        (["page_curation", "Queued", "--ids", "1,x"], "not a positive integer"),
        (["page_curation", "Queued", "--ids", "1,-2"], "not a positive integer"),
        (["page_curation", "Queued", "--ids", ","], "no ids"),
        (["page_curation", "Queued", "--ids-file", "/nonexistent/ids"], "cannot read"),
        (["page_curation", "Queued", "--filter", "nonsense=1"], "unknown filter"),
        (["page_curation", "Queued", "--filter", "novalue"], "NAME=VALUE"),
        (["page_curation", "Queued", "--filter", "page_type=nope"], "page_type"),
        (["page_curation", "Bogus", "--all", "--dry-run"], "unknown status"),
    ],
)
def test_bad_input_is_one_command_error(args, problem):
    PageFactory()
    with pytest.raises(CommandError, match=problem):
        run(*args)
    assert not StatusChange.objects.exists()


def test_too_many_ids():
    ids = ",".join(str(i) for i in range(1, 10_002))
    with pytest.raises(CommandError, match="too many ids"):
        run("page_curation", "Queued", "--ids", ids)
