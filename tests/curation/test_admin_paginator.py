"""The capped paginator: big changelists never COUNT every matching row."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from curation.admin.paginator import CappedPaginator
from curation.models import Domain, Page, StatusChange
from tests.factories import DomainFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),  # see test_admin_changelists
]

ROWS = 3_000
CAP = 500
COUNT_RE = re.compile(r"\bCOUNT\(", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False


@pytest.fixture
def big_table(monkeypatch):
    """3,000 pages, most of them New, and a cap of 500 so the cap path is taken."""
    monkeypatch.setattr(admin.site._registry[Page], "count_cap", CAP)
    domain = DomainFactory()
    Page.objects.bulk_create(
        Page(
            domain=domain,
            url=f"https://{domain.domain}/p/{n}",
            page_curation_curation_status="Skipped" if n % 10 == 0 else "New",
        )
        for n in range(ROWS)
    )
    return domain


@pytest.fixture
def curator(client):
    user = UserFactory(is_superuser=True)
    user.save()
    client.force_login(user)
    return user


def unbounded_counts(queries):
    return [q["sql"] for q in queries if COUNT_RE.search(q["sql"]) and " LIMIT " not in q["sql"]]


def test_filtered_changelist_never_counts_every_row(client, curator, big_table):
    url = reverse("admin:curation_page_changelist")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"page_curation_curation_status__exact": "New"})

    assert response.status_code == 200
    counts = [q["sql"] for q in queries if COUNT_RE.search(q["sql"])]
    assert counts, "the paginator counted nothing"
    assert unbounded_counts(queries) == []
    assert all(f"LIMIT {CAP + 1}" in sql for sql in counts)
    cl = response.context["cl"]
    assert cl.count_capped
    assert cl.result_count == CAP
    body = response.content.decode()
    assert "500+</span> pages" in body
    assert "Select all 500+ pages" in body


def test_unfiltered_and_searched_changelists_never_count_every_row(client, curator, big_table):
    url = reverse("admin:curation_page_changelist")
    for params in ({}, {"q": f"https://{big_table.domain}/p/1"}, {"page_type__exact": "other"}):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200
        assert unbounded_counts(queries) == [], params


def test_under_the_cap_the_count_is_exact(client, curator, big_table):
    response = client.get(
        reverse("admin:curation_page_changelist"),
        {"page_curation_curation_status__exact": "Skipped"},
    )
    cl = response.context["cl"]
    assert (cl.result_count, cl.count_capped) == (ROWS // 10, False)
    assert "300</span> pages" in response.content.decode()


def test_pages_past_the_cap_are_not_offered(client, curator, big_table):
    url = reverse("admin:curation_page_changelist")
    last = CAP // admin.site._registry[Page].list_per_page  # zero-based page index
    assert client.get(url, {"p": last}).status_code == 200
    assert client.get(url, {"p": last + 1})["Location"].endswith("?e=1")


def test_select_all_acts_on_every_matching_row_not_just_the_counted_ones(
    client, curator, big_table
):
    url = reverse("admin:curation_page_changelist")
    some = Page.objects.filter(page_curation_curation_status="New").first()
    response = client.post(
        url + "?page_curation_curation_status__exact=New",
        {
            "action": "page_curation_queue",
            "index": 0,
            "select_across": 1,
            "_selected_action": [some.pk],
        },
        follow=True,
    )
    assert response.status_code == 200
    new = ROWS - ROWS // 10
    assert Page.objects.filter(page_curation_processing_status="Queued").count() == new
    assert StatusChange.objects.get().updated == new


def test_other_tables_are_capped_too():
    for model in (Domain, Page, StatusChange):
        assert admin.site._registry[model].paginator is CappedPaginator
        assert admin.site._registry[model].show_full_result_count is False


def test_paginator_counts_with_a_limit(big_table):
    paginator = CappedPaginator(Page.objects.order_by("-id"), 100, cap=1_000)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 1_000
    assert paginator.capped
    assert paginator.count_display == "1,000+"
    assert paginator.num_pages == 10
    assert len(queries) == 1
    assert "LIMIT 1001" in queries[0]["sql"]

    exact = CappedPaginator(Page.objects.order_by("-id"), 100, cap=ROWS)
    assert (exact.count, exact.capped, exact.count_display) == (ROWS, False, "3,000")
