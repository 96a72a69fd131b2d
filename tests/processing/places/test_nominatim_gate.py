"""Nominatim's one request a second holds across worker processes (a real django-q2 cluster)."""

from __future__ import annotations

import itertools
import time

import pytest

from curation.models import PlaceSearch
from curation.services import set_curation_status
from ops.demo.places import DEMO_CITY, PlacesServer
from scrapersky.status import Status
from tests.factories import PlaceSearchFactory
from tests.qcluster import qcluster

TOWNS = 6


@pytest.mark.django_db(transaction=True)
def test_one_request_a_second_with_two_worker_processes(tmp_path, settings):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    server = PlacesServer().start()
    try:
        for i in range(TOWNS):  # distinct names: every search misses the cache
            server.add_place(f"Town {i}", **{k: v for k, v in DEMO_CITY.items() if k != "name"})
        searches = [PlaceSearchFactory(place=f"Town {i}") for i in range(TOWNS)]
        set_curation_status(
            workflow="place_search",
            status=Status.QUEUED,
            ids=[s.pk for s in searches],
            actor="test",
            channel="command",
        )
        env = {
            "Q_WORKERS": "2",
            "SCRAPERSKY_KICK_ON_QUEUE": "false",
            "SCRAPERSKY_PLACES_NOMINATIM_URL": server.url,
            "SCRAPERSKY_PLACES_OVERPASS_URL": f"{server.url}/api/interpreter",
            "SCRAPERSKY_PLACES_ALLOWED_NETWORKS": "127.0.0.0/8",
        }
        log = tmp_path / "cluster.log"
        with qcluster(log, **env):
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                done = PlaceSearch.objects.filter(place_search_processing_status="Complete")
                if done.count() == TOWNS:
                    break
                time.sleep(0.2)
        states = list(
            PlaceSearch.objects.values_list(
                "place_search_processing_status", "place_search_processing_error"
            )
        )
        assert all(s == "Complete" for s, _e in states), (states, log.read_text()[-3000:])
        times = sorted(t for t, _agent in server.nominatim_requests)
        assert len(times) == TOWNS
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert min(gaps) >= 0.95, gaps  # the gate's slots are 1 s apart (server clock)
    finally:
        server.stop()
