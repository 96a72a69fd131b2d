"""contact_validation in a real django-q2 cluster: SERVFAIL is retried, NXDOMAIN is a verdict."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django_q.tasks import async_task

from curation.models import Contact
from curation.services import set_curation_status
from scrapersky.workflows import get_workflow
from tests.dnsserver import Zone, mail_zone
from tests.factories import ContactFactory, DomainFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

WF = get_workflow("contact_validation")


def database_url() -> str:
    d = connection.settings_dict
    auth = d["USER"] + (f":{d['PASSWORD']}" if d["PASSWORD"] else "")
    return f"postgresql://{auth}@{d['HOST']}:{d['PORT']}/{d['NAME']}"


@pytest.fixture
def cluster(tmp_path, loopback_dns):
    """``manage.py qcluster`` in its own session, resolving through the loopback DNS server."""
    log = tmp_path / "qcluster.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,  # django-q2 signs task packages with it
        "Q_WORKERS": "1",
        "SCRAPERSKY_DNS_NAMESERVERS": loopback_dns.address,
        "SCRAPERSKY_DNS_TIMEOUT": "1",
        "SCRAPERSKY_WORKFLOWS_JSON": json.dumps({WF.name: {"time_budget": 30}}),
        "PYTHONWARNINGS": "ignore",
    }
    with log.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), "qcluster"],
            env=env,
            cwd=settings.BASE_DIR,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        yield proc, log
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def wait_for(predicate, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def test_a_cluster_retries_servfail_and_records_nxdomain(cluster, loopback_dns, settings):
    proc, log = cluster
    settings.SCRAPERSKY_KICK_ON_QUEUE = False  # the test hands the cluster its task itself
    loopback_dns.zones["acme.com"] = mail_zone()
    loopback_dns.zones["flaky.com"] = Zone(rcode="SERVFAIL")
    domain = DomainFactory(domain="acme.com")
    ok = ContactFactory(domain=domain, value="jane@acme.com")
    flaky = ContactFactory(domain=domain, value="sales@flaky.com")
    gone = ContactFactory(domain=domain, value="owner@gone-company.com")
    set_curation_status(
        workflow=WF.name,
        status="Queued",
        queryset=Contact.objects.all(),
        actor="test",
        channel="command",
    )
    async_task(WF.names.task_path)  # what a kick or the schedule enqueues

    def finished() -> bool:
        rows = {c.pk: c for c in Contact.objects.all()}
        return (
            rows[ok.pk].contact_validation_processing_status == "Complete"
            and rows[gone.pk].contact_validation_processing_status == "Complete"
            and bool(rows[flaky.pk].contact_validation_processing_error)
        )

    assert wait_for(finished, timeout=60), log.read_text(errors="replace")[-3000:]
    flaky.refresh_from_db()
    assert flaky.contact_validation_processing_status == "Queued"  # retried later, not Error
    assert flaky.contact_validation_next_attempt_at is not None
    assert "SERVFAIL" in flaky.contact_validation_processing_error
    gone.refresh_from_db()
    assert (gone.verdict, gone.verdict_reason) == (
        "invalid",
        "the domain does not exist (NXDOMAIN)",
    )
    ok.refresh_from_db()
    assert ok.verdict == "valid"
    assert loopback_dns.count("flaky.com", "MX") >= 1  # the worker process asked our server
    assert proc.poll() is None  # the cluster is still serving
