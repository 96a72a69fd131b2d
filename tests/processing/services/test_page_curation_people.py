"""page_curation writes people and company facts in the page's one statement (sql/030)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

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
