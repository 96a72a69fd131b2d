"""Google Places API (New): Text Search with a field mask, paged by ``nextPageToken``, tiled.

``POST /v1/places:searchText`` with ``X-Goog-Api-Key`` (the key from settings, never a
curator's) and ``X-Goog-FieldMask`` naming only what a lead needs (Google bills by the fields
asked for). The body: ``textQuery`` (the category's words or the curator's text),
``includedType`` (the category's Places type, when it has one), ``pageSize`` 20 and a
``locationRestriction`` rectangle; the next page repeats it with ``pageToken``.

One query returns at most 60 places (three pages of 20), however many there are: a query that
comes back full is asked again over the four quarters of its rectangle, and so on, up to
``SCRAPERSKY_PLACES_GOOGLE_MAX_TILES`` tiles; the search row says so in its warnings.

Errors, as documented (``error.status``): 429 / ``RESOURCE_EXHAUSTED`` (quota, rate) is
transient (retried by the HTTP client honouring ``Retry-After``, then by the engine);
``INVALID_ARGUMENT`` naming the key, ``PERMISSION_DENIED`` (a restricted key, the API not
enabled) and ``UNAUTHENTICATED`` are permanent and say that the key is the problem.
"""

from __future__ import annotations

import json
from typing import Any

from processing.errors import PermanentError, TransientError
from processing.places import http
from processing.places.records import Area, Found, Outcome
from scrapersky.conf import conf

SERVICE = "Google Places"
PAGE_SIZE = 20
MAX_PER_QUERY = 60  # Text Search (New): three pages of twenty
MAX_PAGES = 3
PLACE_FIELDS = (
    "id",
    "displayName",
    "formattedAddress",
    "addressComponents",
    "location",
    "nationalPhoneNumber",
    "internationalPhoneNumber",
    "websiteUri",
    "rating",
    "userRatingCount",
    "regularOpeningHours",
    "types",
    "businessStatus",
    "googleMapsUri",
)
FIELD_MASK = ",".join(f"places.{name}" for name in PLACE_FIELDS) + ",nextPageToken"


def search(*, text: str, included_type: str | None, area: Area, limit: int) -> Outcome:
    key = conf.places_google_api_key
    if not key:
        raise PermanentError(
            f"{SERVICE}: no API key is configured (SCRAPERSKY_PLACES_GOOGLE_API_KEY)"
        )
    outcome = Outcome(area=area)
    counter = http.CallCounter()
    seen: dict[str, Found] = {}
    tiles = [area]
    tiles_used = 1
    full_queries = unsplit = 0
    while tiles and len(seen) < limit:
        tile = tiles.pop(0)
        places = _query(key, text, included_type, tile, counter, outcome)
        for place in places:
            found = business_of(place)
            if found is not None and found.provider_id not in seen and len(seen) < limit:
                seen[found.provider_id] = found
        if len(places) >= MAX_PER_QUERY:
            full_queries += 1
            if tiles_used + 3 <= conf.places_google_max_tiles:
                tiles.extend(tile.quarters())  # the tile is replaced by its four quarters
                tiles_used += 3
            else:
                unsplit += 1
    outcome.found = list(seen.values())
    outcome.queries_made = counter.calls
    if full_queries:
        outcome.warnings.append(
            f"the provider returns at most {MAX_PER_QUERY} results per query: "
            f"{MAX_PER_QUERY} returned, the area was split into {tiles_used} tiles"
        )
    if unsplit:
        outcome.warnings.append(
            f"{unsplit} tiles still returned {MAX_PER_QUERY} at the limit of "
            f"{conf.places_google_max_tiles} tiles: more businesses may exist"
        )
    if len(seen) >= limit:
        outcome.warnings.append(f"the result limit was reached: {limit} kept")
    return outcome


