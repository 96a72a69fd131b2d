"""One domain's lead as a versioned JSON document (schema: docs/lead-schema.md) and its hash.

The document is built from the database as it is now and serialised canonically (sorted keys,
no whitespace, UTF-8), so the same lead always gives the same bytes: its SHA-256 (``lead_hash``)
says whether a destination already has this version, and the idempotency key of a webhook
delivery is derived from it. Nothing that changes without the lead changing is in it (no send
time, no ``last_seen_at``).

Sections: ``company`` (with the facts its pages state), ``contacts`` and ``people`` (1.1),
``businesses`` (1.2: the local-business listings whose website became this domain, each with its
provider's attribution and licence; OpenStreetMap's data is ODbL and must be credited). A new
section is one more entry in :data:`SECTIONS` and a minor version (consumers ignore keys they do
not know, as the schema says).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from curation.leads import company_facts, people_of
from curation.models import Business, Contact, ContactSighting, Domain, PersonSighting
from scrapersky.places import OSM_ATTRIBUTION, OSM_LICENCE_URL, PROVIDERS

SCHEMA = "scrapersky.lead"
SCHEMA_VERSION = "1.2"
#: pages listed per contact (where it was seen, oldest sighting first)
PAGES_PER_CONTACT = 5
#: what a business listing's provider asks its users to show: (attribution, licence, its URL)
PROVIDER_TERMS = {
    "osm": (OSM_ATTRIBUTION, "ODbL-1.0", OSM_LICENCE_URL),
    "google": ("Google Maps", None, None),
}


@dataclass(frozen=True)
class Lead:
    """A built lead: the document, its canonical bytes and their SHA-256 (hex)."""

    domain_id: int
    document: dict[str, Any]
    body: bytes
    hash: str

    @property
    def version(self) -> str:
        """The lead version: the first 32 hex digits of the hash."""
        return self.hash[:32]

    @property
    def idempotency_key(self) -> str:
        """Stable for one version of one lead: a receiver drops a repeat with the same key."""
        return f"lead-{self.domain_id}-{self.version}"

    @property
    def emails(self) -> list[dict[str, Any]]:
        return [c for c in self.document["contacts"] if c["kind"] == "email"]

    def summary(self) -> str:
        counts = {k: len(v) for k, v in self.document.items() if isinstance(v, list) and v}
        parts = [f"{n} {name}" for name, n in counts.items()]
        return "company" + (" + " + ", ".join(parts) if parts else "")


def _iso(value) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def company_section(domain: Domain) -> dict[str, Any]:
    return {
        "id": domain.pk,
        "domain": domain.domain,
        "name": domain.company_name or None,
        "website": f"https://{domain.domain}/",
        "source": domain.source,
        "created_at": _iso(domain.created_at),
        # the best-ranked value of each kind the pages state (legal_name, address, vat_id, ...)
        "facts": {kind: fact.value for kind, fact in sorted(company_facts(domain.pk).items())},
    }


def _first_pages(sightings, owner: str) -> dict[int, list[str]]:
    """``{owner id: the first PAGES_PER_CONTACT page URLs it was seen on, oldest first}``."""
    pages: dict[int, list[str]] = defaultdict(list)
    rows = sightings.order_by(owner, "seen_at", "id").values_list(owner, "page__url")
    for owner_id, url in rows:
        if len(pages[owner_id]) < PAGES_PER_CONTACT:
            pages[owner_id].append(url)
    return pages


def contacts_section(domain: Domain) -> list[dict[str, Any]]:
    contacts = list(
        Contact.objects.filter(domain_id=domain.pk)
        .order_by("kind", "value")
        .values(
            "id",
            "kind",
            "value",
            "display",
            "classification",
            "verdict",
            "first_seen_at",
            "person_id",
        )
    )
    pages = _first_pages(ContactSighting.objects.filter(contact__domain_id=domain.pk), "contact_id")
    return [
        {
            "id": c["id"],
            "kind": c["kind"],
            "value": c["value"],
            "display": c["display"] or None,
            "classification": c["classification"] or None,
            "verdict": c["verdict"],
            "first_seen_at": _iso(c["first_seen_at"]),
            "source_pages": pages.get(c["id"], []),
            "person_id": c["person_id"],
        }
        for c in contacts
    ]


def people_section(domain: Domain) -> list[dict[str, Any]]:
    """The domain's people, executives first (``curation.leads.people_of``), with their
    contacts' ids and the pages that name them."""
    people = list(people_of(domain.pk))
    pages = _first_pages(PersonSighting.objects.filter(person__domain_id=domain.pk), "person_id")
    return [
        {
            "id": p.pk,
            "name": p.name,
            "role": p.role or None,
            "seniority": p.seniority or None,
            "first_seen_at": _iso(p.first_seen_at),
            "contact_ids": [c.pk for c in p.contacts.all()],
            "source_pages": pages.get(p.pk, []),
        }
        for p in people
    ]


#: what a business shows of its listing (text fields: "" is null in the document)
BUSINESS_FIELDS = (
    "provider_id",
    "provider_url",
    "name",
    "address",
    "street",
    "city",
    "postcode",
    "region",
    "country",
    "phone",
    "email",
    "website",
    "opening_hours",
    "business_status",
)


def businesses_section(domain: Domain) -> list[dict[str, Any]]:
    """The listings (OpenStreetMap, Google Places) whose website became this domain, by id,
    each with what its provider asks to be shown with it (OpenStreetMap: ODbL attribution)."""
    rows = Business.objects.filter(domain_id=domain.pk).order_by("id")
    result = []
    for b in rows.values(
        "id",
        "provider",
        "categories",
        "latitude",
        "longitude",
        "rating",
        "rating_count",
        "first_seen_at",
        *BUSINESS_FIELDS,
    ):
        attribution, licence, licence_url = PROVIDER_TERMS.get(
            b["provider"], (PROVIDERS.get(b["provider"], b["provider"]), None, None)
        )
        entry = {
            "id": b["id"],
            "provider": b["provider"],
            **{name: b[name] or None for name in BUSINESS_FIELDS},
            "categories": b["categories"],
            "latitude": b["latitude"],
            "longitude": b["longitude"],
            "rating": b["rating"],
            "rating_count": b["rating_count"],
            "first_seen_at": _iso(b["first_seen_at"]),
            "attribution": attribution,
            "licence": licence,
            "licence_url": licence_url,
        }
        result.append(entry)
    return result


#: list sections: (key, builder), in the order they joined the schema
SECTIONS: list[tuple[str, Callable[[Domain], list[dict[str, Any]]]]] = [
    ("contacts", contacts_section),
    ("people", people_section),
    ("businesses", businesses_section),
]


def build_document(domain: Domain) -> dict[str, Any]:
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "lead_id": f"domain:{domain.pk}",
        "company": company_section(domain),
    }
    for key, builder in SECTIONS:
        document[key] = builder(domain)
    return document


def canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def build_lead(domain: Domain) -> Lead:
    """The lead of ``domain`` as it is in the database now.

    The hash covers the document without ``lead_version``, which is then set from it."""
    document = build_document(domain)
    digest = hashlib.sha256(canonical(document)).hexdigest()
    document["lead_version"] = digest[:32]
    return Lead(domain_id=domain.pk, document=document, body=canonical(document), hash=digest)
