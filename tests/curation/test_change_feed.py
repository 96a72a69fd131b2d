"""GET /api/v3/changes/: what the feed shows, its cursor, paging, errors and permissions."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from curation.changes import change_page, decode_cursor, encode_cursor
from curation.models import Business, Contact, Domain, Person
from tests.factories import (
    BusinessFactory,
    ContactFactory,
    DomainFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)
URL = "/api/v3/changes/"


def everything(after=None, page_size=200):
    seen, cursor = [], after
    while True:
        page = change_page(after=cursor, page_size=page_size)
        seen += page.changes
        cursor = page.next_cursor
        if not page.has_more:
            return seen, cursor


def ops(changes):
    return [(c["table"], c["id"], c["op"]) for c in changes]


def test_inserts_lead_changes_and_deletes_in_order_without_status_noise():
    domain = DomainFactory(domain="ace.example")
    contact = ContactFactory(domain=domain)
    seen, cursor = everything()
    assert ops(seen) == [("domains", domain.pk, "insert"), ("contacts", contact.pk, "insert")]
    assert seen[1]["data"]["value"] == contact.value and seen[1]["domain_id"] == domain.pk

    # workflow bookkeeping and last_seen_at refreshes are not changes of the lead
    Domain.objects.filter(pk=domain.pk).update(lead_sync_curation_status="Skipped")
    Contact.objects.filter(pk=contact.pk).update(contact_validation_attempts=3)
    assert everything(cursor)[0] == []

    Domain.objects.filter(pk=domain.pk).update(company_name="Ace Plumbing")
    Contact.objects.filter(pk=contact.pk).update(verdict="valid")
    contact_id = contact.pk
    contact.delete()
    seen, cursor2 = everything(cursor)
    assert ops(seen) == [
        ("domains", domain.pk, "update"),
        ("contacts", contact_id, "update"),
        ("contacts", contact_id, "delete"),
    ]
    assert seen[0]["data"]["company_name"] == "Ace Plumbing"
    assert seen[1]["data"] is None and seen[2]["data"] is None  # the row is gone now
    assert everything(cursor2) == ([], cursor2)  # nothing new: the same cursor back


def test_people_and_the_person_of_a_contact():
    domain = DomainFactory()
    _, cursor = everything()
    person = PersonFactory(domain=domain, name="Ada Lovelace", role="Founder")
    contact = ContactFactory(domain=domain)
    Person.objects.filter(pk=person.pk).update(last_seen_at=person.created_at)  # not a change
    Contact.objects.filter(pk=contact.pk).update(person=person)
    Person.objects.filter(pk=person.pk).update(role="CEO")
    seen, _ = everything(cursor)
    assert ops(seen) == [
        ("people", person.pk, "insert"),
        ("contacts", contact.pk, "insert"),
        ("contacts", contact.pk, "update"),
        ("people", person.pk, "update"),
    ]
    assert seen[0]["data"] == {
        "domain_id": domain.pk,
        "name": "Ada Lovelace",
        "role": "CEO",
        "seniority": "executive",
    }
    assert seen[1]["data"]["person_id"] == person.pk


def test_businesses_of_a_lead():
    domain, other = DomainFactory.create_batch(2)
    _, cursor = everything()
    listed = BusinessFactory(domain=domain, name="Ace Plumbing", phone="+15125550100")
    loose = BusinessFactory(name="No website yet")  # in no lead: not a change of one
    Business.objects.filter(pk=listed.pk).update(last_seen_at=listed.created_at)  # not a change
    Business.objects.filter(pk=loose.pk).update(name="Still no website")
    Business.objects.filter(pk=loose.pk).update(domain=domain)  # domain extraction linked it
    Business.objects.filter(pk=listed.pk).update(domain=other)  # moved: both leads hear of it
    listed_id = listed.pk
    listed.delete()
    seen, cursor = everything(cursor)
    assert [(c["table"], c["id"], c["domain_id"], c["op"]) for c in seen] == [
        ("businesses", listed_id, domain.pk, "insert"),
        ("businesses", loose.pk, domain.pk, "update"),
        ("businesses", listed_id, domain.pk, "update"),
        ("businesses", listed_id, other.pk, "update"),
        ("businesses", listed_id, other.pk, "delete"),
    ]
    assert seen[1]["data"]["name"] == "Still no website"
    assert seen[1]["data"]["domain_id"] == domain.pk
    Business.objects.filter(pk=BusinessFactory().pk).delete()  # in no lead: nothing logged
    Business.objects.filter(pk=loose.pk).delete()
    assert ops(everything(cursor)[0]) == [("businesses", loose.pk, "delete")]


def test_pages_follow_each_other_without_gaps():
    domains = DomainFactory.create_batch(7)
    one_go, _ = everything(page_size=1000)
    paged, _ = everything(page_size=2)
    assert ops(paged) == ops(one_go) == [("domains", d.pk, "insert") for d in domains]


def test_the_api(client):
    domain = DomainFactory()
    api = APIClient()
    api.force_authenticate(
        UserFactory(
            perms=[
                "curation.view_domain",
                "curation.view_contact",
                "curation.view_person",
                "curation.view_business",
            ]
        )
    )
    body = api.get(URL, {"page_size": 5}).json()
    assert [c["id"] for c in body["changes"]] == [domain.pk] and body["has_more"] is False
    assert api.get(URL, {"after": ""}).json() == body  # empty: from the start
    again = api.get(URL, {"after": body["next_cursor"]}).json()
    assert again == {"changes": [], "next_cursor": body["next_cursor"], "has_more": False}

    for bad in ("nope", encode_cursor(1, 1)[:-2] + "!!", "f" * 32):
        response = api.get(URL, {"after": bad})
        assert response.status_code == 400 and "after" in response.json()["errors"]
    assert api.get(URL, {"page_size": 0}).status_code == 400
    assert api.get(URL, {"page_size": 1001}).status_code == 400

    api.force_authenticate(UserFactory(perms=["curation.view_domain"]))
    assert api.get(URL).status_code == 403
    assert APIClient().get(URL).status_code in (401, 403)


def test_cursors_round_trip():
    assert decode_cursor(encode_cursor(2**40, 17)) == (2**40, 17)


def test_old_entries_are_pruned_and_a_cursor_below_them_is_gone(settings):
    from datetime import timedelta

    from django.utils import timezone

    from curation.changes import prune
    from curation.models import ChangeLogEntry

    old = DomainFactory.create_batch(3)
    _, cursor_before = everything(page_size=1)  # a client that read only up to here
    first_page = change_page(after=None, page_size=1)
    ChangeLogEntry.objects.update(changed_at=timezone.now() - timedelta(days=40))
    new = DomainFactory()
    assert prune(keep_days=0) == 0  # 0 keeps everything
    assert prune() == 3  # the default keeps 30 days
    seen, _ = everything(cursor_before)  # read past the pruned ones: still fine
    assert ops(seen) == [("domains", new.pk, "insert")]
    assert ops(everything()[0]) == [("domains", new.pk, "insert")]  # from the start
    api = APIClient()
    api.force_authenticate(UserFactory(is_superuser=True))
    response = api.get(URL, {"after": first_page.next_cursor})  # it missed two pruned changes
    assert response.status_code == 410 and "pruned" in response.json()["detail"]
    assert len(old) == 3
