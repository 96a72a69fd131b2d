"""From a market to a lead list in a real browser with real workers: a curator creates "plumbers
in Demo City" in the admin, watches it complete, filters the businesses, queues them for domain
extraction and sees the domains and then their contacts, while a django-q2 cluster works against
the demo places service and the Demo City websites on loopback. The new pages are measured at
1,280 x 800 and 390 x 844 (no sideways scrolling) and photographed."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command

from curation.models import Contact, Domain
from curation.models.places import Business, PlaceSearch
from ops.demo import SiteServer, demo_environment
from ops.demo.city import offline_sites
from ops.demo.places import PlacesServer
from tests.curation.test_admin_browser import PASSWORD, SCREENSHOTS, browser_page
from tests.curation.test_admin_layout_browser import VIEWPORTS, assert_fits
from tests.factories import UserFactory
from tests.qcluster import BROWSER_WITH_WORKERS, start_demo_cluster, stop_cluster

pytestmark = BROWSER_WITH_WORKERS

__all__ = ["browser_page"]  # the shared Playwright fixture

DEADLINE = 150  # seconds for the workers to reach each step on 2 shared cores
PLUMBERS_WITH_A_WEBSITE = 10  # of 11: Dave's Drains has none
DOMAINS = {
    "brightwater-plumbing.demo",
    "quickfix-plumbing.demo",  # the chain's three branches, one website
    "ivan-santehnik.demo",
    *(f"demo-plumbing-{i}.demo" for i in range(1, 5)),
}


@pytest.fixture
def cluster(tmp_path):
    """A django-q2 cluster on the test database, pointed at the demo web and places service."""
    web = SiteServer(offline_sites()).start()
    places = PlacesServer().start()
    environment = demo_environment(web.port, places_port=places.port)
    proc = start_demo_cluster(environment, tmp_path / "qcluster.log")
    yield proc
    try:
        stop_cluster(proc)
    finally:
        places.stop()
        web.stop()


def shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"places_{name}.png"), full_page=True)


def measured(page, what: str) -> None:
    """The page fits at both sizes (photographed at each); back at 1,280 x 800 afterwards."""
    for viewport in ("phone", "desktop"):
        width, height = VIEWPORTS[viewport]
        page.set_viewport_size({"width": width, "height": height})
        page.reload()
        assert_fits(page, f"{what} at {viewport}")
        shot(page, f"{viewport}_{what.replace(' ', '_')}")


def until(page, done, what: str) -> None:
    """Reload the page the curator watches until ``done()`` (workers run meanwhile)."""
    deadline = time.monotonic() + DEADLINE
    while not done():
        assert time.monotonic() < deadline, f"{what}: not within {DEADLINE} s"
        page.wait_for_timeout(1000)
        page.reload()


def test_a_search_in_the_admin_reaches_contacts(live_server, browser_page, settings, cluster):
    page = browser_page
    settings.SCRAPERSKY_KICK_ON_QUEUE = True  # saving and the admin action wake the workers
    call_command("setup_schedules", verbosity=0)  # the safety net behind the wake-ups
    curator = UserFactory(username="petra", is_superuser=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", curator.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")

    # Create the search: what and where; saved, it is queued.
    page.goto(f"{live_server.url}/admin/curation/placesearch/add/")
    measured(page, "place search add")
    page.select_option("#id_category", "plumber")
    page.fill("#id_place", "Demo City")
    assert page.locator("#id_queue_now").is_checked()
    page.click("input[name=_save]")
    assert "Queued: the workers search it now." in page.locator("ul.messagelist").inner_text()
    search = PlaceSearch.objects.get()
    assert search.created_by == "petra"
    measured(page, "place search list")

    # Watch it complete on its page.
    page.goto(f"{live_server.url}/admin/curation/placesearch/{search.pk}/change/")
    results = page.locator(".field-results_count .readonly")
    until(page, lambda: results.inner_text().strip() == "11", "the search")
    assert "Demo City" in page.locator(".field-area_display").inner_text()
    assert "© OpenStreetMap contributors" in page.locator(".field-attribution_display").inner_text()
    measured(page, "place search change")

    # Its businesses, filtered: plumbers with a website.
    page.click("text=all businesses of this search")
    page.wait_for_selector("#result_list")
    assert page.locator("#result_list tbody tr").count() == 11
    page.click("#changelist-filter a:text-is('Has a website')")
    page.click("#changelist-filter a:text-is('Plumbers')")
    page.wait_for_url("**category=plumber**")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == PLUMBERS_WITH_A_WEBSITE
    assert "Dave's Drains" not in page.locator("#result_list").inner_text()
    assert "QuickFix Plumbing North" in page.locator("#result_list").inner_text()
    assert page.locator("#list-attribution").inner_text() == "Data: © OpenStreetMap contributors"
    measured(page, "business list")
    filtered = page.url

    # A business's page: its listing, map link and attribution.
    page.click("#result_list a:has-text('QuickFix Plumbing North')")
    page.wait_for_url("**/admin/curation/business/*/change/**")
    assert "OpenStreetMap: node/" in page.locator(".field-map_link").inner_text()
    measured(page, "business change")

    # Queue them for domain extraction and watch their domains appear.
    page.goto(filtered)
    page.check("#action-toggle")
    page.select_option("select[name=action]", "domain_extraction_queue")
    page.click("button[name=index]")
    assert page.locator("ul.messagelist li.success").inner_text() == (
        f"Queued {PLUMBERS_WITH_A_WEBSITE} businesses for domain extraction."
    )
    page.goto(filtered)
    until(
        page,
        lambda: page.locator("#result_list td.field-domain_link a").count() == 9,
        "the domains",
    )
    listed = page.locator("#result_list").inner_text()
    assert listed.count("quickfix-plumbing.demo") == 3
    # Pipe Dreams' "website" is a Facebook page: no domain, and the row says why (on hover).
    assert page.locator("#result_list [title*='is a social network profile']").count() == 1
    shot(page, "desktop_business_list_with_domains")

    # The domains, discovered by the workers (the demo queues new business domains).
    page.goto(f"{live_server.url}/admin/curation/domain/?source=places")
    assert {d.domain for d in Domain.objects.filter(businesses__isnull=False)} == DOMAINS

    def discovered() -> bool:
        return Domain.objects.filter(
            domain__in=DOMAINS, sitemap_discovery_processing_status="Complete"
        ).count() == len(DOMAINS)

    until(page, discovered, "discovery")
    assert "Error" not in page.locator("#result_list").inner_text()
    shot(page, "desktop_domain_list")

    # Then the contacts their websites give, on the chain's lead sheet.
    chain = Domain.objects.get(domain="quickfix-plumbing.demo")

    def contacts() -> bool:
        return Contact.objects.filter(domain=chain, business__isnull=True, kind="email").exists()

    page.goto(f"{live_server.url}/admin/curation/domain/{chain.pk}/lead/")
    until(page, contacts, "the contacts")
    assert page.locator("#lead-businesses tbody tr").count() == 3
    sheet = page.locator("#lead-contacts").inner_text()
    assert "sales@quickfix-plumbing.demo" in sheet
    assert "+12175550161" in sheet or "217-555-0161" in sheet  # a branch's listed phone
    measured(page, "lead sheet")
    page.goto(f"{live_server.url}/admin/curation/contact/?q=quickfix-plumbing.demo")
    assert page.locator("#result_list tbody tr").count() >= 5
    shot(page, "desktop_contacts")
    assert Business.objects.filter(domain_extraction_processing_status="Error").count() == 0
