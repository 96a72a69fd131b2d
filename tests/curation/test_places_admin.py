"""Businesses in the admin, the lead sheet and the contacts export, with their attribution."""

from __future__ import annotations

import csv
import io

import pytest

from curation.models import BusinessSighting, Contact
from tests.factories import (
    BusinessFactory,
    DomainFactory,
    PlaceSearchFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


def names(response) -> set[str]:
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    return {b.name for b in response.context["cl"].result_list}


def test_business_filters(admin_client):
    search = PlaceSearchFactory()
    plumber = BusinessFactory(
        name="Good Plumber", categories=["craft=plumber"], city="Leeds", rating=4.8
    )
    BusinessSighting.objects.create(business=plumber, place_search=search)
    BusinessFactory(name="Bakery", categories=["shop=bakery"], city="York", website="", rating=3.1)
    google = BusinessFactory(
        name="G Plumber", provider="google", provider_id="x1", categories=["plumber", "store"]
    )
    url = "/admin/curation/business/"
    assert names(admin_client.get(url, {"category": "plumber"})) == {"Good Plumber", google.name}
    assert names(admin_client.get(url, {"city": "York"})) == {"Bakery"}
    assert names(admin_client.get(url, {"has_website": "no"})) == {"Bakery"}
    assert names(admin_client.get(url, {"rating_at_least": "4.5"})) == {"Good Plumber"}
    by_search = admin_client.get(url, {"place_search": search.pk})
    assert names(by_search) == {"Good Plumber"}
    page = admin_client.get(url).content.decode()
    assert "© OpenStreetMap contributors" in page and "domain_extraction_queue" in page


def test_the_api_rating_filter_takes_0_to_5(admin_client):
    BusinessFactory(name="Good Plumber", rating=4.8)
    BusinessFactory(name="Bakery", rating=3.1)
    good = admin_client.get("/api/v3/businesses/", {"rating_min": "4.5"})
    assert good.status_code == 200
    assert [row["name"] for row in good.json()["results"]] == ["Good Plumber"]
    for wrong in ("6", "-1", "1e146"):
        refused = admin_client.get("/api/v3/businesses/", {"rating_min": wrong})
        assert refused.status_code == 400 and "rating_min" in refused.json()["errors"], wrong


def test_business_page_links_the_map_and_says_the_licence(admin_client):
    business = BusinessFactory(provider_url="https://www.openstreetmap.org/node/7")
    page = admin_client.get(f"/admin/curation/business/{business.pk}/change/").content.decode()
    assert 'href="https://www.openstreetmap.org/node/7"' in page
    assert "https://www.openstreetmap.org/copyright" in page


def test_the_lead_sheet_lists_the_businesses(admin_client):
    domain = DomainFactory(domain="quickfix-plumbing.co.uk")
    for where in ("North", "South"):
        BusinessFactory(
            name=f"QuickFix {where}",
            domain=domain,
            address=f"1 {where} Road, Leeds",
            phone="+44 113 496 0000",
            categories=["craft=plumber"],
            rating=4.5,
            rating_count=10,
        )
    page = admin_client.get(f"/admin/curation/domain/{domain.pk}/lead/").content.decode()
    assert 'id="lead-businesses"' in page
    assert "QuickFix North" in page and "1 South Road, Leeds" in page and "4.5 (10)" in page
    assert 'id="lead-attribution"' in page and "© OpenStreetMap contributors" in page


def test_the_export_carries_the_business_and_its_attribution(admin_client):
    domain = DomainFactory(domain="smile-dental.co.uk")
    business = BusinessFactory(
        name="Smile Dental", domain=domain, categories=["amenity=dentist"], rating=4.2
    )
    Contact.objects.create(domain=domain, kind="phone", value="+441134960000", business=business)
    response = admin_client.get(f"/admin/curation/domain/{domain.pk}/lead/?format=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row["business_name"] == "Smile Dental"
    assert row["business_category"] == "amenity=dentist"
    assert row["business_rating"] == "4.2"
    assert row["business_source"] == "OpenStreetMap"
    assert row["business_attribution"] == "© OpenStreetMap contributors"


def test_a_business_without_a_domain_keeps_its_contacts_in_the_business_export(client):
    """A contact needs a domain: the business lead list carries what the listing gave."""
    pipe_dreams = BusinessFactory(
        name="Pipe Dreams Plumbing",
        categories=["craft=plumber"],
        phone="+1 217-555-0188",
        email='=HYPERLINK("x")',
        website="https://www.facebook.com/pipedreamsplumbing",
        social_profile="https://facebook.com/pipedreamsplumbing",
        domain_note="no domain: its website is a social network profile",
        rating=4.5,
        rating_count=12,
    )
    domain = DomainFactory(domain="quickfix-plumbing.demo")
    chain = BusinessFactory(name="QuickFix North", domain=domain, provider="google")
    viewer = UserFactory(perms=["curation.view_business"])
    client.force_login(viewer)
    page = client.get(f"/admin/curation/business/{pipe_dreams.pk}/change/").content.decode()
    assert "+1 217-555-0188" in page and "https://facebook.com/pipedreamsplumbing" in page
    assert "keeps its phone, e-mail and social profile here" in page
    response = client.post(
        "/admin/curation/business/",
        {"action": "export_businesses_csv", "_selected_action": [pipe_dreams.pk, chain.pk]},
    )
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO(text))}
    dreams = rows["Pipe Dreams Plumbing"]
    assert dreams["phone"] == "+1 217-555-0188"
    assert dreams["social_profile"] == "https://facebook.com/pipedreamsplumbing"
    assert dreams["email"] == '\'=HYPERLINK("x")'  # shown, never run, by a spreadsheet
    assert dreams["domain"] == "" and "social network" in dreams["domain_note"]
    assert dreams["category"] == "Plumbers" and dreams["rating"] == "4.5"
    assert dreams["attribution"] == "© OpenStreetMap contributors"
    assert dreams["licence_url"] == "https://www.openstreetmap.org/copyright"
    assert rows["QuickFix North"]["domain"] == "quickfix-plumbing.demo"
    assert rows["QuickFix North"]["attribution"] == "Google Maps"
    assert not Contact.objects.exists()  # nothing written by exporting


def test_the_business_export_needs_the_view_permission(client):
    business = BusinessFactory()
    client.force_login(UserFactory(perms=["curation.view_domain"]))
    response = client.post(
        "/admin/curation/business/",
        {"action": "export_businesses_csv", "_selected_action": [business.pk]},
    )
    assert response.status_code == 403
