"""The operator's loop in a real browser with real workers: import the demo domains from a CSV in
the admin, queue them, and watch the dashboard's counts move while a django-q2 cluster works
through the demo websites on loopback.
"""

from __future__ import annotations

import subprocess

import pytest
from django.core.management import call_command

from curation.models import Contact, Domain
from ops.demo import SiteServer, demo_environment, demo_sites
from tests.curation.test_admin_browser import PASSWORD, SCREENSHOTS, browser_page
from tests.factories import UserFactory
from tests.qcluster import BROWSER_WITH_WORKERS, start_demo_cluster, stop_cluster

pytestmark = BROWSER_WITH_WORKERS

__all__ = ["browser_page"]  # the shared Playwright fixture

DEADLINE_MS = 120_000


@pytest.fixture
def demo_server():
    server = SiteServer(demo_sites(), port=0).start()
    yield server
    server.stop()


@pytest.fixture
def cluster(demo_server, tmp_path):
    """A django-q2 cluster on the test database, pointed at the demo sites; started on demand."""
    procs: list[subprocess.Popen] = []
    log_path = SCREENSHOTS.parent / "operator_browser_qcluster.log"

    def start() -> subprocess.Popen:
        procs.append(start_demo_cluster(demo_environment(demo_server.port), log_path))
        return procs[-1]

    yield start
    for proc in procs:
        stop_cluster(proc)


def count(page, workflow: str, status: str) -> int:
    text = page.locator(f'[data-workflow="{workflow}"] [data-processing="{status}"]').inner_text()
    return int(text.replace(",", ""))


def wait_for_count(page, workflow: str, status: str, predicate: str) -> None:
    """Wait until the dashboard (refreshed by its own fetch, no reload) shows the count."""
    page.wait_for_function(
        "([wf, s]) => { const el = document.querySelector("
        '`[data-workflow="${wf}"] [data-processing="${s}"]`);'
        f" if (!el) return false; const n = Number(el.textContent.replace(/,/g, '')); "
        f"return {predicate}; }}",
        arg=[workflow, status],
        timeout=DEADLINE_MS,
        polling=500,
    )


def shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"dashboard_{name}.png"), full_page=True)


def test_operator_imports_queues_and_watches_the_workers(
    live_server, browser_page, settings, cluster, tmp_path
):
    page = browser_page
    settings.SCRAPERSKY_KICK_ON_QUEUE = True  # the admin action wakes the workers (NOTIFY)
    settings.SCRAPERSKY_DASHBOARD_CACHE_SECONDS = 1
    settings.SCRAPERSKY_HEARTBEAT_MAX_AGE = 30
    call_command("setup_schedules", verbosity=0)  # the safety net behind the wake-ups
    operator = UserFactory(username="olga", is_superuser=True)
    sites = demo_sites()

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", operator.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector('#ss-workflows [data-workflow="sitemap_discovery"]')
    assert page.locator("#ss-workers").inner_text() == "no worker alive"
    assert count(page, "sitemap_discovery", "None") == 0
    shot(page, "01_empty")

    # Import the demo domains through the admin's CSV form.
    csv_file = tmp_path / "demo-domains.csv"
    csv_file.write_text(
        "company,website\n"
        + "".join(f'"{site.name}",http://www.{site.host}/\n' for site in sites)
        + f"{sites[0].name},{sites[0].host}\nBroken,not a domain\n"
    )
    page.goto(f"{live_server.url}/admin/curation/domain/")
    page.click("a.ss-import-link")
    page.set_input_files("#id_file", str(csv_file))
    page.fill("#id_source", "trade-fair")
    page.click("input[name=_upload]")
    page.wait_for_selector("#import-preview")  # nothing written before the confirmation
    assert not Domain.objects.exists()
    page.click("#import-confirm")
    summary = page.locator("#import-summary").inner_text()
    assert summary == f"{len(sites) + 2} row(s): {len(sites)} created, 1 duplicate, 1 invalid"
    assert page.locator("#import-problems tbody tr").count() == 2
    assert "contains spaces" in page.locator("#import-problems").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "import_result.png"), full_page=True)
    assert set(Domain.objects.values_list("source", flat=True)) == {"trade-fair"}

    # Queue them: the new rows, selected on the changelist the result page links to.
    page.click("#import-created-link")
    page.wait_for_selector("#result_list")
    assert page.locator("#result_list input.action-select").count() == len(sites)
    page.check("#action-toggle")
    page.select_option("select[name=action]", "sitemap_discovery_queue")
    page.click("button[name=index]")
    page.wait_for_selector("ul.messagelist li.success")

    # Rows wait and no worker runs: the dashboard says so.
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_selector("#ss-warning:not([hidden])")
    assert "No worker is alive" in page.locator("#ss-warning").inner_text()
    assert count(page, "sitemap_discovery", "Queued") == len(sites)
    shot(page, "02_queued_no_worker")

    # Start the workers and watch the same page, without reloading it.
    cluster()
    page.wait_for_selector("#ss-warning[hidden]", state="attached", timeout=DEADLINE_MS)
    assert "alive" in page.locator("#ss-workers").inner_text()
    assert "no worker" not in page.locator("#ss-workers").inner_text()
    wait_for_count(page, "sitemap_discovery", "Complete", f"n === {len(sites)}")
    shot(page, "03_discovery_complete")
    # The demo environment auto-queues found sitemaps and contact-like pages.
    wait_for_count(page, "sitemap_import", "Complete", "n > 0")
    wait_for_count(page, "page_curation", "Complete", "n > 0")
    page.wait_for_function(
        "() => !document.querySelector('[data-workflow] [data-processing=\"Queued\"]') ||"
        ' [...document.querySelectorAll(\'[data-processing="Queued"],'
        " [data-processing=\"Processing\"]')].every(el => el.textContent === '0')",
        timeout=DEADLINE_MS,
        polling=500,
    )
    shot(page, "04_pipeline_drained")
    assert count(page, "sitemap_discovery", "Error") == 0
    throughput = page.locator('[data-workflow="page_curation"] [data-fact="throughput"]')
    assert throughput.inner_text().endswith("in the last hour")
    assert int(throughput.inner_text().split()[0].replace(",", "")) == count(
        page, "page_curation", "Complete"
    ) + count(page, "page_curation", "Error")
    assert page.locator('[data-workflow="page_curation"] svg rect').count() == 12
    assert Contact.objects.exists()
