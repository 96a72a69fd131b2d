"""The admin, its dashboard and the Swagger docs work in chromium under the Content-Security-
Policy: no violation reported, and the pages do what they are for."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.curation.test_admin_browser import PASSWORD, browser_page, shot  # noqa: F401
from tests.factories import DomainFactory, PageFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

WATCH_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__csp")


@pytest.fixture
def _no_cached_dashboard(settings):
    # The dashboard caches its figures in the shared cache: leave none for the next test.
    settings.SCRAPERSKY_DASHBOARD_CACHE_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.mark.usefixtures("_no_cached_dashboard")
def test_admin_dashboard_and_docs_under_the_csp(live_server, browser_page):  # noqa: F811
    page = browser_page
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(WATCH_VIOLATIONS)
    admin = UserFactory(username="ada", is_superuser=True, is_staff=True)
    domain = DomainFactory(domain="csp-check.example")
    PageFactory(domain=domain, page_curation_curation_status="Error")

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", admin.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    # The dashboard's script runs: it fetches its figures and fills the page.
    with page.expect_response("**/admin/dashboard.json*") as dashboard:
        page.reload()
    assert dashboard.value.status == 200
    assert violations(page) == [], violations(page)
    shot(page, "csp-dashboard")

    page.goto(f"{live_server.url}/admin/curation/page/")
    page.check("#action-toggle")  # admin's own scripts work (select all)
    assert page.locator("input.action-select:checked").count() == 1
    page.goto(f"{live_server.url}/admin/curation/domain/{domain.pk}/change/")
    assert violations(page) == [], violations(page)

    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".opblock-summary-path").count() > 10
    assert violations(page) == [], violations(page)
    shot(page, "csp-swagger")
    assert not [text for text in console if "Content Security Policy" in text], console
