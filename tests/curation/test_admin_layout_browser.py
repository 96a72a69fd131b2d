"""The admin at 1,280 x 800 and on a phone (390 x 844): every list and change page fits, the row
buttons and the lead sheet work, and an Excel file with an unknown header is imported through
the column picker and the preview."""

from __future__ import annotations

import pytest

from curation import services
from curation.models import Contact, Domain, Page
from curation.models.places import BusinessSighting
from tests.curation.test_admin_browser import PASSWORD, SCREENSHOTS, browser_page
from tests.factories import (
    BusinessFactory,
    ContactFactory,
    ContactSightingFactory,
    DomainFactory,
    PageFactory,
    PlaceSearchFactory,
    SitemapFileFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

__all__ = ["browser_page"]

VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
MODELS = ("domain", "sitemapfile", "page", "contact", "statuschange", "placesearch", "business")

# Widths that overflow: the page's and, when it is a list, the results table's container.
OVERFLOW_JS = """() => {
  const doc = document.documentElement;
  const table = document.querySelector('#result_list');
  const box = table ? table.closest('.results') || table.parentElement : null;
  return {
    page: doc.scrollWidth - doc.clientWidth,
    table: table ? Math.ceil(table.getBoundingClientRect().right) - Math.floor(
      (box || doc).getBoundingClientRect().right) : 0,
    tableScroll: box ? box.scrollWidth - box.clientWidth : 0,
    culprits: Array.from(document.querySelectorAll('body *')).filter(
      (e) => e.getBoundingClientRect().right > doc.clientWidth + 1
        || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'
    ).slice(0, 8).map((e) => e.tagName + '.' + e.className + '#' + e.id + ':'
      + Math.round(e.getBoundingClientRect().right) + '/' + e.scrollWidth),
  };
}"""

# The list's columns and their widths, to say which one pushes the table out.
HEADER_WIDTHS_JS = """() => [...document.querySelectorAll('#result_list thead th')].map(
  (th) => th.innerText + ':' + Math.round(th.getBoundingClientRect().width))"""


@pytest.fixture
def pipeline(settings):
    """Realistic rows: an international domain, long company names, URLs and errors."""
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    domain = DomainFactory(
        domain="xn--bcher-kva.de",
        company_name="Bücher & Schreibwaren Müller GmbH, Filiale Innenstadt und Versand",
        source="trade-fair-2026",
    )
    sitemap = SitemapFileFactory(
        domain=domain,
        url="https://xn--bcher-kva.de/sitemaps/products/sitemap-products-2026-12-with-a-long-name.xml",
        sitemap_import_curation_status="Error",
        sitemap_import_processing_status="Error",
        sitemap_import_processing_error="HTTP 503 Service Unavailable after 3 attempts " * 3,
        pages_created=1,
    )
    pages = [
        PageFactory(
            domain=domain,
            sitemap_file=sitemap,
            url=f"https://xn--bcher-kva.de/kontakt/filialen/innenstadt/oeffnungszeiten-{n}"
            "?utm_source=newsletter&utm_campaign=winter",
            page_type="contact",
            title="Kontakt und Öffnungszeiten unserer Filiale in der Innenstadt " * 2,
            http_status=200,
            page_curation_curation_status="Error" if n == 0 else "New",
            page_curation_processing_status="Error" if n == 0 else None,
            page_curation_processing_error="fetch failed: connection reset by peer " * 4
            if n == 0
            else None,
        )
        for n in range(3)
    ]
    contacts = [
        ContactFactory(domain=domain, value="info@xn--bcher-kva.de", classification="role"),
        ContactFactory(
            domain=domain,
            kind="phone",
            value="+4930123456789",
            display="030 123456789",
            classification="fixed_line_or_mobile",
        ),
        ContactFactory(
            domain=domain,
            kind="social",
            value="https://www.linkedin.com/company/buecher-und-schreibwaren-mueller-gmbh-innenstadt",
            classification="linkedin",
        ),
    ]
    for contact in contacts:
        for page in pages[:2]:
            ContactSightingFactory(contact=contact, page=page, context="Schreiben Sie uns " * 8)
    other = DomainFactory(domain="acme-plumbing.example", company_name="Acme Plumbing")
    search = PlaceSearchFactory(
        category="",
        query="Bäckerei und Konditorei mit Frühstück",
        place="Frankfurt am Main, Hessen, Deutschland",
        results_count=1,
        new_businesses=1,
        pages_read=1,
        queries_made=2,
        searched_area={
            "label": "Frankfurt am Main, Hessen, Deutschland (relation 62400)",
            "south": 50.0152,
            "west": 8.4727,
            "north": 50.2272,
            "east": 8.8004,
        },
        warnings=[
            "the provider returns at most 60 results per query: 60 returned, the area was split "
            "into 4 tiles"
        ],
    )
    business = BusinessFactory(
        name="Bäckerei & Konditorei Müller am Hauptbahnhof, Filiale Innenstadt-Nord",
        categories=["shop=bakery", "amenity=cafe"],
        address="Kaiserstraße 123-125, Hinterhaus, 3. Obergeschoss",
        city="Frankfurt am Main",
        postcode="60311",
        country="DE",
        phone="+49 69 1234567890",
        email="bestellungen-filiale-innenstadt@baeckerei-mueller-frankfurt.example",
        website="https://www.baeckerei-mueller-frankfurt.example/filialen/innenstadt-nord?utm_source=osm",
        opening_hours="Mo-Fr 06:00-19:00; Sa 07:00-16:00; Su,PH 08:00-12:00 off",
        provider_url="https://www.openstreetmap.org/node/123456789012",
        rating=4.6,
        rating_count=1234,
        latitude=50.107,
        longitude=8.663,
        domain=domain,
    )
    BusinessSighting.objects.create(business=business, place_search=search)
    services.set_curation_status(
        workflow="page_curation",
        status="Skipped",
        ids=[p.pk for p in pages[1:]],
        actor="carla",
        channel="admin",
    )
    return {"domain": domain, "other": other, "sitemap": sitemap, "pages": pages}


@pytest.fixture
def admin_user():
    return UserFactory(username="admin-user", is_superuser=True)


def log_in(page, live_server, user, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def shot(page, name):
    page.screenshot(path=str(SCREENSHOTS / f"layout_{name}.png"), full_page=True)


def assert_fits(page, what):
    overflow = page.evaluate(OVERFLOW_JS)
    culprits = overflow.pop("culprits")
    if max(overflow.values()) > 0:
        shot(page, f"overflow_{what.replace(' ', '_')}")
    assert overflow["page"] <= 0, (what, overflow, culprits)
    widths = page.evaluate(HEADER_WIDTHS_JS)
    assert overflow["table"] <= 0, (what, overflow, widths)
    assert overflow["tableScroll"] <= 0, (what, overflow, widths)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_list_and_change_page_fits(live_server, browser_page, admin_user, pipeline, viewport):
    page = browser_page
    width, height = VIEWPORTS[viewport]
    log_in(page, live_server, admin_user, width, height)
    # The index: pipeline order, and the contacts card.
    names = page.locator("#content-main .app-curation th[scope=row] a").all_inner_texts()
    assert names[:5] == ["Domains", "Sitemap files", "Pages", "Contacts", "Status changes"]
    card = page.locator("[data-card=contacts]")
    assert card.locator("[data-contacts=total]").inner_text() == "3"
    assert card.locator("[data-contacts-kind=phone]").inner_text() == "1"
    assert card.locator("[data-contacts=new_last_hour]").inner_text() == "3"
    assert_fits(page, "index")
    shot(page, f"{viewport}_index")
    for model in MODELS:
        page.goto(f"{live_server.url}/admin/curation/{model}/")
        assert page.locator("#result_list tbody tr").count() >= 1, model
        assert_fits(page, f"{model} list")
        shot(page, f"{viewport}_{model}_list")
        page.locator("#result_list tbody tr th a").first.click()
        page.wait_for_url(f"**/admin/curation/{model}/*/change/")
        assert_fits(page, f"{model} change page")
        shot(page, f"{viewport}_{model}_change")
    page.goto(f"{live_server.url}/admin/curation/domain/")
    # International domains as people write them; counts in words.
    listed = page.locator("#result_list").inner_text()
    assert "bücher.de" in listed and "xn--" not in listed
    assert "1 sitemap" in listed and "3 pages" in listed and "3 contacts" in listed
    page.goto(f"{live_server.url}/admin/curation/contact/")
    assert "fixed line or mobile" in page.locator("#result_list").inner_text()
    assert "fixed_line_or_mobile" not in page.locator("#result_list").inner_text()


def test_row_buttons_and_the_lead_sheet(live_server, browser_page, admin_user, pipeline):
    page = browser_page
    log_in(page, live_server, admin_user, *VIEWPORTS["desktop"])
    domain = pipeline["domain"]
    page.goto(f"{live_server.url}/admin/curation/domain/{domain.pk}/change/")
    related = page.locator(".field-related_rows")
    assert related.locator("table[data-related=pages] tr").count() == 3
    assert "Curation status" in page.locator("fieldset").last.inner_text()
    assert "curation curation" not in page.content().lower()
    page.click("button.ss-row-btn--queue[data-workflow=sitemap_discovery]")
    page.wait_for_selector("ul.messagelist li.success")
    assert page.locator("ul.messagelist li.success").inner_text() == (
        "Queued 1 domain for sitemap discovery."
    )
    assert Domain.objects.get(pk=domain.pk).sitemap_discovery_processing_status == "Queued"
    shot(page, "desktop_domain_after_queue")
    page.goto(f"{live_server.url}/admin/")
    assert (
        "Queued 1 domain for sitemap discovery"
        in page.locator("#recent-actions-module").inner_text()
    )

    errored = pipeline["pages"][0]
    page.goto(f"{live_server.url}/admin/curation/page/{errored.pk}/change/")
    assert page.locator("button.ss-row-btn--queue").count() == 0  # Retry says it for errors
    page.click("button.ss-row-btn--retry")
    page.wait_for_selector("ul.messagelist li.success")
    assert page.locator("ul.messagelist li.success").inner_text() == (
        "Queued 1 page for page curation."
    )
    errored = Page.objects.get(pk=errored.pk)
    assert errored.page_curation_processing_status == "Queued"
    assert errored.page_curation_processing_error is None

    page.goto(f"{live_server.url}/admin/curation/domain/")
    page.click(f"a.ss-lead-link[href='/admin/curation/domain/{domain.pk}/lead/']")
    page.wait_for_url(f"**/domain/{domain.pk}/lead/")
    assert page.locator("#lead-domain").inner_text() == "bücher.de"
    rows = page.locator("#lead-contacts tbody tr")
    assert rows.count() == Contact.objects.filter(domain=domain).count() == 3
    phone = page.locator("#lead-contacts tr[data-kind=phone]").inner_text()
    assert "fixed line or mobile" in phone and "030 123456789" in phone
    assert page.locator("#lead-contacts tr[data-kind=email] li a").count() == 2  # seen on 2 pages
    assert_fits(page, "lead sheet")
    shot(page, "desktop_lead")
    with page.expect_download() as download:
        page.click("#lead-csv")
    with open(download.value.path(), encoding="utf-8") as handle:
        text = handle.read()
    assert text.startswith("\ufeffdomain,company_name,kind,kind_label,value")
    assert text.count("\n") == 4
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert_fits(page, "lead sheet on a phone")
    shot(page, "phone_lead")


def test_import_windows_1252_and_an_unknown_header(
    live_server, browser_page, admin_user, settings, tmp_path
):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    page = browser_page
    log_in(page, live_server, admin_user, *VIEWPORTS["desktop"])

    known = tmp_path / "excel.csv"
    known.write_bytes(
        "Company;Web Site\r\nCafé Müller;café-müller.de\r\nÉtoile;etoile.fr\r\n".encode("cp1252")
    )
    page.goto(f"{live_server.url}/admin/curation/domain/import/")
    page.set_input_files("#id_file", str(known))
    page.click("input[name=_upload]")
    page.wait_for_selector("#import-preview")
    assert "Windows-1252" in page.locator("#import-facts").inner_text()
    preview = page.locator("#import-preview").inner_text()
    assert "Café Müller" in preview and "xn--caf-mller-" in preview
    shot(page, "desktop_import_preview_cp1252")
    page.click("#import-confirm")
    page.wait_for_selector("#import-summary")
    assert page.locator("#import-summary").inner_text() == (
        "2 row(s): 2 created, 0 duplicate, 0 invalid"
    )
    assert Domain.objects.get(domain="etoile.fr").company_name == "Étoile"

    unknown = tmp_path / "crm.csv"
    unknown.write_bytes(
        "Firma,Ansprechpartner,Internetseite\nBücher GmbH,Frau Schäfer,bücher.de\n"
        "Acme,Mr Smith,https://www.acme.example/about\nNiemand,Herr X,keine\n".encode("cp1252")
    )
    page.goto(f"{live_server.url}/admin/curation/domain/import/")
    page.set_input_files("#id_file", str(unknown))
    page.click("input[name=_upload]")
    page.wait_for_selector("#import-unknown")
    assert "Firma, Ansprechpartner, Internetseite" in page.locator("#import-unknown").inner_text()
    assert page.locator("#import-confirm").is_disabled()
    assert not Domain.objects.filter(domain="acme.example").exists()
    shot(page, "desktop_import_column_picker")
    page.select_option("#id_value_column", label="Internetseite")
    page.select_option("#id_name_column", label="Firma")
    page.click("input[name=_preview]")
    page.wait_for_selector("#import-preview")
    cells = page.locator("#import-preview tbody tr").all_inner_texts()
    assert len(cells) == 3
    assert "xn--bcher-kva.de" in cells[0] and "acme.example" in cells[1]
    assert "invalid" in cells[2]
    assert not Domain.objects.filter(domain="acme.example").exists()  # nothing written yet
    shot(page, "desktop_import_preview_chosen")
    page.click("#import-confirm")
    page.wait_for_selector("#import-summary")
    assert page.locator("#import-summary").inner_text() == (
        "3 row(s): 2 created, 0 duplicate, 1 invalid"
    )
    assert "no top-level domain" in page.locator("#import-problems").inner_text()
    assert Domain.objects.get(domain="xn--bcher-kva.de").company_name == "Bücher GmbH"
    shot(page, "desktop_import_result")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert_fits(page, "import result on a phone")
    shot(page, "phone_import_result")


# Every table either fits its box or sits in a box that scrolls sideways (Django's own lists on a
# phone); the page itself never scrolls sideways.
TABLES_JS = """() => {
  const doc = document.documentElement;
  const bad = [];
  for (const table of document.querySelectorAll('table')) {
    if (!table.getClientRects().length) continue;
    let box = table.parentElement, scrolls = false;
    for (let e = box; e && e !== document.body; e = e.parentElement) {
      const x = getComputedStyle(e).overflowX;
      if (x === 'auto' || x === 'scroll') { scrolls = true; box = e; break; }
    }
    const right = table.getBoundingClientRect().right;
    if (!scrolls && right > box.getBoundingClientRect().right + 1) {
      bad.push((table.id || table.className || 'table') + ':' + Math.round(right));
    }
  }
  return {page: doc.scrollWidth - doc.clientWidth, tables: bad};
}"""


@pytest.fixture
def discovered(settings):
    """Two demo domains through a real sitemap discovery (loopback): their records on the page."""
    from curation.services import set_curation_status
    from ops.demo import SiteServer, demo_sites
    from processing.engine.runner import run_consumer
    from processing.fetcher import get_fetcher

    with SiteServer(demo_sites()) as server:
        settings.SCRAPERSKY_FETCHER = {
            "ALLOWED_NETWORKS": ["127.0.0.0/8"],
            "CONNECT_TO": server.connect_to,
            "RETRIES": 0,
        }
        settings.SCRAPERSKY_KICK_ON_QUEUE = False
        domains = [
            Domain.objects.create(domain=host)
            for host in ("smile-dental.demo", "brightwater-plumbing.demo")
        ]
        set_curation_status(
            workflow="sitemap_discovery",
            status="Queued",
            ids=[d.pk for d in domains],
            actor="t",
            channel="command",
        )
        run_consumer("sitemap_discovery", handle_signals=False)
        get_fetcher().close()
    assert all(Domain.objects.get(pk=d.pk).sitemap_discovery_record for d in domains)
    return domains


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_registered_admin_page_fits(
    live_server, browser_page, admin_user, pipeline, discovered, viewport
):
    """Not only the pipeline's tables: every changelist the admin registers (people, django-q2's
    schedules and tasks, users, tokens, ...) and the change page of its first row, measured."""
    from django.contrib import admin

    page = browser_page
    log_in(page, live_server, admin_user, *VIEWPORTS[viewport])
    checked = []
    for model in sorted(admin.site._registry, key=lambda m: m._meta.label_lower):
        opts = model._meta
        for what in ("list", "change page"):
            if what == "list":
                page.goto(f"{live_server.url}/admin/{opts.app_label}/{opts.model_name}/")
            else:
                links = page.locator("#result_list tbody tr th a")
                if not links.count():
                    break
                links.first.click()
                page.wait_for_load_state()
            measured = page.evaluate(TABLES_JS)
            if measured["page"] > 0 or measured["tables"]:
                shot(page, f"overflow_{viewport}_{opts.model_name}_{what.replace(' ', '_')}")
            assert measured["page"] <= 0, (opts.label_lower, what, measured)
            assert measured["tables"] == [], (opts.label_lower, what, measured)
            checked.append(opts.label_lower)
    assert {
        "curation.contact",
        "curation.domain",
        "curation.placesearch",
        "curation.business",
        "auth.user",
        "django_q.schedule",
    } <= set(checked)
    # A domain's page once discovery has run: the record's table (status, outcome) within reach.
    for domain in discovered:
        page.goto(f"{live_server.url}/admin/curation/domain/{domain.pk}/change/")
        measured = page.evaluate(TABLES_JS)
        assert (measured["page"], measured["tables"]) == (0, []), (domain.domain, measured)
    shot(page, f"{viewport}_domain_with_discovery_record")
    page.goto(f"{live_server.url}/admin/curation/domain/")
    assert page.evaluate(TABLES_JS)["page"] <= 0
