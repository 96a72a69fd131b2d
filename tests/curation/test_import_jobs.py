"""Import jobs: big files on a worker, chunk by chunk, resumable, every row reported."""

from __future__ import annotations

import fcntl
import os
import time

import pytest

from curation.intake import import_jobs, importing
from curation.intake.import_jobs import running
from curation.models import Domain
from tests.factories import DomainFactory, UserFactory
from tests.qcluster import qcluster


def make_job(data: bytes, *, name: str = "big.csv", **kwargs):
    return import_jobs.create_job(
        chunks=[data[i : i + 7] for i in range(0, len(data), 7)],  # streamed in small pieces
        filename=name,
        kind=kwargs.pop("kind", "domains"),
        source="fair",
        queue=kwargs.pop("queue", False),
        owner_id=kwargs.pop("owner_id", None),
        actor="test",
        channel=kwargs.pop("channel", "command"),
    )


def report(job) -> list[dict]:
    return list(import_jobs.report_rows(job))


@pytest.fixture
def big(settings, monkeypatch):
    """Every file counts as big (a worker's job), and chunks are three rows."""
    settings.SCRAPERSKY_IMPORT_INLINE_BYTES = 0
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    monkeypatch.setattr(importing, "CHUNK", 3)


CSV = (
    b"domain,company\n"
    b"a.example,A\nb.example,B\nknown.example,K\n"  # chunk 1
    b"a.example,A again\nnot a domain,X\nc.example,C\n"  # chunk 2: a repeat across chunks
    b"d.example,D\n"  # chunk 3
)


@pytest.mark.django_db
def test_a_big_file_is_imported_in_chunks_and_every_row_reported(big):
    DomainFactory(domain="known.example")
    job = make_job(CSV)
    import_jobs.start(job, foreground=True)
    job = import_jobs.load_job(job.token)
    assert job.state == "done"
    assert job.summary == "7 row(s): 4 created, 2 duplicate, 1 invalid"
    outcomes = [(r["line"], r["outcome"], r["reason"]) for r in report(job)]
    assert outcomes == [
        ("2", "created", ""),
        ("3", "created", ""),
        ("4", "duplicate", "already imported"),
        ("5", "duplicate", "repeated in this input"),
        ("6", "invalid", "contains spaces"),
        ("7", "created", ""),
        ("8", "created", ""),
    ]
    assert Domain.objects.count() == 5
    assert job.status["problems_total"] == 3 and len(job.status["problems"]) == 3


@pytest.mark.django_db
def test_the_report_escapes_formula_cells_like_the_exports(big):
    job = make_job(
        b'domain\n=HYPERLINK("http://evil.example";"click")\n@SUM(A1)\n-2+3\nok.example\n'
    )
    import_jobs.start(job, foreground=True)
    rows = report(import_jobs.load_job(job.token))
    values = [r["input"] for r in rows]
    assert values == [
        '\'=HYPERLINK("http://evil.example";"click")',
        "'@SUM(A1)",
        "'-2+3",
        "ok.example",
    ]
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "@", "+", "-")), row


@pytest.mark.django_db
def test_a_run_out_of_time_hands_over_and_the_next_resumes_where_it_stopped(big, monkeypatch):
    enqueued: list[str] = []
    monkeypatch.setattr(running, "_enqueue", enqueued.append)
    monkeypatch.setattr(running, "time_budget", lambda: 0.0)
    job = make_job(CSV)
    import_jobs.start(job)
    assert enqueued == [job.token]  # handed to a worker, nothing written yet
    assert not Domain.objects.exists()

    runs = 0
    while import_jobs.load_job(job.token).state != "done":
        enqueued.clear()
        import_jobs.run_import_job(job.token)  # one chunk, then a continuation
        runs += 1
        if runs == 1:
            # A run killed after writing report lines of a chunk it never committed.
            with open(import_jobs.load_job(job.token).report_path, "a") as handle:
                handle.write("99,half,created,,,\n")
        assert runs < 10
    assert runs == 3
    done = import_jobs.load_job(job.token)
    assert [r["line"] for r in report(done)] == ["2", "3", "4", "5", "6", "7", "8"]
    assert done.status["runs"] == 3
    assert Domain.objects.count() == 5


