"""Politeness across machines (issue 27.3): two clusters on one database never have more than
PER_HOST_CONCURRENCY rows of one domain running at once (one row is one request at a time)."""

from __future__ import annotations

import itertools
from collections import defaultdict

import pytest
from django.db import connection
from engine_recording import spans
from engine_support import wait_for, worker_env

from processing.models import WorkerHeartbeat
from scrapersky.workflows import get_workflow
from tests.factories import DomainFactory, PageFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

WF = get_workflow("page_curation")
CAP = 2


def test_two_clusters_keep_each_domain_under_the_deployment_cap(workers, record_file):
    domains = [DomainFactory() for _ in range(4)]
    pages = {}
    for domain in domains:
        for _ in range(16):
            pages[PageFactory(domain=domain).pk] = domain.pk
    overrides = {WF.name: {"service": "engine_recording.record_span", "claim_per_domain": 4}}
    for _ in range(2):  # as if on two machines: each its own process tree and per-process gate
        env = worker_env(
            overrides,
            record_file,
            Q_WORKERS="2",
            ENGINE_RECORD_SLEEP="0.3",
            SCRAPERSKY_PER_HOST_CONCURRENCY=str(CAP),
            # Every worker looks for rows often: the one finishing a row would otherwise claim
            # the domain's next one before the others' poll, and run them all.
            SCRAPERSKY_IDLE_POLL_SECONDS="0.2",
        )
        workers.start(["qcluster"], env)
    started = lambda: WorkerHeartbeat.objects.count() >= 4  # noqa: E731
    assert wait_for(started, timeout=60), workers.log(workers.procs[0])
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE pages SET {WF.names.curation_field} = 'Queued',"
            f" {WF.names.processing_field} = 'Queued', {WF.names.col('queued_at')} = now()"
        )
    done = lambda: WF.model.objects.filter(**{WF.names.processing_field: "Complete"}).count()  # noqa: E731
    assert wait_for(lambda: done() == len(pages), timeout=90), workers.log(workers.procs[0])
    runs = spans(record_file)
    by_domain = defaultdict(list)
    for row_id, executions in runs.items():
        for start, end, _pgid, pid in executions:
            by_domain[pages[row_id]].append((start, end, pid))
    assert len({pid for rows in by_domain.values() for _s, _e, pid in rows}) >= 2
    for domain, rows in by_domain.items():
        events = sorted(
            itertools.chain.from_iterable(((s, 1), (e, -1)) for s, e, _pid in rows),
            key=lambda ev: (ev[0], ev[1]),
        )
        running = peak = 0
        for _at, step in events:
            running += step
            peak = max(peak, running)
        assert peak <= CAP, (domain, peak)
