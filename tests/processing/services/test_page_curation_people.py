"""page_curation writes people and company facts in the page's one statement (sql/030)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from psycopg.types.json import Jsonb

from curation.models import CompanyFact, Contact, Person, PersonSighting
from processing.services import page_curation
from tests.factories import DomainFactory, PageFactory

pytestmark = pytest.mark.django_db

TEAM = """<html lang="en"><head><title>Team</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"AutoRepair",
"name":"Allied Auto Repair GmbH","founder":{"@type":"Person","name":"Lisa Jackson",
"jobTitle":"Founder","email":"ljackson@alliedauto.demo"}}</script></head><body>
<div><h3>Tom Baker</h3><p>Service Manager</p>
<a href="mailto:tbaker@alliedauto.demo">tbaker@alliedauto.demo</a></div>
<div><h3>Amy Chen</h3><p>Receptionist</p></div>
<blockquote>"Great!" <cite>Sarah K., happy customer</cite></blockquote>
<p>Write to <a href="mailto:info@alliedauto.demo">info@alliedauto.demo</a></p></body></html>"""
IMPRESSUM = """<html lang="de"><head><title>Impressum</title></head><body><h1>Impressum</h1>
<p>Allied Auto Repair GmbH<br>Gartenweg 52<br>60311 Frankfurt am Main</p>
<p>Geschäftsführerin: Lisa Jackson</p><p>USt-IdNr.: DE136695976</p></body></html>"""


def test_people_their_contacts_and_company_facts_in_the_pages_statement(web):
    domain = DomainFactory(domain="alliedauto.demo")
    team = PageFactory(domain=domain, url="http://alliedauto.demo/team")
    legal = PageFactory(domain=domain, url="http://alliedauto.demo/impressum")
    web[team.url], web[legal.url] = TEAM, IMPRESSUM
    persists = [page_curation.process_single_page_for_page_curation(p) for p in (team, legal)]
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        page_curation.PagePersist.persist_many(persists)
    statements = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 1

    people = {p.name: p for p in Person.objects.filter(domain=domain)}
    assert set(people) == {"Lisa Jackson", "Tom Baker", "Amy Chen"}
    assert (people["Lisa Jackson"].role, people["Lisa Jackson"].seniority) == (
        "Founder",
        "executive",
    )
    assert (people["Tom Baker"].role, people["Tom Baker"].seniority) == (
        "Service Manager",
        "manager",
    )
    lisa_pages = set(
        PersonSighting.objects.filter(person=people["Lisa Jackson"]).values_list("page", flat=True)
    )
    assert lisa_pages == {team.pk, legal.pk}  # one person, seen on both pages
    owners = dict(Contact.objects.filter(domain=domain).values_list("value", "person__name"))
    assert owners["ljackson@alliedauto.demo"] == "Lisa Jackson"
    assert owners["tbaker@alliedauto.demo"] == "Tom Baker"
    assert owners["info@alliedauto.demo"] is None

    facts = set(CompanyFact.objects.filter(domain=domain).values_list("kind", "value"))
    assert {
        ("legal_name", "Allied Auto Repair GmbH"),
        ("address", "Gartenweg 52, 60311 Frankfurt am Main"),
        ("vat_id", "DE136695976"),
    } <= facts


def test_processing_again_adds_no_person_or_fact_twice(web):
    domain = DomainFactory(domain="alliedauto.demo")
    team = PageFactory(domain=domain, url="http://alliedauto.demo/team")
    web[team.url] = TEAM
    for _ in range(2):
        persist = page_curation.process_single_page_for_page_curation(team)
        with transaction.atomic():
            persist()
    assert Person.objects.filter(domain=domain).count() == 3
    assert PersonSighting.objects.filter(page=team).count() == 3
    assert CompanyFact.objects.filter(domain=domain, kind="legal_name").count() == 1


def test_a_persons_role_comes_from_the_best_source_then_the_newest_page():
    domain = DomainFactory(domain="rolerule.demo")
    pages = [PageFactory(domain=domain, url=f"http://rolerule.demo/{n}") for n in range(6)]
    day = datetime(2026, 5, 1, tzinfo=UTC)

    def seen(page, days, role, seniority, source):
        person = [["Lisa Jackson", "lisa jackson", role, seniority, source, []]]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT page_curation_persist_people(%s, %s, %s, %s, NULL)",
                [page.pk, domain.pk, day + timedelta(days=days), Jsonb(person)],
            )
        lisa = Person.objects.get(domain=domain, name_key="lisa jackson")
        return lisa.role, lisa.seniority

    # A legal page's line first, then a team grid outranks it.
    assert seen(pages[0], 1, "Geschäftsführerin", "executive", "text") == (
        "Geschäftsführerin",
        "executive",
    )
    assert seen(pages[1], 2, "Founder & Head Mechanic", "executive", "grid") == (
        "Founder & Head Mechanic",
        "executive",
    )
    # A later text line does not replace the grid's title.
    assert seen(pages[2], 3, "Inhaberin", "executive", "text")[0] == "Founder & Head Mechanic"
    # JSON-LD outranks the grid even from a page fetched earlier and persisted later.
    assert seen(pages[3], 0, "Founder", "executive", "jsonld")[0] == "Founder"
    lisa = Person.objects.get(domain=domain, name_key="lisa jackson")
    assert lisa.last_seen_at == day + timedelta(days=3)  # the newest fetch stays the newest
    # Same rank: the more recent page wins; an empty role never replaces a stated one.
    assert seen(pages[4], 4, "Service Manager", "manager", "microformat") == (
        "Service Manager",
        "manager",
    )
    assert seen(pages[5], 5, "", "", "jsonld")[0] == "Service Manager"
    assert seen(pages[1], 6, "Owner", "executive", "grid")[0] == "Service Manager"
    # A page fetched again replaces its own earlier role (its old sighting does not outrank it).
    assert seen(pages[4], 7, "Workshop Manager", "manager", "microformat")[0] == (
        "Workshop Manager"
    )
    roles = dict(PersonSighting.objects.filter(person=lisa).values_list("page_id", "role"))
    assert roles[pages[1].pk] == "Owner" and roles[pages[4].pk] == "Workshop Manager"
