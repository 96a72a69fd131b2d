"""manage.py place_search: the admin form's and the API's checks, from the command line."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from curation.models import PlaceSearch

pytestmark = pytest.mark.django_db


def test_creates_and_queues(capsys, settings):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    call_command("place_search", "--category", "plumber", "--place", "Leeds, UK")
    search = PlaceSearch.objects.get()
    assert search.place_search_processing_status == "Queued"
    assert "created, queued" in capsys.readouterr().out


def test_a_box_without_queueing():
    call_command("place_search", "--query", "pizza", "--box", "53.7,-1.6,53.9,-1.4", "--no-queue")
    search = PlaceSearch.objects.get()
    assert (search.south, search.east) == (53.7, -1.4)
    assert search.place_search_processing_status is None


def test_refuses_two_wheres():
    with pytest.raises(CommandError, match="say where, one way"):
        call_command(
            "place_search", "--category", "plumber", "--place", "Leeds", "--box", "1,1,2,2"
        )
    with pytest.raises(CommandError, match="LAT,LON"):
        call_command("place_search", "--category", "plumber", "--point", "north")
    assert not PlaceSearch.objects.exists()
