"""Webhook delivery through the lead_sync workflow, against a loopback receiver."""

from __future__ import annotations

import pytest
from django.utils import timezone

from curation.models import LeadDelivery
from processing.delivery.webhook import sign, verify
from tests.factories import (
    BusinessFactory,
    CompanyFactFactory,
    ContactFactory,
    DomainFactory,
    PersonFactory,
)
from tests.processing.delivery.flows import sync

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_signature_scheme_is_hmac_sha256_over_timestamp_dot_body():
    # the documented example (docs/lead-schema.md): a receiver in any language computes this
    signature = sign("whsec_example_secret", 1733390000, b'{"a":1}')
    import hashlib
    import hmac

    expected = hmac.new(b"whsec_example_secret", b'1733390000.{"a":1}', hashlib.sha256)
    assert signature == "v1=" + expected.hexdigest()
    assert verify("whsec_example_secret", "1733390000", b'{"a":1}', signature, now=1733390100)
    assert not verify("whsec_example_secret", "1733390000", b'{"a":2}', signature, now=1733390100)
    assert not verify("whsec_example_secret", "1733390000", b'{"a":1}', signature, now=1733399999)


def test_a_lead_is_delivered_once_per_version(receiver):
    domain = DomainFactory(domain="plumber.example", company_name="Ace Plumbing")
    ContactFactory(domain=domain, kind="email", value="info@plumber.example")
    ContactFactory(domain=domain, kind="phone", value="+15125550100", display="(512) 555-0100")

    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    assert receiver.bad_signatures == 0
    [doc] = receiver.deliveries_for(f"domain:{domain.pk}")
    assert doc["schema"] == "scrapersky.lead" and doc["schema_version"] == "1.2"
    assert doc["company"]["domain"] == "plumber.example"
    assert doc["company"]["name"] == "Ace Plumbing"
    assert [c["value"] for c in doc["contacts"]] == ["info@plumber.example", "+15125550100"]
    assert doc["people"] == [] and doc["company"]["facts"] == {}
    record = LeadDelivery.objects.get(domain=domain, destination="webhook:n8n")
    assert record.sends == 1 and record.sent_at is not None and record.last_error == ""
    assert record.lead_hash.startswith(doc["lead_version"])
    assert record.remote_ids == {"id": f"lead-{domain.pk}-{doc['lead_version']}"}
    assert record.summary == "company + 2 contacts"

    sync(domain)  # unchanged: nothing is sent
    assert receiver.requests == 1
    ContactFactory(domain=domain, kind="email", value="sales@plumber.example")
    sync(domain)  # a new version: sent once more
    assert receiver.requests == 2
    assert len(receiver.deliveries_for(f"domain:{domain.pk}")) == 2
    record.refresh_from_db()
    assert record.sends == 2 and record.summary == "company + 3 contacts"


def test_503_and_429_are_retried_honouring_retry_after(receiver):
    receiver.script = [(503, {"Retry-After": "0"}), (429, {"Retry-After": "0"})]
    domain = sync(DomainFactory())
    assert domain.lead_sync_processing_status == "Complete"
    assert receiver.requests == 3
    assert LeadDelivery.objects.get(domain=domain).calls == 3


def test_a_long_retry_after_reschedules_the_row(receiver):
    receiver.script = [(429, {"Retry-After": "120"})]
    before = timezone.now()
    domain = sync(DomainFactory())
    assert domain.lead_sync_processing_status == "Queued"  # back in the queue, not Error
    assert (domain.lead_sync_next_attempt_at - before).total_seconds() >= 119
    assert "429" in domain.lead_sync_processing_error
    record = LeadDelivery.objects.get(domain=domain)
    assert record.sent_at is None and "Retry-After 120s" in record.last_error


def test_a_4xx_is_an_error_with_the_status_and_the_answer(receiver):
    receiver.script = [(422, {})]
    domain = sync(DomainFactory())
    assert domain.lead_sync_processing_status == "Error"
    assert "webhook n8n: HTTP 422" in domain.lead_sync_processing_error
    assert "scripted" in domain.lead_sync_processing_error


