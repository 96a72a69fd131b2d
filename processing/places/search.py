"""One search of a ``place_searches`` row: what and where read, the provider asked."""

from __future__ import annotations

from typing import Any

from processing.errors import PermanentError
from processing.places import google, nominatim, overpass
from processing.places.http import CallCounter
from processing.places.records import Area, Outcome
from scrapersky.places import VocabularyError, category, parse_tag_filter


def area_of(row: Any, counter: CallCounter) -> Area:
    """The box a search covers: a geocoded place, a circle around a point, or a box."""
    if row.place:
        return nominatim.geocode(row.place, counter=counter)
    if row.latitude is not None and row.longitude is not None and row.radius_m:
        return nominatim.around(row.latitude, row.longitude, row.radius_m)
    if None not in (row.south, row.west, row.north, row.east):
        label = f"box {row.south:g},{row.west:g} - {row.north:g},{row.east:g}"
        return Area(row.south, row.west, row.north, row.east, label=label)
    raise PermanentError("the search says neither a place, a point and radius, nor a box")


def run_search(row: Any) -> Outcome:
    """Ask ``row.provider`` for the businesses ``row`` describes; raise ProcessingError."""
    try:
        cat = category(row.category) if row.category else None
        tags = parse_tag_filter(row.tag_filter) if row.tag_filter else ()
    except VocabularyError as exc:
        raise PermanentError(str(exc)) from None
    text = " ".join((row.query or "").split())
    if cat is None and not tags and not text:
        raise PermanentError("the search says neither a category, a tag filter nor a text")
    counter = CallCounter()
    area = area_of(row, counter)
    limit = row.result_limit
    if row.provider == "osm":
        outcome = overpass.search(
            tags=tags or (cat.osm if cat else ()), name_text=text, area=area, limit=limit
        )
    elif row.provider == "google":
        words = text or (cat.label if cat else " ".join(t.split("=")[-1] for t in tags))
        outcome = google.search(
            text=words, included_type=cat.google if cat else None, area=area, limit=limit
        )
    else:
        raise PermanentError(f"unknown provider {row.provider!r}")
    outcome.area = area
    outcome.queries_made += counter.calls  # the geocoding request, when one was made
    return outcome
