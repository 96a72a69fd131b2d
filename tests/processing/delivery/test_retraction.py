"""Deletes reach the destinations: workflow lead_retraction against the loopback receiver and
the HubSpot stand-in (a deleted domain is a signed lead.deleted event and HubSpot archives; a
deleted contact or person syncs the lead again)."""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from curation.models import Contact, Domain, LeadDelivery, LeadRetraction
from curation.services import set_curation_status
from processing.engine import claims
from processing.engine.reaper import reap_expired_leases
from processing.engine.runner import run_consumer
from scrapersky.workflows import get_workflow
from tests.factories import ContactFactory, DomainFactory, PersonFactory
from tests.processing.delivery.flows import sync

pytestmark = pytest.mark.django_db(transaction=True)


def synced(domain: Domain) -> Domain:
    domain = sync(domain)
    assert domain.lead_sync_processing_status == "Complete", domain.lead_sync_processing_error
    return domain


def retract() -> list[LeadRetraction]:
    run_consumer("lead_retraction", handle_signals=False)
    return list(LeadRetraction.objects.order_by("id"))


def deleted_events(receiver, domain_id: int) -> list[dict]:
    return [
        d
        for d in receiver.deliveries_for(f"domain:{domain_id}")
        if d.get("event") == "lead.deleted"
    ]


def test_a_deleted_domain_is_one_signed_lead_deleted_event(receiver):
    domain = synced(DomainFactory(domain="gone.example"))
    never_sent = DomainFactory(domain="never.example")
    domain_id = domain.pk
    version = LeadDelivery.objects.get(domain=domain).lead_hash[:32]
    with transaction.atomic():  # a delete rolled back leaves nothing to do
        Domain.objects.filter(pk=domain_id).delete()
        transaction.set_rollback(True)
    assert not LeadRetraction.objects.exists()

    Domain.objects.filter(pk__in=[domain_id, never_sent.pk]).delete()
    [row] = LeadRetraction.objects.all()  # born queued, in the deleting transaction
    assert (row.kind, row.domain, row.destination) == ("lead", "gone.example", "webhook:n8n")
    assert row.lead_retraction_processing_status == "Queued"

    [row] = retract()
    assert row.lead_retraction_processing_status == "Complete", row.lead_retraction_processing_error
    assert row.sent_at is not None and row.calls == 1
    [event] = deleted_events(receiver, domain_id)
    assert event == {
        "schema": "scrapersky.lead",
        "schema_version": "1.2",
        "event": "lead.deleted",
        "lead_id": f"domain:{domain_id}",
        "lead_version": version,
        "company": {"id": domain_id, "domain": "gone.example"},
        "deleted_at": row.created_at.isoformat().replace("+00:00", "Z"),
    }
    assert receiver.bad_signatures == 0
    assert f"lead-{domain_id}-deleted" in receiver.accepted

    # sent again (a curator queues it again, a worker died after the answer): the same key
    set_curation_status(
        workflow="lead_retraction", status="Queued", ids=[row.pk], actor="t", channel="command"
    )
    retract()
    assert receiver.repeats == 1 and len(deleted_events(receiver, domain_id)) == 1


def test_a_worker_that_dies_loses_no_delete(receiver):
    domain = synced(DomainFactory())
    domain_id = domain.pk
    domain.delete()
    workflow = get_workflow("lead_retraction")
    [held] = claims.claim_rows(workflow, token="dead-worker", batch_size=10, lease_seconds=60)
    # the worker dies holding the row; its lease runs out
    LeadRetraction.objects.filter(pk=held.pk).update(
        lead_retraction_lease_expires_at="2000-01-01T00:00:00Z"
    )
    reap_expired_leases()
    [row] = retract()
    assert row.lead_retraction_processing_status == "Complete", row.lead_retraction_processing_error
    assert len(deleted_events(receiver, domain_id)) == 1


