"""The demo places service's data: Demo City and its fictional businesses, as each provider
describes them (OpenStreetMap elements, Google Places (New) places)."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_CITY = {
    "name": "Demo City",
    "display_name": "Demo City, Demo County, Demoland",
    "osm_type": "relation",
    "osm_id": 4242,
    "south": 40.0,
    "west": -100.2,
    "north": 40.1,
    "east": -100.0,
}


@dataclass
class DemoBusiness:
    n: int
    name: str
    lat: float
    lon: float
    osm_tags: dict[str, str]
    google_types: list[str]
    website: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    postcode: str = "40001"
    city: str = "Demo City"
    rating: float | None = None
    rating_count: int | None = None
    osm_kind: str = "node"

    @property
    def osm_id(self) -> int:
        return 1000 + self.n

    @property
    def place_id(self) -> str:
        return f"ChIJdemo{self.n:06d}"

    def osm_element(self) -> dict:
        tags = {"name": self.name, **self.osm_tags, "opening_hours": "Mo-Fr 08:00-17:00"}
        if self.website:
            tags["website"] = self.website
        if self.phone:
            tags["phone"] = self.phone
        if self.email:
            tags["email"] = self.email
        if self.street:
            number, _, street = self.street.partition(" ")
            tags.update({"addr:housenumber": number, "addr:street": street})
        tags.update({"addr:city": self.city, "addr:postcode": self.postcode, "addr:country": "US"})
        element: dict = {"type": self.osm_kind, "id": self.osm_id, "tags": tags}
        if self.osm_kind == "node":
            element.update(lat=self.lat, lon=self.lon)
        else:
            element["center"] = {"lat": self.lat, "lon": self.lon}
        return element

    def google_place(self) -> dict:
        place: dict = {
            "id": self.place_id,
            "displayName": {"text": self.name, "languageCode": "en"},
            "formattedAddress": f"{self.street}, {self.city}, DL {self.postcode}, USA",
            "addressComponents": [
                {"longText": self.street.partition(" ")[0], "types": ["street_number"]},
                {"longText": self.street.partition(" ")[2], "types": ["route"]},
                {"longText": self.city, "shortText": self.city, "types": ["locality"]},
                {"longText": self.postcode, "types": ["postal_code"]},
                {"longText": "United States", "shortText": "US", "types": ["country"]},
            ],
            "location": {"latitude": self.lat, "longitude": self.lon},
            "types": [*self.google_types, "point_of_interest", "establishment"],
            "businessStatus": "OPERATIONAL",
            "googleMapsUri": f"https://maps.google.com/?cid={self.n}",
            "regularOpeningHours": {
                "weekdayDescriptions": [
                    f"{d}: 8:00 AM \u2013 5:00 PM" for d in ("Monday", "Sunday")
                ]
            },
        }
        if self.website:
            place["websiteUri"] = self.website
        if self.phone:
            place["internationalPhoneNumber"] = self.phone
            place["nationalPhoneNumber"] = self.phone.replace("+1 ", "")
        if self.rating is not None:
            place["rating"] = self.rating
            place["userRatingCount"] = self.rating_count
        return place


_KINDS = [
    ({"craft": "plumber"}, ["plumber"], "Plumbing"),
    ({"shop": "bakery"}, ["bakery"], "Bakery"),
    ({"office": "lawyer"}, ["lawyer"], "Law"),
    ({"shop": "bicycle"}, ["bicycle_store"], "Bikes"),
    ({"amenity": "dentist"}, ["dentist"], "Dental"),
    ({"craft": "electrician"}, ["electrician"], "Electric"),
]


def demo_businesses() -> list[DemoBusiness]:
    """A few dozen businesses in Demo City: the five demo websites, a chain of three branches
    sharing one website, one without a website, one whose website is a Facebook page, one with
    a non-Latin name, and others of each kind."""
    b = DemoBusiness
    rows = [
        b(
            1,
            "Brightwater Plumbing",
            40.01,
            -100.15,
            {"craft": "plumber"},
            ["plumber"],
            "https://www.brightwater-plumbing.demo/",
            "+1 217-555-0143",
            "",
            "12 Harbour Road",
            rating=4.7,
            rating_count=88,
        ),
        b(
            2,
            "Rosemary & Rye Bakery",
            40.02,
            -100.12,
            {"shop": "bakery"},
            ["bakery"],
            "http://rosemary-bakery.demo",
            "+1 415-555-0172",
            "hello@rosemary-bakery.demo",
            "3 Mill Lane",
            rating=4.9,
            rating_count=212,
        ),
        b(
            3,
            "Hartley & Associates",
            40.03,
            -100.11,
            {"office": "lawyer"},
            ["lawyer"],
            "https://hartley-law.demo/",
            "",
            "",
            "200 Court Street",
            osm_kind="way",
        ),
        b(
            4,
            "Cogwheel Bikes",
            40.04,
            -100.10,
            {"shop": "bicycle"},
            ["bicycle_store"],
            "https://cogwheel-bikes.demo",
            "",
            "",
            "8 Spoke Street",
        ),
        b(
            5,
            "Smile Dental Care",
            40.05,
            -100.09,
            {"amenity": "dentist"},
            ["dentist"],
            "https://smile-dental.demo/",
            "+1 541-555-0123",
            "",
            "9 Tooth Avenue",
            rating=4.2,
            rating_count=40,
        ),
        # A chain: three branches, one website.
        b(
            6,
            "QuickFix Plumbing North",
            40.08,
            -100.05,
            {"craft": "plumber"},
            ["plumber"],
            "https://quickfix-plumbing.demo/north",
            "+1 217-555-0161",
            "",
            "1 North Road",
        ),
        b(
            7,
            "QuickFix Plumbing South",
            40.01,
            -100.05,
            {"craft": "plumber"},
            ["plumber"],
            "https://www.quickfix-plumbing.demo/south",
            "+1 217-555-0162",
            "",
            "1 South Road",
        ),
        b(
            8,
            "QuickFix Plumbing East",
            40.05,
            -100.01,
            {"craft": "plumber"},
            ["plumber"],
            "https://quickfix-plumbing.demo/",
            "+1 217-555-0163",
            "",
            "1 East Road",
        ),
        # No website; a Facebook page for a website; a non-Latin name.
        b(
            9,
            "Dave's Drains",
            40.06,
            -100.18,
            {"craft": "plumber"},
            ["plumber"],
            "",
            "+1 217-555-0177",
            "dave.drains@mail.demo",
            "5 Gutter Row",
        ),
        b(
            10,
            "Pipe Dreams Plumbing",
            40.07,
            -100.17,
            {"craft": "plumber"},
            ["plumber"],
            "https://www.facebook.com/pipedreamsplumbing",
            "+1 217-555-0188",
            "",
            "77 Valve Street",
        ),
        b(
            11,
            "Сантехник Иван",
            40.075,
            -100.16,
            {"craft": "plumber"},
            ["plumber"],
            "https://ivan-santehnik.demo/",
            "+1 217-555-0190",
            "",
            "4 Volga Street",
        ),
    ]
    n = len(rows) + 1
    for tags, types, word in _KINDS:
        for i in range(4):
            rows.append(
                DemoBusiness(
                    n,
                    f"Demo {word} {i + 1}",
                    40.0 + 0.02 * (i + 1),
                    -100.19 + 0.03 * len(rows) % 0.18,
                    tags,
                    types,
                    f"https://demo-{word.lower()}-{i + 1}.demo/",
                    f"+1 217-555-{n:04d}",
                    "",
                    f"{n} Market Street",
                )
            )
            n += 1
    return rows


def generated_businesses(count: int, *, kind: int = 0) -> list[DemoBusiness]:
    """``count`` businesses of one kind spread over Demo City (the bench's market)."""
    tags, types, word = _KINDS[kind]
    side = max(int(count**0.5), 1)
    rows_needed = -(-count // side)  # every business inside Demo City's box
    rows = []
    for i in range(count):
        lat = DEMO_CITY["south"] + 0.1 * ((i // side) + 0.5) / (rows_needed + 1)
        lon = DEMO_CITY["west"] + 0.2 * ((i % side) + 0.5) / (side + 1)
        rows.append(
            DemoBusiness(
                100_000 + i,
                f"{word} {i}",
                lat,
                lon,
                tags,
                types,
                f"https://{word.lower()}-{i}.bench.demo/",
                f"+1 217-555-{i % 10000:04d}",
                "",
                f"{i} Bench Street",
            )
        )
    return rows


def nominatim_place(p: dict) -> dict:
    box = [str(p["south"]), str(p["north"]), str(p["west"]), str(p["east"])]
    return {
        "place_id": 1,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": p["osm_type"],
        "osm_id": p["osm_id"],
        "lat": str((p["south"] + p["north"]) / 2),
        "lon": str((p["west"] + p["east"]) / 2),
        "boundingbox": box,
        "display_name": p["display_name"],
        "category": "boundary",
        "type": "administrative",
    }
