"""What a site says about the company: legal name, postal address, opening hours, register ids.

Sources, best first (a fact's ``rank``; the lead shows the best of each kind): the legal page's
own lines (Impressum, mentions légales, a UK company-information block), JSON-LD
``Organization``/``LocalBusiness`` (``legalName`` before ``name``), microdata, the copyright line,
``og:site_name``. Registration identifiers are kept only when their check digits hold (VAT ids,
SIREN) or their form is the register's (Handelsregister with its court, UK company numbers),
validated with python-stdnum.
"""

from __future__ import annotations

import re
from typing import Any

from stdnum import exceptions as stdnum_exceptions
from stdnum.ch import vat as ch_vat
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat

from processing.contacts.results import FoundCompanyFact
from processing.contacts.structured_data import type_name

LEGAL_NAME, ADDRESS, OPENING_HOURS = "legal_name", "address", "opening_hours"
VAT_ID, REGISTER_ID, COMPANY_NUMBER, SIREN = "vat_id", "register_id", "company_number", "siren"
FACT_KINDS = (LEGAL_NAME, ADDRESS, OPENING_HOURS, VAT_ID, REGISTER_ID, COMPANY_NUMBER, SIREN)
# ranks: lower is better
RANK_LEGAL_PAGE, RANK_JSONLD_LEGAL, RANK_JSONLD, RANK_MICRODATA, RANK_COPYRIGHT, RANK_OG = range(6)
MAX_VALUE = 300


_NOT_COMPANY_TYPES = frozenset(
    """Person WebSite WebPage Article BlogPosting NewsArticle Product Offer Review Rating
    AggregateRating Event BreadcrumbList ListItem ImageObject VideoObject PostalAddress
    ContactPoint OpeningHoursSpecification GeoCoordinates SearchAction FAQPage Question Answer
    ItemList SiteNavigationElement CollectionPage AboutPage ContactPage Place Thing""".split()
)
_DAYS = {
    "monday": "Mo",
    "tuesday": "Tu",
    "wednesday": "We",
    "thursday": "Th",
    "friday": "Fr",
    "saturday": "Sa",
    "sunday": "Su",
    "publicholidays": "PH",
}
_DAY_ORDER = list(_DAYS.values())


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), "")
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return " ".join(str(value).split())[:MAX_VALUE] if isinstance(value, str | int) else ""


def format_postal_address(node: Any) -> str:
    """A schema.org PostalAddress (or a plain string) as one line, in the order of its country's
    addresses: "street, postcode city, region, country", a US one "street, city, ST zip"."""
    if isinstance(node, str):
        return " ".join(node.split())[:MAX_VALUE]
    if isinstance(node, list):
        return format_postal_address(node[0]) if node else ""
    if not isinstance(node, dict):
        return ""
    street = _text(node.get("streetAddress"))
    postal, locality = _text(node.get("postalCode")), _text(node.get("addressLocality"))
    region, country = _text(node.get("addressRegion")), _text(node.get("addressCountry"))
    if _US_ZIP_RE.fullmatch(postal) and (
        country.upper() in _US or (not country and _US_STATE_RE.fullmatch(region))
    ):  # as a US address is written: "1 Main St, Austin, TX 78701"
        state = " ".join(p for p in (region, postal) if p)
        parts = [p for p in (street, locality, state, country) if p]
    else:
        place = " ".join(p for p in (postal, locality) if p)
        parts = [p for p in (street, place, region, country) if p]
    return ", ".join(parts)[:MAX_VALUE]


_US = frozenset({"US", "USA", "U.S.", "U.S.A.", "UNITED STATES", "UNITED STATES OF AMERICA"})
_US_ZIP_RE = re.compile(r"\d{5}(?:-\d{4})?")
_US_STATE_RE = re.compile(r"[A-Z]{2}")


def _hours_spec(specs: Any) -> str:
    groups: dict[str, list[str]] = {}
    for spec in specs if isinstance(specs, list) else [specs]:
        if not isinstance(spec, dict):
            continue
        opens, closes = _text(spec.get("opens"))[:5], _text(spec.get("closes"))[:5]
        if not opens or not closes:
            continue
        days = spec.get("dayOfWeek")
        for day in days if isinstance(days, list) else [days]:
            code = _DAYS.get(type_name(day).lower()) if isinstance(day, str) else None
            if code:
                groups.setdefault(f"{opens}-{closes}", []).append(code)
    lines = []
    for hours, days in groups.items():
        ordered = sorted(set(days), key=_DAY_ORDER.index)
        lines.append(f"{_day_range(ordered)} {hours}")
    return "; ".join(sorted(lines, key=lambda line: _DAY_ORDER.index(line[:2])))


