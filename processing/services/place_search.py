"""Workflow `place_search`: Ask a places service (OpenStreetMap or Google Places) for the businesses
of a category in an area, page through every result and upsert them.

Source table: `place_searches`; destination: `businesses`. Estimated time per record: 1-60 seconds
(one geocode, then one request per result page or tile). Fields needed: provider, category, query,
tag_filter, place, point and radius or bounding box, result_limit. Validation: what and where
checked at the edge; the provider's answers checked on reading.

The engine calls ``process_single_place_search_for_place_search(row)`` outside any transaction
with a claimed ``PlaceSearch`` row: the provider is asked there (``processing.places.search``,
with the provider's rules: Nominatim's gate and cache, Overpass's remarks, Google's paging and
tiles), and ``persist()`` upserts what it found in the engine's transaction: businesses once per
provider and provider id (a business found again is refreshed and linked to this search, never
duplicated), in key order so that two searches writing the same businesses never deadlock; the
search's sightings; and the row's record of the run (results, new businesses, pages, queries,
the area searched, warnings). Provider failures arrive as ``TransientError`` (timeouts, 429,
5xx, an Overpass timeout remark, malformed JSON) or ``PermanentError`` (an unknown place, an
invalid key, a refused query).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from django.db.models import Q
from django.utils import timezone

from curation.models.places import Business, BusinessSighting, PlaceSearch
from processing.places.records import Found, Outcome
from processing.places.search import run_search

#: what a new sighting of a known business refreshes (first_seen_at and the curation stay)
REFRESHED = [
    "provider_url",
    "name",
    "categories",
    "address",
    "street",
    "city",
    "postcode",
    "region",
    "country",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "opening_hours",
    "rating",
    "rating_count",
    "business_status",
    "raw",
    "last_seen_at",
]
BATCH = 1000


def process_single_place_search_for_place_search(row: PlaceSearch) -> Callable[[], None]:
    """Ask the row's provider; return the persist() that records what it found."""
    outcome = run_search(row)
    return lambda: persist(row.pk, outcome)


def persist(search_id: int, outcome: Outcome) -> None:
    """Upsert the businesses, link them to the search, record the run on the search row."""
    unique: dict[tuple[str, str], Found] = {}
    for found in outcome.found:
        unique.setdefault((found.provider, found.provider_id), found)
    keys = sorted(unique)
    known = _known(keys)
    now = timezone.now()
    businesses = [Business(**asdict(unique[key]), last_seen_at=now) for key in keys]
    for start in range(0, len(businesses), BATCH):
        Business.objects.bulk_create(
            businesses[start : start + BATCH],
            update_conflicts=True,
            unique_fields=["provider", "provider_id"],
            update_fields=REFRESHED,
        )
    BusinessSighting.objects.bulk_create(
        [BusinessSighting(business_id=b.pk, place_search_id=search_id) for b in businesses],
        ignore_conflicts=True,
        batch_size=BATCH,
    )
    PlaceSearch.objects.filter(pk=search_id).update(
        results_count=len(keys),
        new_businesses=len(keys) - len(known),
        pages_read=outcome.pages_read,
        queries_made=outcome.queries_made,
        searched_area=outcome.area.as_json() if outcome.area else None,
        warnings=outcome.warnings,
    )


def _known(keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (provider, provider id) pairs of ``keys`` already in ``businesses``."""
    known: set[tuple[str, str]] = set()
    by_provider: dict[str, list[str]] = {}
    for provider, provider_id in keys:
        by_provider.setdefault(provider, []).append(provider_id)
    for provider, ids in by_provider.items():
        for start in range(0, len(ids), BATCH * 10):
            chunk = ids[start : start + BATCH * 10]
            known.update(
                Business.objects.filter(
                    Q(provider=provider) & Q(provider_id__in=chunk)
                ).values_list("provider", "provider_id")
            )
    return known
