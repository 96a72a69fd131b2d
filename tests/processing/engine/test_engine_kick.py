"""A kick enqueues one consumer task (or as many as configured); a burst of kicks is folded."""

from __future__ import annotations

import time

import pytest
from django_q.models import OrmQ

from processing.engine import kick

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_kick_enqueues_one_consumer_task_whatever_the_number_of_workers(settings):
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "workers": 3}
    assert kick.kick_consumer("page_curation") is True
    assert [task.func() for task in OrmQ.objects.all()] == [
        "processing.tasks.process_page_curation_queue"
    ]


def test_setting_overrides_the_number_of_consumers(settings):
    settings.SCRAPERSKY_KICK_CONSUMERS = 3
    kick.kick_consumer("sitemap_import")
    assert OrmQ.objects.count() == 3


def test_a_burst_is_folded_into_one_trailing_kick(settings):
    settings.SCRAPERSKY_KICK_CONSUMERS = 1
    assert kick.kick_consumer("sitemap_discovery") is True
    assert kick.kick_consumer("sitemap_discovery") is False
    assert kick.kick_consumer("sitemap_discovery") is False
    deadline = time.monotonic() + 5
    while OrmQ.objects.count() < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(kick.DEBOUNCE_SECONDS)
    assert OrmQ.objects.count() == 2  # the first kick, and one trailing kick for the burst


def test_kicks_can_be_turned_off(settings):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    assert kick.kick_consumer("page_curation") is False
    assert not OrmQ.objects.exists()
