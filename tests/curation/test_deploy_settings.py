"""Deployment settings from the environment: `check --deploy` clean with the HTTPS variables set,
the Content-Security-Policy header, and one-line errors for bad values."""

from __future__ import annotations

import secrets

import pytest

from tests.curation.test_configuration import assert_one_line_error, run_manage
from tests.factories import UserFactory

HTTPS = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DEBUG": "false",
    "ALLOWED_HOSTS": "scrapersky.example.com",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "SESSION_COOKIE_SECURE": "true",
    "CSRF_COOKIE_SECURE": "true",
    "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
}


def test_check_deploy_is_clean_with_the_https_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **HTTPS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_names_what_is_missing_without_them():
    env = {k: v for k, v in HTTPS.items() if not k.startswith("SECURE_")}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"SECURE_HSTS_SECONDS": "a year"}, "SECURE_HSTS_SECONDS"),
        ({"SECURE_SSL_REDIRECT": "maybe"}, "SECURE_SSL_REDIRECT"),
        ({"SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO"}, "SECURE_PROXY_SSL_HEADER"),
        ({"SCRAPERSKY_API_THROTTLE_USER": "lots"}, "SCRAPERSKY_API_THROTTLE_USER"),
        ({"SCRAPERSKY_API_DOCS_PUBLIC": "perhaps"}, "SCRAPERSKY_API_DOCS_PUBLIC"),
    ],
)
def test_bad_values_are_one_line(env, fragment):
    assert_one_line_error(run_manage("check", **env), fragment)


@pytest.mark.django_db
def test_https_settings_apply(settings, client):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    response = client.get("/api/v3/")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    # A load balancer probes /health/ over plain http: it is answered, not redirected.
    assert client.get("/health/?check=web").status_code == 200
    secure = client.get("/health/?check=web", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=3600"


@pytest.mark.django_db
def test_every_page_carries_the_content_security_policy(client):
    response = client.get("/admin/login/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_the_dashboard_script_carries_the_nonce_of_the_policy(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()
