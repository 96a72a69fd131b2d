"""A finisher group of pages goes in one statement (sql/015); a page whose values the database
rejects ends Error alone, and the rest of its group completes with every contact."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from engine_support import queue_pages_by_site

from curation.models import Contact, ContactSighting, Page
from processing.engine.runner import run_consumer
from processing.services import page_curation
from scrapersky.workflows import get_workflow

pytestmark = pytest.mark.django_db(transaction=True)

WF = get_workflow("page_curation")


class _Response:
    status_code = 200
    headers = {"content-type": "text/html; charset=utf-8"}
    content_type = "text/html"

    def __init__(self, url: str) -> None:
        self.final_url = url
        host = url.split("/")[2].replace(".example", "-plumbing.com")
        self.content = (
            f"<html><body><p>Write to info@{host} or page{url[-1]}@{host}</p></body></html>"
        ).encode()
        # One page claims a length PostgreSQL's integer column cannot hold.
        self.size = 2**40 if url.endswith("b.example/p2") else len(self.content)


class _Fetcher:
    def get(self, url: str, **_options):
        time.sleep(0.2)  # the pages finish together: the finisher writes them as one group
        return _Response(url)


def test_a_group_with_a_page_the_database_rejects_completes_the_others(monkeypatch):
    monkeypatch.setattr(page_curation, "get_fetcher", _Fetcher)
    groups: list[int] = []
    write_many = page_curation.PagePersist.persist_many

    def recorded(persists):
        groups.append(len(persists))
        write_many(persists)

    monkeypatch.setattr(page_curation.PagePersist, "persist_many", staticmethod(recorded))
    sites = queue_pages_by_site({"a": 3, "b": 3, "c": 3})
    bad = sites["b"][1][1]
    knobs = replace(WF.effective_knobs, batch_size=9, concurrency=9, time_budget=60)
    result = run_consumer(WF.name, knobs=knobs, handle_signals=False)

    assert (result.complete, result.errored) == (8, 1)
    assert max(groups) > 1  # pages went out together (then one by one, to find the bad one)
    failed = Page.objects.get(pk=bad)
    assert getattr(failed, WF.names.processing_field) == "Error"
    assert "integer out of range" in getattr(failed, WF.names.error_field)
    assert failed.fetched_at is None and not ContactSighting.objects.filter(page=failed).exists()
    for site, (domain_id, ids) in sites.items():
        good = [pk for pk in ids if pk != bad]
        assert set(
            Page.objects.filter(pk__in=good).values_list(WF.names.processing_field, flat=True)
        ) == {"Complete"}
        values = set(Contact.objects.filter(domain_id=domain_id).values_list("value", flat=True))
        host = f"{site}-plumbing.com"
        expected = {f"info@{host}"} | {
            f"page{Page.objects.get(pk=pk).url[-1]}@{host}" for pk in good
        }
        assert values == expected
        assert ContactSighting.objects.filter(page_id__in=good).count() == 2 * len(good)