def test_the_address_guard_applies_unless_the_network_is_allowed(receiver, settings):
    settings.SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS = []
    domain = sync(DomainFactory())
    assert domain.lead_sync_processing_status == "Error"
    assert "loopback" in domain.lead_sync_processing_error
    assert receiver.requests == 0


def test_without_destinations_the_row_says_what_to_set(settings):
    settings.SCRAPERSKY_WEBHOOKS = []
    settings.SCRAPERSKY_HUBSPOT_TOKEN = ""
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    domain = sync(DomainFactory())
    assert domain.lead_sync_processing_status == "Error"
    assert "SCRAPERSKY_WEBHOOKS_JSON" in domain.lead_sync_processing_error


def test_a_bad_webhook_setting_is_an_error_naming_it(settings):
    settings.SCRAPERSKY_WEBHOOKS = [{"name": "n8n", "url": "ftp://x", "secret": "x" * 20}]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    domain = sync(DomainFactory())
    assert "SCRAPERSKY_WEBHOOKS_JSON[0]: url 'ftp://x'" in domain.lead_sync_processing_error


def test_new_contacts_queue_their_company_when_the_setting_says_so(settings):
    from processing.services.page_curation import _queue_new_contacts

    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    contact = ContactFactory()
    other = DomainFactory()
    _queue_new_contacts([contact.pk])  # off by default
    contact.domain.refresh_from_db()
    assert contact.domain.lead_sync_processing_status is None
    settings.SCRAPERSKY_AUTO_QUEUE_LEAD_SYNC = True
    _queue_new_contacts([contact.pk])
    contact.domain.refresh_from_db()
    other.refresh_from_db()
    assert contact.domain.lead_sync_processing_status == "Queued"
    assert other.lead_sync_processing_status is None


def test_people_and_company_facts_are_in_the_lead(receiver):
    domain = DomainFactory(domain="acme.example")
    ada = PersonFactory(domain=domain, name="Ada Lovelace", role="Founder", seniority="executive")
    email = ContactFactory(domain=domain, kind="email", value="ada@acme.example", person=ada)
    CompanyFactFactory(domain=domain, kind="legal_name", value="Acme Ltd")
    domain = sync(domain)
    [doc] = receiver.deliveries_for(f"domain:{domain.pk}")
    assert doc["company"]["facts"] == {"legal_name": "Acme Ltd"}
    [person] = doc["people"]
    assert person["name"] == "Ada Lovelace" and person["role"] == "Founder"
    assert person["seniority"] == "executive" and person["contact_ids"] == [email.pk]
    assert doc["contacts"][0]["person_id"] == ada.pk


def test_businesses_are_in_the_lead_with_their_providers_attribution(receiver):
    domain = DomainFactory(domain="bakery.example")
    osm = BusinessFactory(
        domain=domain,
        provider="osm",
        provider_id="node/42",
        name="Corner Bakery",
        categories=["shop=bakery"],
        city="Leeds",
        phone="+441132000000",
        latitude=53.8,
        longitude=-1.55,
    )
    BusinessFactory(domain=domain, provider="google", provider_id="ChIJ-x", name="Corner Bakery")
    BusinessFactory(name="Elsewhere")  # another company's listing
    domain = sync(domain)
    [doc] = receiver.deliveries_for(f"domain:{domain.pk}")
    assert doc["schema_version"] == "1.2"
    first, second = doc["businesses"]
    assert first["id"] == osm.pk and first["provider_id"] == "node/42"
    assert first["categories"] == ["shop=bakery"] and first["city"] == "Leeds"
    assert first["street"] is None and first["latitude"] == 53.8
    assert first["attribution"] == "© OpenStreetMap contributors"
    assert first["licence"] == "ODbL-1.0"
    assert first["licence_url"] == "https://www.openstreetmap.org/copyright"
    assert second["provider"] == "google" and second["attribution"] == "Google Maps"
    assert second["licence"] is None
    record = LeadDelivery.objects.get(domain=domain)
    assert record.schema_version == "1.2" and "2 businesses" in record.summary
