"""People a page names: who they are, their role, and the contacts the page ties to them.

Sources, each read only where the page itself ties a name to a role or an address:

* JSON-LD ``Person`` nodes, on their own or as ``employee``/``founder``/``member``/``author`` of an
  Organization (never as the author of an article or a review);
* microformats: ``h-card`` and ``vcard`` with a name (``p-name``/``fn``) outside decoy regions,
  and microdata ``itemtype=…/Person`` scopes (not an item's ``author``, not inside an Article or
  a Review);
* lines of the visible text: ``Role: Name`` (``Geschäftsführer: …``, ``Directeur de la
  publication : …``, a label whose names follow on the next lines), ``Name, Role`` /
  ``Name – Role`` / ``Name (Role)``, and a team grid's name line with its role line after it;
* the text of a ``mailto:`` link, when the address is built from that name.

Precision first: text in testimonials, reviews, quotes, comments, bylines, captions and cookie
banners (by tag or by class/id) is never read for people, attribution lines (``— Sarah K.``) and
bylines (``By …``, ``Posted by …``) are skipped, a role must be a title of the vocabulary
(processing.contacts.roles) and a name must pass processing.contacts.names.

Hand-written rather than mf2py or extruct: measured on the pipeline bench's contact page, mf2py
takes about 1.4 ms and extruct's microformat syntax 0.66 ms a page, against 0.4 ms for the whole
of extract_page; the h-cards here are read from the tree extract_page already walks.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from processing.contacts.names import clean_name, local_matches_name, name_key
from processing.contacts.results import FoundPerson
from processing.contacts.roles import ANY_ROLE_RE, clean_role, is_role, seniority
from processing.contacts.structured_data import type_name

# Regions never read for people (by class or id, and by tag).
DECOY_CLASS_RE = re.compile(
    r"testimonial|review|rating|quote|comment|cookie|consent|gdpr|byline|author|post-meta|"
    r"entry-meta|caption|blog|article-meta|stars?\b|feedback|kundenstimme|temoignage|avis",
    re.IGNORECASE,
)
DECOY_TAGS = frozenset({"blockquote", "q", "cite"})
# Regions that end a person's block (their contacts are the site's, not the person's).
CHROME_TAGS = frozenset({"header", "footer", "nav"})
MAX_PEOPLE = 200  # per page: a directory dump is not a team page
_ATTRIBUTION_RE = re.compile(r"^\s*(?:[-–—~―]|\"|“|”|„|«|»)")
_QUOTE_END_RE = re.compile(r"[\"“”„«»]\s*$|[\"“”„«»][.!]?\s*$")
_BYLINE_RE = re.compile(
    r"^\s*(?:by|von|par|posted|written|geschrieben|publié|author|autor|auteur|verfasst)\b",
    re.IGNORECASE,
)
_LABEL_LINE_RE = re.compile(r"^(?P<role>[^:]{2,70}?)\s*:\s*(?P<rest>.*)$")
_NAME_ROLE_RE = re.compile(
    r"^(?P<name>[^,–—|(:]{3,70}?)\s*(?:,|–|—|\||\(| - | / )\s*(?P<role>[^()]{2,70}?)\)?\.?$"
)
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\bund\b|\band\b|\bet\b|\bsowie\b)\s*")
# JSON-LD keys under which an Organization lists its people.
_PEOPLE_KEYS = frozenset(
    {
        "employee",
        "employees",
        "founder",
        "founders",
        "member",
        "members",
        "author",
        "contactPoint",
        "director",
        "ceo",
        "owner",
        "alumni",
    }
)
_ARTICLE_TYPES = frozenset(
    """Article BlogPosting NewsArticle Review Comment CreativeWork WebPage SocialMediaPosting
    Recipe HowTo QAPage Question Answer""".split()
)


def _person(name: str | None, role: str, source: str, position: int = -1) -> FoundPerson | None:
    if not name:
        return None
    role = clean_role(role) if role and is_role(role) else ""
    return FoundPerson(name, role, seniority(role), source, position)


# --- JSON-LD -------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), "")
    if isinstance(value, dict):
        value = value.get("name") or ""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _strings(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [v.strip() for v in items if isinstance(v, str) and v.strip()]


def people_from_json_ld(data: Any) -> list[FoundPerson]:
    """Person nodes of a parsed JSON-LD document that are the site's people."""
    people: list[FoundPerson] = []
    budget = [5_000]

    def visit(node: Any, parent_types: list[str], via: str, depth: int) -> None:
        budget[0] -= 1
        if depth > 16 or budget[0] < 0 or len(people) >= MAX_PEOPLE:
            return
        if isinstance(node, list):
            for item in node:
                visit(item, parent_types, via, depth + 1)
            return
        if not isinstance(node, dict):
            return
        raw = node.get("@type")
        types = [
            type_name(t) for t in (raw if isinstance(raw, list) else [raw]) if isinstance(t, str)
        ]
        if "Person" in types:
            bylined = via in ("author", "creator", "reviewedBy", "editor") and (
                not parent_types or any(t in _ARTICLE_TYPES for t in parent_types)
            )
            decoy = any(t in _ARTICLE_TYPES for t in parent_types) or bylined
            if not decoy:
                given, family = _text(node.get("givenName")), _text(node.get("familyName"))
                name = _text(node.get("name")) or f"{given} {family}".strip()
                person = _person(clean_name(name), _text(node.get("jobTitle")), "jsonld")
                if person:
                    person.emails = [
                        e[7:] if e.lower().startswith("mailto:") else e
                        for e in _strings(node.get("email"))
                    ]
                    person.phones = _strings(node.get("telephone"))
                    person.profiles = _strings(node.get("sameAs")) + _strings(node.get("url"))
                    people.append(person)
            return
        for key, value in node.items():
            if isinstance(value, dict | list) and key not in (
                "address",
                "review",
                "aggregateRating",
            ):
                child_via = key if key in _PEOPLE_KEYS else ("author" if key == "creator" else key)
                visit(value, types or parent_types, child_via, depth + 1)

    visit(data, [], "", 0)
    return people


