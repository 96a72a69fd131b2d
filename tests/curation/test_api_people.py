"""GET /api/v3/people/ and the people, company facts and e-mail pattern of a domain's detail."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.factories import (
    CompanyFactFactory,
    ContactFactory,
    DomainFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def client_with(*perms: str) -> APIClient:
    client = APIClient()
    client.force_authenticate(UserFactory(perms=list(perms)))
    return client


@pytest.fixture
def lead():
    domain = DomainFactory(domain="alliedauto.demo")
    lisa = PersonFactory(domain=domain, name="Lisa Jackson", name_key="lisa jackson")
    tom = PersonFactory(
        domain=domain,
        name="Tom Baker",
        name_key="tom baker",
        role="Service Manager",
        seniority="manager",
    )
    amy = PersonFactory(
        domain=domain,
        name="Amy Chen",
        name_key="amy chen",
        role="Receptionist",
        seniority="staff",
    )
    ContactFactory(domain=domain, value="lisa.jackson@alliedauto.demo", person=lisa)
    ContactFactory(domain=domain, value="tom.baker@alliedauto.demo", person=tom)
    ContactFactory(domain=domain, value="info@alliedauto.demo", classification="role")
    CompanyFactFactory(domain=domain, kind="legal_name", value="Allied Auto Repair GmbH", rank=0)
    CompanyFactFactory(domain=domain, kind="legal_name", value="Allied Auto", rank=5, source="og")
    CompanyFactFactory(
        domain=domain, kind="address", value="Gartenweg 52, 60311 Frankfurt am Main", rank=0
    )
    return {"domain": domain, "lisa": lisa, "tom": tom, "amy": amy}


def names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["name"] for row in response.json()["results"]}


def test_people_list_filters(lead):
    api = client_with("curation.view_person")
    assert names(api.get("/api/v3/people/")) == {"Lisa Jackson", "Tom Baker", "Amy Chen"}
    assert names(api.get("/api/v3/people/?seniority=executive&seniority=manager")) == {
        "Lisa Jackson",
        "Tom Baker",
    }
    assert names(api.get("/api/v3/people/?has_email=true")) == {"Lisa Jackson", "Tom Baker"}
    assert names(api.get("/api/v3/people/?has_email=false")) == {"Amy Chen"}
    assert names(api.get("/api/v3/people/?role=manager")) == {"Tom Baker"}
    assert names(api.get(f"/api/v3/people/?domain={lead['domain'].pk}&search=jackson")) == {
        "Lisa Jackson"
    }
    row = api.get(f"/api/v3/people/{lead['lisa'].pk}/").json()
    assert row["domain_name"] == "alliedauto.demo"
    assert [c["value"] for c in row["contacts"]] == ["lisa.jackson@alliedauto.demo"]


def test_bad_filters_are_400s_and_reading_needs_the_view_permission(lead):
    api = client_with("curation.view_person")
    response = api.get("/api/v3/people/?seniority=boss&has_email=maybe")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"seniority", "has_email"}
    assert client_with("curation.view_domain").get("/api/v3/people/").status_code == 403


def test_a_domains_detail_nests_its_people_company_and_email_pattern(lead):
    url = f"/api/v3/domains/{lead['domain'].pk}/"
    assert client_with("curation.view_domain").get(url).json()["people"] == []
    api = client_with("curation.view_domain", "curation.view_person")
    body = api.get(url).json()
    assert [p["name"] for p in body["people"]] == ["Lisa Jackson", "Tom Baker", "Amy Chen"]
    assert body["company"]["legal_name"]["value"] == "Allied Auto Repair GmbH"
    assert body["company"]["address"]["value"] == "Gartenweg 52, 60311 Frankfurt am Main"
    assert body["company"]["vat_id"] is None
    assert body["email_pattern"] == {"pattern": "{first}.{last}", "addresses": 2, "people": 2}
    listed = api.get("/api/v3/domains/").json()["results"][0]
    assert "people" not in listed  # the list stays one row per domain
