"""Bad input is a JSON 4xx, never a 500; an unreachable database is a JSON 503 with Retry-After."""

from __future__ import annotations

import socket

import pytest
from django.core.cache import cache
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import ContactFactory, PageFactory, UserFactory

pytestmark = [pytest.mark.django_db]

FILTERED_URL = "/api/v3/pages/status/filtered"


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False


@pytest.fixture
def api():
    client = APIClient()
    client.force_authenticate(UserFactory(is_superuser=True))
    return client


def assert_json_error(response, status: int, fragment: str = "") -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert fragment in body["detail"], body
    return body


BAD_QUERIES = [
    ("id=abc", "id"),
    ("id=1,abc", "id"),
    ("id=1.5", "id"),
    ("id=0", "id"),
    (f"id={2**63}", "id"),
    ("domain=abc", "domain"),
    ("domain=1e400", "domain"),
    ("http_status=99999999999999999999", "http_status"),
    ("http_status=NaN", "http_status"),
    ("has_contact_form=maybe", "has_contact_form"),
    ("created_before=yesterday", "created_before"),
    ("created_after=2026-13-45T00:00:00Z", "created_after"),
    ("page_type=bogus", "page_type"),
    ("search=a%00b", "search"),
    ("ordering=password", "ordering"),
    ("ordering=--id", "ordering"),
    ("page_size=0", "page_size"),
    ("page_size=abc", "page_size"),
]


@pytest.mark.parametrize(("query", "field"), BAD_QUERIES)
def test_bad_list_filters_are_400_naming_the_filter(api, query, field):
    PageFactory()
    body = assert_json_error(api.get(f"/api/v3/pages/?{query}"), 400, field)
    assert field in body["errors"]


@pytest.mark.parametrize(
    "query", ["id=abc", "created_before=2020-01-01T00:00:00%2B16:00x", "domain=1 OR 1=1"]
)
def test_bad_export_filters_are_json_400(api, query):
    ContactFactory()
    assert_json_error(api.get(f"/api/v3/contacts/export.csv?{query}"), 400)


@pytest.mark.parametrize(
    "filters",
    [
        {"id": "1 OR 1=1"},
        {"id": [1, "x"]},
        {"domain": 1.5},
        {"http_status": "404"},
        {"has_contact_form": "yes"},
        {"page_type": {"a": 1}},
        {"created_after": 5},
        {"search": ["a", "b"]},
    ],
)
def test_bad_filtered_status_bodies_are_400_and_change_nothing(api, filters):
    page = PageFactory()
    response = api.put(FILTERED_URL, {"status": "Queued", "filters": filters}, format="json")
    body = assert_json_error(response, 400, "filters.")
    assert "filters" in body["errors"]
    page.refresh_from_db()
    assert page.page_curation_curation_status == "New"


def test_filtered_status_takes_a_list_of_ids(api):
    pages = PageFactory.create_batch(3)
    response = api.put(
        FILTERED_URL,
        {"status": "Skipped", "filters": {"id": [pages[0].pk, pages[2].pk]}},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert sorted(response.json()["updated_ids"]) == [pages[0].pk, pages[2].pk]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("created_before=2999-01-01T00:00:00%2B16:00", True),  # PostgreSQL allows +15:59 at most
        ("created_before=2999-01-01T00:00:00-23:59", True),
        ("created_after=2000-01-01T00:00:00%2B23:59", True),
        ("created_after=0001-01-01T00:00:00%2B01:00", True),  # before year 1 in UTC: clamped
        ("created_before=0001-01-01T00:00:00%2B01:00", False),
        ("created_after=9999-12-31T23:59:59-01:00", False),  # after year 9999 in UTC: clamped
        ("created_after=2000-01-01", True),
        ("created_before=", True),  # empty means "not given"
    ],
)
def test_dates_with_any_offset_filter_instead_of_failing(api, query, found):
    page = PageFactory()
    response = api.get(f"/api/v3/pages/?{query}")
    assert response.status_code == 200, response.content
    assert (page.pk in [row["id"] for row in response.json()["results"]]) is found


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "cD1hYmM=",  # p=abc on the id ordering
        "cD0xJTAwMg==",  # p=1%002
    ],
)
def test_hand_made_cursors_are_404_not_500(api, cursor):
    PageFactory()
    assert_json_error(api.get(f"/api/v3/pages/?cursor={cursor}"), 404, "Invalid cursor")


def test_hand_made_date_cursor_with_a_wild_offset(api):
    import base64

    page = PageFactory()
    position = base64.b64encode(b"p=2999-01-01 00:00:00%2B16:00").decode()
    response = api.get(f"/api/v3/pages/?ordering=-created_at&cursor={position}")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [page.pk]


