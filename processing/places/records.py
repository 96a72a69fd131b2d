"""What a provider returns: businesses in one shape, the area searched, and the run's tally."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Area:
    """A bounding box (degrees), with what it is (``label``) and where it came from."""

    south: float
    west: float
    north: float
    east: float
    label: str = ""
    #: Overpass's area id of the geocoded relation or way (3600000000 + relation id, ...)
    osm_area_id: int | None = None
    #: a point and radius (metres) asked for, or geocoded from a node
    center: tuple[float, float] | None = None
    radius_m: int | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "south": round(self.south, 6),
            "west": round(self.west, 6),
            "north": round(self.north, 6),
            "east": round(self.east, 6),
        }
        if self.osm_area_id is not None:
            data["osm_area_id"] = self.osm_area_id
        if self.center is not None:
            data["center"] = [round(self.center[0], 6), round(self.center[1], 6)]
            data["radius_m"] = self.radius_m
        return data

    def quarters(self) -> list[Area]:
        """The four tiles of this box (south-west, south-east, north-west, north-east)."""
        mid_lat = (self.south + self.north) / 2
        mid_lon = (self.west + self.east) / 2
        return [
            Area(self.south, self.west, mid_lat, mid_lon),
            Area(self.south, mid_lon, mid_lat, self.east),
            Area(mid_lat, self.west, self.north, mid_lon),
            Area(mid_lat, mid_lon, self.north, self.east),
        ]


@dataclass
class Found:
    """One business as a provider described it (see the ``businesses`` table)."""

    provider: str
    provider_id: str
    name: str
    provider_url: str = ""
    categories: list[str] = field(default_factory=list)
    address: str = ""
    street: str = ""
    city: str = ""
    postcode: str = ""
    region: str = ""
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    phone: str = ""
    email: str = ""
    website: str = ""
    opening_hours: str = ""
    rating: float | None = None
    rating_count: int | None = None
    business_status: str = ""
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """What one search did: the businesses, and what the row records about the run."""

    found: list[Found] = field(default_factory=list)
    area: Area | None = None
    pages_read: int = 0
    queries_made: int = 0
    warnings: list[str] = field(default_factory=list)