@pytest.mark.django_db
def test_a_job_held_by_another_worker_is_left_alone(big, monkeypatch):
    monkeypatch.setattr(running, "_enqueue", lambda token: None)
    job = make_job(CSV)
    import_jobs.start(job)
    with open(job.dir / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert import_jobs.run_import_job(job.token) == "another worker runs this job"
    assert not Domain.objects.exists()
    assert import_jobs.run_import_job("../../etc") == "no such job"


@pytest.mark.django_db
def test_a_file_that_breaks_midway_fails_with_a_reason_and_keeps_what_was_done(big):
    # Past the first chunk, a field longer than the csv module's limit (a corrupt export).
    job = make_job(b"domain\na.example\nb.example\nc.example\nd.example\n" + b"x" * 200_000)
    job.status.update(state="queued", fresh_after_id=0)  # as start() leaves it for a worker
    job.save()
    assert import_jobs.run_import_job(job.token).startswith("failed")
    failed = import_jobs.load_job(job.token)
    assert failed.state == "failed" and "not valid CSV" in failed.status["error"]
    assert failed.status["rows"] == 3  # the first chunk was committed
    assert Domain.objects.count() == 3


def test_old_jobs_are_pruned(settings, tmp_path):
    settings.SCRAPERSKY_IMPORT_DIR = tmp_path
    old = tmp_path / ("a" * 32)
    old.mkdir()
    (old / "status.json").write_text("{}")
    stale = time.time() - 8 * 86400
    os.utime(old / "status.json", (stale, stale))
    keep = tmp_path / ("b" * 32)
    keep.mkdir()
    (keep / "status.json").write_text("{}")
    assert import_jobs.prune() == 1
    assert not old.exists() and keep.exists()


@pytest.mark.workers
@pytest.mark.django_db(transaction=True)
def test_admin_upload_of_a_big_file_returns_at_once_and_a_worker_imports_it(
    client, settings, tmp_path
):
    """The admin hands the file to a real django-q2 cluster; the result page shows progress."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.SCRAPERSKY_IMPORT_INLINE_BYTES = 1024
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = UserFactory(
        perms=["curation.view_domain", "curation.add_domain", "curation.change_domain"]
    )
    client.force_login(user)
    rows = 5_000
    data = "domain,company\n" + "".join(f"site-{i}.example,Company {i}\n" for i in range(rows))
    data += "site-7.example,again\nnot a domain,x\n"
    upload = client.post(
        "/admin/curation/domain/import/",
        {"file": SimpleUploadedFile("big.csv", data.encode(), "text/csv"), "source": "fair"},
    )
    job_url = upload["Location"]
    started = client.post(job_url, {"_import": "1", "value_column": "0", "name_column": "1"})
    assert started.status_code == 302
    page = client.get(job_url)
    assert 'http-equiv="refresh"' in page.content.decode()  # waiting for a worker
    assert not Domain.objects.exists()

    token = job_url.rstrip("/").rsplit("/", 1)[1]
    log = tmp_path / "cluster.log"
    with qcluster(
        log,
        Q_WORKERS="1",
        SCRAPERSKY_IMPORT_DIR=str(settings.SCRAPERSKY_IMPORT_DIR),
        SCRAPERSKY_KICK_ON_QUEUE="false",
    ):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and import_jobs.load_job(token).state != "done":
            time.sleep(0.3)
    job = import_jobs.load_job(token)
    assert job.state == "done", (job.status, log.read_text()[-3000:])
    assert job.summary == f"{rows + 2:,} row(s): {rows:,} created, 1 duplicate, 1 invalid"
    assert Domain.objects.count() == rows
    assert Domain.objects.get(domain="site-42.example").company_name == "Company 42"
    result = client.get(job_url).content.decode()
    assert 'http-equiv="refresh"' not in result
    assert "repeated in this input" in result
    lines = b"".join(client.get(f"{job_url}report.csv").streaming_content).splitlines()
    assert len(lines) == rows + 3  # the header and every row
    assert "Imported 5,000 domains from big.csv" in client.get("/admin/").content.decode()
