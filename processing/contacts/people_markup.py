"""People that markup declares: JSON-LD ``Person`` nodes, h-cards/vcards and microdata ``Person``.

The markup says a node is a person and which of its texts is the title, so a declared title is
kept without asking the vocabulary (processing.contacts.roles.is_declared_role); the name must
still pass processing.contacts.names (or be a two-to-four-character CJK name). Never a
person: an article's, a review's or a blog post's author, whether nested under it, referred to
by ``@id`` (Yoast's graph) or marked ``itemprop=author``. Read by processing.contacts.people.

Hand-written rather than mf2py or extruct: measured on the pipeline bench's contact page, mf2py
takes about 1.4 ms and extruct's microformat syntax 0.66 ms a page, against 0.4 ms for the whole
of extract_page; the h-cards here are read from the tree extract_page already walks.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from processing.contacts.names import clean_name, name_key
from processing.contacts.results import FoundPerson
from processing.contacts.roles import clean_role, is_declared_role, seniority
from processing.contacts.structured_data import type_name

MAX_PEOPLE = 200  # per page: a directory dump is not a team page
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
    [
        "Article",
        "BlogPosting",
        "NewsArticle",
        "Review",
        "Comment",
        "CreativeWork",
        "WebPage",
        "SocialMediaPosting",
        "Recipe",
        "HowTo",
        "QAPage",
        "Question",
        "Answer",
    ]
)


# A name in Chinese, Japanese or Korean script is one word of two to four characters; taken
# only from markup that declares a Person (in running text such a word could be anything).
_CJK_NAME_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,4}")


def _declared(name: str, role: str, source: str) -> FoundPerson | None:
    """A person that markup declares, with the title it declares (see is_declared_role)."""
    name = " ".join(name.split())
    cleaned = clean_name(name) or (name if _CJK_NAME_RE.fullmatch(name) else None)
    if not cleaned:
        return None
    role = clean_role(role) if role and is_declared_role(role) else ""
    return FoundPerson(cleaned, role, seniority(role), source, -1)


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


def _titles(value: Any) -> str:
    """A ``jobTitle``: one string, or a list of them joined ("Dentist, Owner")."""
    items = value if isinstance(value, list) else [value]
    titles = [
        " ".join((v.get("name") if isinstance(v, dict) else v).split())
        for v in items
        if isinstance(v, str) or (isinstance(v, dict) and isinstance(v.get("name"), str))
    ]
    return ", ".join(t for t in titles if t)


# The title a key states when the Person node gives none ("founder": "Mark Ellis").
_KEY_TITLES = {"founder": "Founder", "founders": "Founder", "ceo": "CEO", "owner": "Owner"}
_ROLE_TYPES = frozenset({"Role", "OrganizationRole", "EmployeeRole", "PerformanceRole"})
_BYLINE_KEYS = frozenset({"author", "creator", "reviewedBy", "editor"})


def _byline_ids(node: Any, budget: list[int]) -> set[str]:
    """@ids that a node refers to as an author (Yoast's graph: an Article's author is a
    separate Person node, given by reference)."""
    ids: set[str] = set()
    stack = [node]
    while stack and budget[0] > 0:
        budget[0] -= 1
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, value in item.items():
                if key in _BYLINE_KEYS:
                    for ref in value if isinstance(value, list) else [value]:
                        if isinstance(ref, dict) and isinstance(ref.get("@id"), str):
                            ids.add(ref["@id"])
                if isinstance(value, dict | list):
                    stack.append(value)
    return ids


def people_from_json_ld(data: Any) -> list[FoundPerson]:
    """Person nodes of a parsed JSON-LD document that are the site's people."""
    people: list[FoundPerson] = []
    budget = [5_000]
    bylined_ids = _byline_ids(data, [5_000])

    def visit(node: Any, parent_types: list[str], via: str, depth: int, title: str) -> None:
        budget[0] -= 1
        if depth > 16 or budget[0] < 0 or len(people) >= MAX_PEOPLE:
            return
        if isinstance(node, list):
            for item in node:
                visit(item, parent_types, via, depth + 1, title)
            return
        if isinstance(node, str):  # "founder": "Mark Ellis"
            article = any(t in _ARTICLE_TYPES for t in parent_types)
            if via in _PEOPLE_KEYS and via not in _BYLINE_KEYS and not article:
                person = _declared(node, title or _KEY_TITLES.get(via, ""), "jsonld")
                if person:
                    people.append(person)
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
            decoy = (
                any(t in _ARTICLE_TYPES for t in parent_types)
                or bylined
                or node.get("@id") in bylined_ids
            )
            if not decoy:
                given, family = _text(node.get("givenName")), _text(node.get("familyName"))
                name = _text(node.get("name")) or f"{given} {family}".strip()
                role = _titles(node.get("jobTitle")) or title or _KEY_TITLES.get(via, "")
                person = _declared(name, role, "jsonld")
                if person:
                    person.emails = [
                        e[7:] if e.lower().startswith("mailto:") else e
                        for e in _strings(node.get("email"))
                    ]
                    person.phones = _strings(node.get("telephone"))
                    person.profiles = _strings(node.get("sameAs")) + _strings(node.get("url"))
                    people.append(person)
            return
        if _ROLE_TYPES.intersection(types):  # {"@type": "OrganizationRole", "roleName": ...}
            title = _titles(node.get("roleName")) or title
            for key in ("member", "employee", "founder", "alumni"):
                if key in node:
                    visit(node[key], parent_types, via or key, depth + 1, title)
            return
        for key, value in node.items():
            if isinstance(value, dict | list) or (
                isinstance(value, str) and key in _PEOPLE_KEYS and key not in _BYLINE_KEYS
            ):
                if key in ("address", "review", "aggregateRating"):
                    continue
                child_via = key if key in _PEOPLE_KEYS else ("author" if key == "creator" else key)
                visit(value, types or parent_types, child_via, depth + 1, "")

    visit(data, [], "", 0, "")
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
    person = _declared(name, role, "microformat")
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
    person = _declared(name, _microdata_value(props.get("jobtitle")), "microdata")
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
