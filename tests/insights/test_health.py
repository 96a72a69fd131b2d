"""The health endpoint: database, worker liveness (a real cluster up, then down), queue age."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from processing.models import WorkerHeartbeat
from tests.curation.test_configuration import run_manage
from tests.factories import DomainFactory, WorkerHeartbeatFactory
from tests.qcluster import qcluster


@pytest.mark.django_db
def test_no_worker_is_unhealthy_but_web_check_passes(client):
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unhealthy"
    assert body["database"]["ok"] is True
    assert body["workers"]["alive"] == 0
    web = client.get("/health/?check=web")
    assert web.status_code == 200
    assert web.json()["status"] == "ok"


@pytest.mark.django_db
def test_queue_age_and_stuck_rows_are_reported(client):
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker="w:1", hostname="w", pid=1, started_at=now, seen_at=now)
    DomainFactory(
        sitemap_discovery_curation_status="Queued",
        sitemap_discovery_processing_status="Queued",
        sitemap_discovery_queued_at=now - timedelta(minutes=10),
    )
    DomainFactory(
        sitemap_discovery_curation_status="Processing",
        sitemap_discovery_processing_status="Processing",
        sitemap_discovery_lease_expires_at=now - timedelta(minutes=1),
    )
    response = client.get("/health/")
    assert response.status_code == 200
    discovery = response.json()["workflows"]["sitemap_discovery"]
    assert discovery["queued"] == 1
    assert 590 < discovery["oldest_queued_age_s"] < 700
    assert discovery["stuck"] == 1
    assert response.json()["workflows"]["page_curation"]["oldest_queued_age_s"] is None


@pytest.mark.django_db
def test_stale_heartbeat_is_not_alive(client, settings):
    settings.SCRAPERSKY_HEARTBEAT_MAX_AGE = 60
    old = timezone.now() - timedelta(minutes=5)
    WorkerHeartbeatFactory(started_at=old, seen_at=old)
    assert client.get("/health/").json()["workers"]["alive"] == 0


@pytest.mark.workers
@pytest.mark.django_db(transaction=True)
def test_real_cluster_up_then_down(client, settings):
    settings.SCRAPERSKY_HEARTBEAT_MAX_AGE = 4
    with qcluster(Q_WORKERS="1"):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and client.get("/health/").status_code != 200:
            time.sleep(0.3)
        body = client.get("/health/").json()
        assert body["status"] == "ok", body
        assert body["workers"]["alive"] >= 1
    time.sleep(4.5)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["workers"]["alive"] == 0


@pytest.mark.workers
@pytest.mark.django_db(transaction=True)
def test_a_clean_stop_turns_health_503_within_seconds(client, settings):
    """The default heartbeat age (150 s) would keep a stopped cluster alive: the stop removes it."""
    settings.SCRAPERSKY_HEARTBEAT_MAX_AGE = 150
    with qcluster(Q_WORKERS="2"):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and WorkerHeartbeat.objects.count() < 2:
            time.sleep(0.2)
        assert client.get("/health/").json()["workers"]["alive"] == 2
    stopped = time.monotonic()
    while time.monotonic() < stopped + 5 and client.get("/health/").status_code != 503:
        time.sleep(0.1)
    response = client.get("/health/")
    assert response.status_code == 503, response.json()
    assert response.json()["workers"]["alive"] == 0
    assert not WorkerHeartbeat.objects.exists()


def test_a_database_outage_tells_anonymous_callers_nothing_about_the_server():
    # A real unreachable server (nothing listens on 127.0.0.1:1): the driver's error names the
    # host and port; the anonymous answer is a 503 that only says the database is unavailable.
    script = (
        "from django.test import Client\n"
        "r = Client().get('/health/?check=web')\n"
        "print(r.status_code)\n"
        "print(r.content.decode())\n"
    )
    result = run_manage(
        "shell",
        "-c",
        script,
        DATABASE_URL="postgres://scrapersky@127.0.0.1:1/scrapersky",
        SECRET_KEY="x",
        ALLOWED_HOSTS="testserver",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-2:]
    assert status == "503"
    assert json.loads(body)["database"] == {"ok": False, "error": "database unavailable"}
    assert "127.0.0.1" not in body and "5432" not in body and ":1" not in body
    assert "127.0.0.1" in result.stderr  # the detail is logged for the operator
