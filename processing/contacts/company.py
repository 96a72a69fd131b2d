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
from collections.abc import Iterator
from typing import Any

from stdnum import exceptions as stdnum_exceptions
from stdnum.de import handelsregisternummer
from stdnum.eu import vat as eu_vat
from stdnum.fr import siren as fr_siren
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
    """A schema.org PostalAddress (or a plain string) as one line."""
    if isinstance(node, str):
        return " ".join(node.split())[:MAX_VALUE]
    if isinstance(node, list):
        return format_postal_address(node[0]) if node else ""
    if not isinstance(node, dict):
        return ""
    street = _text(node.get("streetAddress"))
    postal, locality = _text(node.get("postalCode")), _text(node.get("addressLocality"))
    region, country = _text(node.get("addressRegion")), _text(node.get("addressCountry"))
    place = " ".join(p for p in (postal, locality) if p)
    parts = [p for p in (street, place, region, country) if p]
    return ", ".join(parts)[:MAX_VALUE]


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
    """The compact VAT id when its check digits hold (EU member states and the UK)."""
    compact = re.sub(r"[\s.\-]", "", raw).upper()
    if len(compact) < 8:
        return None
    try:
        if compact.startswith(("GB", "XI")):
            return gb_vat.validate(compact) and compact
        return eu_vat.validate(compact)
    except stdnum_exceptions.ValidationError:
        return None


# --- the legal page ----------------------------------------------------------------------------

