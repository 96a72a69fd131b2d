"""HubSpot delivery through the lead_sync workflow, against a loopback stand-in of CRM v3."""

from __future__ import annotations

import pytest

from curation.models import LeadDelivery
from tests.factories import (
    BusinessFactory,
    CompanyFactFactory,
    ContactFactory,
    ContactSightingFactory,
    DomainFactory,
    PersonFactory,
)
from tests.processing.delivery.flows import sync

pytestmark = pytest.mark.django_db(transaction=True)


def test_company_contacts_and_associations_without_duplicates(standin):
    domain = DomainFactory(domain="ace.example", company_name="Ace Plumbing")
    info = ContactFactory(domain=domain, kind="email", value="info@ace.example")
    ContactFactory(domain=domain, kind="phone", value="+15125550100")
    ContactFactory(domain=domain, kind="email", value="bad@ace.example", verdict="invalid")
    ContactSightingFactory(contact=info, page__url="https://ace.example/contact")

    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    company = standin.companies["ace.example"]
    assert company["properties"]["name"] == "Ace Plumbing"
    assert company["properties"]["phone"] == "+15125550100"
    contact = standin.contacts["info@ace.example"]
    assert contact["properties"]["scrapersky_source_page"] == "https://ace.example/contact"
    assert contact["properties"]["company"] == "Ace Plumbing"
    assert "bad@ace.example" not in standin.contacts  # invalid e-mails are not sent
    assert standin.associations == {(contact["id"], company["id"])}
    record = LeadDelivery.objects.get(domain=domain, destination="hubspot")
    assert record.remote_ids == {
        "company": company["id"],
        "contacts": {"info@ace.example": contact["id"]},
        "created": {"company": True, "contacts": ["info@ace.example"]},  # HubSpot's "new"
    }
    assert record.calls == 3

    ContactFactory(domain=domain, kind="email", value="sales@ace.example")
    domain.company_name = "Ace Plumbing & Heating"
    domain.save()
    sync(domain)  # a new version: updates, never duplicates
    assert len(standin.companies) == 1 and len(standin.contacts) == 2
    assert standin.companies["ace.example"]["id"] == company["id"]
    assert standin.companies["ace.example"]["properties"]["name"] == "Ace Plumbing & Heating"
    assert standin.contacts["info@ace.example"]["id"] == contact["id"]
    assert len(standin.associations) == 2
    calls = len(standin.calls)
    sync(domain)  # unchanged: no call
    assert len(standin.calls) == calls


def test_a_persons_name_job_title_and_phone_go_with_their_address(standin):
    domain = DomainFactory(domain="lovelace.example")
    ada = PersonFactory(domain=domain, name="Ada King Lovelace", role="Chief Analyst")
    ContactFactory(domain=domain, kind="email", value="ada@lovelace.example", person=ada)
    ContactFactory(domain=domain, kind="phone", value="+442071234567", person=ada)
    ContactFactory(domain=domain, kind="email", value="info@lovelace.example")
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    props = standin.contacts["ada@lovelace.example"]["properties"]
    assert props["firstname"] == "Ada" and props["lastname"] == "King Lovelace"
    assert props["jobtitle"] == "Chief Analyst" and props["phone"] == "+442071234567"
    assert "firstname" not in standin.contacts["info@lovelace.example"]["properties"]


def test_a_business_listing_gives_the_company_what_the_site_did_not(standin):
    domain = DomainFactory(domain="listed.example")
    BusinessFactory(domain=domain, provider="osm", name="Listed", phone="")
    BusinessFactory(
        domain=domain,
        provider="google",
        name="Listed",
        phone="+15125550199",
        street="1 Main St",
        city="Austin",
        postcode="78701",
        region="TX",
        country="US",
    )
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    props = standin.companies["listed.example"]["properties"]
    assert props["phone"] == "+15125550199"
    assert (props["address"], props["city"], props["zip"]) == ("1 Main St", "Austin", "78701")
    assert (props["state"], props["country"]) == ("TX", "US")

    # what the site states wins
    ContactFactory(domain=domain, kind="phone", value="+15125550100")
    CompanyFactFactory(domain=domain, kind="address", value="2 High St, Austin, TX 78702")
    sync(domain)
    props = standin.companies["listed.example"]["properties"]
    assert props["phone"] == "+15125550100" and props["address"] == "2 High St, Austin, TX 78702"


def test_more_than_100_contacts_go_100_a_call(standin):
    domain = DomainFactory(domain="big.example")
    for i in range(250):
        ContactFactory(domain=domain, kind="email", value=f"p{i:03}@big.example")
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    assert standin.calls.count("/crm/v3/objects/contacts/batch/upsert") == 3
    assert standin.calls.count("/crm/v3/associations/contacts/companies/batch/create") == 3
    assert len(standin.contacts) == 250 and len(standin.associations) == 250


def test_a_409_is_an_update(standin):
    domain = DomainFactory(domain="clash.example")
    ContactFactory(domain=domain, kind="email", value="info@clash.example")
    standin.conflict_once = {"info@clash.example"}
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    assert len(standin.contacts) == 1
    record = LeadDelivery.objects.get(domain=domain)
    assert (
        record.remote_ids["contacts"]["info@clash.example"]
        == (standin.contacts["info@clash.example"]["id"])
    )


def test_the_rolling_window_is_waited_out(standin):
    standin.window_max = 2
    standin.window_ms = 300
    domains = [DomainFactory() for _ in range(3)]
    for domain in domains:
        ContactFactory(domain=domain, kind="email")
    for domain in domains:
        assert sync(domain).lead_sync_processing_status == "Complete"
    assert len(standin.companies) == 3 and len(standin.contacts) == 3
    # the gate waited on the headers, so (almost) no call was refused
    assert standin.calls.count("/crm/v3/objects/companies/batch/upsert") <= 4


def test_the_daily_limit_puts_the_lead_back_for_an_hour(standin):
    standin.daily_max = 0
    domain = sync(DomainFactory())
    assert domain.lead_sync_processing_status == "Queued"
    assert "daily API limit" in domain.lead_sync_processing_error
    wait = (domain.lead_sync_next_attempt_at - domain.lead_sync_finished_at).total_seconds()
    assert wait >= 3500


def test_a_missing_scope_is_an_error_naming_it(standin):
    standin.tokens["pat-test"] = frozenset({"crm.objects.companies.write"})
    domain = DomainFactory()
    ContactFactory(domain=domain, kind="email")
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Error"
    assert "lacks the scope crm.objects.contacts.write" in domain.lead_sync_processing_error


def test_a_bad_token_is_an_error_saying_so(standin, settings):
    settings.SCRAPERSKY_HUBSPOT_TOKEN = "pat-wrong"
    domain = sync(DomainFactory())
    assert domain.lead_sync_processing_status == "Error"
    assert "HTTP 401" in domain.lead_sync_processing_error
    assert "SCRAPERSKY_HUBSPOT_TOKEN" in domain.lead_sync_processing_error
