"""The offline demo: fictional domains imported once, workers pointed at the loopback sites."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from curation.models import Domain
from ops.demo import demo_environment, demo_sites
from ops.demo.city import offline_sites

pytestmark = pytest.mark.django_db


def test_demo_imports_its_domains_once(capsys):
    call_command("demo")
    call_command("demo")
    out = capsys.readouterr().out
    assert "5 row(s): 5 created" in out
    assert "5 row(s): 0 created, 5 duplicate" in out
    assert set(Domain.objects.values_list("domain", "source")) == {
        (site.host, "demo") for site in demo_sites()
    }


def test_demo_environment_points_the_fetcher_at_loopback():
    env = demo_environment(8499)
    assert env["SCRAPERSKY_FETCH_ALLOWED_NETWORKS"] == "127.0.0.0/8"
    pairs = dict(p.split("=") for p in env["SCRAPERSKY_FETCH_CONNECT_TO"].split(","))
    assert pairs["brightwater-plumbing.demo:80"] == "127.0.0.1:8499"
    assert len(pairs) == len(offline_sites())


def test_demo_environment_points_the_places_providers_at_loopback():
    env = demo_environment(8499)
    assert env["SCRAPERSKY_PLACES_NOMINATIM_URL"] == "http://127.0.0.1:8500"
    assert env["SCRAPERSKY_PLACES_OVERPASS_URL"] == "http://127.0.0.1:8500/api/interpreter"
    assert env["SCRAPERSKY_PLACES_GOOGLE_URL"] == "http://127.0.0.1:8500"
    assert env["SCRAPERSKY_PLACES_ALLOWED_NETWORKS"] == "127.0.0.0/8"
