"""PUT /api/v3/{table}/status and status/filtered: validation, permissions, dual-status."""

from __future__ import annotations

import json

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from curation.models import Page, StatusChange
from curation.services import MAX_IDS
from tests.factories import DomainFactory, PageFactory, SitemapFileFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    # WhiteNoise warns that collectstatic has not run (STATIC_ROOT absent): not our concern here.
]

URL = "/api/v3/pages/status"
FILTERED_URL = "/api/v3/pages/status/filtered"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def curator():
    return UserFactory(perms=["curation.view_page", "curation.change_page"])


@pytest.fixture
def api(curator):
    client = APIClient()
    client.force_authenticate(curator)
    return client


def _statuses():
    return sorted(
        Page.objects.values_list(
            "id", "page_curation_curation_status", "page_curation_processing_status"
        )
    )


def test_queue_by_ids(api, curator):
    pages = PageFactory.create_batch(3)
    busy = PageFactory(
        page_curation_curation_status="Queued", page_curation_processing_status="Processing"
    )
    ids = [p.pk for p in pages] + [busy.pk, 987_654]
    response = api.put(URL, {"ids": ids, "status": "Queued"}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["workflow"] == "page_curation" and body["status"] == "Queued"
    assert sorted(body["updated_ids"]) == sorted(p.pk for p in pages)
    assert sorted(body["queued_ids"]) == sorted(p.pk for p in pages)
    assert body["skipped"] == {"processing": [busy.pk]}
    assert body["missing_ids"] == [987_654]
    assert body["updated_count"] == 3 and body["queued_count"] == 3
    assert body["message"] == (
        "Queued 3 pages for page curation; 1 left unchanged (being processed); 1 not found."
    )
    assert set(
        Page.objects.filter(pk__in=body["updated_ids"]).values_list(
            "page_curation_processing_status", flat=True
        )
    ) == {"Queued"}
    audit = StatusChange.objects.get(pk=body["audit_id"])
    assert audit.channel == "api" and audit.actor == curator.username
    assert audit.user_id == curator.pk


def test_non_queued_status_leaves_processing_alone(api):
    page = PageFactory(page_curation_processing_status="Error", page_curation_processing_error="x")
    response = api.put(URL, {"ids": [page.pk], "status": "Skipped"}, format="json")
    assert response.status_code == 200
    assert response.json()["queued_ids"] == []
    page.refresh_from_db()
    assert page.page_curation_curation_status == "Skipped"
    assert page.page_curation_processing_status == "Error"


def test_every_workflow_table_has_status_routes():
    user = UserFactory(perms=["curation.change_domain", "curation.change_sitemapfile"])
    client = APIClient()
    client.force_authenticate(user)
    domain = DomainFactory()
    sitemap = SitemapFileFactory()
    response = client.put(
        "/api/v3/domains/status",
        {"ids": [domain.pk], "status": "Queued", "workflow": "sitemap_discovery"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["workflow"] == "sitemap_discovery"
    domain.refresh_from_db()
    assert domain.sitemap_discovery_processing_status == "Queued"
    response = client.put(
        "/api/v3/sitemap_files/status",
        {"ids": [sitemap.pk], "status": "Queued", "workflow": "sitemap_import"},
        format="json",
    )
    assert response.status_code == 200
    sitemap.refresh_from_db()
    assert sitemap.sitemap_import_processing_status == "Queued"


BAD_BODIES = [
    ({"status": "Queued"}, "ids"),
    ({"ids": [], "status": "Queued"}, "ids"),
    ({"ids": "1,2", "status": "Queued"}, "ids"),
    ({"ids": [1, "2"], "status": "Queued"}, "ids"),
    ({"ids": [1, "x"], "status": "Queued"}, "ids"),
    ({"ids": [1, -2], "status": "Queued"}, "ids"),
    ({"ids": [0], "status": "Queued"}, "ids"),
    ({"ids": [1.5], "status": "Queued"}, "ids"),
    ({"ids": [True], "status": "Queued"}, "ids"),
    ({"ids": [2**63], "status": "Queued"}, "ids"),
    ({"ids": list(range(1, MAX_IDS + 2)), "status": "Queued"}, "ids"),
    ({"ids": [1]}, "status"),
    ({"ids": [1], "status": "Bogus"}, "status"),
    ({"ids": [1], "status": "queued"}, "status"),
    ({"ids": [1], "status": "Processing"}, "status"),
    ({"ids": [1], "status": "Queued", "workflow": "nope"}, "workflow"),
    ({"ids": [1], "status": "Queued", "workflow": "sitemap_import"}, "workflow"),
    ([1, 2], "non_field_errors"),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
def test_bad_bodies_are_400_naming_the_problem_and_change_nothing(api, body, field):
    PageFactory.create_batch(2)
    before = _statuses()
    response = api.put(URL, body, format="json")
    assert response.status_code == 400, response.content
    data = response.json()
    assert field in data["errors"]
    assert data["detail"].startswith("Invalid request:")
    if field != "non_field_errors":
        assert field in data["detail"]
    assert _statuses() == before
    assert not StatusChange.objects.exists()


def test_processing_status_is_refused_with_a_message(api):
    page = PageFactory()
    response = api.put(URL, {"ids": [page.pk], "status": "Processing"}, format="json")
    assert response.status_code == 400
    assert "set by the workers only" in response.json()["detail"]


def test_oversized_id_list_names_the_limit(api):
    response = api.put(URL, {"ids": list(range(1, MAX_IDS + 2)), "status": "New"}, format="json")
    assert response.status_code == 400
    assert str(MAX_IDS) in response.json()["detail"]


def test_malformed_json_is_400(api):
    response = api.put(URL, data='{"ids": [1,', content_type="application/json")
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_wrong_content_type_is_415_naming_it(api):
    page = PageFactory()
    response = api.put(URL, data=f"ids={page.pk}&status=Queued", content_type="text/plain")
    assert response.status_code == 415
    assert "text/plain" in response.json()["detail"]
    page.refresh_from_db()
    assert page.page_curation_curation_status == "New"


def test_service_error_is_400(api, monkeypatch):
    from curation.services import CurationError

    def refuse(**kwargs):
        raise CurationError("refused for a reason")

    monkeypatch.setattr("curation.api.status_views.set_curation_status", refuse)
    page = PageFactory()
    response = api.put(URL, {"ids": [page.pk], "status": "Queued"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": "refused for a reason", "errors": {}}


# --- permissions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("perms", "expected"),
    [
        (None, 401),
        ([], 403),
        (["curation.view_page"], 403),
        (["curation.change_page"], 200),
    ],
)
def test_permission_matrix_for_status(perms, expected):
    page = PageFactory()
    client = APIClient()
    if perms is not None:
        client.force_authenticate(UserFactory(perms=perms))
    response = client.put(URL, {"ids": [page.pk], "status": "Queued"}, format="json")
    assert response.status_code == expected
    page.refresh_from_db()
    assert (page.page_curation_curation_status == "Queued") == (expected == 200)


@pytest.mark.parametrize(
    ("perms", "expected"),
    [
        (None, 401),
        ([], 403),
        (["curation.change_page"], 403),
        (["curation.view_page"], 200),
    ],
)
def test_permission_matrix_for_lists(perms, expected):
    page = PageFactory()
    client = APIClient()
    if perms is not None:
        client.force_authenticate(UserFactory(perms=perms))
    assert client.get("/api/v3/pages/").status_code == expected
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == expected


def test_token_auth():
    user = UserFactory(perms=["curation.change_page"])
    token = Token.objects.create(user=user)
    page = PageFactory()
    client = APIClient()
    body = json.dumps({"ids": [page.pk], "status": "Queued"})
    response = client.put(URL, body, content_type="application/json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.put(URL, body, content_type="application/json")
    assert response.status_code == 200
    assert StatusChange.objects.get().actor == user.username
    client.credentials(HTTP_AUTHORIZATION="Token wrong")
    assert client.put(URL, body, content_type="application/json").status_code == 401


def test_session_auth_needs_csrf():
    user = UserFactory(perms=["curation.change_page"])
    page = PageFactory()
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.put(URL, {"ids": [page.pk], "status": "Queued"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


# --- filtered variant ------------------------------------------------------------------------


def test_filtered_applies_to_every_matching_row(api):
    errors = PageFactory.create_batch(3, page_curation_curation_status="Error", page_type="contact")
    PageFactory(page_curation_curation_status="Error", page_type="about")
    PageFactory(page_curation_curation_status="New", page_type="contact")
    response = api.put(
        FILTERED_URL,
        {
            "status": "Queued",
            "filters": {"page_curation_curation_status": ["Error"], "page_type": "contact"},
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert sorted(response.json()["queued_ids"]) == sorted(p.pk for p in errors)
    audit = StatusChange.objects.get()
    assert audit.from_statuses == {"Error": 3} and audit.requested == 3


def test_filtered_search(api):
    match = PageFactory(url="https://a.example/contact-us")
    PageFactory(url="https://a.example/blog")
    response = api.put(
        FILTERED_URL, {"status": "Skipped", "filters": {"search": "contact-us"}}, format="json"
    )
    assert response.json()["updated_ids"] == [match.pk]


def test_filtered_empty_filters_need_all(api):
    PageFactory.create_batch(2)
    before = _statuses()
    for filters in ({}, {"page_type": ""}, {"page_type": []}):
        response = api.put(FILTERED_URL, {"status": "Queued", "filters": filters}, format="json")
        assert response.status_code == 400
        assert '"all": true' in response.json()["detail"]
    assert _statuses() == before
    response = api.put(FILTERED_URL, {"status": "Queued", "all": True}, format="json")
    assert response.status_code == 200 and response.json()["queued_count"] == 2


@pytest.mark.parametrize(
    ("filters", "problem"),
    [
        ({"nonsense": "1"}, "unknown filter"),
        ({"page_curation_curation_status": "Bogus"}, "page_curation_curation_status"),
        ({"domain": "abc"}, "domain"),
        ({"created_after": "yesterday"}, "created_after"),
    ],
)
def test_filtered_bad_filters_are_400(api, filters, problem):
    PageFactory()
    before = _statuses()
    response = api.put(FILTERED_URL, {"status": "Queued", "filters": filters}, format="json")
    assert response.status_code == 400
    assert problem in response.json()["detail"]
    assert "filters" in response.json()["errors"]
    assert _statuses() == before


def test_filtered_processing_null_filter(api):
    never = PageFactory()
    PageFactory(page_curation_processing_status="Complete")
    response = api.put(
        FILTERED_URL,
        {"status": "Queued", "filters": {"page_curation_processing_status": None}},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["queued_ids"] == [never.pk]
