"""schemathesis against the live schema with a token: every check, a bounded number of examples
and a fixed seed. No 5xx, no response outside the schema, no valid request refused and no
invalid one accepted."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from tests.factories import ContactFactory, PageFactory, SitemapFileFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True)]

EXAMPLES = 30  # per operation and phase; the coverage phase adds its boundary cases


@pytest.fixture
def token(settings):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The fuzzer sends thousands of requests: the throttle is tested on its own.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None},
    }
    user = UserFactory(is_superuser=True, is_staff=True)
    # Rows to find, page through and update (ids 1..n exist on a fresh table).
    PageFactory.create_batch(3)
    SitemapFileFactory.create_batch(2)
    ContactFactory.create_batch(2)
    return Token.objects.create(user=user).key


@pytest.fixture
def api_schema(live_server, token):
    return schemathesis.openapi.from_url(
        f"{live_server.url}/api/schema/?format=json",
        headers={"Authorization": f"Token {token}"},
    )


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, token):
    case.call_and_validate(headers={"Authorization": f"Token {token}"})