# --- microformats ---------------------------------------------------------------------------------


def _first_class(el: HtmlElement, *classes: str) -> HtmlElement | None:
    for cls in classes:
        found = el.find_class(cls)
        if found:
            return found[0]
    return None


def _value(el: HtmlElement | None) -> str:
    if el is None:
        return ""
    if el.tag in ("a", "area", "link") and el.get("href"):
        return el.get("href", "")
    if el.tag in ("abbr", "data", "meta") and (
        el.get("title") or el.get("value") or el.get("content")
    ):
        return el.get("title") or el.get("value") or el.get("content") or ""
    return " ".join(el.text_content().split())[:200]


def person_from_hcard(el: HtmlElement) -> FoundPerson | None:
    """The person an ``h-card``/``vcard`` element describes (None for an organisation's card)."""
    name_el = _first_class(el, "p-name", "fn")
    if name_el is None:
        given = _value(_first_class(el, "p-given-name", "given-name"))
        family = _value(_first_class(el, "p-family-name", "family-name"))
        name = f"{given} {family}".strip()
    else:
        name = _value(name_el)
    org = _value(_first_class(el, "p-org", "org"))
    if not name or (org and name_key(org) == name_key(name)):
        return None
    role = _value(_first_class(el, "p-job-title", "title", "p-role", "role"))
    person = _person(clean_name(name), role, "microformat")
    if person is None:
        return None
    for email_el in el.find_class("u-email") + el.find_class("email"):
        value = _value(email_el)
        person.emails.append(value[7:] if value.lower().startswith("mailto:") else value)
    for tel_el in el.find_class("p-tel") + el.find_class("tel"):
        value = _value(tel_el)
        person.phones.append(value[4:] if value.lower().startswith("tel:") else value)
    for url_el in el.find_class("u-url") + el.find_class("url"):
        person.profiles.append(_value(url_el))
    return person


# --- microdata ------------------------------------------------------------------------------

_BYLINE_PROPS = frozenset({"author", "creator", "reviewedby", "editor", "contributor"})


def _scope_props(scope: HtmlElement) -> dict[str, HtmlElement]:
    """The first element of each itemprop of ``scope``, not looking into nested item scopes."""
    props: dict[str, HtmlElement] = {}
    stack = list(scope)
    while stack:
        el = stack.pop(0)
        if not isinstance(el.tag, str):
            continue
        for prop in el.get("itemprop", "").split():
            props.setdefault(prop.lower(), el)
        if el.get("itemscope") is None:
            stack[:0] = list(el)
    return props


def _microdata_value(el: HtmlElement | None) -> str:
    if el is None:
        return ""
    if el.tag == "meta":
        return el.get("content", "")
    if el.tag in ("a", "link", "area") and el.get("href"):
        return el.get("href", "")
    return el.get("content") or " ".join(el.text_content().split())[:200]


def person_from_microdata(el: HtmlElement) -> FoundPerson | None:
    """The person an ``itemtype=…/Person`` element describes, unless it is a byline or review
    author (its own itemprop, or an enclosing Article/Review scope)."""
    if _BYLINE_PROPS & set(el.get("itemprop", "").lower().split()):
        return None
    for ancestor in el.iterancestors():
        types = {type_name(t) for t in ancestor.get("itemtype", "").split()}
        if types & _ARTICLE_TYPES:
            return None
    props = _scope_props(el)
    name = _microdata_value(props.get("name"))
    if not name:
        given = _microdata_value(props.get("givenname"))
        family = _microdata_value(props.get("familyname"))
        name = f"{given} {family}".strip()
    person = _person(clean_name(name), _microdata_value(props.get("jobtitle")), "microdata")
    if person is None:
        return None
    if email := _microdata_value(props.get("email")):
        person.emails.append(email[7:] if email.lower().startswith("mailto:") else email)
    if tel := _microdata_value(props.get("telephone")):
        person.phones.append(tel[4:] if tel.lower().startswith("tel:") else tel)
    for prop in ("sameas", "url"):
        if url := _microdata_value(props.get(prop)):
            person.profiles.append(url)
    return person


