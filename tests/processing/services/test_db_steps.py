"""Services' database steps run on the worker process's database threads, never on row threads:
rows in flight hold no PostgreSQL connection, whatever the service reads or writes meanwhile."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection
from django.db.backends.signals import connection_created
from hostile_web import Answer, HostileWeb

from curation.models import Domain, LeadDelivery, Page, SitemapFile
from curation.services import set_curation_status
from processing.db_steps import db_step, row_thread
from processing.engine.runner import run_consumer
from processing.fetcher import get_fetcher
from scrapersky.workflows import Knobs
from tests.factories import ContactFactory
from tests.processing.delivery.receivers import WebhookReceiver

pytestmark = pytest.mark.django_db(transaction=True)

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
SITES = 6


def _urlset(host: str, part: str, count: int) -> Answer:
    urls = "".join(f"<url><loc>http://{host}/{part}/{i}</loc></url>" for i in range(count))
    return Answer(f'<?xml version="1.0"?><urlset {NS}>{urls}</urlset>')


def _site(host: str) -> dict[str, Answer]:
    index = "".join(f"<sitemap><loc>http://{host}/{p}.xml</loc></sitemap>" for p in "ab")
    return {
        "/robots.txt": Answer(f"Sitemap: http://{host}/index.xml\n", content_type="text/plain"),
        "/": Answer("<html><body><h1>Shop</h1></body></html>", content_type="text/html"),
        "/index.xml": Answer(f'<?xml version="1.0"?><sitemapindex {NS}>{index}</sitemapindex>'),
        "/a.xml": _urlset(host, "a", 3),
        "/b.xml": _urlset(host, "b", 2),
    }


WEB = {f"shop{i}.demo": _site(f"shop{i}.demo") for i in range(SITES)}
WEB["allfail.demo"] = {"*": Answer("oops", status=500, content_type="text/plain")}


@pytest.fixture
def web(settings):
    with HostileWeb(WEB) as hostile:
        settings.SCRAPERSKY_FETCHER = {
            "ALLOWED_NETWORKS": ["127.0.0.0/8"],
            "CONNECT_TO": hostile.connect_to,
            "RETRIES": 0,
        }
        settings.SCRAPERSKY_KICK_ON_QUEUE = False
        settings.SCRAPERSKY_AUTO_QUEUE_SITEMAPS = True
        settings.SCRAPERSKY_DB_THREADS = 2  # a new pool: its threads connect in this test
        yield hostile
        get_fetcher().close()


@pytest.fixture
def connects():
    """The names of the threads that opened a database connection meanwhile."""
    names: list[str] = []

    def opened(sender, connection, **kwargs):
        names.append(threading.current_thread().name)

    connection_created.connect(opened, weak=False, dispatch_uid="test_db_steps")
    yield names
    connection_created.disconnect(dispatch_uid="test_db_steps")


def queue(workflow: str, ids: list[int]) -> None:
    set_curation_status(
        workflow=workflow, status="Queued", ids=ids, actor="test", channel="command"
    )


def row_threads(names: list[str]) -> list[str]:
    return [name for name in names if "-row" in name]


def test_a_step_outside_a_row_thread_runs_in_the_callers_thread():
    assert db_step(threading.current_thread) is threading.current_thread()


def test_row_threads_steps_run_on_the_few_database_threads_and_raise_there(settings):
    settings.SCRAPERSKY_DB_THREADS = 2
    ran_on: list[str] = []

    def step(i: int) -> int:
        ran_on.append(threading.current_thread().name)
        time.sleep(0.02)
        if i == 3:
            raise ValueError("row 3's step failed")
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s + 1", [i])
            return cursor.fetchone()[0]

    results: dict[int, object] = {}

    def row(i: int) -> None:
        with row_thread():
            try:
                results[i] = db_step(step, i)
            except ValueError as exc:
                results[i] = str(exc)
            results[f"conn{i}"] = connection.connection is not None

    threads = [threading.Thread(target=row, args=(i,), name=f"t-row-{i}") for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {i: results[i] for i in range(12)} == {
        i: ("row 3's step failed" if i == 3 else i + 1) for i in range(12)
    }
    assert not any(results[f"conn{i}"] for i in range(12))  # the row threads never connected
    assert len(ran_on) == 12 and 1 <= len(set(ran_on)) <= 2
    assert all(name.startswith("db-step-") for name in ran_on)


def test_services_reading_and_writing_meanwhile_hold_no_connection_on_row_threads(
    web, connects, settings
):
    """Discovery (its failure record), the streaming import (fenced chunks) and lead_sync (reads
    before, a record after each send) on real loopback servers: only the database threads and
    the engine's own threads connect."""
    domains = [Domain.objects.create(domain=host) for host in sorted(WEB)]
    queue("sitemap_discovery", [d.pk for d in domains])
    run_consumer("sitemap_discovery", handle_signals=False, knobs=Knobs(max_attempts=1))
    failed = Domain.objects.get(domain="allfail.demo")
    assert failed.sitemap_discovery_processing_status == "Error"
    # The failure's record, written by a database step while the row thread waited.
    assert failed.sitemap_discovery_record["robots"]["http_status"] == 500
    assert SitemapFile.objects.filter(sitemap_import_curation_status="Queued").count() == SITES

    run_consumer("sitemap_import", handle_signals=False)
    assert set(SitemapFile.objects.values_list("sitemap_import_processing_status", flat=True)) == {
        "Complete",
        None,  # the children of each index, read as part of it
    }
    assert Page.objects.count() == SITES * 5

    hook = WebhookReceiver("s3cret-for-the-tests-only")
    try:
        settings.SCRAPERSKY_WEBHOOKS = [
            {"name": "n8n", "url": hook.url, "secret": "s3cret-for-the-tests-only"}
        ]
        settings.SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS = ["127.0.0.0/8"]
        shops = [d for d in domains if d.domain != "allfail.demo"]
        for shop in shops:
            ContactFactory(domain=shop, kind="email", value=f"info@{shop.domain}")
        queue("lead_sync", [d.pk for d in shops])
        run_consumer("lead_sync", handle_signals=False)
    finally:
        hook.close()
    assert LeadDelivery.objects.filter(sends=1).count() == len(shops)
    assert hook.requests == len(shops)

    assert row_threads(connects) == []
    assert any(name.startswith("db-step-") for name in connects)