def test_a_deleted_domain_archives_what_we_created_in_hubspot(standin, receiver):
    domain = DomainFactory(domain="ace.example")
    ContactFactory(domain=domain, kind="email", value="info@ace.example")
    ContactFactory(domain=domain, kind="email", value="owner@ace.example")
    # the sales team had this contact before we wrote to it: it stays theirs
    standin.contacts["owner@ace.example"] = {"id": "77", "properties": {"owner": "sales"}}
    domain = synced(domain)
    ours = standin.contacts["info@ace.example"]["id"]
    company = standin.companies["ace.example"]["id"]
    domain.delete()

    rows = retract()
    assert {r.destination for r in rows} == {"webhook:n8n", "hubspot"}
    assert all(r.lead_retraction_processing_status == "Complete" for r in rows)
    assert standin.archived == {"companies": {company}, "contacts": {ours}}
    assert "owner@ace.example" in standin.contacts and "ace.example" not in standin.companies
    archive_calls = [c for c in standin.calls if c.endswith("/batch/archive")]
    assert archive_calls == [
        "/crm/v3/objects/contacts/batch/archive",
        "/crm/v3/objects/companies/batch/archive",
    ]


def test_a_deleted_contact_or_person_reaches_both_destinations(standin, receiver):
    domain = DomainFactory(domain="acme.example")
    ada = PersonFactory(domain=domain, name="Ada Lovelace", role="Founder")
    ContactFactory(domain=domain, kind="email", value="ada@acme.example", person=ada)
    ContactFactory(domain=domain, kind="email", value="info@acme.example")
    domain = synced(domain)
    gone_id = standin.contacts["info@acme.example"]["id"]

    Contact.objects.filter(value="info@acme.example").delete()
    [row] = LeadRetraction.objects.all()
    assert (row.kind, row.domain_id, row.destination) == ("resync", domain.pk, "")
    Contact.objects.filter(value="nobody@acme.example").delete()  # deleting nothing: no row
    assert LeadRetraction.objects.count() == 1

    [row] = retract()  # queues the lead's sync, through the curation service
    assert row.lead_retraction_processing_status == "Complete", row.lead_retraction_processing_error
    domain.refresh_from_db()
    assert domain.lead_sync_processing_status == "Queued"
    run_consumer("lead_sync", handle_signals=False)
    latest = receiver.deliveries_for(f"domain:{domain.pk}")[-1]
    assert [c["value"] for c in latest["contacts"]] == ["ada@acme.example"]
    assert standin.archived["contacts"] == {gone_id}
    remote = LeadDelivery.objects.get(domain=domain, destination="hubspot").remote_ids
    assert set(remote["contacts"]) == {"ada@acme.example"}

    ada.delete()  # a person: the lead changes (the address loses its name)
    retract()
    run_consumer("lead_sync", handle_signals=False)
    latest = receiver.deliveries_for(f"domain:{domain.pk}")[-1]
    assert latest["people"] == [] and latest["contacts"][0]["person_id"] is None
    assert len(standin.contacts) == 1  # the address stays: only its person went


def test_a_retraction_to_a_destination_no_longer_configured_says_so(receiver, settings):
    domain = synced(DomainFactory())
    domain.delete()
    settings.SCRAPERSKY_WEBHOOKS = []
    [row] = retract()
    assert row.lead_retraction_processing_status == "Error"
    assert "webhook:n8n is no longer configured" in row.lead_retraction_processing_error
    assert json.dumps(row.remote_ids)  # what it held is kept for a later retry


def test_a_delivery_recorded_after_its_domain_was_deleted_is_retracted(receiver):
    from processing.delivery import records
    from processing.delivery.lead import build_lead

    domain = DomainFactory(domain="inflight.example")
    lead = build_lead(domain)  # the send is in flight ...
    domain_id = domain.pk
    domain.delete()  # ... when a curator deletes the domain (nothing was delivered yet)
    assert not LeadRetraction.objects.exists()
    records.record_failure(domain_id=domain_id, destination="hubspot", error="HTTP 503")
    records.record_success(
        domain_id=domain_id, destination="webhook:n8n", lead=lead, remote_ids={}, calls=1
    )
    [row] = LeadRetraction.objects.all()  # the failure left nothing; the success its retraction
    assert (row.kind, row.domain_id, row.destination) == ("lead", domain_id, "webhook:n8n")
    assert row.lead_hash == lead.hash and not LeadDelivery.objects.exists()
    [row] = retract()
    assert row.lead_retraction_processing_status == "Complete", row.lead_retraction_processing_error
    [event] = deleted_events(receiver, domain_id)
    assert event["lead_version"] == lead.version and event["company"]["domain"] is None
