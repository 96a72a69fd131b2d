"""Fixtures of the places tests: the loopback places service, configured in settings."""

from __future__ import annotations

import pytest

from ops.demo.places import PlacesServer


@pytest.fixture
def places(settings):
    server = PlacesServer().start()
    for name, value in server.settings().items():
        setattr(settings, name, value)
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    yield server
    server.stop()
