"""Which country a page's national phone numbers belong to, from what the page says of itself.

A number written nationally ("(030) 2345 6789") means nothing without a country. A person reads
it from the page: its language (``<html lang>``, ``Content-Language``), the site's country-code
TLD, the country of the addresses and e-mail domains on it, and the numbers on the same page
already written internationally ("+49 30 ..."). Each is a vote; the strongest region wins when
the evidence is clear, otherwise the configured default (``SCRAPERSKY_DEFAULT_PHONE_REGION``)
stays. libphonenumber has no such heuristic (its ``parse`` takes the region as given), hence
this small module.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

import phonenumbers

from processing.contacts.shapes import letter_words, shape

# Two-letter TLDs sold as generic names: they say nothing about a country.
_GENERIC_CCTLDS = frozenset(
    {"io", "co", "tv", "me", "ai", "fm", "ly", "to", "cc", "ws", "gg", "so", "sh", "ac", "la", "im"}
)
_TLD_REGION = {"uk": "GB", "eu": ""}
# A language alone names a country only where one country is by far its home.
_LANGUAGE_REGION = {
    "de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL", "pl": "PL", "pt": "PT",
    "sv": "SE", "da": "DK", "nb": "NO", "nn": "NO", "no": "NO", "fi": "FI", "cs": "CZ",
    "sk": "SK", "el": "GR", "hu": "HU", "ro": "RO", "bg": "BG", "hr": "HR", "sl": "SI",
    "et": "EE", "lv": "LV", "lt": "LT", "ja": "JP", "ko": "KR", "tr": "TR", "he": "IL",
    "uk": "UA", "ru": "RU",
}  # fmt: skip
_COUNTRY_NAMES = {
    "deutschland": "DE", "germany": "DE", "österreich": "AT", "austria": "AT",
    "schweiz": "CH", "suisse": "CH", "switzerland": "CH", "france": "FR",
    "united kingdom": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "united states": "US", "usa": "US", "u.s.a.": "US", "españa": "ES",
    "spain": "ES", "italia": "IT", "italy": "IT", "nederland": "NL", "netherlands": "NL",
    "belgique": "BE", "belgië": "BE", "belgium": "BE", "ireland": "IE", "canada": "CA",
    "australia": "AU", "polska": "PL", "poland": "PL", "portugal": "PT", "danmark": "DK",
    "sverige": "SE", "norge": "NO",
}  # fmt: skip


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, as a trie: ``a(?:ustr(?:alia|ia))`` instead of the flat
    ``australia|austria|...``.

    The flat alternation of 50-odd names is tried in full at every position of a page's text
    (0.74 ms on a 3.7 KB page, the largest single cost of extracting it); the trie fails at the
    first letter almost everywhere. It matches what the longest-first flat alternation matches:
    the names matching at one position are prefixes of one another, and the trie tries a longer
    continuation before a shorter one (a word ending inside another is an optional tail).
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        ends = "" in node
        arms = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not arms:
            return ""
        body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return branch(tree)


_COUNTRY_ALTERNATION = _trie(_COUNTRY_NAMES)
_COUNTRY_FIRST_WORDS = frozenset(name.split()[0] for name in _COUNTRY_NAMES) - {"u.s.a."}


def _may_name_country(text: str, words: set[str]) -> bool:
    """False when _COUNTRY_RE cannot match ``text`` (``words``: its lower-cased letter_words):
    a name's first word stands alone (nothing from [\\w.] before it, a space, a dot or no word
    character after it), so it is one of the words, or "u.s.a." is written. The pattern costs
    23 us on a 600-character page that names no country; the words are read for roles anyway.
    re folds the dotless i, the dotted capital I (to i) and the long s (to s) where ``lower``
    does not: a text holding one is let through (for every other character, and these names'
    letters, ``lower`` is re's case folding).
    """
    return (
        not words.isdisjoint(_COUNTRY_FIRST_WORDS)
        or ".s." in text
        or ".S." in text
        or "\u0131" in text
        or "\u0130" in text
        or "\u017f" in text
    )


# The lookahead on the first letters comes first: a position that cannot start a name is left
# before the lookbehind is tried (half the cost again; neither changes what matches).
_COUNTRY_RE = re.compile(
    "(?=[" + re.escape("".join(sorted({name[0] for name in _COUNTRY_NAMES}))) + "])"
    r"(?<![\w.])(" + _COUNTRY_ALTERNATION + r")(?![\w])",
    re.IGNORECASE,
)
# "10115 Berlin, Deutschland", "75002 Paris, France": a postcode, a town and its country.
_POSTAL_ADDRESS_RE = re.compile(
    rf"\b\d{{4,5}}\s+[^\W\d][\w\-. ]{{1,40}}?,\s*({_COUNTRY_ALTERNATION})(?![\w])",
    re.IGNORECASE,
)
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
# Address shapes that name their country: "Springfield, IL 62701", "London SW1A 1AA".
# With what a latin-1 text's shape (processing.contacts.shapes) must hold for each to match:
# five digits; a capital before a digit.
_ADDRESS_PATTERNS = (
    (re.compile(rf",\s*(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?\b"), "US", b"00000"),
    # \b[A-Z]{1,2}..., written to open with the letter (searched for alone) and look behind it.
    (re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]?\d[A-Z\d]?\s+\d[A-Z]{2}\b"), "GB", b"A0"),
)
# The "+" comes first, then the lookbehind looks past it: a pattern opening with a literal is
# searched for that character alone (6x faster over a page than a lookbehind tried everywhere).
_INTERNATIONAL_RE = re.compile(r"\+(?<![\w+]\+)\d{1,3}[\d \u00a0().\-/]{6,18}\d")

# Votes: an international number on the page, a country-code TLD or a language with its
# region subtag are the strongest signs; the page's language alone is one too (a German page
# lists German numbers); one mention of a country name is only a hint.
_W_INTERNATIONAL = 3
_W_TLD = 3
_W_LANG_REGION = 3
_W_LANG = 2
_W_ADDRESS = 2
_W_COUNTRY_NAME = 1
_W_EMAIL = 1
_MAX_VOTES_EACH = 2  # a footer repeated ten times is still one page's word
_MIN_SCORE = 2


def _known(region: str) -> str | None:
    region = region.upper()
    return region if region in phonenumbers.SUPPORTED_REGIONS else None


def tld_region(host: str | None) -> str | None:
    """The country of a host's TLD (``.de`` → DE, ``.co.uk`` → GB), None for generic ones."""
    if not host:
        return None
    tld = host.lower().rstrip(".").rsplit(".", 1)[-1]
    if len(tld) != 2 or tld in _GENERIC_CCTLDS:
        return None
    return _known(_TLD_REGION.get(tld, tld)) if _TLD_REGION.get(tld, tld) else None


def language_region(tag: str | None) -> tuple[str | None, bool]:
    """The region a language tag names (``de-AT`` → AT) and whether it said so explicitly."""
    if not tag:
        return None, False
    first = tag.split(",")[0].strip().replace("_", "-")
    parts = [p for p in first.split("-") if p]
    if not parts:
        return None, False
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha() and _known(part):
            return _known(part), True
    language = _LANGUAGE_REGION.get(parts[0].lower())
    return language, False


def international_regions(text: str, raw_numbers: Iterable[str] = ()) -> list[str]:
    """Regions of the numbers written with their country code on the page."""
    regions: list[str] = []
    candidates = [m.group() for m in _INTERNATIONAL_RE.finditer(text)]
    for raw in raw_numbers:
        raw = unquote(raw.strip())
        raw = raw[4:] if raw.lower().startswith("tel:") else raw
        candidates.append(raw.lstrip("/ "))
    for raw in candidates[:50]:
        if not raw.startswith("+"):
            continue
        region = _region_of_international(raw)
        if region:
            regions.append(region)
    return regions


@functools.lru_cache(maxsize=4096)
def _region_of_international(raw: str) -> str | None:
    """The region of one ``+CC ...`` number, None when it is not a valid number.

    Cached: a site's footer number is on every one of its pages, and for +1 numbers
    ``region_code_for_number`` checks every NANPA region in turn (a third of a page's
    extraction time). The answer depends on the string alone. ``phonenumbers.is_valid_number``
    is ``is_valid_number_for_region`` of that same region, so the region is looked up once
    here (valid_number and the lookup after it did it twice): a number not met before, as a
    page's own direct line is, costs half as much.
    """
    try:
        number = phonenumbers.parse(raw, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    if not phonenumbers.is_valid_number_for_region(number, region):
        return None
    return region or None


def choose_region(
    *,
    default: str,
    text: str,
    url: str | None = None,
    languages: Iterable[str | None] = (),
    emails: Iterable[str] = (),
    raw_numbers: Iterable[str] = (),
    words: set[str] | None = None,
) -> str:
    """The region for the page's national numbers; ``default`` unless the page says otherwise.

    ``languages`` are ``<html lang>`` and the ``Content-Language`` header, ``emails`` the
    addresses found on the page, ``raw_numbers`` tel: links and structured-data numbers,
    ``words`` the text's ``shapes.letter_words`` when the caller has them.
    """
    votes: Counter[str] = Counter()

    def vote(region: str | None, weight: int) -> None:
        if region:
            votes[region] += weight

    for region, n in Counter(international_regions(text, raw_numbers)).items():
        vote(region, _W_INTERNATIONAL * min(n, _MAX_VOTES_EACH))
    vote(tld_region(urlsplit(url).hostname if url else None), _W_TLD)
    for tag in {t for t in languages if t}:
        region, explicit = language_region(tag)
        vote(region, _W_LANG_REGION if explicit else _W_LANG)
    email_regions = Counter(tld_region(address.rsplit("@", 1)[-1]) for address in emails)
    for region, n in email_regions.items():
        vote(region, _W_EMAIL * min(n, _MAX_VOTES_EACH))
    form = shape(text)
    for pattern, region, cue in _ADDRESS_PATTERNS:
        found = len(pattern.findall(text)) if form is None or cue in form else 0
        vote(region, _W_ADDRESS * min(found, _MAX_VOTES_EACH))
    names = Counter()
    if _may_name_country(text, letter_words(text.lower()) if words is None else words):
        names.update(_COUNTRY_NAMES[m.group(1).lower()] for m in _COUNTRY_RE.finditer(text))
    if names:
        # A postal address ends in a country name that _COUNTRY_RE finds too (after ", "): on
        # a page naming no country there is none to look for.
        postal = Counter(
            _COUNTRY_NAMES[m.group(1).lower()] for m in _POSTAL_ADDRESS_RE.finditer(text)
        )
        for region, n in postal.items():
            vote(region, _W_ADDRESS * min(n, _MAX_VOTES_EACH))
    for region, n in names.items():
        vote(region, _W_COUNTRY_NAME * min(n, _MAX_VOTES_EACH))
    if not votes:
        return default
    (best, score), *rest = votes.most_common()
    # A clear winner only: a tie, or a single weak hint, leaves the configured default.
    if score < _MIN_SCORE or (rest and rest[0][1] == score) or votes[default] >= score:
        return default
    return best
