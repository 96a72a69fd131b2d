"""The ``domain`` filter takes several domains; a filter of one value given twice is a 400."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from curation import selectors
from curation.models import Contact
from curation.selectors import FilterError
from tests.factories import (
    ContactFactory,
    DomainFactory,
    PageFactory,
    SitemapFileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api():
    user = UserFactory(
        perms=[f"curation.view_{m}" for m in ("domain", "sitemapfile", "page", "contact")]
    )
    client = APIClient()
    client.force_authenticate(user)
    return client


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


@pytest.fixture
def three_domains():
    """Three domains with 4, 5 and 2 contacts; a fourth whose contacts must never show."""
    domains = [DomainFactory() for _ in range(4)]
    contacts = {
        d.pk: ContactFactory.create_batch(n, domain=d)
        for d, n in zip(domains, (4, 5, 2, 3), strict=True)
    }
    return domains[:3], contacts


def test_domain_repeated_selects_every_domain(api, three_domains):
    domains, contacts = three_domains
    wanted = sorted(c.pk for d in domains for c in contacts[d.pk])
    query = "&".join(f"domain={d.pk}" for d in domains)
    assert ids(api.get(f"/api/v3/contacts/?{query}&page_size=100")) == wanted
    assert len(wanted) == 11
    listed = ",".join(str(d.pk) for d in domains)
    assert ids(api.get(f"/api/v3/contacts/?domain__in={listed}&page_size=100")) == wanted
    # The export reads the same filters.
    export = api.get(f"/api/v3/contacts/export.csv?{query}")
    assert export.status_code == 200
    assert len(b"".join(export.streaming_content).decode("utf-8-sig").splitlines()) == 12


def test_domain_with_commas_says_how_to_ask_for_several(api, three_domains):
    domains, _ = three_domains
    response = api.get(f"/api/v3/contacts/?domain={domains[0].pk},{domains[1].pk}")
    assert response.status_code == 400
    assert "domain__in" in str(response.json()["errors"]["domain"])


def test_the_domain_filter_is_multi_valued_on_every_child_table(api):
    a, b, c = DomainFactory(), DomainFactory(), DomainFactory()
    pages = [PageFactory(domain=a), PageFactory(domain=b), PageFactory(domain=c)]
    files = [
        SitemapFileFactory(domain=a),
        SitemapFileFactory(domain=b),
        SitemapFileFactory(domain=c),
    ]
    query = f"domain={a.pk}&domain={b.pk}"
    assert ids(api.get(f"/api/v3/pages/?{query}")) == sorted(p.pk for p in pages[:2])
    assert ids(api.get(f"/api/v3/sitemap_files/?{query}")) == sorted(f.pk for f in files[:2])


@pytest.mark.parametrize(
    ("table", "query"),
    [
        ("contacts", "classification=company&classification=role"),
        ("contacts", "search=a&search=b"),
        ("domains", "source=csv&source=api"),
        ("pages", "http_status=200&http_status=404"),
        ("sitemap_files", "is_gzipped=true&is_gzipped=false"),
        ("contacts", "created_after=2024-01-01T00:00:00Z&created_after=2025-01-01T00:00:00Z"),
    ],
)
def test_a_single_value_filter_given_twice_is_a_400(api, table, query):
    response = api.get(f"/api/v3/{table}/?{query}")
    assert response.status_code == 400, response.content
    key = query.split("=")[0]
    assert "given 2 times; this filter takes one value" in str(response.json()["errors"][key])


def test_multiple_choice_filters_still_take_several_values(api):
    ContactFactory(kind="email")
    ContactFactory(kind="phone", value="+15415550123")
    response = api.get("/api/v3/contacts/?kind=email&kind=phone")
    assert len(ids(response)) == 2


def test_contacts_by_their_domains_source_dates_and_statuses():
    now = timezone.now()
    imported = DomainFactory(source="csv")
    Domain = type(imported)
    Domain.objects.filter(pk=imported.pk).update(
        created_at=now - timedelta(days=3),
        sitemap_discovery_curation_status="Complete",
        sitemap_discovery_processing_status="Complete",
    )
    manual = DomainFactory(source="manual")
    mine = ContactFactory(domain=imported)
    ContactFactory(domain=manual)

    def pks(**filters) -> list[int]:
        return list(selectors.contact_list(filters=filters).values_list("pk", flat=True))

    assert pks(domain_source="csv") == [mine.pk]
    assert pks(domain_created_before=(now - timedelta(days=1)).isoformat()) == [mine.pk]
    assert pks(domain_sitemap_discovery_curation_status=["Complete"]) == [mine.pk]
    assert set(pks(domain_sitemap_discovery_processing_status=["null", "Complete"])) == set(
        Contact.objects.values_list("pk", flat=True)
    )
    with pytest.raises(FilterError, match="takes one value"):
        selectors.contact_list(filters={"domain_source": ["csv", "manual"]})


def test_lists_carry_a_count_exact_then_estimated(api, three_domains, monkeypatch):
    from curation.api.pagination import IdCursorPagination

    domains, _ = three_domains
    body = api.get(f"/api/v3/contacts/?domain={domains[0].pk}&domain={domains[1].pk}&page_size=2")
    assert body.status_code == 200
    data = body.json()
    assert (data["count"], data["count_is_estimate"]) == (9, False)
    assert len(data["results"]) == 2  # the count is of every matching row, not of the page
    # Above the exact limit: the planner's estimate, said to be one.
    monkeypatch.setattr(IdCursorPagination, "COUNT_EXACT_UP_TO", 5)
    data = api.get("/api/v3/contacts/").json()
    assert data["count_is_estimate"] is True and data["count"] >= 6