# --- lines of the visible text ---------------------------------------------------------------


def _lines(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(start, stripped line) of every non-empty line outside the ``skip`` ranges."""
    lines = []
    start = 0
    ranges = iter(sorted(skip))
    current = next(ranges, None)
    for raw in text.split("\n"):
        end = start + len(raw)
        while current and current[1] <= start:
            current = next(ranges, None)
        inside = current is not None and current[0] <= start and end <= current[1]
        line = " ".join(raw.split())
        if line and not inside:
            lines.append((start + len(raw) - len(raw.lstrip()), line))
        start = end + 1
    return lines


def _names(text: str) -> list[str]:
    names = []
    for part in _NAME_SPLIT_RE.split(text):
        name = clean_name(part)
        if name is None:
            return []  # a list with anything that is not a name is not a list of names
        names.append(name)
    return names


def people_from_lines(
    text: str, skip: list[tuple[int, int]], emails: list[str] = ()
) -> list[FoundPerson]:
    """People the text's lines name with a role (see the module docstring).

    ``emails`` are the page's addresses (a lone name-and-title card is kept when one of them
    is built from the name).
    """
    lines = _lines(text, skip)
    people: list[FoundPerson] = []
    grid: list[FoundPerson | None] = []
    used: set[int] = set()
    n = len(lines)
    for i, (position, line) in enumerate(lines):
        if i in used or len(line) > 160:
            continue
        previous = lines[i - 1][1] if i else ""
        if _BYLINE_RE.match(line) or _ATTRIBUTION_RE.match(line) or _QUOTE_END_RE.search(previous):
            used.add(i + 1)  # a byline's next line is its date or its author
            continue
        if (m := _LABEL_LINE_RE.match(line)) and is_role(m.group("role")):
            role = m.group("role")
            if (inner := _NAME_ROLE_RE.match(role)) and (name := clean_name(inner.group("name"))):
                if is_role(inner.group("role")):  # "David Park, Owner: david@..."
                    people.append(_person(name, inner.group("role"), "text", position))
                continue
            rest = m.group("rest").strip()
            if rest:
                names = _names(rest)
                if not names and (inner := _NAME_ROLE_RE.match(rest)):
                    names = _names(inner.group("name"))
                for name in names:
                    people.append(_person(name, role, "text", position))
                continue
            j = i + 1  # "Vertreten durch:" with the names on the lines after it
            while j < n and j <= i + 4:
                names = _names(lines[j][1])
                if not names:
                    inner = _NAME_ROLE_RE.match(lines[j][1])
                    if inner and (names := _names(inner.group("name"))):
                        inner_role = inner.group("role")
                        for name in names:
                            people.append(
                                _person(
                                    name,
                                    inner_role if is_role(inner_role) else role,
                                    "text",
                                    lines[j][0],
                                )
                            )
                        used.add(j)
                        j += 1
                        continue
                    break
                for name in names:
                    people.append(_person(name, role, "text", lines[j][0]))
                used.add(j)
                j += 1
            continue
        if (m := _NAME_ROLE_RE.match(line)) and is_role(m.group("role")):
            name = clean_name(m.group("name"))
            if name:
                people.append(_person(name, m.group("role"), "text", position))
                continue
        name = clean_name(line) if len(line) <= 70 and not line.endswith(":") else None
        if name and i + 1 < n and i + 1 not in used:
            role_line = lines[i + 1][1]
            if _grid_role(role_line):
                grid.append(_person(name, role_line, "grid", position))
                used.add(i + 1)
    # A name above a title is a team grid's card when the page has more than one, or when the
    # page has an address built from that name (a founder's card).
    confirmed = grid and any(local_matches_name(e.split("@")[0], grid[0].name) for e in emails)
    if len(grid) >= 2 or confirmed:
        people.extend(grid)
    return [p for p in people if p is not None][:MAX_PEOPLE]


def _grid_role(line: str) -> bool:
    """A line that is a title and nothing else (not "Name, Title", not "Label: ...")."""
    if ":" in line or not is_role(line) or clean_name(line):
        return False
    inner = _NAME_ROLE_RE.match(line)
    return not (inner and clean_name(inner.group("name")))


__all__ = [
    "ANY_ROLE_RE",
    "CHROME_TAGS",
    "DECOY_CLASS_RE",
    "DECOY_TAGS",
    "FoundPerson",
    "people_from_json_ld",
    "people_from_lines",
    "person_from_hcard",
    "person_from_microdata",
]
