"""The providers against the loopback places service: request shapes, paging, tiling, errors."""

from __future__ import annotations

import json

import pytest

from curation.models import Business, PlaceSearch
from ops.demo.places import DEMO_CITY, generated_businesses
from processing.errors import PermanentError, TransientError
from processing.places import nominatim, overpass
from processing.places.records import Area
from processing.places.search import run_search
from processing.services.place_search import persist
from tests.factories import PlaceSearchFactory

pytestmark = pytest.mark.django_db


def overpass_queries(server) -> list[str]:
    return [body.decode() for path, _h, body in server.requests if path == "/api/interpreter"]


def google_requests(server) -> list[tuple[dict, dict]]:
    return [
        (headers, json.loads(body))
        for path, headers, body in server.requests
        if path == "/v1/places:searchText"
    ]


def test_osm_category_in_a_place_is_a_relation_area(places):
    search = PlaceSearchFactory(category="plumber", place="Demo City")
    outcome = run_search(search)
    (query,) = overpass_queries(places)
    assert query.startswith("[out:json][timeout:")
    assert f"area(id:{3_600_000_000 + DEMO_CITY['osm_id']})->.a;" in query
    assert 'nwr["craft"="plumber"](area.a);' in query
    assert query.rstrip().endswith(f"out center tags {search.result_limit};")
    names = {f.name for f in outcome.found}
    assert {"Brightwater Plumbing", "Dave's Drains", "Сантехник Иван"} <= names
    assert "Rosemary & Rye Bakery" not in names
    assert outcome.area.label == DEMO_CITY["display_name"]
    assert outcome.queries_made == 2  # the geocode and the Overpass query
    plumber = next(f for f in outcome.found if f.name == "Brightwater Plumbing")
    assert plumber.provider_id == "node/1001"
    assert plumber.provider_url == "https://www.openstreetmap.org/node/1001"
    assert plumber.website == "https://www.brightwater-plumbing.demo/"
    assert plumber.phone == "+1 217-555-0143"
    assert plumber.city == "Demo City" and plumber.street == "12 Harbour Road"
    assert plumber.categories == ["craft=plumber"]
    assert plumber.opening_hours == "Mo-Fr 08:00-17:00"


def test_a_way_has_its_centre(places):
    outcome = run_search(PlaceSearchFactory(category="lawyer"))
    (firm,) = [f for f in outcome.found if f.name == "Hartley & Associates"]
    assert firm.provider_id == "way/1003"
    assert (firm.latitude, firm.longitude) == (40.03, -100.11)


def test_dentists_match_either_tag(places):
    run_search(PlaceSearchFactory(category="dentist"))
    (query,) = overpass_queries(places)
    assert 'nwr["amenity"="dentist"](area.a);nwr["healthcare"="dentist"](area.a);' in query


def test_a_point_and_radius_and_a_box(places):
    around = run_search(
        PlaceSearchFactory(place="", latitude=40.01, longitude=-100.15, radius_m=500)
    )
    assert [f.name for f in around.found] == ["Brightwater Plumbing"]
    box = run_search(
        PlaceSearchFactory(place="", south=40.0, west=-100.06, north=40.1, east=-100.0)
    )
    names = {f.name for f in box.found}
    assert {"QuickFix Plumbing North", "QuickFix Plumbing South", "QuickFix Plumbing East"} <= names
    assert "Brightwater Plumbing" not in names
    queries = overpass_queries(places)
    assert "(around:500,40.010000,-100.150000)" in queries[0]
    assert "(40.000000,-100.060000,40.100000,-100.000000)" in queries[1]
    assert places.nominatim_requests == []  # nothing to geocode


def test_raw_tag_filter_and_free_text(places):
    search = PlaceSearchFactory(category="", tag_filter="craft=plumber", query="quickfix")
    outcome = run_search(search)
    assert len(outcome.found) == 3
    (query,) = overpass_queries(places)
    assert '["name"~"quickfix",i]' in query


