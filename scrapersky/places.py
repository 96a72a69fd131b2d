"""The places vocabulary: providers, business categories and their tags, OSM tag filters.

Plain Python (the admin's choices, the API's validation and the providers read it alike). Each
category maps to the OpenStreetMap tags that mark such a business (a dentist is tagged
``amenity=dentist`` or ``healthcare=dentist``; a plumber ``craft=plumber``; wiki "Map features")
and to the Google Places type (Table A of the Places API (New) types) used as ``includedType``,
or None where Google has no type and the words of the label search on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROVIDERS = {"osm": "OpenStreetMap", "google": "Google Places"}
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
OSM_LICENCE_URL = "https://www.openstreetmap.org/copyright"
ATTRIBUTIONS = {"osm": OSM_ATTRIBUTION, "google": "Google Maps"}


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    osm: tuple[str, ...]  # "key=value" tag filters; any of them matches
    google: str | None  # Places API (New) type, or None


def _c(key: str, label: str, osm: str, google: str | None = None) -> Category:
    return Category(key, label, tuple(osm.split()), google)


_CATEGORIES = [
    # Trades and home services
    _c("plumber", "Plumbers", "craft=plumber", "plumber"),
    _c("electrician", "Electricians", "craft=electrician", "electrician"),
    _c("carpenter", "Carpenters", "craft=carpenter"),
    _c("roofer", "Roofers", "craft=roofer", "roofing_contractor"),
    _c("painter", "Painters and decorators", "craft=painter", "painter"),
    _c("hvac", "Heating and air conditioning", "craft=hvac craft=heating_engineer"),
    _c("locksmith", "Locksmiths", "craft=locksmith shop=locksmith", "locksmith"),
    _c("gardener", "Gardeners and landscapers", "craft=gardener"),
    _c("builder", "Builders", "craft=builder office=construction_company", "general_contractor"),
    _c("glazier", "Glaziers", "craft=glaziery shop=glaziery"),
    _c("tiler", "Tilers", "craft=tiler"),
    _c("stonemason", "Stonemasons", "craft=stonemason"),
    _c("metal_worker", "Metal workers", "craft=metal_construction"),
    _c("upholsterer", "Upholsterers", "craft=upholsterer"),
    _c("cleaning", "Cleaning services", "craft=cleaning office=cleaning"),
    _c("moving", "Removals and movers", "office=moving_company", "moving_company"),
    # Health
    _c("dentist", "Dentists", "amenity=dentist healthcare=dentist", "dentist"),
    _c("doctor", "Doctors", "amenity=doctors healthcare=doctor", "doctor"),
    _c("clinic", "Clinics", "amenity=clinic healthcare=clinic", "medical_clinic"),
    _c("pharmacy", "Pharmacies", "amenity=pharmacy healthcare=pharmacy", "pharmacy"),
    _c("physiotherapist", "Physiotherapists", "healthcare=physiotherapist", "physiotherapist"),
    _c("optician", "Opticians", "shop=optician healthcare=optometrist"),
    _c("veterinary", "Veterinarians", "amenity=veterinary", "veterinary_care"),
    _c("chiropractor", "Chiropractors", "healthcare=chiropractor", "chiropractor"),
    _c("psychotherapist", "Psychotherapists", "healthcare=psychotherapist"),
    _c("hearing_aids", "Hearing aids", "shop=hearing_aids"),
    # Beauty and wellbeing
    _c("hairdresser", "Hairdressers", "shop=hairdresser", "hair_salon"),
    _c("barber", "Barbers", "shop=hairdresser:barber shop=barber", "barber_shop"),
    _c("beauty", "Beauty salons", "shop=beauty", "beauty_salon"),
    _c("nail_salon", "Nail salons", "shop=beauty:nails", "nail_salon"),
    _c("massage", "Massage", "shop=massage", "massage"),
    _c("spa", "Spas", "leisure=spa amenity=spa", "spa"),
    _c("tattoo", "Tattoo studios", "shop=tattoo"),
    _c("gym", "Gyms", "leisure=fitness_centre", "gym"),
    _c("yoga", "Yoga studios", "sport=yoga", "yoga_studio"),
    # Food and drink
    _c("restaurant", "Restaurants", "amenity=restaurant", "restaurant"),
    _c("cafe", "Cafés", "amenity=cafe", "cafe"),
    _c("bar", "Bars", "amenity=bar", "bar"),
    _c("pub", "Pubs", "amenity=pub", "pub"),
    _c("fast_food", "Fast food", "amenity=fast_food", "fast_food_restaurant"),
    _c("bakery", "Bakeries", "shop=bakery", "bakery"),
    _c("butcher", "Butchers", "shop=butcher", "butcher_shop"),
    _c("greengrocer", "Greengrocers", "shop=greengrocer"),
    _c("deli", "Delicatessens", "shop=deli", "deli"),
    _c("confectionery", "Sweet shops", "shop=confectionery", "candy_store"),
    _c("ice_cream", "Ice cream", "amenity=ice_cream shop=ice_cream", "ice_cream_shop"),
    _c("brewery", "Breweries", "craft=brewery"),
    _c("winery", "Wineries", "craft=winery", "winery"),
    _c("caterer", "Caterers", "craft=caterer", "catering_service"),
    _c("wine_shop", "Wine shops", "shop=wine shop=alcohol", "liquor_store"),
    _c("supermarket", "Supermarkets", "shop=supermarket", "supermarket"),
    # Professional services
    _c("lawyer", "Lawyers", "office=lawyer", "lawyer"),
    _c("accountant", "Accountants", "office=accountant office=tax_advisor", "accounting"),
    _c("estate_agent", "Estate agents", "office=estate_agent", "real_estate_agency"),
    _c("insurance", "Insurance agents", "office=insurance", "insurance_agency"),
    _c("architect", "Architects", "office=architect"),
    _c("it_services", "IT services", "office=it"),
    _c("consultant", "Consultants", "office=consulting"),
    _c("financial_advisor", "Financial advisers", "office=financial_advisor office=financial"),
    _c("notary", "Notaries", "office=notary"),
    _c("employment_agency", "Employment agencies", "office=employment_agency"),
    _c("travel_agency", "Travel agents", "shop=travel_agency office=travel_agent", "travel_agency"),
    _c("advertising", "Advertising agencies", "office=advertising_agency"),
    _c("graphic_design", "Graphic designers", "office=graphic_design craft=graphic_design"),
    _c("photographer", "Photographers", "craft=photographer shop=photo"),
    _c("printer", "Printers", "craft=printer shop=copyshop"),
    _c("surveyor", "Surveyors", "office=surveyor"),
    _c("engineer", "Engineering firms", "office=engineer"),
    _c("bank", "Banks", "amenity=bank", "bank"),
    # Shops
    _c("bicycle", "Bicycle shops", "shop=bicycle", "bicycle_store"),
    _c("florist", "Florists", "shop=florist", "florist"),
    _c("bookshop", "Bookshops", "shop=books", "book_store"),
    _c("clothes", "Clothes shops", "shop=clothes", "clothing_store"),
    _c("shoes", "Shoe shops", "shop=shoes", "shoe_store"),
    _c("jewellery", "Jewellers", "shop=jewelry", "jewelry_store"),
    _c("hardware", "Hardware shops", "shop=hardware shop=doityourself", "hardware_store"),
    _c("furniture", "Furniture shops", "shop=furniture", "furniture_store"),
    _c("electronics", "Electronics shops", "shop=electronics", "electronics_store"),
    _c("mobile_phone", "Mobile phone shops", "shop=mobile_phone", "cell_phone_store"),
    _c("computer", "Computer shops", "shop=computer"),
    _c("gift", "Gift shops", "shop=gift", "gift_shop"),
    _c("toys", "Toy shops", "shop=toys"),
    _c("pet", "Pet shops", "shop=pet", "pet_store"),
    _c("garden_centre", "Garden centres", "shop=garden_centre", "garden_center"),
    _c("car_dealer", "Car dealers", "shop=car", "car_dealer"),
    _c("car_repair", "Car repair", "shop=car_repair", "car_repair"),
    _c("tyres", "Tyre shops", "shop=tyres"),
    _c("car_wash", "Car washes", "amenity=car_wash", "car_wash"),
    _c("dry_cleaning", "Dry cleaners", "shop=dry_cleaning shop=laundry", "laundry"),
    _c("tailor", "Tailors", "shop=tailor craft=tailor"),
    _c("antiques", "Antiques", "shop=antiques"),
    _c("art_gallery", "Art galleries", "shop=art tourism=gallery", "art_gallery"),
    _c("music_shop", "Music shops", "shop=musical_instrument shop=music"),
    _c("sports_shop", "Sports shops", "shop=sports", "sporting_goods_store"),
    _c("stationery", "Stationers", "shop=stationery"),
    _c("kitchen", "Kitchen studios", "shop=kitchen"),
    _c("interior_decoration", "Interior decoration", "shop=interior_decoration"),
    # Hospitality, education, leisure
    _c("hotel", "Hotels", "tourism=hotel", "hotel"),
    _c(
        "guest_house",
        "Guest houses",
        "tourism=guest_house tourism=bed_and_breakfast",
        "bed_and_breakfast",
    ),
    _c("driving_school", "Driving schools", "amenity=driving_school"),
    _c("language_school", "Language schools", "amenity=language_school"),
    _c("music_school", "Music schools", "amenity=music_school"),
    _c("kindergarten", "Nurseries and kindergartens", "amenity=kindergarten", "preschool"),
    _c("childcare", "Childcare", "amenity=childcare", "child_care_agency"),
    _c("dance", "Dance schools", "leisure=dance amenity=dancing_school"),
    _c("cinema", "Cinemas", "amenity=cinema", "movie_theater"),
    _c("funeral_directors", "Funeral directors", "shop=funeral_directors", "funeral_home"),
    _c("storage", "Self storage", "shop=storage_rental", "storage"),
    _c("coworking", "Coworking spaces", "amenity=coworking_space office=coworking"),
]

CATEGORIES: dict[str, Category] = {c.key: c for c in _CATEGORIES}

#: the admin's and the API's choices, in vocabulary order
CATEGORY_CHOICES = [(c.key, c.label) for c in _CATEGORIES]

#: a business's category as a provider gives it (an OSM tag, a Google type) -> its label
_TAG_LABELS = {
    tag: c.label for c in reversed(_CATEGORIES) for tag in (*c.osm, c.google) if tag is not None
}


def category_labels(tags: list[str]) -> list[str]:
    """The vocabulary's labels for a business's categories (a tag it does not know, as given)."""
    return list(dict.fromkeys(_TAG_LABELS.get(tag, tag) for tag in tags))


# One OSM tag filter: key=value (key and value: letters, digits, _ : -), or a bare key=* .
_TAG_RE = re.compile(r"^([a-z][a-z0-9_:-]{0,63})=([A-Za-z0-9_:.-]{1,64}|\*)$")


class VocabularyError(ValueError):
    """A category or tag filter that is not understood; the message says why."""


def parse_tag_filter(text: str) -> tuple[str, ...]:
    """``"craft=plumber; shop=bakery"`` -> ``("craft=plumber", "shop=bakery")``, each checked
    (a filter is spliced into Overpass QL, so nothing but a tag's characters is accepted)."""
    tags = tuple(part.strip() for part in re.split(r"[;,\s]+", text.strip()) if part.strip())
    if not tags:
        raise VocabularyError("the tag filter is empty")
    for tag in tags:
        if not _TAG_RE.match(tag):
            raise VocabularyError(
                f"{tag!r} is not an OSM tag filter (key=value, e.g. craft=plumber, or key=*)"
            )
    return tags


def category(key: str) -> Category:
    try:
        return CATEGORIES[key]
    except KeyError:
        raise VocabularyError(f"unknown category {key!r}") from None
