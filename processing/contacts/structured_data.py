"""Schema.org data embedded in pages: JSON-LD scripts and microdata attributes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from lxml.html import HtmlElement

_MAX_DEPTH = 32
_MAX_NODES = 20_000
_MAX_VALUE_CHARS = 300
_WRAPPER_RE = re.compile(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$")
# JSON-LD keys that hold contact data, mapped to the contact kind they carry.
_CONTACT_KEYS = {"email": "email", "telephone": "phone", "sameas": "social"}


@dataclass(frozen=True, slots=True)
class StructuredValue:
    """A contact-bearing value found in structured data, with a human-readable origin."""

    kind: str
    raw: str
    context: str


def type_name(value: str) -> str:
    """'https://schema.org/LocalBusiness' and 'schema:LocalBusiness' -> 'LocalBusiness'."""
    return re.split(r"[/#:]", value.strip().rstrip("/"))[-1]


def parse_json_ld(script_text: str) -> Any | None:
    """Parse a JSON-LD script body, tolerating HTML comment/CDATA wrappers; None if broken."""
    text = _WRAPPER_RE.sub("", script_text.strip())
    if not text:
        return None
    try:
        # strict=False lets raw newlines inside strings through, as many CMSs emit them.
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None


def walk_json_ld(data: Any) -> tuple[list[str], list[StructuredValue]]:
    """Collect @type names and contact values from a parsed JSON-LD document (incl. @graph)."""
    types: list[str] = []
    values: list[StructuredValue] = []
    budget = [_MAX_NODES]

    def visit(node: Any, owner: str, depth: int) -> None:
        budget[0] -= 1
        if depth > _MAX_DEPTH or budget[0] < 0:
            return
        if isinstance(node, list):
            for item in node:
                visit(item, owner, depth + 1)
            return
        if not isinstance(node, dict):
            return
        node_types = node.get("@type")
        names = [node_types] if isinstance(node_types, str) else node_types
        if isinstance(names, list):
            found = [type_name(t) for t in names if isinstance(t, str) and t.strip()]
            types.extend(found)
            owner = found[0] if found else owner
        for key, value in node.items():
            kind = _CONTACT_KEYS.get(key.lower()) if isinstance(key, str) else None
            if kind:
                for raw in value if isinstance(value, list) else [value]:
                    if isinstance(raw, str) and raw.strip():
                        context = f"JSON-LD {owner} {key}: {raw.strip()}"[:200]
                        values.append(StructuredValue(kind, raw.strip(), context))
            elif isinstance(value, dict | list):
                visit(value, owner, depth + 1)

    visit(data, "Thing", 0)
    return types, values


def microdata_types(element: HtmlElement) -> list[str]:
    """Type names declared by an element's itemtype attribute (space separated URLs)."""
    return [type_name(t) for t in element.get("itemtype", "").split() if t.strip()]


def microdata_value(element: HtmlElement) -> str:
    """The value of an itemprop element, following the microdata rules for each tag."""
    tag = element.tag
    if tag == "meta":
        return element.get("content", "")
    if tag in ("a", "area", "link"):
        return element.get("href", "")
    if element.get("content"):
        return element.get("content", "")
    # Only the start of the text matters; never materialise a huge subtree's text.
    return "".join(islice(element.itertext(), 32))[:_MAX_VALUE_CHARS]


def microdata_contacts(element: HtmlElement) -> Iterator[StructuredValue]:
    """Contact values an element carries through itemprop=email/telephone/sameAs."""
    props = element.get("itemprop", "").lower().split()
    for prop in props:
        kind = _CONTACT_KEYS.get(prop)
        if kind:
            raw = " ".join(microdata_value(element)[:_MAX_VALUE_CHARS].split())
            if raw:
                yield StructuredValue(kind, raw, f"microdata {prop}: {raw}"[:200])
