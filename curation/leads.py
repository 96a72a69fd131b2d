"""What a domain's lead holds beyond its contacts: its people, the company's facts, its e-mail
pattern. Read by the lead sheet, the domain admin and the API's domain detail.

The e-mail pattern is reported, never used to make addresses up: it is the way most of the
named people's addresses on the domain are built from their names (``{first}.{last}``,
``{f}{last}``, ...), given when at least two people's addresses follow it, with the number of
addresses it rests on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Case, Prefetch, QuerySet, Value, When

from curation.models import CompanyFact, Contact, Person
from scrapersky.person_names import first_last

# Most specific first: a local part that fits two patterns counts for the first.
PATTERNS = (
    "{first}.{last}",
    "{first}_{last}",
    "{first}-{last}",
    "{first}{last}",
    "{f}.{last}",
    "{f}{last}",
    "{last}.{first}",
    "{last}{first}",
    "{last}{f}",
    "{first}{l}",
    "{first}",
    "{last}",
)
MIN_PEOPLE = 2
#: How the lead sheet names each kind of company fact, in the order it shows them.
FACT_LABELS = {
    "legal_name": "Legal name",
    "address": "Address",
    "opening_hours": "Opening hours",
    "vat_id": "VAT ID",
    "register_id": "Commercial register",
    "company_number": "Company number",
    "siren": "SIREN",
}


@dataclass(frozen=True, slots=True)
class EmailPattern:
    pattern: str
    addresses: int  # how many named people's addresses follow it
    people: int  # of how many named people with an address on the domain


def people_of(domain_id: int) -> QuerySet[Person]:
    """The domain's people, executives first, each with their contacts (prefetched)."""
    rank = Case(
        When(seniority="executive", then=Value(0)),
        When(seniority="manager", then=Value(1)),
        When(seniority="staff", then=Value(2)),
        default=Value(3),
    )
    return (
        Person.objects.filter(domain_id=domain_id)
        .prefetch_related(Prefetch("contacts", queryset=Contact.objects.order_by("kind", "value")))
        .annotate(seniority_rank=rank)
        .order_by("seniority_rank", "name")
    )


def company_facts(domain_id: int) -> dict[str, CompanyFact]:
    """The best-ranked fact of each kind the domain's pages state (kind -> fact)."""
    best: dict[str, CompanyFact] = {}
    for fact in CompanyFact.objects.filter(domain_id=domain_id).order_by("kind", "rank", "id"):
        best.setdefault(fact.kind, fact)
    return best


def _matches(local: str, pattern: str, firsts: set[str], lasts: set[str]) -> bool:
    for first in firsts:
        for last in lasts:
            built = pattern.format(first=first, last=last, f=first[:1], l=last[:1])
            if built == local:
                return True
    return False


def email_pattern(domain: str, people: list[tuple[str, list[str]]]) -> EmailPattern | None:
    """The pattern of ``people`` (name, their addresses) on ``domain``, or None."""
    votes: Counter[str] = Counter()
    with_address = 0
    for name, addresses in people:
        firsts, lasts = first_last(name)
        own = [a for a in addresses if a.rsplit("@", 1)[-1] == domain]
        if not firsts or not own:
            continue
        with_address += 1
        for address in own:
            local = address.split("@", 1)[0].lower()
            pattern = next((p for p in PATTERNS if _matches(local, p, firsts, lasts)), None)
            if pattern:
                votes[pattern] += 1
    if not votes:
        return None
    pattern, count = votes.most_common(1)[0]
    if count < MIN_PEOPLE:
        return None
    return EmailPattern(pattern, count, with_address)


def domain_email_pattern(domain_id: int, domain: str) -> EmailPattern | None:
    """The e-mail pattern of the named people of one domain (see module docstring)."""
    rows = Contact.objects.filter(
        domain_id=domain_id, kind="email", person__isnull=False
    ).values_list("person__name", "value")
    by_person: dict[str, list[str]] = {}
    for name, value in rows:
        by_person.setdefault(name, []).append(value)
    return email_pattern(domain, list(by_person.items()))
