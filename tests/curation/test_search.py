"""One search behaviour: the admin's search box and the API's ``?search=`` find the same rows."""

from __future__ import annotations

import pytest
from django.db import connection
from rest_framework.test import APIClient

from curation import search
from curation.models import Contact, Domain, Page, SitemapFile
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
def firm():
    """The demo's law firm: four addresses and a phone; another firm beside it."""
    domain = DomainFactory(domain="hartley-law.demo", company_name="Hartley & Sons Solicitors")
    contacts = [
        ContactFactory(domain=domain, value=f"{who}@hartley-law.demo")
        for who in ("info", "jane.hartley", "office", "billing")
    ]
    contacts.append(
        ContactFactory(
            domain=domain,
            kind="phone",
            value="+15415550123",
            display="(541) 555-0123",
            classification="fixed_line_or_mobile",
        )
    )
    other = DomainFactory(domain="bucher.example", company_name="Bücher Müller")
    ContactFactory(domain=other, value="post@bucher.example")
    idn = DomainFactory(domain="xn--bcher-kva.example", company_name="Buchhandlung")
    ContactFactory(domain=idn, value="info@xn--bcher-kva.example")
    return {"domain": domain, "contacts": contacts}


def admin_ids(client, model: str, term: str) -> set[int]:
    response = client.get(f"/admin/curation/{model}/", {"q": term})
    assert response.status_code == 200
    return {row.pk for row in response.context["cl"].result_list}


def api_ids(api, table: str, term: str) -> set[int]:
    response = api.get(f"/api/v3/{table}/", {"search": term, "page_size": 100})
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def same_in_admin_and_api(client, model: str, table: str, term: str) -> set[int]:
    """The ids a superuser's search for ``term`` finds in the admin's ``model`` list, checked
    equal to those of the API's ``table`` list."""
    user = UserFactory(is_superuser=True)
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)
    found = admin_ids(client, model, term)
    assert found == api_ids(api, table, term)
    return found


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Hartley", 5),  # the phone too: its company is Hartley
        ("hartley", 5),
        ("HARTLEY", 5),
        ("Hartley & Sons Solicitors", 5),  # the company's name, word by word
        ("Solicitors", 5),
        ("jane.hartley", 1),
        ("555-0123", 1),  # the display form
        ("+1541555", 1),
        ("bücher", 1),  # a Unicode word finds the punycode domain (and the name Bücher Müller)
        ("nobody-has-this", 0),
    ],
)
def test_admin_and_api_search_contacts_alike(client, firm, term, expected):
    found = same_in_admin_and_api(client, "contact", "contacts", term)
    if term != "bücher":
        assert len(found) == expected, term
    else:  # bücher.example's company is Bücher Müller, xn--bcher-kva.example is bücher
        assert len(found) == 2


@pytest.mark.parametrize("term", ["hartley", "Hartley", "Sons", "law.demo", "bücher", "müller"])
def test_admin_and_api_search_domains_alike(client, firm, term):
    found = same_in_admin_and_api(client, "domain", "domains", term)
    assert found


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Contact", 2),  # in the middle of a URL, any case (the admin's prefix search missed it)
        ("contact-us", 1),
        ("Our Team", 1),  # the title, word by word
        ("hartley", 3),  # the domain's name: every page of the firm
        ("Solicitors", 3),  # its company name
        ("sitemap", 0),
        ("nobody-has-this", 0),
    ],
)
def test_admin_and_api_search_pages_alike(client, firm, term, expected):
    domain = firm["domain"]
    PageFactory(domain=domain, url="https://hartley-law.demo/contact-us", title="Write to us")
    PageFactory(domain=domain, url="https://hartley-law.demo/about/team", title="Our team")
    PageFactory(domain=domain, url="https://hartley-law.demo/CONTACT", title=None)
    PageFactory(domain=DomainFactory(domain="other.example"), url="https://other.example/")
    found = same_in_admin_and_api(client, "page", "pages", term)
    assert len(found) == expected, term


@pytest.mark.parametrize(("term", "expected"), [("sitemap", 2), ("POSTS", 1), ("hartley", 2)])
def test_admin_and_api_search_sitemap_files_alike(client, firm, term, expected):
    domain = firm["domain"]
    SitemapFileFactory(domain=domain, url="https://hartley-law.demo/sitemap.xml")
    SitemapFileFactory(domain=domain, url="https://hartley-law.demo/wp-sitemap-posts-1.xml")
    SitemapFileFactory(domain=DomainFactory(domain="other.example"), url="https://other.example/s")
    found = same_in_admin_and_api(client, "sitemapfile", "sitemap_files", term)
    assert len(found) == expected, term


def test_the_search_can_use_the_trigram_indexes(firm):
    """At a million rows the words are looked up in sql/061, 096 and 100 indexes, not by
    reading the table: with sequential and plain index scans priced out, the plan names them."""
    queries = {
        "contacts_value_trgm_idx": search.search(Contact.objects.order_by(), "hartley"),
        "domains_company_name_trgm_idx": search.search(Domain.objects.order_by(), "sons"),
        "page_search_url_trgm_idx": search.search(Page.objects.order_by(), "contact"),
        "page_search_title_trgm_idx": search.search(Page.objects.order_by(), "team"),
        "sitemap_files_url_trgm_idx": search.search(SitemapFile.objects.order_by(), "posts"),
    }
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")  # a tiny table: any index is cheap
        for index, queryset in queries.items():
            sql, params = queryset.query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert index in plan, plan


def test_a_page_is_found_by_what_its_writers_last_wrote(firm):
    """page_search (sql/100) follows the page: inserted by insert_pages, its title written by
    the page's persist, its URL changed, its row deleted with its domain."""
    domain = firm["domain"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM insert_pages(%s, NULL, 'sitemap', %s, %s, %s, %s, %s)",
            [domain.pk, ["http://hartley-law.demo/fees"], ["other"], [None], [None], [None]],
        )
        (page_id,) = cursor.fetchone()

    def found(term: str) -> list[int]:
        return list(search.search(Page.objects.all(), term).values_list("pk", flat=True))

    assert found("fees") == [page_id]
    assert found("conveyancing") == []
    Page.objects.filter(pk=page_id).update(title="Conveyancing")
    assert found("CONVEYANCING fees") == [page_id]
    Page.objects.filter(pk=page_id).update(url="http://hartley-law.demo/prices")
    assert found("fees") == []  # neither URL nor title has it now
    assert found("prices conveyancing") == [page_id]
    Page.objects.filter(pk=page_id).update(page_curation_processing_status="Complete")
    assert found("prices") == [page_id]
    Domain.objects.filter(pk=domain.pk).delete()
    assert found("prices") == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM page_search WHERE page_id = %s", [page_id])
        assert cursor.fetchone() == (0,)