def _day_range(days: list[str]) -> str:
    indexes = [_DAY_ORDER.index(d) for d in days]
    if len(days) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{days[0]}-{days[-1]}"
    return ",".join(days)


def _is_company_node(types: list[str], node: dict) -> bool:
    if any(t in _NOT_COMPANY_TYPES for t in types):
        return False
    if any(t in ("Organization", "Corporation", "LocalBusiness") for t in types):
        return True
    # A LocalBusiness subtype (Dentist, AutoRepair, ...): it has what only a business has.
    return bool(types) and any(
        k in node
        for k in (
            "address",
            "openingHours",
            "openingHoursSpecification",
            "legalName",
            "vatID",
            "telephone",
            "founder",
            "employee",
            "employees",
            "member",
            "members",
            "foundingDate",
            "contactPoint",
            "priceRange",
        )
    )


def company_from_json_ld(data: Any) -> list[FoundCompanyFact]:
    """Facts of the Organization/LocalBusiness nodes of a parsed JSON-LD document."""
    facts: list[FoundCompanyFact] = []
    budget = [5_000]

    def visit(node: Any, depth: int) -> None:
        budget[0] -= 1
        if depth > 16 or budget[0] < 0:
            return
        if isinstance(node, list):
            for item in node:
                visit(item, depth + 1)
            return
        if not isinstance(node, dict):
            return
        raw = node.get("@type")
        types = [
            type_name(t) for t in (raw if isinstance(raw, list) else [raw]) if isinstance(t, str)
        ]
        if _is_company_node(types, node):
            if legal := _text(node.get("legalName")):
                facts.append(FoundCompanyFact(LEGAL_NAME, legal, "jsonld", RANK_JSONLD_LEGAL))
            if name := _text(node.get("name")):
                facts.append(FoundCompanyFact(LEGAL_NAME, name, "jsonld", RANK_JSONLD))
            if address := format_postal_address(node.get("address")):
                facts.append(FoundCompanyFact(ADDRESS, address, "jsonld", RANK_JSONLD))
            hours = node.get("openingHours")
            if isinstance(hours, list):
                hours = "; ".join(h for h in hours if isinstance(h, str))
            if isinstance(hours, str) and hours.strip():
                facts.append(
                    FoundCompanyFact(
                        OPENING_HOURS, " ".join(hours.split())[:MAX_VALUE], "jsonld", RANK_JSONLD
                    )
                )
            if spec := _hours_spec(node.get("openingHoursSpecification")):
                facts.append(FoundCompanyFact(OPENING_HOURS, spec, "jsonld", RANK_JSONLD))
            for key in ("vatID", "taxID"):
                if vat := valid_vat(_text(node.get(key))):
                    facts.append(FoundCompanyFact(VAT_ID, vat, "jsonld", RANK_JSONLD))
        for key, value in node.items():
            if key in ("address",):
                continue
            if isinstance(value, dict | list):
                visit(value, depth + 1)

    visit(data, 0)
    return facts


def valid_vat(raw: str) -> str | None:
    """The compact VAT id when its check digits hold (EU member states, the UK, Switzerland's
    ``CHE…MWST``)."""
    compact = re.sub(r"[\s.\-]", "", raw).upper()
    if len(compact) < 8:
        return None
    try:
        if compact.startswith("CHE"):
            return ch_vat.validate(compact)
        if compact.startswith(("GB", "XI")):
            return gb_vat.validate(compact) and compact
        return eu_vat.validate(compact)
    except stdnum_exceptions.ValidationError:
        return None


def dedupe(facts: list[FoundCompanyFact]) -> list[FoundCompanyFact]:
    """One fact per (kind, value), its best rank kept, in first-seen order."""
    best: dict[tuple[str, str], FoundCompanyFact] = {}
    for fact in facts:
        key = (fact.kind, fact.value)
        if key not in best or fact.rank < best[key].rank:
            best[key] = fact
    return list(best.values())