@pytest.mark.parametrize("debug", [False, True])
def test_unknown_api_paths_are_json_404_even_with_debug(api, settings, debug):
    settings.DEBUG = debug
    body = assert_json_error(api.get("/api/v3/nothing-here/"), 404, "/api/v3/nothing-here/")
    assert "urlpatterns" not in str(body)


def test_unsupported_methods_are_json_405_with_allow(api):
    response = api.delete("/api/v3/pages/")
    assert_json_error(response, 405)
    assert "GET" in response["Allow"]


def test_over_size_body_is_json_413_naming_the_limit(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = api.post(
        "/api/v3/domains/submit", {"domains": ["example.com"] * 2_000}, format="json"
    )
    assert_json_error(response, 413, "10,000 bytes")
    response = api.put(
        FILTERED_URL, {"status": "Queued", "filters": {"search": "x" * 20_000}}, format="json"
    )
    assert_json_error(response, 413, "DATA_UPLOAD_MAX_MEMORY_SIZE")


def test_schema_documents_the_errors_and_the_rules(api):
    schema = api.get("/api/schema/?format=json").json()
    list_op = schema["paths"]["/api/v3/pages/"]["get"]
    assert {"200", "400", "401", "403", "404", "429", "503"} <= set(list_op["responses"])
    assert "Retry-After" in list_op["responses"]["503"]["headers"]
    params = {p["name"]: p["schema"] for p in list_op["parameters"]}
    assert params["domain"]["items"]["type"] == "integer"  # repeated: ?domain=1&domain=2
    assert params["domain__in"]["items"]["type"] == "integer"
    assert params["id"]["items"]["type"] == "integer"
    body = schema["components"]["schemas"]["PageStatusUpdateRequest"]
    assert body["properties"]["ids"]["minItems"] == 1
    domain = schema["components"]["schemas"]["Domain"]
    assert "domain_name" not in domain["properties"]
    assert "domain_name" in schema["components"]["schemas"]["Page"]["required"]
    filters = schema["components"]["schemas"]["PageFilteredStatusUpdateRequest"]
    assert filters["properties"]["filters"]["additionalProperties"] is False
    # Every row a list returns carries what the schema marks required.
    page = PageFactory()
    row = api.get(f"/api/v3/pages/{page.pk}/").json()
    assert set(schema["components"]["schemas"]["Page"]["required"]) <= set(row)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture
def database_down():
    """Point this process's connection at a port nobody listens on; restore afterwards.

    Other test processes use their own connections and databases and are not touched."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(_closed_port()))
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.mark.django_db(transaction=True)
def test_database_outage_is_json_503_with_retry_after(database_down_after_token):
    token = database_down_after_token
    client = APIClient()
    response = client.get("/api/v3/pages/", HTTP_AUTHORIZATION=f"Token {token}")
    body = assert_json_error(response, 503, "database is unavailable")
    assert body["errors"] == {}
    assert response["Retry-After"] == "5"
    response = client.put(
        FILTERED_URL,
        {"status": "Queued", "all": True},
        format="json",
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert_json_error(response, 503)
    # Outside the API (the admin's session lookup) it is a plain 503, not an HTML 500.
    client.cookies["sessionid"] = "a-session-key-that-needs-the-database"
    admin = client.get("/admin/")
    assert admin.status_code == 503 and admin["Retry-After"] == "5"


@pytest.fixture
def database_down_after_token(request):
    token = Token.objects.create(user=UserFactory(is_superuser=True)).key
    request.getfixturevalue("database_down")
    yield token


def test_throttled_user_gets_json_429_with_retry_after(settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": "3/minute"},
    }
    client = APIClient()
    client.force_authenticate(UserFactory(is_superuser=True))
    for _ in range(3):
        assert client.get("/api/v3/pages/").status_code == 200
    response = client.get("/api/v3/pages/")
    assert_json_error(response, 429, "throttled")
    assert 0 < int(response["Retry-After"]) <= 60
    other = APIClient()
    other.force_authenticate(UserFactory(is_superuser=True))
    assert other.get("/api/v3/pages/").status_code == 200  # per user
    cache.clear()


def test_anonymous_rate_applies_to_public_docs(settings):
    cache.clear()
    settings.SCRAPERSKY_API_DOCS_PUBLIC = True
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": None},
    }
    client = APIClient()
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/schema/").status_code == 200
    response = client.get("/api/schema/")
    assert_json_error(response, 429)
    assert "Retry-After" in response
    cache.clear()


def test_default_rates_are_generous(settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert rates == {"anon": "60/minute", "user": "1200/minute", "token_failures": "20/minute"}


def test_an_unexpected_error_under_the_api_is_a_json_500(monkeypatch):
    from curation.api import root

    def broken(self, request):
        raise RuntimeError("a bug")

    monkeypatch.setattr(root.ApiRootView, "get", broken)
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(UserFactory(is_superuser=True))
    assert_json_error(client.get("/api/v3/"), 500, "Internal Server Error")
