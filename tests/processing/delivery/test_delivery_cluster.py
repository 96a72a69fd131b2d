"""lead_sync in a real django-q2 cluster: a worker killed mid-send, the row retried, and the
receiver still acting on the lead version exactly once (the idempotency key)."""

from __future__ import annotations

import json
import os
import signal
import time

import pytest

from curation.models import Domain, LeadDelivery
from curation.services import set_curation_status
from tests.factories import ContactFactory, DomainFactory
from tests.processing.delivery.conftest import SECRET
from tests.qcluster import qcluster

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]


def wait_for(predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_a_worker_killed_mid_send_delivers_the_version_once(receiver, tmp_path):
    domain = DomainFactory()
    ContactFactory(domain=domain, kind="email")
    env = {
        "Q_WORKERS": "1",
        "SCRAPERSKY_WEBHOOKS_JSON": json.dumps(
            [{"name": "n8n", "url": receiver.url, "secret": SECRET}]
        ),
        "SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS": "127.0.0.0/8",
        "PYTHONWARNINGS": "ignore",
    }
    receiver.hold.clear()  # accept the delivery, then keep the answer back
    with qcluster(tmp_path / "first.log", **env) as first:
        set_curation_status(
            workflow="lead_sync", status="Queued", ids=[domain.pk], actor="t", channel="command"
        )
        assert receiver.arrived.wait(30), (tmp_path / "first.log").read_text()[-2000:]
        os.killpg(first.pid, signal.SIGKILL)  # the whole cluster, mid-send
        first.wait(timeout=10)
    receiver.hold.set()
    domain.refresh_from_db()
    assert domain.lead_sync_processing_status == "Processing"  # left by the dead worker
    assert not LeadDelivery.objects.filter(domain=domain, sent_at__isnull=False).exists()

    with qcluster(tmp_path / "second.log", **env):
        # the reaper sees the dead worker's row at once (its process is gone), then it is sent
        wait_for(
            lambda: Domain.objects.get(pk=domain.pk).lead_sync_processing_status == "Complete",
            60,
        )
    assert receiver.requests == 2  # sent twice ...
    assert receiver.repeats == 1  # ... the second with the same idempotency key, dropped
    assert len(receiver.deliveries_for(f"domain:{domain.pk}")) == 1
    assert LeadDelivery.objects.get(domain=domain).sends == 1


def test_a_worker_killed_mid_retraction_sends_lead_deleted_once(receiver, tmp_path):
    from curation.models import LeadRetraction
    from processing.engine.runner import run_consumer

    domain = DomainFactory()
    env = {
        "Q_WORKERS": "1",
        "SCRAPERSKY_WEBHOOKS_JSON": json.dumps(
            [{"name": "n8n", "url": receiver.url, "secret": SECRET}]
        ),
        "SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS": "127.0.0.0/8",
        "PYTHONWARNINGS": "ignore",
    }
    set_curation_status(
        workflow="lead_sync", status="Queued", ids=[domain.pk], actor="t", channel="command"
    )
    run_consumer("lead_sync", handle_signals=False)
    receiver.arrived.clear()
    domain_id = domain.pk
    domain.delete()  # the retraction is queued in this transaction: no worker is running

    receiver.hold.clear()
    with qcluster(tmp_path / "first.log", **env) as first:
        assert receiver.arrived.wait(30), (tmp_path / "first.log").read_text()[-2000:]
        os.killpg(first.pid, signal.SIGKILL)  # the whole cluster, mid-send
        first.wait(timeout=10)
    receiver.hold.set()
    row = LeadRetraction.objects.get()
    assert row.lead_retraction_processing_status == "Processing"  # left by the dead worker

    with qcluster(tmp_path / "second.log", **env):
        wait_for(
            lambda: LeadRetraction.objects.get().lead_retraction_processing_status == "Complete",
            60,
        )
    events = [
        d
        for d in receiver.deliveries_for(f"domain:{domain_id}")
        if d.get("event") == "lead.deleted"
    ]
    assert receiver.requests == 3  # the lead once, lead.deleted twice ...
    assert receiver.repeats == 1 and len(events) == 1  # ... the repeat dropped by its key
