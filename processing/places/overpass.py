"""OpenStreetMap's businesses through Overpass QL, by tags (``craft=plumber``, ...).

One query per search: the category's tags (any of them) on nodes, ways and relations (``nwr``)
in the area (Overpass's ``area`` of a geocoded relation or way, a bounding box, or ``around`` a
point), printed with their centre and tags and capped at the search's limit::

    [out:json][timeout:50];
    area(id:3600062149)->.a;
    (nwr["craft"="plumber"](area.a);nwr["shop"="plumber"](area.a););
    out center tags 200;

The answer (``elements`` with ``type``, ``id``, ``lat``/``lon`` or ``center``, ``tags``) may carry
a ``remark``: "runtime error: Query timed out ..." means the result is cut short (retried, as
the server's load varies; a smaller area or limit is the cure when it persists); any other
remark is kept as a warning. The data is ODbL: what shows it says "© OpenStreetMap contributors".
"""

from __future__ import annotations

import re
from typing import Any

from processing.errors import PermanentError, TransientError
from processing.places import http
from processing.places.records import Area, Found, Outcome
from scrapersky.conf import conf

SERVICE = "Overpass"
CATEGORY_KEYS = ("craft", "amenity", "shop", "office", "healthcare", "tourism", "leisure", "sport")


def _quote(text: str) -> str:
    """A string literal of Overpass QL."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _regex_literal(text: str) -> str:
    """``text`` matched literally by Overpass's regular expressions (POSIX extended)."""
    return re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", text)


def _selector(tag: str) -> str:
    key, _, value = tag.partition("=")
    return f"[{_quote(key)}]" if value == "*" else f"[{_quote(key)}={_quote(value)}]"


def build_query(*, tags: tuple[str, ...], name_text: str, area: Area, limit: int) -> str:
    """The Overpass QL of one search (tags already checked by ``scrapersky.places``)."""
    if area.osm_area_id is not None:
        head, scope = f"area(id:{area.osm_area_id})->.a;", "(area.a)"
    elif area.center is not None:
        lat, lon = area.center
        head, scope = "", f"(around:{area.radius_m},{lat:.6f},{lon:.6f})"
    else:
        head, scope = "", f"({area.south:.6f},{area.west:.6f},{area.north:.6f},{area.east:.6f})"
    name = f'["name"~{_quote(_regex_literal(name_text))},i]' if name_text else ""
    if tags:
        parts = "".join(f"nwr{_selector(tag)}{name}{scope};" for tag in tags)
    else:
        parts = f"nwr{name}{scope};"
    timeout = conf.places_overpass_timeout
    return f"[out:json][timeout:{timeout}];\n{head}\n({parts});\nout center tags {limit};"


def search(*, tags: tuple[str, ...], name_text: str, area: Area, limit: int) -> Outcome:
    query = build_query(tags=tags, name_text=name_text, area=area, limit=limit)
    counter = http.CallCounter()
    answer = http.client().request(
        "POST",
        conf.places_overpass_url,
        body=query.encode("utf-8"),
        headers=http.headers(**{"Content-Type": "text/plain; charset=utf-8"}),
        counter=counter,
    )
    if answer.status == 400:
        raise PermanentError(f"{SERVICE} refused the query: {answer.first_bytes(300)}")
    if answer.status >= 400:
        raise http.refuse(answer, SERVICE)
    data = http.read_json(answer, SERVICE)
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise TransientError(f"{SERVICE} answered JSON without an elements list")
    outcome = Outcome(pages_read=1, queries_made=counter.calls, area=area)
    remark = str(data.get("remark") or "")
    if "runtime error" in remark:
        raise TransientError(
            f"{SERVICE}: {remark} (the answer is incomplete; a smaller area or result limit "
            "helps if it persists)"
        )
    if remark:
        outcome.warnings.append(f"{SERVICE} remarked: {remark}")
    unnamed = 0
    for element in data["elements"]:
        found = business_of(element)
        if found is None:
            unnamed += 1
            continue
        outcome.found.append(found)
    if unnamed:
        outcome.warnings.append(f"{unnamed} results without a name were left out")
    if len(data["elements"]) >= limit:
        outcome.warnings.append(
            f"the result limit was reached: {limit} returned; raise the limit to see more"
        )
    return outcome


def _tag(tags: dict[str, str], *keys: str) -> str:
    for key in keys:
        value = tags.get(key)
        if value:
            return str(value).strip()
    return ""


def business_of(element: dict[str, Any]) -> Found | None:
    """A business from one Overpass element, or None when it has no name or no id."""
    if not isinstance(element, dict):
        return None
    tags = element.get("tags") or {}
    kind, osm_id = element.get("type"), element.get("id")
    name = _tag(tags, "name", "brand", "operator")
    if not name or kind not in ("node", "way", "relation") or not isinstance(osm_id, int):
        return None
    point = element if kind == "node" else (element.get("center") or {})
    street = " ".join(p for p in (_tag(tags, "addr:housenumber"), _tag(tags, "addr:street")) if p)
    city = _tag(tags, "addr:city", "addr:town", "addr:village", "addr:suburb")
    postcode = _tag(tags, "addr:postcode")
    region = _tag(tags, "addr:state", "addr:province", "addr:county")
    country = _tag(tags, "addr:country")
    address = _tag(tags, "addr:full") or ", ".join(
        p for p in (street, " ".join(x for x in (postcode, city) if x), region, country) if p
    )
    return Found(
        provider="osm",
        provider_id=f"{kind}/{osm_id}",
        provider_url=f"https://www.openstreetmap.org/{kind}/{osm_id}",
        name=name,
        categories=[f"{k}={tags[k]}" for k in CATEGORY_KEYS if tags.get(k)],
        address=address,
        street=street,
        city=city,
        postcode=postcode,
        region=region,
        country=country,
        latitude=_float(point.get("lat")),
        longitude=_float(point.get("lon")),
        phone=_tag(tags, "phone", "contact:phone", "contact:mobile"),
        email=_tag(tags, "email", "contact:email"),
        website=_tag(tags, "website", "contact:website", "url"),
        opening_hours=_tag(tags, "opening_hours"),
        raw=element,
    )


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
