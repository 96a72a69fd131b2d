"""The discovery record in the admin: its summary in the domains list, the record on the
domain's page (readable, not JSON), the import record on the sitemap's page, and the API."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connections
from django.urls import reverse

from curation.models import Domain, SitemapFile
from curation.services import set_curation_status
from ops.demo import SiteServer, demo_sites
from processing.engine.runner import run_consumer
from processing.fetcher import get_fetcher
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

DENTAL_SUMMARY = (
    "no sitemap: https failed (host not found), used http; no robots.txt (404); "
    "7 well-known paths 404; home page links none; 3 pages from the site's links"
)


@pytest.fixture
def discovered(settings):
    """Discovery and import run for real on the demo web (loopback)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with SiteServer(demo_sites()) as server:
        settings.SCRAPERSKY_FETCHER = {
            "ALLOWED_NETWORKS": ["127.0.0.0/8"],
            "CONNECT_TO": server.connect_to,
            "RETRIES": 0,
        }
        settings.SCRAPERSKY_KICK_ON_QUEUE = False
        hosts = ["smile-dental.demo", "brightwater-plumbing.demo"]
        Domain.objects.bulk_create([Domain(domain=h) for h in hosts])
        for workflow, model in (("sitemap_discovery", Domain), ("sitemap_import", SitemapFile)):
            set_curation_status(
                workflow=workflow,
                status="Queued",
                queryset=model.objects.all(),
                actor="t",
                channel="command",
            )
            run_consumer(workflow, handle_signals=False)
        get_fetcher().close()
    return {d.domain: d for d in Domain.objects.all()}


@pytest.fixture
def admin_client(client):
    user = UserFactory(username="root", is_superuser=True)
    user.save()
    client.force_login(user)
    return client


def test_domain_list_shows_the_summary_truncated_with_the_whole_on_hover(admin_client, discovered):
    body = admin_client.get(reverse("admin:curation_domain_changelist")).content.decode()
    assert f'title="{DENTAL_SUMMARY}"' in body.replace("&#x27;", "'")
    # A narrow column: 32 characters shown (the changelists fit 1280 px).
    assert f">{DENTAL_SUMMARY[:31]}…</span>" in body


def test_domain_page_shows_the_record_as_tables(admin_client, discovered):
    dental = discovered["smile-dental.demo"]
    body = admin_client.get(reverse("admin:curation_domain_change", args=[dental.pk]))
    text = body.content.decode().replace("&#x27;", "'")
    assert DENTAL_SUMMARY in text
    row = "<td>http://smile-dental.demo/sitemap.xml</td><td>well-known path</td><td>404</td>"
    assert row in text
    assert "3 pages created from the site's links" in text
    assert '"candidates"' not in text  # not raw JSON


def test_sitemap_page_shows_what_the_import_read(admin_client, discovered):
    index = SitemapFile.objects.get(url="http://brightwater-plumbing.demo/sitemap_index.xml")
    body = admin_client.get(reverse("admin:curation_sitemapfile_change", args=[index.pk]))
    text = body.content.decode()
    assert "<td>http://brightwater-plumbing.demo/post-sitemap.xml.gz</td><td>urlset</td>" in text
    assert "read to the end" in text


def test_api_serves_the_summary_and_the_record(admin_client, discovered):
    dental = discovered["smile-dental.demo"]
    data = admin_client.get(f"/api/v3/domains/{dental.pk}/").json()
    assert data["sitemap_discovery_summary"] == DENTAL_SUMMARY
    record = data["sitemap_discovery_record"]
    assert record["robots"]["http_status"] == 404
    assert {c["outcome"] for c in record["candidates"]} == {"not_found"}
    assert record["link_pages"] == 3


@pytest.mark.browser
def test_browser_shows_the_record(live_server, discovered, monkeypatch, settings):
    chromium = "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip(f"{chromium} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    UserFactory(username="root", password="correct horse battery", is_superuser=True).save()
    shots = Path(django_settings.BASE_DIR) / "artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    dental = discovered["smile-dental.demo"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "root")
        page.fill("#id_password", "correct horse battery")
        page.click("input[type=submit]")
        page.goto(f"{live_server.url}{reverse('admin:curation_domain_changelist')}")
        cell = page.locator(f'span[title="{DENTAL_SUMMARY}"]')
        assert cell.count() == 1
        page.screenshot(path=str(shots / "domains_discovery_summary.png"), full_page=True)
        page.goto(f"{live_server.url}{reverse('admin:curation_domain_change', args=[dental.pk])}")
        record = page.locator(".ss-discovery")
        assert record.is_visible()
        assert DENTAL_SUMMARY in record.inner_text()
        page.screenshot(path=str(shots / "domain_discovery_record.png"), full_page=True)
        browser.close()
    connections.close_all()
