"""schemathesis against the live schema with a token: ``--checks all``, a bounded number of
examples, deterministic generation. No 5xx, no response outside the schema, no valid request
refused and no invalid one accepted.

The CLI runs in a subprocess against ``live_server`` (the same command a person would run);
``schemathesis.toml`` beside this file holds the project's configuration, and the ids of rows
created here are handed to the detail routes so they answer 200s, not only 404s.

The operations are run in groups, one pytest test each, so that ``pytest -n`` spreads them over
processes (schemathesis' own ``--workers`` shares hypothesis between threads, which is not
thread-safe: "AST constructor recursion depth mismatch"). The stateful phase follows links
between operations of every group, so it runs once over all of them.
"""

from __future__ import annotations

import re
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


# Every path of the schema belongs to exactly one group (the last test checks it).
GROUPS = {
    "domains": r"^/api/v3/domains/",
    "sitemap_files": r"^/api/v3/sitemap_files/",
    "pages": r"^/api/v3/pages/",
    "contacts": r"^/api/v3/contacts/",
    "places": r"^/api/v3/(place_searches|businesses)/",
    "people_changes_root": r"^/api/v3/((people|changes)/.*)?$",
}
STATELESS = "examples,coverage,fuzzing"


@pytest.mark.parametrize(
    ("phases", "paths"),
    [*((STATELESS, regex) for regex in GROUPS.values()), ("stateful", None)],
    ids=[*GROUPS, "stateful"],
)
def test_api_conforms_to_its_schema(live_server, token, tmp_path, phases, paths):
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
        "--phases",
        phases,
        *(("--include-path-regex", paths) if paths else ()),
    ]
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=900, check=False
    )
    report = "\n".join(line[:500] for line in result.stdout.splitlines())
    assert result.returncode == 0, report + result.stderr[-2000:]
    summary = report.split("SUMMARY")[-1]
    assert "Tested: " in summary and " passed" in summary and "failures" not in summary


def test_every_path_of_the_schema_is_in_one_group():
    from drf_spectacular.generators import SchemaGenerator

    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    for path in paths:
        groups = [name for name, regex in GROUPS.items() if re.search(regex, path)]
        assert len(groups) == 1, (path, groups)
