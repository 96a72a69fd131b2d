"""The admin in a real browser: log in, filter pages, queue a selection, see both statuses move."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connections

from curation.models import Page, StatusChange
from tests.factories import ContactSightingFactory, DomainFactory, PageFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),  # see test_admin_changelists
]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(django_settings.BASE_DIR) / "artifacts" / "screenshots"
PASSWORD = "correct horse battery"


@pytest.fixture
def browser_page(settings, monkeypatch):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM calls below are still
    # plain synchronous calls between page actions.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False  # http://localhost
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(15_000)
        yield page
        browser.close()
        # ORM calls made while Playwright's event loop runs get their own connection (asgiref's
        # context-local storage); close it here, or the test database cannot be dropped.
        connections.close_all()


@pytest.fixture
def curator():
    user = UserFactory(username="carla", perms=["curation.change_page", "curation.view_page"])
    for codename in ("view_domain", "view_contact", "view_sitemapfile", "view_statuschange"):
        user.user_permissions.add(_perm(codename))
    return user


def _perm(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="curation", codename=codename)


def shot(page, name):
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def row(page, pk):
    return page.locator(f'#result_list tr:has(input.action-select[value="{pk}"])')


def test_curator_queues_filtered_pages_and_sees_both_statuses_change(
    live_server, browser_page, curator
):
    page = browser_page
    domain = DomainFactory(domain="acme-plumbing.example", company_name="Acme Plumbing")
    new = [
        PageFactory(domain=domain, url=f"https://acme-plumbing.example/{path}", title=title)
        for path, title in (
            ("contact", "Contact Acme Plumbing"),
            ("about-us", "About us"),
            ("team", "Our team"),
            ("services/boilers", "Boiler repair and installation in Springfield"),
        )
    ]
    failed = PageFactory(
        domain=domain,
        url="https://acme-plumbing.example/impressum",
        page_curation_curation_status="Error",
        page_curation_processing_status="Error",
        page_curation_processing_error=(
            "fetch failed: HTTP 503 Service Unavailable after 3 attempts "
            "(Retry-After: 120) from https://acme-plumbing.example/impressum"
        ),
        http_status=503,
    )
    done = PageFactory(
        domain=domain,
        url="https://acme-plumbing.example/",
        page_type="home",
        page_curation_curation_status="Complete",
        page_curation_processing_status="Complete",
        http_status=200,
        title="Acme Plumbing: 24/7 emergency plumbers",
    )
    ContactSightingFactory(
        contact__domain=domain, contact__value="info@acme-plumbing.example", page=done
    )

    page.goto(f"{live_server.url}/admin/login/?next=/admin/curation/page/")
    page.fill("#id_username", curator.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/curation/page/")
    shot(page, "01_pages_all")
    assert row(page, failed.pk).locator(".ss-badge--error").count() == 2
    error_cell = row(page, failed.pk).locator("td.field-page_curation_processing_error span")
    assert "Retry-After: 120" in error_cell.get_attribute("title")

    # Filter: page curation status New (the sidebar's choice filter).
    page.click("#changelist-filter a[href*='page_curation_curation_status__exact=New']")
    page.wait_for_url("**page_curation_curation_status__exact=New**")
    assert page.locator("#result_list input.action-select").count() == len(new)
    shot(page, "02_pages_filtered_new")

    chosen, left = new[:3], new[3:]
    for p in chosen:
        row(page, p.pk).locator("input.action-select").check()
    page.select_option("select[name=action]", "page_curation_queue")
    shot(page, "03_pages_selected")
    page.click("button[name=index]")
    page.wait_for_selector("ul.messagelist li.success")
    message = page.locator("ul.messagelist li.success").inner_text()
    assert message == "Queued 3 pages for page curation."
    # Still filtered on New: the queued rows left the list.
    assert page.locator("#result_list input.action-select").count() == len(left)
    shot(page, "04_pages_after_queue_filtered")

    page.goto(f"{live_server.url}/admin/curation/page/")
    for p in chosen:
        assert row(page, p.pk).locator(".ss-badge--queued").count() == 2  # curation + processing
    for p in left:
        assert row(page, p.pk).locator(".ss-badge--new").count() == 1
    shot(page, "05_pages_after_queue_all")

    queued = Page.objects.filter(pk__in=[p.pk for p in chosen])
    assert set(queued.values_list("page_curation_curation_status", flat=True)) == {"Queued"}
    assert set(queued.values_list("page_curation_processing_status", flat=True)) == {"Queued"}
    audit = StatusChange.objects.get()
    assert (audit.channel, audit.user_id, audit.updated) == ("admin", curator.pk, 3)

    # The other screens a curator moves through.
    page.goto(f"{live_server.url}/admin/curation/domain/")
    page.click(f"a[href*='/admin/curation/page/?domain__id__exact={domain.pk}']")
    page.wait_for_url(f"**domain__id__exact={domain.pk}")
    assert page.locator("#result_list input.action-select").count() == 6
    page.goto(f"{live_server.url}/admin/curation/domain/")
    shot(page, "06_domains")
    page.goto(f"{live_server.url}/admin/curation/contact/")
    shot(page, "07_contacts")
    page.goto(f"{live_server.url}/admin/curation/statuschange/")
    assert "carla" in page.locator("#result_list").inner_text()
    shot(page, "08_audit")
    page.goto(f"{live_server.url}/admin/curation/page/{failed.pk}/change/")
    shot(page, "09_page_change_form")
