"""Job titles in English, German and French, and the seniority each one implies.

A role is recognised only from this vocabulary (a line that names no known title is not a
role, so "happy customer" or "Homeowner" never make their line a person's). The seniority is
derived from the title the page wrote, never guessed from anything else:

* ``executive``: owners, founders, managing directors, partners, the legal representatives an
  Impressum or mentions légales name;
* ``manager``: heads of a team, a branch or a function;
* ``staff``: every other title in the vocabulary;
* ``""``: a role line the page labels (``Verantwortlich für den Inhalt``) that names no rank.

Hand-written: no maintained package maps job titles in these languages to a rank (the title
normalisers on PyPI are English-only classifiers trained on job ads, far slower than one
regular expression per line).
"""

from __future__ import annotations

import re
from typing import Final

from processing.contacts.shapes import letter_words
from processing.contacts.titles import (
    ASSISTANT_TITLES,
    EXECUTIVE_TITLES,
    LABELS,
    MANAGER_TITLES,
    STAFF_TITLES,
)

EXECUTIVE: Final = "executive"
MANAGER: Final = "manager"
STAFF: Final = "staff"
SENIORITIES: Final = (EXECUTIVE, MANAGER, STAFF)


def _alternation(fragments: list[str]) -> str:
    # Longest first, so "managing director" wins over "director".
    return "|".join(sorted(fragments, key=len, reverse=True))


# A title may close a German compound (Kfz-Mechatroniker) and be plural (Directors).
_B = r"(?<!\w)(?:{})s?(?![\w-])"
_ASSISTANT_RE = re.compile(_B.format(_alternation(ASSISTANT_TITLES)), re.IGNORECASE)
_EXECUTIVE_RE = re.compile(_B.format(_alternation(EXECUTIVE_TITLES)), re.IGNORECASE)
_MANAGER_RE = re.compile(_B.format(_alternation(MANAGER_TITLES)), re.IGNORECASE)
_STAFF_RE = re.compile(_B.format(_alternation(STAFF_TITLES)), re.IGNORECASE)
_LABEL_RE = re.compile(_B.format(_alternation(LABELS)), re.IGNORECASE)
#: Any title of the vocabulary (for a quick "does this page name roles at all").
ANY_ROLE_RE = re.compile(
    _B.format(
        _alternation(ASSISTANT_TITLES + EXECUTIVE_TITLES + MANAGER_TITLES + STAFF_TITLES + LABELS)
    ),
    re.IGNORECASE,
)
# Words that make a line something other than a role: a customer's words, a byline, a date.
_NOT_A_ROLE_RE = re.compile(
    r"(?<!\w)(?:homeowner|happy|satisfied|verified|reviewer|review|posted|published|written|"
    r"zufriedene\w?|avis|bewertung|read more|"
    r"weiterlesen|lire la suite|\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|★|☆|stars?)(?!\w)",
    re.IGNORECASE,
)
ROLE_MAX_CHARS = 70


def is_role(text: str) -> bool:
    """Whether ``text`` (a line, a cell, a JSON-LD ``jobTitle``) is a title of the vocabulary."""
    text = text.strip()
    if not text or len(text) > ROLE_MAX_CHARS or _NOT_A_ROLE_RE.search(text):
        return False
    if "@" in text or "://" in text:
        return False  # an address ("accounts@…", "sales@…") is a mailbox, not a title
    # A title in the possessive ("Chef's Special", "Manager's Choice") names a thing, not a role
    # (the other titles of the text are looked at only then: one search is the common case).
    m = ANY_ROLE_RE.search(text)
    if m is None:
        return False
    if text[m.end() : m.end() + 2] not in _POSSESSIVES:
        return True
    return any(text[m.end() : m.end() + 2] not in _POSSESSIVES for m in ANY_ROLE_RE.finditer(text))


_POSSESSIVES = frozenset({"'s", "’s", "'S", "’S"})


def is_declared_role(text: str) -> bool:
    """Whether a title that markup declares (JSON-LD ``jobTitle``/``roleName``, microdata
    ``jobTitle``, an h-card's ``p-job-title``) may be kept: the markup says it is a title, so
    the vocabulary is not asked, only that it is short and not a customer's words or a date."""
    text = text.strip()
    return bool(text) and len(text) <= ROLE_MAX_CHARS and not _NOT_A_ROLE_RE.search(text)


def seniority(role: str) -> str:
    """``executive``, ``manager``, ``staff`` or ``""`` for ``role`` as the page wrote it."""
    if not role:
        return ""
    if _ASSISTANT_RE.search(role):
        return STAFF
    if _EXECUTIVE_RE.search(role):
        return EXECUTIVE
    if _MANAGER_RE.search(role):
        return MANAGER
    if _STAFF_RE.search(role):
        return STAFF
    return ""


def clean_role(text: str) -> str:
    """A title as shown: whitespace collapsed, surrounding punctuation dropped."""
    return " ".join(text.split()).strip(" ,;:|–—-()[]·•/")[:ROLE_MAX_CHARS]


def _gate_words() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Words whose presence lets a text hold a title: (exact, prefixes, compound suffixes)."""
    exact, prefixes, suffixes = set(), set(), set()
    for fragment in ASSISTANT_TITLES + EXECUTIVE_TITLES + MANAGER_TITLES + STAFF_TITLES + LABELS:
        if fragment.startswith(("\\w*", "\\w+")):
            suffixes.add(re.match(r"\\w[*+]([^\W\d_]+)", fragment).group(1))
            continue
        required = re.sub(r"\(\?:[^)]*\)\?|.\?", "", fragment)  # optional parts dropped
        first = re.match(r"[^\W\d_]+", required)
        if first:
            (exact if len(first.group()) < 4 else prefixes).add(first.group())
    return frozenset(exact), tuple(sorted(prefixes)), tuple(sorted(suffixes))


_GATE_EXACT, _GATE_PREFIXES, _GATE_SUFFIXES = _gate_words()
_GATE_BY_HEAD = {p[:3]: tuple(q for q in _GATE_PREFIXES if q[:3] == p[:3]) for p in _GATE_PREFIXES}


def may_name_roles(text: str, words: set[str] | None = None) -> bool:
    """A quick test (a set lookup per distinct word) that ``text`` may hold a title at all.

    Cheaper than ANY_ROLE_RE on a whole page by an order of magnitude; a page that passes is
    read line by line with the full vocabulary. A word's verdict depends on the word alone, so
    it is remembered: a site's pages share most of their words (the template, the footer), and
    only words not met before are tested one by one (every page of a crawl is asked).
    ``words``: ``letter_words(text.lower())`` when the caller has them (a page's, shared with
    region.choose_region).
    """
    if words is None:
        words = letter_words(text.lower())
    if not words.isdisjoint(_GATE_PASSED):
        return True
    for word in words - _GATE_FAILED:
        verdict = _GATE_PASSED if _gate_word(word) else _GATE_FAILED
        if len(verdict) >= _GATE_MEMORY:
            verdict.clear()
        verdict.add(word)
        if verdict is _GATE_PASSED:
            return True
    return False


def _gate_word(word: str) -> bool:
    if word in _GATE_EXACT or word.endswith(_GATE_SUFFIXES):
        return True
    heads = _GATE_BY_HEAD.get(word[:3])
    return bool(heads and word.startswith(heads))


# Words seen by may_name_roles, by verdict (each set bounded: a crawl meets many words).
_GATE_PASSED: set[str] = set()
_GATE_FAILED: set[str] = set()
_GATE_MEMORY = 200_000
