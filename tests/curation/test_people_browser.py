"""The people list and a lead sheet with people and company facts, at 1,280 x 800 and 390 x 844:
they fit, people come first on the lead with their contacts, the filters work."""

from __future__ import annotations

import pytest

from curation.models import CompanyFact, Contact, PersonSighting
from tests.curation.test_admin_browser import browser_page
from tests.curation.test_admin_layout_browser import (
    VIEWPORTS,
    admin_user,
    assert_fits,
    log_in,
    shot,
)
from tests.factories import ContactFactory, DomainFactory, PageFactory, PersonFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

__all__ = ["admin_user", "browser_page"]


@pytest.fixture
def lead():
    domain = DomainFactory(domain="alliedauto69.de", company_name="Allied Auto")
    team = PageFactory(domain=domain, url="https://alliedauto69.de/team")
    legal = PageFactory(domain=domain, url="https://alliedauto69.de/impressum")
    people = {}
    for name, role, seniority, email in (
        ("Lisa Jackson", "Founder & Geschäftsführerin", "executive", "lisa.jackson"),
        ("Thomas Becker", "Werkstattleiter", "manager", "thomas.becker"),
        ("Anna Schmidt", "Kundenberaterin im Serviceannahme-Team", "staff", None),
    ):
        person = PersonFactory(
            domain=domain, name=name, name_key=name.casefold(), role=role, seniority=seniority
        )
        PersonSighting.objects.create(person=person, page=team, source="grid", role=role)
        if email:
            ContactFactory(domain=domain, value=f"{email}@alliedauto69.de", person=person)
        people[name] = person
    ContactFactory(
        domain=domain,
        kind="social",
        value="https://linkedin.com/in/lisa-jackson-304b-with-a-long-profile-slug",
        classification="linkedin",
        person=people["Lisa Jackson"],
    )
    ContactFactory(domain=domain, value="info@alliedauto69.de", classification="role")
    for kind, value in (
        ("legal_name", "Allied Auto Repair GmbH"),
        ("address", "Gartenweg 52, 60311 Frankfurt am Main"),
        ("opening_hours", "Mo-Fr 08:00-18:00; Sa 09:00-13:00"),
        ("vat_id", "DE136695976"),
        ("register_id", "HRB 12345, Amtsgericht Frankfurt am Main"),
    ):
        CompanyFact.objects.create(domain=domain, kind=kind, value=value, page=legal)
    return {"domain": domain, "people": people}


def test_the_lead_sheet_and_the_people_list(live_server, browser_page, admin_user, lead):
    page = browser_page
    domain = lead["domain"]
    for viewport, (width, height) in VIEWPORTS.items():
        log_in(page, live_server, admin_user, width, height)
        page.goto(f"{live_server.url}/admin/curation/domain/{domain.pk}/lead/")
        names = page.locator("#lead-people tbody tr td[data-label=name]").all_inner_texts()
        assert names == ["Lisa Jackson", "Thomas Becker", "Anna Schmidt"]  # executives first
        lisa = page.locator("#lead-people tbody tr").first.inner_text()
        assert "lisa.jackson@alliedauto69.de" in lisa and "linkedin.com/in/lisa-jackson" in lisa
        company = page.locator("#lead-facts").inner_text()
        assert "Allied Auto Repair GmbH" in company and "DE136695976" in company
        assert "{first}.{last}" in page.locator("#lead-email-pattern").inner_text()
        contact = page.locator("#lead-contacts tr[data-kind=email]", has_text="thomas.becker")
        assert "Thomas Becker, Werkstattleiter" in contact.inner_text()
        assert_fits(page, f"lead sheet with people ({viewport})")
        shot(page, f"{viewport}_lead_people")

        # The contacts list says whose each contact is (issue 30: "who, once people exist").
        page.goto(f"{live_server.url}/admin/curation/contact/")
        who = page.locator("#result_list tbody tr", has_text="thomas.becker")
        assert "Thomas Becker" in who.locator("td.field-person_display").inner_text()
        assert "Werkstattleiter" in who.locator("td.field-person_display").inner_text()
        info = page.locator("#result_list tbody tr", has_text="info@alliedauto69.de")
        assert info.locator("td.field-person_display").inner_text().strip() == "-"
        assert_fits(page, f"contacts list with people ({viewport})")
        shot(page, f"{viewport}_contacts_people")

        page.goto(f"{live_server.url}/admin/curation/person/")
        assert page.locator("#result_list tbody tr").count() == 3
        assert_fits(page, f"people list ({viewport})")
        shot(page, f"{viewport}_people")
        page.goto(f"{live_server.url}/admin/curation/person/?seniority=executive")
        assert page.locator("#result_list tbody tr").count() == 1
        page.goto(f"{live_server.url}/admin/curation/person/?has_email=no")
        assert "Anna Schmidt" in page.locator("#result_list").inner_text()
        page.goto(
            f"{live_server.url}/admin/curation/person/{lead['people']['Lisa Jackson'].pk}/change/"
        )
        assert "lisa.jackson@alliedauto69.de" in page.locator(".field-contacts_table").inner_text()
        assert_fits(page, f"person page ({viewport})")
        shot(page, f"{viewport}_person")
        page.context.clear_cookies()
    assert Contact.objects.filter(domain=domain, person__isnull=False).count() == 3