def test_a_tag_filter_that_is_not_one_is_refused(places):
    with pytest.raises(PermanentError, match="not an OSM tag filter"):
        run_search(PlaceSearchFactory(category="", tag_filter='craft=plumber"];out;'))
    assert overpass_queries(places) == []


def test_a_place_nominatim_does_not_know(places):
    with pytest.raises(PermanentError, match="knows no place named 'Atlantis'"):
        run_search(PlaceSearchFactory(place="Atlantis"))


def test_nominatim_node_becomes_a_circle(places):
    places.add_place(
        "Tiny Village",
        osm_type="node",
        osm_id=77,
        south=40.0099,
        west=-100.1501,
        north=40.0101,
        east=-100.1499,
    )
    area = nominatim.geocode("Tiny Village")
    assert area.osm_area_id is None
    assert area.center == pytest.approx((40.01, -100.15))
    assert area.radius_m == 5000


def test_nominatim_is_cached_and_sends_a_user_agent(places, settings):
    settings.SCRAPERSKY_PLACES_USER_AGENT = "AcmeLeads/2.0 (ops@acme.example)"
    nominatim.geocode("Demo City")
    nominatim.geocode("  demo   CITY ")
    assert [agent for _t, agent in places.nominatim_requests] == [
        "AcmeLeads/2.0 (ops@acme.example)"
    ]


def test_overpass_timeout_remark_is_transient(places):
    places.fail(
        "/api/interpreter",
        200,
        {
            "version": 0.6,
            "elements": [],
            "remark": 'runtime error: Query timed out in "query" at line 3 after 26 seconds.',
        },
    )
    with pytest.raises(TransientError, match="Query timed out"):
        run_search(PlaceSearchFactory())


def test_overpass_429_is_retried_honouring_retry_after(places):
    places.fail("/api/interpreter", 429, b"rate_limited", **{"Retry-After": "0"})
    outcome = run_search(PlaceSearchFactory())
    assert outcome.found
    assert len(overpass_queries(places)) == 2


def test_overpass_429_that_persists_is_transient(places):
    for _ in range(3):
        places.fail("/api/interpreter", 429, b"rate_limited", **{"Retry-After": "0"})
    with pytest.raises(TransientError, match="429"):
        run_search(PlaceSearchFactory())


def test_malformed_json_is_transient(places):
    places.fail("/api/interpreter", 200, b'{"elements": [')
    with pytest.raises(TransientError, match="malformed JSON"):
        run_search(PlaceSearchFactory())


def test_an_empty_result(places):
    outcome = run_search(PlaceSearchFactory(category="hotel"))
    assert outcome.found == [] and outcome.warnings == []


def test_overpass_query_escapes_text():
    query = overpass.build_query(
        tags=("craft=plumber",), name_text='Bob "the" plumber', area=Area(1, 2, 3, 4), limit=5
    )
    assert '["name"~"Bob \\"the\\" plumber",i]' in query
    dotted = overpass.build_query(tags=(), name_text="A.B (x)", area=Area(1, 2, 3, 4), limit=5)
    assert '["name"~"A\\\\.B \\\\(x\\\\)",i]' in dotted


# --- Google ---------------------------------------------------------------------------------
def test_google_request_shape_and_fields(places):
    outcome = run_search(PlaceSearchFactory(provider="google", category="plumber"))
    ((headers, body),) = google_requests(places)
    assert headers["X-Goog-Api-Key"] == "demo-key"
    mask = headers["X-Goog-FieldMask"].split(",")
    assert "places.websiteUri" in mask and "nextPageToken" in mask
    assert "places.regularOpeningHours" in mask and "places.businessStatus" in mask
    assert body["textQuery"] == "Plumbers" and body["includedType"] == "plumber"
    assert body["locationRestriction"]["rectangle"]["low"] == {
        "latitude": DEMO_CITY["south"],
        "longitude": DEMO_CITY["west"],
    }
    plumber = next(f for f in outcome.found if f.name == "Brightwater Plumbing")
    assert plumber.provider == "google" and plumber.provider_id == "ChIJdemo000001"
    assert plumber.rating == 4.7 and plumber.rating_count == 88
    assert plumber.country == "US" and plumber.city == "Demo City"
    assert plumber.business_status == "OPERATIONAL"
    assert plumber.opening_hours.startswith("Monday: 8:00 AM")


