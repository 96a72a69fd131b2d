"""schemathesis against the live schema with a token: ``--checks all``, a bounded number of
examples, deterministic generation. No 5xx, no response outside the schema, no valid request
refused and no invalid one accepted.

The CLI runs in a subprocess against ``live_server`` (the same command a person would run);
``schemathesis.toml`` beside this file holds the project's configuration, and the ids of rows
created here are handed to the detail routes so they answer 200s, not only 404s.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

from tests.factories import (
    ContactFactory,
    DomainFactory,
    PageFactory,
    SitemapFileFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True)]

EXAMPLES = 10  # per operation in the fuzzing phase; the coverage phase adds its boundary cases
CONFIG = Path(__file__).with_name("schemathesis.toml")
ST = Path(sys.executable).with_name("st")


@pytest.fixture
def token(settings):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Thousands of requests from one user: throttling has its own tests.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None},
    }
    user = UserFactory(is_superuser=True, is_staff=True)
    return Token.objects.create(user=user).key


def test_api_conforms_to_its_schema(live_server, token, tmp_path):
    rows = {
        "domains": DomainFactory(),
        "sitemap_files": SitemapFileFactory(),
        "pages": PageFactory(),
        "contacts": ContactFactory(),
    }
    config = CONFIG.read_text()
    for table, row in rows.items():
        config += (
            f'\n[[operations]]\ninclude-path = "/api/v3/{table}/{{id}}/"\n'
            f"parameters = {{ id = {row.pk} }}\n"
        )
    config_file = tmp_path / "schemathesis.toml"
    config_file.write_text(config)
    command = [
        str(ST),
        "--config-file",
        str(config_file),
        "run",
        f"{live_server.url}/api/schema/?format=json",
        "--header",
        f"Authorization: Token {token}",
        "--checks",
        "all",
        "--max-examples",
        str(EXAMPLES),
        "--generation-deterministic",
        "--workers",
        "1",
        "--no-color",
        "--request-timeout",
        "30",
    ]
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=900, check=False
    )
    report = "\n".join(line[:500] for line in result.stdout.splitlines())
    assert result.returncode == 0, report + result.stderr[-2000:]
    summary = report.split("SUMMARY")[-1]
    assert "Tested: " in summary and " passed" in summary and "failures" not in summary
