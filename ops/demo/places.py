"""A places service on loopback: Nominatim, Overpass and Google Places (New) answers from one
list of fictional businesses, for the offline demo, the tests and bench/places.py.

Each protocol answers in its documented shape and checks the request as the real service does:

- ``GET /search?q=...&format=jsonv2&limit=1`` (Nominatim): a list of at most one place with
  ``osm_type``, ``osm_id``, ``boundingbox`` (strings: south, north, west, east), ``lat``,
  ``lon``, ``display_name``; a request without a User-Agent is refused (403), as the usage
  policy says. Every request's time and User-Agent is recorded (``nominatim_requests``).
- ``POST /api/interpreter`` (Overpass): Overpass QL with ``[out:json]``; the subset ScraperSky
  writes is understood (``area(id:N)->.a;``, ``nwr["k"="v"]["name"~"x",i](scope);`` with an area,
  a box or ``around``, ``out center tags N;``); anything else is a 400 with Overpass's
  "parse error" page. Elements carry ``center`` for ways.
- ``POST /v1/places:searchText`` (Google): ``X-Goog-Api-Key`` must be the key given, else 400
  ``INVALID_ARGUMENT`` "API key not valid"; ``X-Goog-FieldMask`` is required (400); pages of
  ``pageSize`` (at most 20), at most 60 results a query, ``nextPageToken`` opaque and valid only
  with the same request.

``faults`` program failures: a list of (path prefix, status, body, headers) answered once each,
in order, before the real answer (a 429, malformed JSON, an Overpass timeout remark).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from ops.demo.places_data import (
    DEMO_CITY,
    DemoBusiness,
    demo_businesses,
    generated_businesses,
    nominatim_place,
)
from ops.demo.server import LoopbackServer

__all__ = [
    "DEMO_CITY",
    "DemoBusiness",
    "Fault",
    "PlacesServer",
    "demo_businesses",
    "generated_businesses",
]


@dataclass
class Fault:
    path: str  # answered for requests whose path starts with this
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args) -> None:
        return

    def _send(self, status: int, body: bytes | dict | list, headers: dict | None = None) -> None:
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", (headers or {}).pop("Content-Type", "application/json"))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _fault(self, path: str) -> bool:
        with self.server.lock:
            for i, fault in enumerate(self.server.faults):
                if path.startswith(fault.path):
                    del self.server.faults[i]
                    break
            else:
                return False
        self._send(fault.status, fault.body, dict(fault.headers))
        return True

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/search":
            self._send(404, {"error": "not found"})
            return
        agent = self.headers.get("User-Agent", "")
        with self.server.lock:
            self.server.nominatim_requests.append((time.monotonic(), agent))
        if self._fault(parts.path):
            return
        if not agent:
            self._send(
                403, b"Access blocked: no User-Agent (usage policy)", {"Content-Type": "text/plain"}
            )
            return
        query = parse_qs(parts.query)
        if query.get("format") != ["jsonv2"]:
            self._send(400, {"error": "format must be jsonv2 here"})
            return
        q = " ".join(query.get("q", [""])[0].lower().replace(",", " ").split())
        places = [p for key, p in self.server.places.items() if q.startswith(key)]
        self._send(200, [nominatim_place(p) for p in places[:1]])

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        body = self._body()
        with self.server.lock:
            self.server.requests.append((path, dict(self.headers), body))
        if self._fault(path):
            return
        if path == "/api/interpreter":
            self._overpass(body)
        elif path == "/v1/places:searchText":
            self._google(body)
        else:
            self._send(404, {"error": "not found"})

    # --- Overpass -----------------------------------------------------------------------------
    def _overpass(self, body: bytes) -> None:
        text = body.decode("utf-8")
        if text.startswith("data="):
            from urllib.parse import unquote_plus

            text = unquote_plus(text[5:])
        try:
            elements = self.server.overpass(text)
        except ValueError as exc:
            page = f"<html><body><p><strong>Error</strong>: line 1: parse error: {exc}</p>"
            self._send(400, page.encode(), {"Content-Type": "text/html"})
            return
        self._send(
            200,
            {
                "version": 0.6,
                "generator": "Overpass API (loopback stand-in)",
                "osm3s": {
                    "timestamp_osm_base": "2026-12-01T00:00:00Z",
                    "copyright": "The data included in this document is from "
                    "www.openstreetmap.org. The data is made available under ODbL.",
                },
                "elements": elements,
            },
        )

    # --- Google -------------------------------------------------------------------------------
    def _google(self, body: bytes) -> None:
        if self.headers.get("X-Goog-Api-Key") != self.server.google_key:
            self._send(
                400,
                {
                    "error": {
                        "code": 400,
                        "message": "API key not valid. Please pass a valid API key.",
                        "status": "INVALID_ARGUMENT",
                        "details": [{"reason": "API_KEY_INVALID"}],
                    }
                },
            )
            return
        if not self.headers.get("X-Goog-FieldMask"):
            self._send(
                400,
                {
                    "error": {
                        "code": 400,
                        "status": "INVALID_ARGUMENT",
                        "message": "FieldMask is a required parameter. See how to provide it.",
                    }
                },
            )
            return
        try:
            request = json.loads(body)
            places, token = self.server.google(request, self.headers["X-Goog-FieldMask"])
        except (ValueError, KeyError, TypeError) as exc:
            self._send(
                400, {"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": str(exc)}}
            )
            return
        answer: dict = {"places": places} if places else {}
        if token:
            answer["nextPageToken"] = token
        self._send(200, answer)


_QL_HEAD = re.compile(r"^\[out:json\](?:\[timeout:(\d+)\])?;\s*")
_QL_AREA = re.compile(r"^area\(id:(\d+)\)->\.a;\s*")
_QL_PART = re.compile(
    r'nwr((?:\["[^"\\]+"(?:=|~)?(?:"(?:[^"\\]|\\.)*")?(?:,i)?\])*)'
    r"\((area\.a|around:\d+,-?[\d.]+,-?[\d.]+|-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+)\);"
)
_QL_FILTER = re.compile(r'\["([^"\\]+)"(?:(=|~)"((?:[^"\\]|\\.)*)")?(,i)?\]')
_QL_OUT = re.compile(r"^out center tags (\d+);\s*$")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address, stand_in: PlacesServer):
        super().__init__(address, _Handler)
        self.stand_in = stand_in
        self.lock = threading.Lock()
        self.faults: list[Fault] = stand_in.faults
        self.requests = stand_in.requests
        self.nominatim_requests = stand_in.nominatim_requests
        self.places = stand_in.places
        self.google_key = stand_in.google_key

    def handle_error(self, request, client_address) -> None:
        return

    def _inside(self, scope: str, b: DemoBusiness) -> bool:
        if scope == "area.a":
            box = self.stand_in.area_box
            return box is not None and box[0] <= b.lat <= box[2] and box[1] <= b.lon <= box[3]
        if scope.startswith("around:"):
            radius, lat, lon = (float(x) for x in scope[7:].split(","))
            d_lat, d_lon = (b.lat - lat) * 111_320, (b.lon - lon) * 111_320 * 0.76
            return (d_lat**2 + d_lon**2) ** 0.5 <= radius
        south, west, north, east = (float(x) for x in scope.split(","))
        return south <= b.lat <= north and west <= b.lon <= east

    def overpass(self, text: str) -> list[dict]:
        head = _QL_HEAD.match(text)
        if not head:
            raise ValueError("expected [out:json]")
        rest = text[head.end() :]
        area = _QL_AREA.match(rest)
        self.stand_in.area_box = None
        if area:
            place = next(
                (
                    p
                    for p in self.places.values()
                    if {"relation": 3_600_000_000, "way": 2_400_000_000}[p["osm_type"]]
                    + p["osm_id"]
                    == int(area.group(1))
                ),
                None,
            )
            self.stand_in.area_box = (
                (place["south"], place["west"], place["north"], place["east"]) if place else None
            )
            rest = rest[area.end() :]
        if not rest.startswith("("):
            raise ValueError("expected a union ( ... );")
        close = rest.find(");\n")
        union, out = rest[1:close], rest[close + 3 :]
        limit = _QL_OUT.match(out)
        if not limit:
            raise ValueError("expected out center tags N;")
        parts = list(_QL_PART.finditer(union))
        if not parts or "".join(m.group(0) for m in parts) != union:
            raise ValueError(f"unknown statement in {union[:80]!r}")
        hits: dict[str, dict] = {}
        for part in parts:
            filters = _QL_FILTER.findall(part.group(1))
            for b in self.stand_in.businesses:
                element = b.osm_element()
                if self._inside(part.group(2), b) and all(
                    _matches(element["tags"], f) for f in filters
                ):
                    hits.setdefault(f"{b.osm_kind}/{b.osm_id}", element)
        return list(hits.values())[: int(limit.group(1))]

    def google(self, request: dict, mask: str) -> tuple[list[dict], str | None]:
        text = str(request["textQuery"]).lower()
        size = min(int(request.get("pageSize") or 20), 20)
        rect = request["locationRestriction"]["rectangle"]
        low, high = rect["low"], rect["high"]
        wanted = request.get("includedType")
        key = hashlib.sha256(
            json.dumps(
                {k: v for k, v in request.items() if k != "pageToken"}, sort_keys=True
            ).encode()
        ).hexdigest()[:16]
        offset = 0
        if request.get("pageToken"):
            token_key, _, token_offset = (
                base64.urlsafe_b64decode(request["pageToken"]).decode().partition(":")
            )
            if token_key != key:
                raise ValueError("pageToken does not belong to this request")
            offset = int(token_offset)
        words = [w.rstrip("s") for w in re.findall(r"\w+", text)]
        matching = [
            b
            for b in self.stand_in.businesses
            if low["latitude"] <= b.lat <= high["latitude"]
            and low["longitude"] <= b.lon <= high["longitude"]
            and (
                wanted in b.google_types
                if wanted
                else any(w in " ".join([*b.google_types, b.name.lower()]) for w in words)
            )
        ][:60]
        page = matching[offset : offset + size]
        fields = {f.removeprefix("places.") for f in mask.split(",")}
        places = [
            {k: v for k, v in b.google_place().items() if k in fields or "*" in fields}
            for b in page
        ]
        token = None
        if offset + size < len(matching) and "nextPageToken" in fields | {"*"}:
            token = base64.urlsafe_b64encode(f"{key}:{offset + size}".encode()).decode()
        return places, token


def _matches(tags: dict[str, str], f: tuple[str, str, str, str]) -> bool:
    key, op, value, flags = f
    value = value.replace('\\"', '"').replace("\\\\", "\\")
    if not op:
        return key in tags
    if op == "=":
        return tags.get(key) == value
    return re.search(value, tags.get(key, ""), re.I if flags else 0) is not None


class PlacesServer(LoopbackServer):
    """The three protocols on 127.0.0.1 (a free port unless ``port`` is given)."""

    def __init__(
        self,
        businesses: list[DemoBusiness] | None = None,
        *,
        google_key: str = "demo-key",
        port: int = 0,
    ) -> None:
        self.businesses = demo_businesses() if businesses is None else businesses
        self.google_key = google_key
        self.places = {"demo city": DEMO_CITY}
        self.faults: list[Fault] = []
        self.requests: list[tuple[str, dict, bytes]] = []
        self.nominatim_requests: list[tuple[float, str]] = []
        self.area_box: tuple[float, float, float, float] | None = None
        self._server = _Server(("127.0.0.1", port), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def settings(self) -> dict[str, object]:
        """The Django settings that point ScraperSky at this server."""
        return {
            "SCRAPERSKY_PLACES_NOMINATIM_URL": self.url,
            "SCRAPERSKY_PLACES_OVERPASS_URL": f"{self.url}/api/interpreter",
            "SCRAPERSKY_PLACES_GOOGLE_URL": self.url,
            "SCRAPERSKY_PLACES_GOOGLE_API_KEY": self.google_key,
            "SCRAPERSKY_PLACES_ALLOWED_NETWORKS": ["127.0.0.0/8"],
        }

    def add_place(self, name: str, **place) -> None:
        self.places[name.lower()] = {"display_name": name, **place}

    def fail(self, path: str, status: int, body: bytes | dict, **headers: str) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.faults.append(Fault(path, status, data, headers))