def test_google_pages_by_next_page_token(places):
    places.businesses = generated_businesses(50)
    outcome = run_search(PlaceSearchFactory(provider="google", category="plumber"))
    assert len(outcome.found) == 50
    assert outcome.pages_read == 3
    tokens = [body.get("pageToken") for _h, body in google_requests(places)]
    assert tokens[0] is None and all(tokens[1:])


def test_google_tiles_an_area_with_more_than_60(places):
    places.businesses = generated_businesses(150)
    search = PlaceSearchFactory(provider="google", category="plumber", result_limit=1000)
    outcome = run_search(search)
    assert len(outcome.found) == 150
    assert any(
        "at most 60 results per query: 60 returned, the area was split into" in w
        for w in outcome.warnings
    )


def test_google_invalid_key_is_an_error_saying_so(places, settings):
    settings.SCRAPERSKY_PLACES_GOOGLE_API_KEY = "wrong"
    with pytest.raises(PermanentError, match="refused the API key.*API key not valid"):
        run_search(PlaceSearchFactory(provider="google"))


def test_google_without_a_key(places, settings):
    settings.SCRAPERSKY_PLACES_GOOGLE_API_KEY = ""
    with pytest.raises(PermanentError, match="no API key is configured"):
        run_search(PlaceSearchFactory(provider="google"))


def test_google_resource_exhausted_is_transient(places):
    error = {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "Quota exceeded"}}
    for _ in range(3):
        places.fail("/v1/places:searchText", 429, error, **{"Retry-After": "0"})
    with pytest.raises(TransientError):
        run_search(PlaceSearchFactory(provider="google"))


def test_google_permission_denied_is_an_error(places):
    error = {
        "error": {
            "code": 403,
            "status": "PERMISSION_DENIED",
            "message": "Requests to this API places.googleapis.com are blocked.",
        }
    }
    places.fail("/v1/places:searchText", 403, error)
    with pytest.raises(PermanentError, match="restricted"):
        run_search(PlaceSearchFactory(provider="google"))


# --- persisting -----------------------------------------------------------------------------
def test_a_business_found_twice_is_linked_not_duplicated(places):
    first, second = PlaceSearchFactory(), PlaceSearchFactory()
    persist(first.pk, run_search(first))
    count = Business.objects.count()
    persist(second.pk, run_search(second))
    assert Business.objects.count() == count
    second.refresh_from_db()
    assert second.new_businesses == 0 and second.results_count == count
    brightwater = Business.objects.get(provider="osm", name="Brightwater Plumbing")
    assert set(brightwater.searches.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert brightwater.last_seen_at > brightwater.first_seen_at


def test_the_same_business_from_two_providers_is_two_rows(places):
    osm, google = PlaceSearchFactory(), PlaceSearchFactory(provider="google")
    persist(osm.pk, run_search(osm))
    persist(google.pk, run_search(google))
    rows = Business.objects.filter(name="Brightwater Plumbing")
    assert sorted(rows.values_list("provider", flat=True)) == ["google", "osm"]


def test_the_search_records_what_happened(places):
    search = PlaceSearchFactory()
    persist(search.pk, run_search(search))
    search = PlaceSearch.objects.get(pk=search.pk)
    assert search.results_count == search.new_businesses > 0
    assert search.pages_read == 1 and search.queries_made == 2
    assert search.searched_area["label"] == DEMO_CITY["display_name"]
    assert Business.objects.get(name="Сантехник Иван").provider_id == "node/1011"
