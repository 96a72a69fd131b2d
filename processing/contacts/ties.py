"""Tying a page's contacts to the people it names, and merging what several readings found.

A contact belongs to the person whose name stands nearest before it in the same segment of
text, or whose name its e-mail's local part spells; ``mailto:`` links with a name give people of
their own; one person read twice (JSON-LD and a team grid) becomes one. Plain Python.
"""

from __future__ import annotations

import re

from processing.contacts.emails import normalize_email
from processing.contacts.names import clean_name, local_matches_name, local_spells_name, name_key
from processing.contacts.results import FoundContact, FoundPerson
from processing.contacts.social import normalize_social_url

# A person's contacts are looked for this far after their name in the text (then the next
# person's name, the page's header/footer, or this many characters end the segment).
_SEGMENT_CHARS = 260
_PERSONAL_PROFILE_RE = re.compile(r"linkedin\.com/in/|xing\.com/profile/")


def _digits(raw: str) -> str:
    return "".join(ch for ch in raw if ch.isdigit())


def tie_contacts(
    people: list[FoundPerson],
    contacts: list[FoundContact],
    positions: list[tuple[int, FoundContact]],
    chrome: list[tuple[int, int]],
) -> None:
    """Fill each person's ``contacts`` with the page's contacts the page ties to them.

    Structured people keep what their node or card lists (matched to the page's contacts).
    A person named in the text gets the personal addresses, numbers and profiles that follow the
    name before the next person, the page's header/footer or ``_SEGMENT_CHARS``. Any person gets
    an address anywhere on the page whose local part is built from their name alone
    (tie_by_name, after merge).
    """
    by_kind_value = {(c.kind, c.value): c for c in contacts}
    anchored = sorted((p.position, k) for k, p in enumerate(people) if p.position >= 0)
    chrome_starts = sorted(start for start, _ in chrome)
    for index, (start, k) in enumerate(anchored):
        end = start + _SEGMENT_CHARS
        if index + 1 < len(anchored):
            end = min(end, anchored[index + 1][0])
        end = min([end, *(s for s in chrome_starts if s > start)])
        person = people[k]
        others = [p for p in people if p.key != person.key]
        for position, contact in positions:
            if not start <= position < end:
                continue
            if contact.kind == "email" and contact.classification != "role":
                local = contact.value.split("@", 1)[0]
                if any(local_matches_name(local, other.name) for other in others):
                    continue  # another person's address, written beside this one
                person.contacts.append(("email", contact.value))
            elif contact.kind == "phone":
                person.contacts.append(("phone", contact.value))
            elif contact.kind == "social" and _PERSONAL_PROFILE_RE.search(contact.value):
                person.contacts.append(("social", contact.value))
    for person in people:
        for raw in person.emails:
            address = normalize_email(raw.strip())
            if address and ("email", address) in by_kind_value:
                person.contacts.append(("email", address))
        for raw in person.phones:
            digits = _digits(raw)[-9:]
            for contact in contacts:
                if (
                    contact.kind == "phone"
                    and len(digits) >= 6
                    and _digits(contact.value).endswith(digits)
                ):
                    person.contacts.append(("phone", contact.value))
        for raw in person.profiles:
            social = normalize_social_url(raw)
            if social and ("social", social[1]) in by_kind_value:
                person.contacts.append(("social", social[1]))
    for person in people:
        person.contacts = list(dict.fromkeys(person.contacts))


def tie_by_name(people: list[FoundPerson], contacts: list[FoundContact]) -> None:
    """Give each (merged) person the addresses built from their name alone, wherever they stand."""
    for contact in contacts:
        if contact.kind != "email" or contact.classification == "role":
            continue
        local = contact.value.split("@", 1)[0]
        owners = [p for p in people if local_matches_name(local, p.name)]
        if len(owners) == 1 and ("email", contact.value) not in owners[0].contacts:
            owners[0].contacts.append(("email", contact.value))


def people_from_mailto(links: list[tuple[str, str, int]], known: set[str]) -> list[FoundPerson]:
    """People named by a ``mailto:`` link's text when the address is built from that name."""
    people = []
    for address, text, position in links:
        name = clean_name(text)
        if name and name_key(name) not in known and local_matches_name(address.split("@")[0], name):
            person = FoundPerson(name, "", "", "mailto", position, emails=[address])
            people.append(person)
            known.add(person.key)
    return people


_PROSE_TAIL_RE = re.compile(r"[\s:,;(\u2013\u2014-]+$")  # spaces, colons, dashes


def people_before_addresses(
    text: str,
    positions: list[tuple[int, FoundContact]],
    known: set[str],
    decoys: list[tuple[int, int]],
) -> list[FoundPerson]:
    """People named in prose just before their own address ("contact Ben Hollis:
    ben.hollis@…"): the last two to four words before a personal address, when they are a name
    and the address spells both its first and its last word (never in a decoy region)."""
    people = []
    for position, contact in positions:
        if contact.kind != "email" or contact.classification == "role":
            continue
        if any(start <= position < end for start, end in decoys):
            continue
        before = text[max(0, position - 80) : position].rsplit("\n", 1)[-1]
        words = _PROSE_TAIL_RE.sub("", before).split()
        if not words or not words[-1][:1].isupper():
            continue
        local = contact.value.split("@", 1)[0]
        for count in (2, 3, 4):
            name = clean_name(" ".join(words[-count:])) if len(words) >= count else None
            if name and name_key(name) not in known and local_spells_name(local, name):
                person = FoundPerson(name, "", "", "text", position - len(before))
                person.emails.append(contact.value)
                people.append(person)
                known.add(person.key)
                break
    return people


def merge(people: list[FoundPerson]) -> list[FoundPerson]:
    """One person per name: the first role the page gives (with the source that gave it, which
    ranks the role against other pages' in page_curation_persist_people), every contact tied to
    any mention."""
    merged: dict[str, FoundPerson] = {}
    for person in people:
        key = person.key
        if not key:
            continue
        if key not in merged:
            merged[key] = person
            continue
        kept = merged[key]
        if not kept.role and person.role:
            kept.role, kept.seniority = person.role, person.seniority
            kept.source = person.source
        kept.contacts.extend(c for c in person.contacts if c not in kept.contacts)
        if kept.position < 0 <= person.position:
            kept.position = person.position
    return list(merged.values())
