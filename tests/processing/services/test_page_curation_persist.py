"""page_curation's persist(): one statement (sql/010_page_writes.sql, 012) writes the page's
columns, its contacts and their sightings; re-processing refreshes and adds nothing twice; a
contact another writer holds is not waited for."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from curation.models import Contact, ContactSighting
from processing.engine import finish_sql
from processing.services import page_curation
from tests.factories import DomainFactory, PageFactory
from tests.locking import beside_an_open_transaction

pytestmark = pytest.mark.django_db

PAGE = """<html lang="en"><head><title>Contact  us</title>
<meta name="description" content="Call or write"></head><body>
<p>Write to <a href="mailto:Info@Acme-Plumbing.demo">us</a> or call +1 646 555 0100.</p>
<p>Quotes "and" back\\slashes, ünïcödé: sales@acme-plumbing.demo</p>
<a href="https://www.linkedin.com/company/example">LinkedIn</a>
<form class="contact"><input name="name"><input type="email" name="email">
<textarea name="message"></textarea></form>
</body></html>"""


def curate(page) -> None:
    persist = page_curation.process_single_page_for_page_curation(page)
    with transaction.atomic():
        persist()


def test_one_statement_writes_the_page_its_contacts_and_sightings(web):
    page = PageFactory(
        domain=DomainFactory(domain="acme-plumbing.demo"), url="http://acme-plumbing.demo/c"
    )
    web[page.url] = PAGE
    persist = page_curation.process_single_page_for_page_curation(page)
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        persist()
    statements = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 1 and "page_curation_persist_many(" in statements[0]

    page.refresh_from_db()
    assert (page.http_status, page.title, page.meta_description) == (
        200,
        "Contact us",
        "Call or write",
    )
    assert (page.language, page.content_type, page.has_contact_form) == ("en", "text/html", True)
    assert page.content_length == len(PAGE.encode()) and len(page.content_hash) == 64
    assert page.fetched_at is not None

    contacts = {(c.kind, c.value): c for c in Contact.objects.filter(domain=page.domain)}
    assert set(contacts) == {
        ("email", "info@acme-plumbing.demo"),
        ("email", "sales@acme-plumbing.demo"),
        ("phone", "+16465550100"),
        ("social", "https://linkedin.com/company/example"),
    }
    assert contacts[("phone", "+16465550100")].display == "(646) 555-0100"
    assert contacts[("email", "info@acme-plumbing.demo")].classification == "role"
    sightings = ContactSighting.objects.filter(page=page)
    assert sightings.count() == 4
    sales = sightings.get(contact=contacts[("email", "sales@acme-plumbing.demo")])
    assert sales.source == "text" and 'Quotes "and" back\\slashes, ünïcödé' in sales.context
    assert {s.seen_at for s in sightings} == {page.fetched_at}


def test_processing_again_refreshes_and_adds_nothing_twice(web):
    page = PageFactory(
        domain=DomainFactory(domain="acme-plumbing.demo"), url="http://acme-plumbing.demo/c"
    )
    other = PageFactory(domain=page.domain, url="http://acme-plumbing.demo/other")
    web[page.url] = PAGE
    web[other.url] = "<p>Footer: info@acme-plumbing.demo</p>"
    curate(page)
    first = {c.value: (c.pk, c.first_seen_at, c.last_seen_at) for c in Contact.objects.all()}

    curate(page)
    curate(other)
    again = {c.value: (c.pk, c.first_seen_at, c.last_seen_at) for c in Contact.objects.all()}
    assert set(again) == set(first)
    for value, (pk, first_seen, last_seen) in again.items():
        assert (pk, first_seen) == first[value][:2]  # the same row, first seen once
        assert last_seen > first[value][2]
    assert ContactSighting.objects.filter(page=page).count() == 4
    assert list(ContactSighting.objects.filter(page=other).values_list("contact__value")) == [
        ("info@acme-plumbing.demo",)
    ]


def test_only_contacts_new_to_the_domain_are_queued_for_validation(web, settings):
    settings.SCRAPERSKY_AUTO_QUEUE_CONTACT_VALIDATION = True
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    page = PageFactory(
        domain=DomainFactory(domain="acme-plumbing.demo"), url="http://acme-plumbing.demo/c"
    )
    other = PageFactory(domain=page.domain, url="http://acme-plumbing.demo/other")
    web[page.url] = "<p>info@acme-plumbing.demo</p>"
    web[other.url] = "<p>info@acme-plumbing.demo and jobs@acme-plumbing.demo</p>"
    curate(page)
    Contact.objects.update(contact_validation_curation_status="Complete")
    curate(other)
    statuses = dict(Contact.objects.values_list("value", "contact_validation_curation_status"))
    assert statuses == {"info@acme-plumbing.demo": "Complete", "jobs@acme-plumbing.demo": "Queued"}


def test_a_page_without_contacts_writes_only_its_columns(web):
    page = PageFactory(url="http://acme-plumbing.demo/empty")
    web[page.url] = "<html><head><title>Nothing</title></head><body>hello</body></html>"
    curate(page)
    page.refresh_from_db()
    assert page.title == "Nothing" and page.has_contact_form is False
    assert not Contact.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_contact_another_writer_holds_is_not_waited_for(web):
    domain = DomainFactory(domain="acme-plumbing.demo")
    first, second = (
        PageFactory(domain=domain, url=f"http://acme-plumbing.demo/{n}") for n in (1, 2)
    )
    web[first.url] = web[second.url] = "<p>Footer: info@acme-plumbing.demo</p>"
    curate(first)
    [shared] = Contact.objects.all()

    def curate_beside_the_lock():
        with connection.cursor() as cursor:
            # Waiting would fail the statement instead of hanging the test.
            cursor.execute("SET lock_timeout = '2s'")
        try:
            curate(second)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")

    beside_an_open_transaction(
        # The lock an UPDATE of its columns takes (a writer refreshing it).
        lambda: Contact.objects.select_for_update(no_key=True).get(pk=shared.pk),
        curate_beside_the_lock,
    )
    assert set(ContactSighting.objects.values_list("page_id", "contact_id")) == {
        (first.pk, shared.pk),
        (second.pk, shared.pk),
    }
    # Left to the writer holding it; the next page refreshes it.
    shared.refresh_from_db()
    assert shared.last_seen_at == Contact.objects.get().first_seen_at
    curate(second)
    assert Contact.objects.get().last_seen_at > shared.last_seen_at


def test_last_seen_never_moves_back(web):
    page = PageFactory(
        domain=DomainFactory(domain="acme-plumbing.demo"), url="http://acme-plumbing.demo/c"
    )
    web[page.url] = "<p>info@acme-plumbing.demo</p>"
    curate(page)
    contact = Contact.objects.get()
    seen = contact.last_seen_at
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page_curation_persist(%s, %s, %s, 200, NULL, NULL, NULL, NULL, NULL, NULL,"
            " NULL, false, '{}', %s::jsonb)",
            [
                page.pk,
                page.domain_id,
                seen - timedelta(hours=1),
                json.dumps(
                    [[contact.kind, contact.value, contact.display, contact.classification, "", ""]]
                ),
            ],
        )
    assert Contact.objects.get().last_seen_at == seen


def test_a_group_of_pages_is_written_in_one_statement_as_each_alone_would_be(web, settings):
    settings.SCRAPERSKY_AUTO_QUEUE_CONTACT_VALIDATION = True
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    acme = DomainFactory(domain="acme-plumbing.demo")
    pages = [PageFactory(domain=acme, url=f"http://acme-plumbing.demo/{n}") for n in range(3)]
    web[pages[0].url] = PAGE
    web[pages[1].url] = "<p>Footer: info@acme-plumbing.demo, +1 646 555 0100</p>"
    web[pages[2].url] = "<p>Nothing to see</p>"
    persists = [page_curation.process_single_page_for_page_curation(p) for p in pages]
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        finish_sql.run_persists(persists)
    statements = [q["sql"] for q in queries if "page_curation_persist" in q["sql"]]
    assert len(statements) == 1 and "page_curation_persist_many(" in statements[0]

    for page in pages:
        page.refresh_from_db()
        assert page.http_status == 200 and page.fetched_at is not None
    assert pages[0].title == "Contact us" and pages[0].has_contact_form is True
    assert pages[2].schema_types == [] and pages[2].title is None
    seen = {
        page.url.rsplit("/", 1)[1]: sorted(
            ContactSighting.objects.filter(page=page).values_list("contact__value", flat=True)
        )
        for page in pages
    }
    assert seen == {
        "0": [
            "+16465550100",
            "https://linkedin.com/company/example",
            "info@acme-plumbing.demo",
            "sales@acme-plumbing.demo",
        ],
        "1": ["+16465550100", "info@acme-plumbing.demo"],
        "2": [],
    }
    # Each contact once, and every new one queued for validation, from the one call.
    assert Contact.objects.filter(domain=acme).count() == 4
    assert set(Contact.objects.values_list("contact_validation_curation_status", flat=True)) == {
        "Queued"
    }


def test_run_persists_groups_the_persists_that_share_a_persist_many_in_order():
    calls: list = []

    class Batched:
        def __init__(self, name: str) -> None:
            self.name = name

        def __call__(self) -> None:
            calls.append(self.name)

        @staticmethod
        def persist_many(persists) -> None:
            calls.append([p.name for p in persists])

    def plain() -> None:
        calls.append("plain")

    finish_sql.run_persists([Batched("a"), Batched("b"), plain, Batched("c"), Batched("d")])
    assert calls == [["a", "b"], "plain", ["c", "d"]]
