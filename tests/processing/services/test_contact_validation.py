"""contact_validation through the engine, and queued as page curation finds new contacts."""

from __future__ import annotations

import pytest

from curation.models import Contact, Domain, Page, StatusChange
from curation.services import set_curation_status
from processing.engine.runner import run_consumer
from tests.dnsserver import Zone, mail_zone
from tests.factories import ContactFactory, DomainFactory

pytestmark = pytest.mark.django_db(transaction=True)

WORKFLOW = "contact_validation"


@pytest.fixture(autouse=True)
def _no_kick(settings):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False  # the tests run the consumers themselves


def queue(queryset) -> None:
    set_curation_status(
        workflow=WORKFLOW, status="Queued", queryset=queryset, actor="test", channel="command"
    )


def test_a_worker_run_retries_servfail_and_judges_nxdomain(loopback_dns):
    loopback_dns.zones["acme-plumbing.com"] = mail_zone("mx1.acme-plumbing.com")
    loopback_dns.zones["flaky-dns.com"] = Zone(rcode="SERVFAIL")
    domain = DomainFactory(domain="acme-plumbing.com")
    valid = ContactFactory(domain=domain, value="info@acme-plumbing.com", classification="")
    flaky = ContactFactory(domain=domain, value="sales@flaky-dns.com")
    gone = ContactFactory(domain=domain, value="owner@closed-down-company.com")
    phone = ContactFactory(domain=domain, kind="phone", value="+447400123456", classification="")
    social = ContactFactory(domain=domain, kind="social", value="https://x.com/acme/status/1")
    queue(Contact.objects.all())

    result = run_consumer(WORKFLOW, handle_signals=False)

    assert (result.complete, result.retried, result.errored) == (4, 1, 0)
    flaky.refresh_from_db()
    assert flaky.contact_validation_processing_status == "Queued"  # back in the queue, not Error
    assert flaky.contact_validation_next_attempt_at is not None  # with backoff
    assert "SERVFAIL" in flaky.contact_validation_processing_error
    assert flaky.verdict is None
    gone.refresh_from_db()
    assert gone.contact_validation_processing_status == "Complete"
    assert (gone.verdict, gone.verdict_reason) == (
        "invalid",
        "the domain does not exist (NXDOMAIN)",
    )
    assert gone.verdict_checked_at is not None
    valid.refresh_from_db()
    assert (valid.verdict, valid.classification) == ("valid", "role")
    assert valid.verdict_reason == "mail exchanger mx1.acme-plumbing.com"
    phone.refresh_from_db()
    assert (phone.verdict, phone.classification) == ("valid", "mobile")
    assert phone.verdict_reason == "mobile number, GB"
    social.refresh_from_db()
    assert social.verdict == "invalid"
    assert social.contact_validation_processing_status == "Complete"

    # DNS is back: the retried row gets its verdict on the next run.
    loopback_dns.zones["flaky-dns.com"] = mail_zone()
    from processing.validation import mail_dns

    mail_dns.clear_cache()  # the failure is remembered for a few seconds only; skip the wait
    Contact.objects.filter(pk=flaky.pk).update(contact_validation_next_attempt_at=None)
    assert run_consumer(WORKFLOW, handle_signals=False).complete == 1
    flaky.refresh_from_db()
    assert (flaky.contact_validation_processing_status, flaky.verdict) == ("Complete", "valid")


def test_a_validation_rerun_refreshes_the_verdict(loopback_dns):
    loopback_dns.zones["acme.com"] = mail_zone()
    contact = ContactFactory(value="jane@acme.com", domain=DomainFactory(domain="acme.com"))
    queue(Contact.objects.all())
    run_consumer(WORKFLOW, handle_signals=False)
    contact.refresh_from_db()
    first_check = contact.verdict_checked_at
    assert contact.verdict == "valid"

    loopback_dns.zones["acme.com"] = Zone(mx=((0, "."),))  # the company stopped taking mail
    from processing.validation import mail_dns

    mail_dns.clear_cache()
    queue(Contact.objects.all())
    run_consumer(WORKFLOW, handle_signals=False)
    contact.refresh_from_db()
    assert contact.verdict == "invalid"
    assert contact.verdict_checked_at > first_check


def curate_contact_page(host: str = "brightwater-plumbing.demo") -> Page:
    domain = Domain.objects.create(domain=host, source="demo")
    page = Page.objects.create(domain=domain, url=f"http://{host}/contact", page_type="contact")
    set_curation_status(
        workflow="page_curation", status="Queued", ids=[page.pk], actor="test", channel="command"
    )
    result = run_consumer("page_curation", handle_signals=False)
    assert result.complete == 1, Page.objects.values_list("page_curation_processing_error")
    return page


def test_page_curation_queues_new_contacts_when_the_setting_is_on(demo_web, loopback_dns, settings):
    settings.SCRAPERSKY_AUTO_QUEUE_CONTACT_VALIDATION = True
    loopback_dns.zone_for = lambda name: mail_zone()
    page = curate_contact_page()
    contacts = Contact.objects.filter(domain_id=page.domain_id)
    assert contacts.count() >= 3
    assert set(contacts.values_list("contact_validation_curation_status", flat=True)) == {"Queued"}
    assert set(contacts.values_list("contact_validation_processing_status", flat=True)) == {
        "Queued"
    }
    audit = StatusChange.objects.get(workflow=WORKFLOW)
    assert (audit.channel, audit.actor, audit.queued) == (
        "system",
        "page_curation",
        contacts.count(),
    )

    result = run_consumer(WORKFLOW, handle_signals=False)
    assert result.complete == contacts.count()
    assert set(contacts.values_list("contact_validation_processing_status", flat=True)) == {
        "Complete"
    }
    assert None not in set(contacts.values_list("verdict", flat=True))

    # Curating the page again finds the same contacts: none is new, none is queued again.
    set_curation_status(
        workflow="page_curation", status="Queued", ids=[page.pk], actor="test", channel="command"
    )
    run_consumer("page_curation", handle_signals=False)
    assert StatusChange.objects.filter(workflow=WORKFLOW).count() == 1
    assert set(contacts.values_list("contact_validation_processing_status", flat=True)) == {
        "Complete"
    }


def test_page_curation_leaves_contacts_alone_by_default(demo_web):
    page = curate_contact_page()
    contacts = Contact.objects.filter(domain_id=page.domain_id)
    assert contacts.exists()
    assert set(contacts.values_list("contact_validation_processing_status", flat=True)) == {None}
    assert not StatusChange.objects.filter(workflow=WORKFLOW).exists()
