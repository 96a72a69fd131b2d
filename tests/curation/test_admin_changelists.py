"""Every admin page of the curation app renders: changelists, filters, search, change forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from curation.models import Contact, Domain, Page, Person, PersonSighting, SitemapFile, StatusChange
from scrapersky.workflows import workflows_for_model
from tests.factories import (
    ContactSightingFactory,
    DomainFactory,
    PageFactory,
    PersonFactory,
    SitemapFileFactory,
    StatusChangeFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.django_db,
    # WhiteNoise warns when collectstatic has not run (STATIC_ROOT missing); the admin serves
    # its static files through the finders then (WHITENOISE_USE_FINDERS).
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

MODELS = [Domain, SitemapFile, Page, Contact, Person, StatusChange]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def superuser():
    user = UserFactory(username="root", is_superuser=True)
    user.save()  # the factory saves the password only when it adds perms
    return user


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def rows():
    domain = DomainFactory(domain="acme.example")
    sitemap = SitemapFileFactory(domain=domain)
    page = PageFactory(
        domain=domain,
        sitemap_file=sitemap,
        url="https://acme.example/contact",
        title="Contact us",
        page_curation_curation_status="Error",
        page_curation_processing_status="Error",
        page_curation_processing_error="HTTP 503 from https://acme.example/contact " * 5,
    )
    sighting = ContactSightingFactory(contact__domain=domain, page=page)
    audit = StatusChangeFactory(row_ids=list(range(1, 500)))
    person = PersonFactory(domain=domain, name="Lisa Jackson", name_key="lisa jackson")
    PersonSighting.objects.create(person=person, page=page, source="grid", role="Founder")
    Contact.objects.filter(pk=sighting.contact.pk).update(person=person)
    return {
        Domain: domain,
        SitemapFile: sitemap,
        Page: page,
        Contact: sighting.contact,
        Person: person,
        StatusChange: audit,
    }


def url(model, view, *args):
    return reverse(f"admin:curation_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_renders(admin_client, rows, model):
    response = admin_client.get(url(model, "changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_change_form_renders(admin_client, rows, model):
    response = admin_client.get(url(model, "change", rows[model].pk))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("model", "term"),
    [
        (Domain, "acme."),
        (SitemapFile, "https://acme.example/"),
        (Page, "https://acme.example/con"),
        (Page, "acme"),
        (Contact, "person"),
        (Person, "lisa"),
        (StatusChange, "curator"),
    ],
    ids=lambda v: getattr(v, "__name__", v),
)
def test_search_finds_by_prefix(admin_client, rows, model, term):
    response = admin_client.get(url(model, "changelist"), {"q": term})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [rows[model]]


@pytest.mark.parametrize("model", [Domain, SitemapFile, Page], ids=lambda m: m.__name__)
def test_every_workflow_status_column_is_filterable(admin_client, rows, model):
    for workflow in workflows_for_model(model):
        for field, value in (
            (workflow.names.curation_field, "New"),
            (workflow.names.processing_field, "Error"),
        ):
            response = admin_client.get(url(model, "changelist"), {f"{field}__exact": value})
            assert response.status_code == 200, field
            assert "?e=1" not in response.get("Location", "")


def test_page_list_shows_badges_error_and_links(admin_client, rows):
    page = rows[Page]
    body = admin_client.get(url(Page, "changelist")).content.decode()
    assert 'class="ss-badge ss-badge--error">Error</span>' in body
    assert 'title="HTTP 503 from https://acme.example/contact' in body  # full text on hover
    assert url(Domain, "change", page.domain_id) in body
    assert f"{url(Contact, 'changelist')}?pages__id__exact={page.pk}" in body


def test_domain_list_links_and_counts_related_rows(admin_client, rows):
    domain = rows[Domain]
    body = admin_client.get(url(Domain, "changelist")).content.decode()
    for model, label in (
        (SitemapFile, "1 sitemap"),
        (Page, "1 page"),
        (Contact, "1 contact"),
        (Person, "1 person"),
    ):
        assert f'{url(model, "changelist")}?domain__id__exact={domain.pk}">{label}</a>' in body


@pytest.mark.parametrize(
    ("model", "query", "related"),
    [
        (SitemapFile, "domain__id__exact", Domain),
        (Page, "domain__id__exact", Domain),
        (Contact, "domain__id__exact", Domain),
        (Page, "sitemap_file__id__exact", SitemapFile),
        (Page, "contacts__id__exact", Contact),
        (Contact, "pages__id__exact", Page),
        (Person, "domain__id__exact", Domain),
        (Contact, "person__id__exact", Person),
        (Page, "people__id__exact", Person),
    ],
    ids=lambda v: getattr(v, "__name__", v),
)
def test_related_links_filter_the_changelist(admin_client, rows, model, query, related):
    other = {Page: PageFactory, Contact: ContactSightingFactory, Person: PersonFactory}.get(model)
    if other:
        other()  # a row of another domain that the filter must hide
    response = admin_client.get(url(model, "changelist"), {query: rows[related].pk})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [rows[model]]


def test_contact_change_form_lists_its_sightings(admin_client, rows):
    contact = rows[Contact]
    body = admin_client.get(url(Contact, "change", contact.pk)).content.decode()
    assert url(Page, "change", rows[Page].pk) in body
    assert "Write to us" in body


def test_audit_change_form_shows_row_ids_truncated(admin_client, rows):
    body = admin_client.get(url(StatusChange, "change", rows[StatusChange].pk)).content.decode()
    # Linked ids (to the rows' change pages), the rest counted.
    for pk in (1, 2, 3):
        assert f'<a href="{url(Page, "change", pk)}">{pk}</a>' in body
    assert "and 299 more" in body
    assert "{" not in body.split('class="readonly"', 1)[1].split("</div>", 1)[0]  # no raw JSON


def test_engine_columns_are_read_only_in_forms(admin_client, rows):
    form = admin_client.get(url(Page, "change", rows[Page].pk)).context["adminform"].form
    for workflow in workflows_for_model(Page):
        for column in workflow.names.all_columns:
            assert column not in form.fields
    assert "title" not in form.fields
    assert {"url", "page_type", "domain"} <= set(form.fields)


def test_audit_trail_is_read_only(admin_client, rows):
    audit = rows[StatusChange]
    assert admin_client.get(url(StatusChange, "add")).status_code == 403
    assert admin_client.post(url(StatusChange, "delete", audit.pk)).status_code == 403
    response = admin_client.post(url(StatusChange, "change", audit.pk), {"actor": "mallory"})
    assert response.status_code == 403
    audit.refresh_from_db()
    assert audit.actor == "curator"


def test_audit_trail_is_readable_with_view_permission(client, rows):
    client.force_login(UserFactory(perms=["curation.view_statuschange"]))
    assert client.get(url(StatusChange, "changelist")).status_code == 200
    assert client.get(url(StatusChange, "change", rows[StatusChange].pk)).status_code == 200


def test_date_hierarchy_drills_down(admin_client, rows):
    created = rows[Page].created_at
    response = admin_client.get(
        url(Page, "changelist"),
        {"created_at__year": created.year, "created_at__month": created.month},
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.django_db
def test_contacts_filter_by_classification(client):
    from tests.factories import ContactFactory

    role = ContactFactory(value="info@acme.example", classification="role")
    ContactFactory(value="jane@acme.example", classification="company")
    admin_user = UserFactory(is_superuser=True)
    client.force_login(admin_user)
    response = client.get("/admin/curation/contact/?classification=role")
    assert response.status_code == 200
    body = response.content.decode()
    assert role.value in body and "jane@acme.example" not in body
    assert "Email: role address" in body


def test_sitemap_change_page_lists_its_pages(admin_client, rows):
    sitemap = rows[SitemapFile]
    Page.objects.filter(pk=rows[Page].pk).update(sitemap_file=sitemap)
    body = admin_client.get(url(SitemapFile, "change", sitemap.pk)).content.decode()
    assert url(Page, "change", rows[Page].pk) in body
    assert f"?sitemap_file__id__exact={sitemap.pk}" in body


def _filter_keys(model) -> list[str]:
    """Every query parameter a changelist's filters of choice columns compare a value with."""
    keys = []
    for field in model._meta.concrete_fields:
        if field.choices:
            keys += [field.name, f"{field.name}__exact", f"{field.name}__in", f"{field.name}__gt"]
    return keys


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_bogus_choice_filter_is_the_admins_error_page_not_a_500(admin_client, rows, model):
    # ?page_curation_curation_status__exact=Bogus was a DataError (invalid input value for enum).
    url = reverse(f"admin:curation_{model._meta.model_name}_changelist")
    keys = _filter_keys(model)
    assert keys or model is StatusChange
    for key in keys:
        response = admin_client.get(url, {key: "Bogus"})
        assert response.status_code == 302, key
        assert response["Location"].endswith("?e=1"), key
    if model is Page:
        # Every status filter the sidebar offers, and a good value beside a bad one.
        for wf in workflows_for_model(Page):
            for field in (wf.names.curation_field, wf.names.processing_field):
                bad = admin_client.get(url, {f"{field}__exact": "Bogus"})
                assert bad.status_code == 302 and bad["Location"].endswith("?e=1")
                good = admin_client.get(url, {f"{field}__exact": "Error"})
                assert good.status_code == 200
        mixed = admin_client.get(url, {"page_type__in": "contact,Bogus"})
        assert mixed["Location"].endswith("?e=1")