LEGAL_PAGE_RE = re.compile(
    r"impressum|imprint|mentions l[ée]gales|legal notice|legal information|angaben gem[äa](?:ß|ss)|"
    r"company information|registered office|si[èe]ge social|handelsregister|registergericht|"
    r"company (?:registration )?(?:number|no)|registered in (?:england|scotland|wales)|"
    r"\bsiren\b|\bsiret\b|\brcs\b",
    re.IGNORECASE,
)
# Literal pieces of LEGAL_PAGE_RE: a page holding none of them is not read with it.
_LEGAL_WORDS = (
    "impressum",
    "imprint",
    "mentions l",
    "legal",
    "angaben",
    "company ",
    "register",
    "siège",
    "siege",
    "handelsreg",
    "siren",
    "siret",
    "rcs",
)
_FORMS = (
    r"GmbH & Co\.? KG|GmbH|gGmbH|UG \(haftungsbeschränkt\)|AG|KG|OHG|e\.\s?K\.|e\.\s?V\.|"
    r"GbR|PartG(?: mbB)?|SARL|S\.A\.R\.L\.|SAS|SASU|SA|EURL|SCI|SNC|SELARL|Ltd\.?|Limited|LLP|"
    r"PLC|plc|LLC|Inc\.?|Co\.,? Ltd\.?"
)
_LEGAL_NAME_LINE_RE = re.compile(rf"^(?P<name>[A-ZÄÖÜÉÈ0-9][\w&.,'’ -]{{1,80}}?\s(?:{_FORMS}))\.?$")
_COPYRIGHT_RE = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?\s*(?P<name>[A-ZÄÖÜÉÈ0-9]"
    rf"[\w&.,'’ -]{{1,80}}?\s(?:{_FORMS}))(?![\w])",
    re.IGNORECASE,
)
_STREET_RE = re.compile(
    r"^[^\d\n]{3,60}?\s\d{1,4}\s?[a-zA-Z]?(?:[-/]\d{1,4})?$|^\d{1,4}[a-z]?,?\s[^\d\n]{3,60}$"
)
_POSTAL_CITY_RE = re.compile(
    r"^(?:(?:D|F|A|CH)-)?(?P<post>\d{4,5})\s+(?P<city>[A-ZÄÖÜÉÈ][\w .'’()/-]{1,40})$"
)
_GB_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
_GB_CITY_RE = re.compile(rf"^(?P<city>[A-Z][\w .'’-]{{1,40}}?),?\s+(?P<post>{_GB_POSTCODE})$")
_GB_POSTCODE_LINE_RE = re.compile(rf"^(?P<post>{_GB_POSTCODE})$")
_ONE_LINE_ADDRESS_RE = re.compile(
    r"(?P<street>[A-ZÄÖÜ][^\d\n,]{2,50}?\s\d{1,4}\s?[a-z]?|\d{1,4},?\s[^\d\n,]{3,50}?),\s*"
    r"(?:(?:D|F|A|CH)-)?(?P<post>\d{5})\s+(?P<city>[A-ZÄÖÜÉÈ][\w.'’-]+(?:\s(?:am|an der|im|sur|"
    r"en|de|upon|on)?\s?[A-ZÄÖÜÉÈ][\w.'’-]+)?)"
)
_US_ADDRESS_RE = re.compile(
    r"(?P<street>\d{1,6}\s[A-Z][\w .'’-]{2,50}?),\s*(?P<city>[A-Z][\w .'’-]{1,30}),\s*"
    r"(?P<state>[A-Z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)"
)
_VAT_RE = re.compile(
    r"(?:USt\.?-?Id(?:ent)?\.?-?Nr\.?|Umsatzsteuer-?Identifikationsnummer|VAT(?:\s?(?:Reg(?:istration)?"
    r"\.?|ID|No\.?|Number|number))*|TVA(?: intracommunautaire)?|N°\s?TVA|numéro de TVA"
    r"(?: intracommunautaire)?|UID(?:-Nr\.?)?)"
    r"[\s\S]{0,80}?(?<![A-Za-z])(?P<vat>(?:DE|FR|GB|AT|ATU|NL|BE|IT|ES|LU|IE|DK|PL|CZ|SE|FI|PT|XI)"
    r"[\s.]?[0-9A-Z](?:[\s.]?[0-9A-Z]){7,13})",
    re.IGNORECASE,
)
_HRB_RE = re.compile(r"(?P<type>HRB|HRA|GnR|PR|VR)\s?(?P<number>\d{1,6}(?:\s?[A-Z]{1,2})?)(?![\w])")
_COURT_RE = re.compile(
    r"(?:Amtsgericht|Registergericht:?\s*(?:Amtsgericht)?|AG)\s+(?P<court>[A-ZÄÖÜ][\w.\-/]+"
    r"(?:\s(?:am|an der|im|in der|i\.\s?d\.)\s[A-ZÄÖÜ][\w.\-/]+|\s\([A-Za-z]+\))?)"
)
_UK_COMPANY_RE = re.compile(
    r"(?:company\s(?:registration\s)?(?:no\.?|number)|registered\sin\s(?:england(?:\sand|\s&)\s"
    r"wales|scotland|wales|northern\sireland)[^.\n\d]{0,40}?|companies\shouse(?:\sno\.?)?|"
    r"\bcrn\b)\s*[:.]?\s*(?:no\.?|number)?\s*[:.]?\s*(?P<number>(?:SC|NI|OC|SO|NC|R0)?\d{6,8})"
    r"(?![\w])",
    re.IGNORECASE,
)
_SIREN_RE = re.compile(
    r"(?:SIREN|SIRET|RCS(?:\s[A-ZÉ][\w\-]+)?)\s*(?:n°|no\.?|:)?\s*:?\s*(?P<number>\d{3}\s?\d{3}"
    r"\s?\d{3})(?:\s?\d{5})?(?!\d)",
    re.IGNORECASE,
)


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]


_LABEL_RE = re.compile(r"^[^:\d]{2,40}:\s*")
# Each opens with the character class it scans for (a look-behind first would stop the regular
# expression engine from skipping ahead to candidates in C).
_POSTCODE_HINT_RE = re.compile(r"\d(?<!\d\d)\d{4}(?!\d)")
_GB_POSTCODE_HINT_RE = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Z]?\d[A-Z\d]?\s?\d[A-Z]{2}")


