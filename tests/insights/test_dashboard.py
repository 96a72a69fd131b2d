"""The operator dashboard: figures for a known mix, permissions, the no-worker warning."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from insights import dashboard
from processing import heartbeat
from processing.models import WorkerHeartbeat
from scrapersky.workflows import all_workflows
from tests.factories import DomainFactory, PageFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/dashboard.json"


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SCRAPERSKY_DASHBOARD_CACHE_SECONDS = 0


@pytest.fixture
def domain():
    return DomainFactory()


def _pages(domain, n, **fields):
    return PageFactory.create_batch(n, domain=domain, **fields)


def _page_in(domain, status, **fields):
    """A page whose page curation statuses are both ``status``."""
    return PageFactory(
        domain=domain,
        page_curation_curation_status=status,
        page_curation_processing_status=status,
        **fields,
    )


def _mix(domain, now):
    """Pages: 4 never queued, 3 queued (oldest 10 min), 2 processing (1 stuck), 5 complete in
    the last hour, 3 errors (2 alike), 1 complete two hours ago."""
    _pages(domain, 4)
    for minutes in (10, 5, 1):
        _page_in(domain, "Queued", page_curation_queued_at=now - timedelta(minutes=minutes))
    _page_in(domain, "Processing", page_curation_lease_expires_at=now - timedelta(minutes=1))
    _page_in(domain, "Processing", page_curation_lease_expires_at=now + timedelta(minutes=4))
    for minutes in (1, 2, 3, 12, 58):
        _page_in(domain, "Complete", page_curation_finished_at=now - timedelta(minutes=minutes))
    _page_in(domain, "Complete", page_curation_finished_at=now - timedelta(hours=2))
    errors = (
        "fetch failed: HTTP 503 from https://a.example/x after 3 attempts",
        "fetch failed: HTTP 503 from https://b.example/y after 2 attempts",
        "fetch failed: HTTP 404 from https://c.example/z after 1 attempts",
    )
    for minutes, error in zip((20, 30, 40), errors, strict=True):
        _page_in(
            domain,
            "Error",
            page_curation_processing_error=error,
            page_curation_finished_at=now - timedelta(minutes=minutes),
        )


def test_figures_for_a_known_mix(domain):
    now = timezone.now()
    _mix(domain, now)
    data = dashboard.compute(now)
    pages = next(wf for wf in data["workflows"] if wf["name"] == "page_curation")
    assert pages["total"] == 18
    assert pages["processing"] == {
        "None": 4,
        "Queued": 3,
        "Processing": 2,
        "Complete": 6,
        "Error": 3,
    }
    assert pages["curation"] == {
        "New": 4,
        "Queued": 3,
        "Processing": 2,
        "Complete": 6,
        "Error": 3,
        "Skipped": 0,
    }
    assert pages["oldest_queued_s"] == 600.0
    assert pages["stuck"] == 1
    # Oldest bucket first (55-60 min ago ... 0-5 min ago): 58 min ago in bucket 0; 40, 30, 20
    # (each the start of a five-minute bucket) in 3, 5, 7; 12 in 9; 1-3 in 11.
    assert pages["throughput"]["buckets"] == [1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 3]
    assert pages["throughput"]["total"] == 8
    assert pages["errors"]["sampled"] == 3
    assert pages["errors"]["top"] == [
        {
            "group": "fetch failed: HTTP 503 from <url> after <n> attempts",
            "count": 2,
            "example": "fetch failed: HTTP 503 from https://a.example/x after 3 attempts",
        },
        {
            "group": "fetch failed: HTTP 404 from <url> after <n> attempts",
            "count": 1,
            "example": "fetch failed: HTTP 404 from https://c.example/z after 1 attempts",
        },
    ]
    domains = next(wf for wf in data["workflows"] if wf["name"] == "sitemap_discovery")
    assert domains["total"] == 1
    assert domains["processing"]["None"] == 1
    assert domains["oldest_queued_s"] is None


def test_error_groups_keep_http_status_and_hide_hosts_and_numbers():
    assert dashboard.error_group("timeout after 30.5s connecting to acme.example:443\nmore") == (
        "timeout after 30.5s connecting to <host>:<n>"
    )
    assert dashboard.error_group("HTTP 429 Too Many Requests (Retry-After: 120)") == (
        "HTTP 429 Too Many Requests (Retry-After: <n>)"
    )
    assert dashboard.error_group("") == "(empty)"


def test_json_endpoint_for_a_curator_with_links(client, domain):
    now = timezone.now()
    _mix(domain, now)
    user = UserFactory(perms=["curation.view_page", "curation.view_domain"])
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    names = [wf["name"] for wf in body["workflows"]]
    assert "sitemap_import" not in names  # no view_sitemapfile
    assert names[:2] == ["sitemap_discovery", "page_curation"]  # pipeline order
    pages = body["workflows"][1]
    assert pages["processing"]["Queued"] == 3
    assert pages["links"]["processing"]["Error"] == (
        "/admin/curation/page/?page_curation_processing_status__exact=Error"
    )
    assert pages["links"]["processing"]["None"] == (
        "/admin/curation/page/?page_curation_processing_status__isnull=True"
    )
    # The links lead to lists the admin accepts.
    for link in (pages["links"]["processing"]["None"], pages["links"]["curation"]["Skipped"]):
        assert client.get(link).status_code == 200


def test_non_staff_is_sent_to_the_login_page(client):
    client.force_login(UserFactory(is_staff=False, perms=["curation.view_page"]))
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    client.logout()
    assert client.get(URL).status_code == 302


def test_staff_without_view_permission_sees_no_workflow(client, domain):
    _pages(domain, 2)
    client.force_login(UserFactory(perms=["curation.view_contactsighting"]))  # no workflow table
    assert client.get(URL).json()["workflows"] == []
    index = client.get("/admin/")
    assert index.status_code == 200
    assert b'id="ss-dashboard"' in index.content
    assert b"page_curation" not in index.content


def test_no_worker_warning_when_rows_wait(client, domain):
    now = timezone.now()
    _pages(
        domain,
        2,
        page_curation_curation_status="Queued",
        page_curation_processing_status="Queued",
        page_curation_queued_at=now,
    )
    client.force_login(UserFactory(perms=["curation.view_page"]))
    body = client.get(URL).json()
    assert body["workers"]["alive"] == 0
    assert body["warning"].startswith("No worker is alive, and rows are waiting: 2 page_curation")
    WorkerHeartbeat.objects.create(worker="w:1", hostname="w", pid=1, started_at=now, seen_at=now)
    body = client.get(URL).json()
    assert body["workers"] == {
        "alive": 1,
        "names": ["w:1"],
        "last_seen_s": body["workers"]["last_seen_s"],
        "unknown_workflows": [],  # the heartbeat did not say which workflows it knows
        "paused_lanes": [],
    }
    assert body["warning"] is None


def test_a_lane_paused_by_machine_faults_is_a_warning(client, domain):
    now = timezone.now()
    until = (now + timedelta(seconds=40)).isoformat()
    WorkerHeartbeat.objects.create(
        worker="w:1",
        hostname="w",
        pid=1,
        started_at=now,
        seen_at=now,
        paused_lanes={"page_curation": {"reason": "MemoryError", "until": until}},
    )
    client.force_login(UserFactory(perms=["curation.view_page"]))
    body = client.get(URL).json()
    assert body["workers"]["paused_lanes"] == [
        {"worker": "w:1", "workflow": "page_curation", "reason": "MemoryError", "until": until}
    ]
    assert body["warning"].startswith("Machine faults: every row failed the same way")
    assert "page_curation paused on w:1" in body["warning"] and "MemoryError" in body["warning"]


def test_a_pause_that_has_ended_is_not_shown(client, domain):
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker="w:1",
        hostname="w",
        pid=1,
        started_at=now,
        seen_at=now,
        paused_lanes={
            "page_curation": {
                "reason": "MemoryError",
                "until": (now - timedelta(seconds=1)).isoformat(),
            }
        },
    )
    client.force_login(UserFactory(perms=["curation.view_page"]))
    body = client.get(URL).json()
    assert body["workers"]["paused_lanes"] == [] and body["warning"] is None


def test_warning_when_no_live_worker_knows_a_workflow(client, domain):
    """Workers started before a workflow was added cannot run it: the dashboard says restart."""
    now = timezone.now()
    everything = sorted(w.name for w in all_workflows())
    older = [name for name in everything if name != "page_curation"]
    WorkerHeartbeat.objects.create(
        worker="w:1", hostname="w", pid=1, started_at=now, seen_at=now, workflows=older
    )
    client.force_login(UserFactory(perms=["curation.view_page"]))
    body = client.get(URL).json()
    assert body["workers"]["unknown_workflows"] == ["page_curation"]
    assert body["warning"].startswith("No running worker knows the workflow page_curation")
    assert "restart" in body["warning"]
    # A worker started since knows it: no warning.
    WorkerHeartbeat.objects.create(
        worker="w:2", hostname="w", pid=2, started_at=now, seen_at=now, workflows=everything
    )
    assert client.get(URL).json()["warning"] is None


def test_a_worker_records_the_workflows_it_loaded():
    assert heartbeat.beat()
    row = WorkerHeartbeat.objects.get(pid=os.getpid())
    assert row.workflows == sorted(w.name for w in all_workflows())


def test_no_warning_when_nothing_waits(client, domain):
    _pages(domain, 1)
    client.force_login(UserFactory(perms=["curation.view_page"]))
    assert client.get(URL).json()["warning"] is None


def test_the_warning_ignores_workflows_the_user_cannot_see(client):
    DomainFactory(
        sitemap_discovery_curation_status="Queued",
        sitemap_discovery_processing_status="Queued",
        sitemap_discovery_queued_at=timezone.now(),
    )
    client.force_login(UserFactory(perms=["curation.view_page"]))
    assert client.get(URL).json()["warning"] is None


def test_index_embeds_the_figures(client, domain):
    _pages(domain, 3)
    client.force_login(UserFactory(perms=["curation.view_page"]))
    response = client.get("/admin/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="ss-dashboard-data"' in content
    assert '"page_curation"' in content
    assert 'data-url="/admin/dashboard.json"' in content


def test_figures_are_cached_briefly(settings, domain, django_assert_num_queries):
    settings.SCRAPERSKY_DASHBOARD_CACHE_SECONDS = 30
    from django.core.cache import cache

    cache.delete(dashboard.CACHE_KEY)
    first = dashboard.figures()
    _pages(domain, 5)
    with django_assert_num_queries(0):
        assert dashboard.figures() == first
    cache.delete(dashboard.CACHE_KEY)


def test_big_tables_estimate_the_bulk_and_count_what_operators_act_on(settings, domain):
    settings.SCRAPERSKY_DASHBOARD_EXACT_ROWS = 0  # every table counts as big
    now = timezone.now()
    _mix(domain, now)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE pages")
    pages = next(wf for wf in dashboard.compute(now)["workflows"] if wf["name"] == "page_curation")
    assert pages["estimated"] == {
        "processing": ["None", "Complete"],
        "curation": ["New", "Complete", "Skipped"],
    }
    for status, n in {"Queued": 3, "Processing": 2, "Error": 3}.items():
        assert pages["processing"][status] == n  # exact
        assert pages["curation"][status] == n
    assert pages["processing"]["Complete"] >= 1  # the planner's estimate


def test_contacts_card_counts_totals_new_and_kinds(client, domain):
    from datetime import timedelta as td

    from curation.models import Contact
    from tests.factories import ContactFactory

    ContactFactory.create_batch(2, domain=domain)
    ContactFactory(domain=domain, kind="phone", value="+15550100")
    old = ContactFactory(domain=domain, kind="social", value="https://x.com/acme")
    Contact.objects.filter(pk=old.pk).update(created_at=timezone.now() - td(hours=5))
    client.force_login(UserFactory(perms=["curation.view_contact"]))
    card = client.get(URL).json()["contacts"]
    assert card["total"] == 4 and card["estimated"] is False
    assert card["by_kind"] == {"email": 2, "phone": 1, "social": 1}
    assert (card["new_last_hour"], card["new_last_day"]) == (3, 4)
    assert card["links"]["kind"]["phone"] == "/admin/curation/contact/?kind__exact=phone"
    client.force_login(UserFactory(is_superuser=True))
    listed = client.get(card["links"]["new_last_hour"])
    assert listed.status_code == 200
    assert listed.context["cl"].result_count == 3
    client.force_login(UserFactory(perms=["curation.view_page"]))
    assert client.get(URL).json()["contacts"] is None  # no view permission on contacts
