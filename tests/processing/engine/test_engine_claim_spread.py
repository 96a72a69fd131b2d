"""The spread claim: a batch of pages goes round the domains, at most ``per_domain`` of each."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from engine_support import queue_pages_by_site

from processing.engine import claims
from scrapersky.workflows import get_workflow
from tests.locking import beside_an_open_transaction

pytestmark = pytest.mark.django_db(transaction=True)

WF = "page_curation"


def _queue_pages(per_site: dict[str, int]) -> dict[str, list[int]]:
    """Pages queued site after site; ids per site, oldest first."""
    return {site: pages for site, (_domain, pages) in queue_pages_by_site(per_site).items()}


def _claim(token: str, batch: int, per_domain: int, rotation=None) -> list[int]:
    return sorted(
        r.pk
        for r in claims.claim_rows(
            get_workflow(WF),
            token=token,
            batch_size=batch,
            lease_seconds=60,
            per_domain=per_domain,
            rotation=rotation,
        )
    )


def test_a_batch_takes_at_most_per_domain_rows_of_a_site_oldest_first():
    ids = _queue_pages({"a": 10, "b": 10, "c": 10})
    a, b, c = ids["a"], ids["b"], ids["c"]
    assert _claim("t1", 5, 2) == sorted(a[:2] + b[:2] + c[:1])
    assert _claim("t2", 6, 2) == sorted(a[2:4] + b[2:4] + c[1:3])
    # Without the cap, the oldest rows: the rest of the first site.
    assert _claim("t3", 5, 0) == a[4:9]


def test_a_single_site_queue_is_still_claimed_a_few_rows_at_a_time():
    [only] = _queue_pages({"solo": 7}).values()
    assert _claim("t1", 50, 3) == only[:3]
    assert _claim("t2", 50, 3) == only[3:6]
    assert _claim("t3", 50, 3) == only[6:]
    assert _claim("t4", 50, 3) == []


def test_spread_claims_on_two_connections_are_disjoint():
    ids = _queue_pages({"a": 6, "b": 6, "c": 6})
    # The first claim is uncommitted: its rows are locked, so skipped, not waited for; the
    # second takes the next rows of the same domains.
    first, second = beside_an_open_transaction(lambda: _claim("x", 2, 1), lambda: _claim("y", 2, 1))
    assert first == [ids["a"][0], ids["b"][0]]
    assert second == [ids["a"][1], ids["b"][1]]
    wf = get_workflow(WF)
    held = wf.model.objects.filter(**{wf.names.processing_field: "Processing"})
    assert held.count() == len(first) + len(second)


def test_a_run_s_claims_go_round_the_domains_and_wrap():
    ids = _queue_pages({"a": 5, "b": 5, "c": 5})
    a, b, c = ids["a"], ids["b"], ids["c"]
    rotation = claims.Rotation()
    assert _claim("t1", 2, 1, rotation) == [a[0], b[0]]
    # After b: c, then round again from the first domain.
    assert _claim("t2", 2, 1, rotation) == sorted([c[0], a[1]])
    assert _claim("t3", 2, 1, rotation) == [b[1], c[1]]
    assert _claim("t4", 4, 2, rotation) == sorted(a[2:4] + b[2:4])


def test_a_domain_queued_behind_a_backlog_is_claimed_in_the_next_round():
    ids = _queue_pages({"big1": 300, "big2": 300, "late": 3})
    rotation = claims.Rotation()
    first = _claim("t1", 8, 4, rotation)
    assert first == ids["big1"][:4] + ids["big2"][:4]
    # First in, first out would reach the late domain after 600 rows; the walk reaches it next.
    second = _claim("t2", 8, 4, rotation)
    assert set(ids["late"]) <= set(second)
    assert second == sorted(ids["big1"][4:8] + ids["late"] + ids["big2"][4:5])


def test_rows_in_backoff_are_passed_over_and_the_walk_goes_on():
    ids = _queue_pages({"a": 3, "b": 3, "c": 3})
    wf = get_workflow(WF)
    wf.model.objects.filter(pk__in=ids["b"]).update(
        **{wf.names.col("next_attempt_at"): timezone.now() + timedelta(minutes=5)}
    )
    assert _claim("t1", 4, 2) == sorted(ids["a"][:2] + ids["c"][:2])


def test_domains_the_run_passes_over_give_no_rows_and_the_walk_goes_on():
    ids = _queue_pages({"a": 3, "b": 3, "c": 3})
    domain_of_b = get_workflow(WF).model.objects.get(pk=ids["b"][0]).domain_id
    got = sorted(
        r.pk
        for r in claims.claim_rows(
            get_workflow(WF),
            token="t1",
            batch_size=4,
            lease_seconds=60,
            per_domain=2,
            skip_domains=[domain_of_b],
        )
    )
    assert got == sorted(ids["a"][:2] + ids["c"][:2])
    assert _claim("t2", 4, 2) == sorted(ids["a"][2:] + ids["b"][:2] + ids["c"][2:])[:4]


def test_the_cap_is_ignored_for_rows_without_a_domain():
    wf = get_workflow("sitemap_discovery")
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO domains (domain, {wf.names.curation_field}, {wf.names.processing_field},
                                 {wf.names.col("queued_at")})
            SELECT 's' || g || '.example', 'Queued', 'Queued', clock_timestamp()
              FROM generate_series(1, 4) g"""
        )
    got = sorted(
        r.pk for r in claims.claim_rows(wf, token="t", batch_size=3, lease_seconds=60, per_domain=1)
    )
    assert len(got) == 3