def _addresses(lines: list[str], source: str, rank: int) -> Iterator[FoundCompanyFact]:
    lines = [_LABEL_RE.sub("", line) for line in lines]
    for i, line in enumerate(lines):
        if (m := _POSTAL_CITY_RE.match(line)) and i and _STREET_RE.match(lines[i - 1]):
            value = f"{lines[i - 1]}, {m.group('post')} {m.group('city')}"
            yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
        elif (m := _GB_CITY_RE.match(line)) and i and _STREET_RE.match(lines[i - 1]):
            value = f"{lines[i - 1]}, {m.group('city')} {m.group('post')}"
            yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
        elif (m := _GB_POSTCODE_LINE_RE.match(line)) and i > 1 and _STREET_RE.match(lines[i - 2]):
            value = f"{lines[i - 2]}, {lines[i - 1]} {m.group('post')}"
            yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
        else:
            for m in _ONE_LINE_ADDRESS_RE.finditer(line):
                value = f"{m.group('street').strip()}, {m.group('post')} {m.group('city')}"
                yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
            for m in _US_ADDRESS_RE.finditer(line):
                value = (
                    f"{m.group('street')}, {m.group('city')}, {m.group('state')} {m.group('zip')}"
                )
                yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)


def _register_ids(text: str) -> Iterator[FoundCompanyFact]:
    for m in _VAT_RE.finditer(text):
        if vat := valid_vat(m.group("vat")):
            yield FoundCompanyFact(VAT_ID, vat, "text", RANK_LEGAL_PAGE)
    for m in _HRB_RE.finditer(text):
        window = text[max(0, m.start() - 120) : m.end() + 120]
        court = _COURT_RE.search(window)
        number = f"{m.group('type')} {m.group('number').replace(' ', '')}"
        if court:
            court_name = " ".join(court.group("court").split())
            value = f"{number}, Amtsgericht {court_name}"
            try:
                handelsregisternummer.validate(f"{court_name} {number}")
            except stdnum_exceptions.ValidationError:
                continue
            yield FoundCompanyFact(REGISTER_ID, value[:MAX_VALUE], "text", RANK_LEGAL_PAGE)
    for m in _UK_COMPANY_RE.finditer(text):
        number = m.group("number").upper()
        number = number if not number.isdigit() else number.zfill(8)
        yield FoundCompanyFact(COMPANY_NUMBER, number, "text", RANK_LEGAL_PAGE)
    for m in _SIREN_RE.finditer(text):
        number = m.group("number").replace(" ", "")
        if fr_siren.is_valid(number):
            yield FoundCompanyFact(SIREN, number, "text", RANK_LEGAL_PAGE)


def company_from_text(text: str) -> list[FoundCompanyFact]:
    """Facts the visible text states: all of them on a legal page, else copyright and address."""
    facts: list[FoundCompanyFact] = []
    lowered = text.lower()
    legal = any(word in lowered for word in _LEGAL_WORDS) and bool(LEGAL_PAGE_RE.search(text))
    if legal:
        lines = _lines(text)
        for line in lines:
            if m := _LEGAL_NAME_LINE_RE.match(line):
                facts.append(
                    FoundCompanyFact(LEGAL_NAME, m.group("name"), "legal_page", RANK_LEGAL_PAGE)
                )
        facts.extend(_addresses(lines, "legal_page", RANK_LEGAL_PAGE))
        facts.extend(_register_ids(text))
    elif _POSTCODE_HINT_RE.search(text) or _GB_POSTCODE_HINT_RE.search(text):
        facts.extend(_addresses(_lines(text), "text", RANK_COPYRIGHT))
    for m in _copyright_matches(text, lowered):
        facts.append(
            FoundCompanyFact(LEGAL_NAME, m.group("name").strip(), "copyright", RANK_COPYRIGHT)
        )
    return facts


def _copyright_matches(text: str, lowered: str) -> Iterator[re.Match]:
    # The pattern tried only where a copyright sign or word stands (a case-insensitive
    # alternation scanned over the whole page costs more than the rest of company_from_text).
    for marker in ("©", "(c)", "copyright"):
        start = lowered.find(marker)
        while start != -1:
            if m := _COPYRIGHT_RE.match(text, start):
                yield m
            start = lowered.find(marker, start + 1)


def dedupe(facts: list[FoundCompanyFact]) -> list[FoundCompanyFact]:
    """One fact per (kind, value), its best rank kept, in first-seen order."""
    best: dict[tuple[str, str], FoundCompanyFact] = {}
    for fact in facts:
        key = (fact.kind, fact.value)
        if key not in best or fact.rank < best[key].rank:
            best[key] = fact
    return list(best.values())
