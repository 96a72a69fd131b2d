"""Nominatim: a place name becomes an area (its usage policy, built in).

The policy (operations.osmfoundation.org/policies/nominatim): at most one request a second for
the whole application, an identifying User-Agent, results cached. The gate is the database's
(``gate.request_slot``, shared by every worker process); an answer is cached in
``geocode_cache`` for ``SCRAPERSKY_PLACES_GEOCODE_CACHE_DAYS``, keyed on the place name as typed
give or take case and spaces. Request: ``GET /search?q=...&format=jsonv2&limit=1``; answer: a
list of places with ``osm_type``, ``osm_id``, ``boundingbox`` ([south, north, west, east] as
strings), ``lat``, ``lon`` and ``display_name``.
"""

from __future__ import annotations

from urllib.parse import urlencode

from processing.errors import PermanentError, TransientError
from processing.places import gate, http
from processing.places.records import Area
from scrapersky.conf import conf

GATE = "nominatim"
SERVICE = "Nominatim"
# Overpass derives an area's id from the OSM object's: relation + 3600000000, way + 2400000000.
AREA_OFFSETS = {"relation": 3_600_000_000, "way": 2_400_000_000}


def cache_key(place: str) -> str:
    return " ".join(place.lower().split())


def geocode(place: str, *, counter: http.CallCounter | None = None) -> Area:
    """The area of ``place`` (cached, else asked of Nominatim through the gate)."""
    key = cache_key(place)
    answer = gate.cached_answer("nominatim", key)
    if answer is None:
        answer = _ask(place, counter)
        gate.store_answer("nominatim", key, answer)
    return area_of(place, answer)


def _ask(place: str, counter: http.CallCounter | None) -> list:
    query = urlencode({"q": place, "format": "jsonv2", "limit": 1})
    url = f"{conf.places_nominatim_url.rstrip('/')}/search?{query}"
    with gate.request_slot(GATE, conf.places_nominatim_interval, hold=http.call_seconds_max()):
        answer = http.client().request("GET", url, headers=http.headers(), counter=counter)
    if answer.status >= 400:
        raise http.refuse(answer, SERVICE)
    data = http.read_json(answer, SERVICE)
    if not isinstance(data, list):
        raise TransientError(f"{SERVICE} answered something that is not a list of places")
    return data[:1]


def area_of(place: str, answer: list) -> Area:
    if not answer:
        raise PermanentError(f"{SERVICE} knows no place named {place!r}")
    hit = answer[0]
    try:
        south, north, west, east = (float(v) for v in hit["boundingbox"])
        lat, lon = float(hit["lat"]), float(hit["lon"])
        osm_type, osm_id = hit.get("osm_type", ""), int(hit.get("osm_id", 0))
    except (KeyError, TypeError, ValueError) as exc:
        raise TransientError(f"{SERVICE} answered a place without a usable box ({exc})") from None
    label = str(hit.get("display_name") or place)
    if osm_type in AREA_OFFSETS:
        return Area(
            south, west, north, east, label=label, osm_area_id=AREA_OFFSETS[osm_type] + osm_id
        )
    # A node (a village's centre, an address): a circle around it.
    radius = conf.places_point_radius_m
    return around(lat, lon, radius, label=label)


def around(lat: float, lon: float, radius_m: int, *, label: str = "") -> Area:
    """The box holding the circle of ``radius_m`` around a point."""
    import math

    d_lat = radius_m / 111_320
    d_lon = radius_m / (111_320 * max(math.cos(math.radians(lat)), 0.01))
    return Area(
        max(lat - d_lat, -90),
        max(lon - d_lon, -180),
        min(lat + d_lat, 90),
        min(lon + d_lon, 180),
        label=label or f"{radius_m:,} m around {lat:g},{lon:g}",
        center=(lat, lon),
        radius_m=radius_m,
    )