def test_people_filter_by_seniority_role_and_email(admin_client, rows):
    person = rows[Person]
    PersonFactory(role="Receptionist", seniority="staff")
    for query in ({"seniority": "executive"}, {"role": "Founder"}, {"has_email": "yes"}):
        response = admin_client.get(url(Person, "changelist"), query)
        assert response.status_code == 200
        assert list(response.context["cl"].result_list) == [person], query
    body = admin_client.get(url(Person, "change", person.pk)).content.decode()
    assert url(Contact, "change", rows[Contact].pk) in body  # their contacts
    assert url(Page, "change", rows[Page].pk) in body  # the pages that name them


def _sql_of(client, path: str, params: dict) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_date_hierarchy_bounds_ignore_the_search(admin_client):
    """MIN/MAX under a search walked the created_at index at a million rows: the bounds come
    from the table, two index probes, whatever the list is filtered by."""
    import datetime

    from django.utils import timezone

    from curation.templatetags.curation_admin import ranged_date_hierarchy

    old = DomainFactory(domain="hartley-old.example")
    Domain.objects.filter(pk=old.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2023, 5, 2, 12))
    )
    DomainFactory(domain="hartley-new.example")
    DomainFactory(domain="other.example")
    sql = _sql_of(admin_client, url(Domain, "changelist"), {"q": "hartley"})
    bounds = [s for s in sql if 'MIN("domains"."created_at")' in s]
    assert bounds and all("WHERE" not in s for s in bounds), bounds
    response = admin_client.get(url(Domain, "changelist"), {"q": "hartley"})
    assert response.context["cl"].result_count == 2
    years = [c["title"] for c in ranged_date_hierarchy(response.context["cl"])["choices"]]
    assert years[0] == "2023" and years[-1] == str(timezone.localdate().year)
    # a chosen year offers only its own months, from the first row's month on
    response = admin_client.get(url(Domain, "changelist"), {"created_at__year": "2023"})
    months = [c["title"] for c in ranged_date_hierarchy(response.context["cl"])["choices"]]
    assert months[0] == "May 2023" and months[-1] == "December 2023"
    assert response.context["cl"].result_count == 1


def test_domain_source_filter_lists_the_vocabulary_without_scanning(admin_client):
    from curation.models import ImportJob

    DomainFactory(domain="a.example", source="csv")
    DomainFactory(domain="b.example", source="partner feed")
    DomainFactory(domain="c.example", source="from-the-api-label")
    ImportJob.objects.create(token="t1", kind="domains", filename="f.csv", source="partner feed")
    sql = _sql_of(admin_client, url(Domain, "changelist"), {})
    assert not [s for s in sql if "DISTINCT" in s and '"domains"."source"' in s]
    response = admin_client.get(url(Domain, "changelist"))
    body = response.content.decode()
    for label in ("CSV import", "Place search", "Added by hand", "partner feed"):
        assert label in body
    assert "from-the-api-label" not in body  # not listed, but it filters by URL:
    response = admin_client.get(url(Domain, "changelist"), {"source": "from-the-api-label"})
    assert [d.domain for d in response.context["cl"].result_list] == ["c.example"]
    assert "from-the-api-label" in response.content.decode()
    response = admin_client.get(url(Domain, "changelist"), {"source": "partner feed"})
    assert [d.domain for d in response.context["cl"].result_list] == ["b.example"]
