"""HubSpot's 207 multi-status answers and the source-page property, against the stand-in."""

from __future__ import annotations

import pytest

from curation.models import LeadDelivery
from tests.factories import ContactFactory, ContactSightingFactory, DomainFactory
from tests.processing.delivery.flows import sync

pytestmark = pytest.mark.django_db(transaction=True)
UPSERT = "/crm/v3/objects/contacts/batch/upsert"


def lead_with(*emails):
    domain = DomainFactory(domain="partial.example")
    for email in emails:
        ContactFactory(domain=domain, kind="email", value=email)
    return domain


def test_addresses_hubspot_refuses_end_the_row_in_error_naming_them(standin):
    domain = lead_with("a@partial.example", "b@partial.example", "c@partial.example")
    standin.refuse = {"b@partial.example": "VALIDATION_ERROR"}
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Error"
    error = domain.lead_sync_processing_error
    assert "took 2 of 3 contacts" in error and "b@partial.example" in error
    assert "INVALID_EMAIL" in error and "a@partial.example" not in error
    record = LeadDelivery.objects.get(domain=domain)
    assert record.lead_hash == "" and record.sent_at is None  # this version is not delivered
    assert set(record.remote_ids["contacts"]) == {"a@partial.example", "c@partial.example"}
    assert record.remote_ids["pending"]["sent"] == ["a@partial.example", "c@partial.example"]
    # the ones it took are in HubSpot, associated to the company
    company = standin.companies["partial.example"]["id"]
    assert {pair[1] for pair in standin.associations} == {company}
    assert len(standin.associations) == 2


def test_a_passing_refusal_is_retried_and_the_retry_sends_only_what_is_missing(standin):
    domain = lead_with("a@partial.example", "b@partial.example", "c@partial.example")
    standin.refuse = {"c@partial.example": "INTERNAL_ERROR"}  # answered once
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Queued"  # back in the queue, with backoff
    assert "the missing ones are sent again" in domain.lead_sync_processing_error
    before = len(standin.calls)

    domain = sync(domain)  # a curator (or the backoff) runs it again: the same version
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    assert standin.calls[before:] == [
        UPSERT,  # only c (the company and a, b are there)
        "/crm/v3/associations/contacts/companies/batch/create",
    ]
    record = LeadDelivery.objects.get(domain=domain)
    assert "pending" not in record.remote_ids and record.lead_hash
    assert set(record.remote_ids["contacts"]) == {
        "a@partial.example",
        "b@partial.example",
        "c@partial.example",
    }
    assert len(standin.contacts) == 3 and len(standin.associations) == 3


def test_hubspot_going_down_mid_lead_is_resumed_where_it_stopped(standin):
    domain = DomainFactory(domain="big.example")
    for i in range(150):
        ContactFactory(domain=domain, kind="email", value=f"p{i:03}@big.example")
    standin.down_after = {UPSERT: 1}  # the first 100 go in, then 503s
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Queued", domain.lead_sync_processing_error
    assert "503" in domain.lead_sync_processing_error
    record = LeadDelivery.objects.get(domain=domain)
    assert len(record.remote_ids["pending"]["sent"]) == 100

    standin.down_after = {}
    before = len(standin.calls)
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    assert standin.calls[before:] == [
        UPSERT,
        "/crm/v3/associations/contacts/companies/batch/create",
    ]
    assert len(standin.contacts) == 150 and len(standin.associations) == 150


def test_a_missing_source_page_property_names_the_setting(standin, settings):
    domain = lead_with("a@partial.example")
    ContactSightingFactory(
        contact=domain.contacts.get(), page__url="https://partial.example/contact"
    )
    standin.contact_properties.discard("scrapersky_source_page")
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Error"
    error = domain.lead_sync_processing_error
    assert "PROPERTY_DOESNT_EXIST" in error and "'scrapersky_source_page'" in error
    assert "SCRAPERSKY_HUBSPOT_SOURCE_PAGE_PROPERTY" in error

    settings.SCRAPERSKY_HUBSPOT_SOURCE_PAGE_PROPERTY = "lead_source_url"  # renamed
    standin.contact_properties.add("lead_source_url")
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    props = standin.contacts["a@partial.example"]["properties"]
    assert props["lead_source_url"] == "https://partial.example/contact"

    settings.SCRAPERSKY_HUBSPOT_SOURCE_PAGE_PROPERTY = ""  # off
    standin.contacts.clear()
    LeadDelivery.objects.update(lead_hash="")
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    props = standin.contacts["a@partial.example"]["properties"]
    assert not {"scrapersky_source_page", "lead_source_url"} & set(props)


def test_the_source_page_setting_is_read_from_the_environment(monkeypatch):
    from scrapersky.env import EnvReader

    env = EnvReader()
    name = "SCRAPERSKY_HUBSPOT_SOURCE_PAGE_PROPERTY"
    monkeypatch.delenv(name, raising=False)
    assert env.str_or_off(name, "scrapersky_source_page", r"[a-z]+") == "scrapersky_source_page"
    monkeypatch.setenv(name, "")
    assert env.str_or_off(name, "scrapersky_source_page", r"[a-z]+") == ""
    monkeypatch.setenv(name, "Not A Name")
    assert env.str_or_off(name, "scrapersky_source_page", r"[a-z]+") == "scrapersky_source_page"
    assert name in env.errors[0]
