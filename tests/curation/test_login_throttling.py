"""Guessing is braked: admin passwords (django-axes) and API tokens (counted per address)."""

from __future__ import annotations

import secrets

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token

from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db]

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture(autouse=True)
def _clean(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


def login(client, username, password, address="198.51.100.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_wrong_admin_passwords_lock_the_user_and_address_out(client, settings):
    user = UserFactory(username="curator", is_staff=True, perms=["curation.view_page"])
    user.set_password("right horse battery")
    user.save()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "curator", "guess").status_code == 200  # the form, with its error
    # The limit reached: locked out, and then the right password does not log in either.
    assert login(client, "curator", "guess").status_code == 429
    response = login(client, "curator", "right horse battery")
    assert response.status_code == 429
    assert not logged_in(client)
    # Another address is not locked (an office behind one address is not locked out by one
    # mistyping colleague either: the lock is per user name and address).
    assert login(client, "curator", "right horse battery", address="203.0.113.9").status_code == 302
    assert logged_in(client)


def test_a_success_resets_the_count(client, settings):
    user = UserFactory(username="curator", is_staff=True, perms=["curation.view_page"])
    user.set_password("right horse battery")
    user.save()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "curator", "typo")
    assert login(client, "curator", "right horse battery").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "curator", "typo").status_code == 200


def test_wrong_api_tokens_are_throttled_per_client_address(client, settings):
    limit = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token_failures"].split("/")[0])
    user = UserFactory(perms=["curation.view_page"])
    good = Token.objects.create(user=user).key

    def get(token, address="198.51.100.7"):
        return client.get(
            "/api/v3/pages/", HTTP_AUTHORIZATION=f"Token {token}", REMOTE_ADDR=address
        )

    answers = [get(secrets.token_hex(20)).status_code for _ in range(limit)]
    assert answers == [401] * limit
    refused = get(secrets.token_hex(20))
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Too many failed token attempts" in refused.json()["detail"]
    # The address is refused before any token is looked up; another address is not.
    assert get(good).status_code == 429
    assert get(good, address="203.0.113.9").status_code == 200
    assert get(secrets.token_hex(20), address="203.0.113.9").status_code == 401


def test_valid_tokens_do_not_count(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "token_failures": "2/minute",
            "user": None,
        },
    }
    token = Token.objects.create(user=UserFactory(perms=["curation.view_page"])).key
    for _ in range(5):
        response = client.get("/api/v3/pages/", HTTP_AUTHORIZATION=f"Token {token}")
        assert response.status_code == 200
