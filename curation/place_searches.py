"""Creating a place search: the one write path of the admin form, the API and the command.

``check_search`` says what is wrong with a search's answers (what, where, provider, limit),
field by field, so that the database's CHECK constraints never meet a curator's typo;
``create_place_search`` checks, inserts and (when asked) queues it through the curation service,
in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from curation.models import PlaceSearch
from curation.services import set_curation_status
from scrapersky.places import CATEGORIES, PROVIDERS, VocabularyError, parse_tag_filter
from scrapersky.status import Status

FIELDS = (
    "provider",
    "category",
    "query",
    "tag_filter",
    "place",
    "latitude",
    "longitude",
    "radius_m",
    "south",
    "west",
    "north",
    "east",
    "result_limit",
)
MAX_TEXT = 500
POINT = ("latitude", "longitude", "radius_m")
BOX = ("south", "west", "north", "east")


class PlaceSearchError(Exception):
    """The answers are invalid; ``errors`` maps each field ('' for the whole) to messages."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{k or 'search'}: {' '.join(v)}" for k, v in errors.items()))


def check_search(values: Mapping[str, Any]) -> dict[str, list[str]]:
    """The problems of a search's answers, by field ('' when no one field is to blame)."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    provider = values.get("provider") or "osm"
    if provider not in PROVIDERS:
        add("provider", f"one of: {', '.join(PROVIDERS)}")
    for field in ("category", "query", "tag_filter", "place"):
        if len(values.get(field) or "") > MAX_TEXT:
            add(field, f"at most {MAX_TEXT} characters")
    category = values.get("category") or ""
    if category and category not in CATEGORIES:
        add("category", f"unknown category {category!r} (see scrapersky/places.py)")
    if values.get("tag_filter"):
        try:
            parse_tag_filter(values["tag_filter"])
        except VocabularyError as exc:
            add("tag_filter", str(exc))
        if provider == "google":
            add("tag_filter", "OSM tags only work with OpenStreetMap")
    if not (category or (values.get("query") or "").strip() or values.get("tag_filter")):
        add("", "say what to search: a category, a text or OSM tags")
    point = [values.get(k) for k in ("latitude", "longitude", "radius_m")]
    box = [values.get(k) for k in ("south", "west", "north", "east")]
    has_point = all(v is not None for v in point)
    has_box = all(v is not None for v in box)
    wheres = [bool((values.get("place") or "").strip()), has_point, has_box]
    if sum(wheres) != 1:
        add(
            "",
            "say where, one way: a place name, or a point and a radius, or a box "
            "(south, west, north, east)",
        )
    elif any(v is not None for v in point) and not has_point:
        add("", "a point needs latitude, longitude and radius")
    if has_point:
        lat, lon, radius = point
        if not -90 <= lat <= 90 or not -180 <= lon <= 180:
            add("", "latitude is -90 to 90, longitude -180 to 180")
        if not 1 <= radius <= 100_000:
            add("radius_m", "the radius is 1 to 100,000 metres")
    if has_box:
        south, west, north, east = box
        if not (-90 <= south < north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
            add("", "the box needs south < north (-90 to 90) and west, east in -180 to 180")
    limit = values.get("result_limit")
    if limit is not None and not 1 <= limit <= 10_000:
        add("result_limit", "the limit is 1 to 10,000")
    return errors


def create_place_search(
    *, values: Mapping[str, Any], actor: AbstractBaseUser | str, channel: str, queue: bool
) -> PlaceSearch:
    """Check ``values``, insert the search and queue it when ``queue``; raise PlaceSearchError."""
    errors = check_search(values)
    if errors:
        raise PlaceSearchError(errors)
    fields = {k: values[k] for k in FIELDS if values.get(k) not in (None, "")}
    # Only the one "where" the search uses is stored (a stray half box would say otherwise).
    if (values.get("place") or "").strip():
        unused = POINT + BOX
    elif all(values.get(k) is not None for k in POINT):
        unused = BOX
    else:
        unused = POINT
    fields = {k: v for k, v in fields.items() if k not in unused}
    name = actor if isinstance(actor, str) else actor.get_username()
    with transaction.atomic():
        search = PlaceSearch.objects.create(created_by=name, **fields)
        if queue:
            set_curation_status(
                workflow="place_search",
                status=Status.QUEUED,
                ids=[search.pk],
                actor=actor,
                channel=channel,
            )
    search.refresh_from_db()
    return search