def _query(
    key: str,
    text: str,
    included_type: str | None,
    tile: Area,
    counter: http.CallCounter,
    outcome: Outcome,
) -> list[dict[str, Any]]:
    """Every page of one query over ``tile`` (at most three)."""
    body: dict[str, Any] = {
        "textQuery": text,
        "pageSize": PAGE_SIZE,
        "locationRestriction": {
            "rectangle": {
                "low": {"latitude": tile.south, "longitude": tile.west},
                "high": {"latitude": tile.north, "longitude": tile.east},
            }
        },
    }
    if included_type:
        body["includedType"] = included_type
    url = f"{conf.places_google_url.rstrip('/')}/v1/places:searchText"
    headers = http.headers(
        **{
            "Content-Type": "application/json",
            "X-Goog-Api-Key": key,
            "X-Goog-FieldMask": FIELD_MASK,
        }
    )
    places: list[dict[str, Any]] = []
    token = None
    for _page in range(MAX_PAGES):
        if token:
            body["pageToken"] = token
        answer = http.client().request(
            "POST", url, body=json.dumps(body).encode(), headers=headers, counter=counter
        )
        if answer.status >= 400:
            raise _error(answer)
        data = http.read_json(answer, SERVICE)
        if not isinstance(data, dict):
            raise TransientError(f"{SERVICE} answered JSON that is not an object")
        outcome.pages_read += 1
        page = data.get("places") or []
        if not isinstance(page, list):
            raise TransientError(f"{SERVICE} answered a places value that is not a list")
        places.extend(p for p in page if isinstance(p, dict))
        token = data.get("nextPageToken")
        if not token:
            break
    return places


def _error(answer: http.Answer) -> Exception:
    try:
        error = json.loads(answer.body).get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    status = str(error.get("status") or "")
    message = str(error.get("message") or answer.first_bytes(200))
    if answer.status == 429 or status == "RESOURCE_EXHAUSTED":
        return TransientError(f"{SERVICE}: quota or rate limit ({message})")
    if answer.status >= 500:
        return TransientError(f"{SERVICE}: HTTP {answer.status}: {message}")
    key_words = ("api key", "api_key")
    if status in ("PERMISSION_DENIED", "UNAUTHENTICATED") or any(
        w in message.lower() for w in key_words
    ):
        return PermanentError(
            f"{SERVICE} refused the API key (SCRAPERSKY_PLACES_GOOGLE_API_KEY): invalid, "
            f"restricted, or Places API (New) not enabled for it: {status or answer.status}: "
            f"{message}"
        )
    return PermanentError(f"{SERVICE} refused the request: {status or answer.status}: {message}")


def _component(components: list[dict], kind: str, short: bool = False) -> str:
    for component in components:
        if kind in (component.get("types") or []):
            return str(component.get("shortText" if short else "longText") or "")
    return ""


def business_of(place: dict[str, Any]) -> Found | None:
    place_id = place.get("id")
    name = (
        (place.get("displayName") or {}).get("text")
        if isinstance(place.get("displayName"), dict)
        else None
    )
    if not place_id or not name:
        return None
    components = [c for c in place.get("addressComponents") or [] if isinstance(c, dict)]
    street = " ".join(
        p for p in (_component(components, "street_number"), _component(components, "route")) if p
    )
    location = place.get("location") or {}
    hours = place.get("regularOpeningHours") or {}
    rating = place.get("rating")
    count = place.get("userRatingCount")
    return Found(
        provider="google",
        provider_id=str(place_id),
        provider_url=str(place.get("googleMapsUri") or ""),
        name=str(name),
        categories=[str(t) for t in place.get("types") or []],
        address=str(place.get("formattedAddress") or ""),
        street=street,
        city=_component(components, "locality") or _component(components, "postal_town"),
        postcode=_component(components, "postal_code"),
        region=_component(components, "administrative_area_level_1"),
        country=_component(components, "country", short=True),
        latitude=_number(location.get("latitude")),
        longitude=_number(location.get("longitude")),
        phone=str(place.get("internationalPhoneNumber") or place.get("nationalPhoneNumber") or ""),
        website=str(place.get("websiteUri") or ""),
        opening_hours="; ".join(str(d) for d in hours.get("weekdayDescriptions") or []),
        rating=_number(rating),
        rating_count=int(count) if isinstance(count, int) else None,
        business_status=str(place.get("businessStatus") or ""),
        raw=place,
    )


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
