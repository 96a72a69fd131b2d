"""People that prose names beside their title, and the lines never read for people.

* appositions: "our Managing Director, Daniel Whitaker," and "Tom Fletcher, our Estimating
  Manager." (the possessive says the title is the business's own);
* bylines ("By …", "Posted by …") and attribution lines ("— Sarah K.") are never read.

Read by processing.contacts.people; plain Python.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from processing.contacts.names import clean_name
from processing.contacts.results import FoundPerson
from processing.contacts.roles import clean_role, may_name_roles, seniority
from processing.contacts.title_phrases import title_phrase

ATTRIBUTION_RE = re.compile(r"^\s*(?:[-–—~―]|\"|“|”|„|«|»)")
BYLINE_RE = re.compile(
    r"^\s*(?:by|von|par|posted|written|geschrieben|publié|author|autor|auteur|verfasst)\b",
    re.IGNORECASE,
)
_POSSESSIVE = r"(?i:our|unser(?:e|em|en|er)?|notre|nos|nuestr[oa]s?)"
# Opens with the class of letters it scans for (a look-behind first would stop the engine from
# skipping ahead to candidates in C: 6x slower over a page's text).
OUR_RE = re.compile(
    r"[OoUuNn](?<!\w.)(?:(?<=[Oo])(?i:ur)|(?<=[Uu])(?i:nser)(?:e|em|en|er)?|"
    r"(?<=[Nn])(?i:otre|os|uestr[oa]s?))\s+"
)
_COMMA_OUR_RE = re.compile(rf",\s+{_POSSESSIVE}\s+")
# Where a name or a title in prose ends.
_PROSE_CUT_RE = re.compile(r"[,.;:!?()\[\]]|\s(?:and|who|since|for|und|der|die|et|qui|y)\s")


def appositions(text: str, lines: list[tuple[int, str, int]]) -> list[FoundPerson]:
    """People that prose names beside their title (see the module docstring), from the
    (start, line, end) lines of ``text`` outside decoy regions."""
    people: list[FoundPerson] = []
    # Only the lines with a possessive before a title are read (one scan of the whole text
    # finds them; most pages' "our" is a heading's, "Our Team", with no title after it).
    found = [
        m.start() for m in OUR_RE.finditer(text) if may_name_roles(text[m.end() : m.end() + 60])
    ]
    if not found:
        return people
    starts = [start for start, _, _ in lines]
    hits = sorted({bisect_right(starts, at) - 1 for at in found} - {-1})
    for position, line, _ in (lines[k] for k in hits):
        if BYLINE_RE.match(line) or ATTRIBUTION_RE.match(line):
            continue
        for m in OUR_RE.finditer(line):  # "our Managing Director, Daniel Whitaker"
            tail = line[m.end() : m.end() + 100]
            if not may_name_roles(tail[:60]):
                continue  # a word-set test before a title test per way of splitting
            head, comma, after = tail.partition(",")
            splits = [(head, after)] if comma else []
            words = _PROSE_CUT_RE.split(head, 1)[0].split()
            splits += [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, 5)]
            for title, rest in splits:
                if title_phrase(title) and (name := _leading_name(rest)):
                    people.append(_titled(name, title, position + line.find(name, m.end())))
                    break
        for m in _COMMA_OUR_RE.finditer(line):  # "Tom Fletcher, our Estimating Manager"
            title = _PROSE_CUT_RE.split(line[m.end() : m.end() + 70], 1)[0]
            if not title_phrase(title):
                continue
            words = line[: m.start()].split()
            for count in (2, 3, 4):
                if len(words) >= count and (name := clean_name(" ".join(words[-count:]))):
                    people.append(_titled(name, title, position + line.rfind(name, 0, m.start())))
                    break
    return people


def _leading_name(text: str) -> str | None:
    """The name that opens ``text`` (two to four words before any punctuation)."""
    words = _PROSE_CUT_RE.split(text.strip(), 1)[0].split()
    for count in (4, 3, 2):
        if len(words) >= count and (name := clean_name(" ".join(words[:count]))):
            return name
    return None


def _titled(name: str, title: str, position: int) -> FoundPerson:
    role = clean_role(title)
    return FoundPerson(name, role, seniority(role), "text", position)
