"""GET /api/v3/{table}/: filters, search, ordering, cursor pagination, detail; schema and docs."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.factories import (
    ContactFactory,
    DomainFactory,
    PageFactory,
    SitemapFileFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.django_db,
]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api():
    user = UserFactory(
        perms=[
            "curation.view_domain",
            "curation.view_sitemapfile",
            "curation.view_page",
            "curation.view_contact",
        ]
    )
    client = APIClient()
    client.force_authenticate(user)
    return client


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_every_table_lists_and_details(api):
    rows = {
        "domains": DomainFactory(),
        "sitemap_files": SitemapFileFactory(),
        "pages": PageFactory(),
        "contacts": ContactFactory(),
    }
    for table, row in rows.items():
        listed = api.get(f"/api/v3/{table}/")
        assert row.pk in ids(listed)
        detail = api.get(f"/api/v3/{table}/{row.pk}/")
        assert detail.status_code == 200 and detail.json()["id"] == row.pk
        assert api.get(f"/api/v3/{table}/999999/").status_code == 404


def test_lists_are_read_only():
    client = APIClient()
    client.force_authenticate(UserFactory(is_superuser=True))
    page = PageFactory()
    assert client.post("/api/v3/pages/", {}, format="json").status_code == 405
    assert client.delete(f"/api/v3/pages/{page.pk}/").status_code == 405


def test_page_row_shape(api):
    page = PageFactory(page_curation_curation_status="Error", page_curation_processing_error="x")
    row = api.get(f"/api/v3/pages/{page.pk}/").json()
    assert row["domain_name"] == page.domain.domain
    assert row["page_curation_curation_status"] == "Error"
    assert row["page_curation_processing_error"] == "x"


def test_multiple_choice_status_filter(api):
    new = PageFactory(page_curation_curation_status="New")
    error = PageFactory(page_curation_curation_status="Error")
    PageFactory(page_curation_curation_status="Complete")
    response = api.get(
        "/api/v3/pages/?page_curation_curation_status=New&page_curation_curation_status=Error"
    )
    assert sorted(ids(response)) == sorted([new.pk, error.pk])


def test_processing_status_null_and_error_filters(api):
    never = PageFactory()
    failed = PageFactory(
        page_curation_processing_status="Error", page_curation_processing_error="boom"
    )
    assert ids(api.get("/api/v3/pages/?page_curation_processing_status=null")) == [never.pk]
    assert ids(api.get("/api/v3/pages/?page_curation_has_error=true")) == [failed.pk]


def test_domain_kind_and_type_filters(api):
    domain = DomainFactory()
    contact_page = PageFactory(domain=domain, page_type="contact")
    PageFactory(domain=domain, page_type="blog")
    PageFactory(page_type="contact")
    response = api.get(f"/api/v3/pages/?domain={domain.pk}&page_type=contact")
    assert ids(response) == [contact_page.pk]
    index = SitemapFileFactory(kind="index")
    SitemapFileFactory(kind="urlset")
    assert ids(api.get("/api/v3/sitemap_files/?kind=index")) == [index.pk]
    phone = ContactFactory(kind="phone", value="+15555550100")
    ContactFactory()
    assert ids(api.get("/api/v3/contacts/?kind=phone")) == [phone.pk]
    assert ids(api.get(f"/api/v3/domains/?domain={domain.domain.upper()}")) == [domain.pk]


def test_invalid_filter_value_is_400(api):
    response = api.get("/api/v3/pages/?page_curation_curation_status=Bogus")
    assert response.status_code == 400
    assert "page_curation_curation_status" in response.json()["detail"]


def test_unknown_query_parameter_is_400_naming_it(api):
    # A misspelt filter used to be ignored: the list (and the export) answered every row.
    PageFactory()
    response = api.get("/api/v3/pages/?page_curation_status=Error&pagesize=3")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"page_curation_status", "pagesize"}
    assert "unknown query parameter" in errors["pagesize"][0]
    assert "page_size" in errors["pagesize"][0]  # the known ones are listed
    # What the list reads (filters, ordering, the paginator's, format) is accepted.
    ok = api.get("/api/v3/pages/?page_curation_curation_status=New&ordering=id&page_size=2")
    assert ok.status_code == 200
    assert api.get("/api/v3/pages/?format=json").status_code == 200


def test_search(api):
    hit = PageFactory(url="https://x.example/contact-us", title="Reach us")
    titled = PageFactory(title="Contact-us form")
    PageFactory(url="https://x.example/blog")
    assert sorted(ids(api.get("/api/v3/pages/?search=contact-us"))) == sorted([hit.pk, titled.pk])
    domain = DomainFactory(domain="acme-widgets.example", company_name="ACME")
    DomainFactory()
    assert ids(api.get("/api/v3/domains/?search=acme")) == [domain.pk]


def test_ordering_is_whitelisted(api):
    first, second = PageFactory.create_batch(2)
    assert ids(api.get("/api/v3/pages/")) == [second.pk, first.pk]
    assert ids(api.get("/api/v3/pages/?ordering=id")) == [first.pk, second.pk]
    # A field outside the whitelist is a 400 naming the choices (it used to be silently
    # ignored, which hid typos behind the default order).
    response = api.get("/api/v3/pages/?ordering=title")
    assert response.status_code == 400
    assert "cannot order by 'title'" in response.json()["detail"]
    assert "created_at" in response.json()["detail"]


def test_cursor_pagination_walks_every_row_with_a_count(api):
    pages = PageFactory.create_batch(7)
    seen = []
    url = "/api/v3/pages/?page_size=3"
    while url:
        body = api.get(url).json()
        assert (body["count"], body["count_is_estimate"]) == (7, False)  # every page: all rows
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert seen == sorted((p.pk for p in pages), reverse=True)


def test_page_size_is_capped(api):
    PageFactory.create_batch(3)
    assert len(api.get("/api/v3/pages/?page_size=100000").json()["results"]) == 3


def test_list_queries_do_not_grow_with_rows(api, django_assert_max_num_queries):
    PageFactory.create_batch(20)
    with django_assert_max_num_queries(6):
        assert len(ids(api.get("/api/v3/pages/"))) == 20


def test_schema_and_docs_need_a_login(api):
    anonymous = APIClient()
    schema = anonymous.get("/api/schema/")
    assert schema.status_code == 401 and schema.json()["detail"]
    docs = anonymous.get("/api/docs/")
    assert docs.status_code == 302 and docs["Location"].startswith("/admin/login/?next=")

    schema = api.get("/api/schema/")
    assert schema.status_code == 200
    text = schema.content.decode()
    assert "/api/v3/pages/status/filtered" in text
    assert "PageStatusUpdateRequest" in text and "StatusUpdateResponse" in text
    docs = api.get("/api/docs/")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "swagger-ui" in page
    assert "cdn.jsdelivr" not in page and "/static/drf_spectacular_sidecar/" in page
    # The Swagger UI's start-up script is a separate request (no inline script for the CSP).
    assert "/api/docs/?script" in page
    script = api.get("/api/docs/?script")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_schema_and_docs_can_be_public(settings):
    settings.SCRAPERSKY_API_DOCS_PUBLIC = True
    anonymous = APIClient()
    assert anonymous.get("/api/schema/").status_code == 200
    assert anonymous.get("/api/docs/").status_code == 200


def test_api_root_lists_every_resource(api):
    response = api.get("/api/v3/")
    assert response.status_code == 200
    links = response.json()
    for table in ("domains", "sitemap_files", "pages", "contacts"):
        assert links[table] == f"http://testserver/api/v3/{table}/"
        assert api.get(links[table]).status_code == 200
    assert links["contacts_export"].endswith("/api/v3/contacts/export.csv")
    assert api.get("/api/").status_code == 302
    assert APIClient().get("/api/v3/").status_code == 401
