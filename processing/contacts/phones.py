"""Phone number finding and validation with libphonenumber (the ``phonenumbers`` package)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher, PhoneNumberType

#: libphonenumber's line type -> the classification stored (``fixed_line``, ``premium_rate``, ...).
LINE_TYPES: dict[int, str] = {
    value: name.lower()
    for name, value in vars(PhoneNumberType).items()
    if name.isupper() and isinstance(value, int)
}
# A maximal run of digits and phone punctuation. The greedy class is followed only by a digit,
# so each run is matched once and the scan is linear; runs are then filtered by digit count
# before the (much slower, ~0.2 ms per call) PhoneNumberMatcher sees them.
# It starts with a plain digit class so that re can skip non-digits quickly; the margin
# below gives the matcher the "+" or "(" in front.
_RUN_RE = re.compile(r"\d[\d \t\u00a0().\-/]*\d")
_MIN_DIGITS, _MAX_DIGITS = 7, 40  # fewer can't be a phone; more is a table of figures
_MARGIN = 8  # lets the matcher see the characters around a run (letters, currency signs)
_MAX_RUNS = 2000  # per page: bounds the matcher's work on pages of nothing but numbers
_DATE_RE = re.compile(
    r"\d{4}[./\-]\d{1,2}[./\-]\d{1,2}|\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
)
_URLISH_RE = re.compile(r"[/=?&#]|\w\.\w+/|\bwww\.|https?:", re.I)
_CUE_WINDOW = 32
# Words that introduce a number that is not a phone (looked for just before the number).
_NEGATIVE_CUES_RE = re.compile(
    r"(?:\b(?:order|bestell|invoice|rechnung|receipt|ref|reference|sku|art\.?-?nr|item|ticket|case"
    r"|iban|bic|swift|blz|konto|account|acct|routing|ust|vat|tax|steuer|hrb|hra|registernummer"
    r"|reg\.?|ein|ssn|isbn|issn|ean|upc|gtin|id|no|nr|zip|postal|plz|postcode|serial"
    r"|model|version|tracking|sendungs|customer|kunden|policy|po box|price|preis|total"
    r"|amount|qty|quantity)\w{0,14}|[#$€£¥])\W{0,12}$",
    re.I,
)
# At a word start: "Bestellnummer" holds "tel" but is an order number.
_POSITIVE_CUES_RE = re.compile(
    r"(?:\b(?:tel|phone|fon|telefon|telephone|call|mobile|mobil|handy|cell|fax|hotline"
    r"|whatsapp|ruf|appel|téléphone|teléfono)|電話|☎|✆|📞)[^\d]{0,24}$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class PhoneMatch:
    """A validated phone number found in a text, with its span there."""

    e164: str
    national: str
    number_type: str
    start: int
    end: int


def _describe(number: phonenumbers.PhoneNumber) -> tuple[str, str, str]:
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    kind = LINE_TYPES.get(phonenumbers.number_type(number), "unknown")
    return e164, national, kind


def valid_number(raw: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    """``raw`` parsed (``region`` for a number without ``+CC``); None unless it is valid."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


@lru_cache(maxsize=4096)
def parse_phone(raw: str, region: str) -> tuple[str, str, str] | None:
    """Parse a number from a tel: link or structured data; None unless it is valid."""
    raw = unquote(raw.strip())
    for prefix in ("tel:", "callto:", "phone:", "sms:"):
        if raw.lower().startswith(prefix):
            raw = raw[len(prefix) :]
    raw = raw.split(";", 1)[0].split("?", 1)[0].strip().lstrip("/")
    if not raw or len(raw) > 64:
        return None
    number = valid_number(raw, region)
    return None if number is None else _describe(number)


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """Spans around digit runs that could hold a phone number, at most _MAX_RUNS of them."""
    examined = 0
    for run in _RUN_RE.finditer(text):
        if run.end() - run.start() > _MAX_DIGITS * 4:
            continue  # cheap length test first: never count digits of a megabyte-long run
        digits = sum(map(str.isdigit, run.group()))  # map: no Python frame per character
        if not _MIN_DIGITS <= digits <= _MAX_DIGITS or _DATE_RE.fullmatch(run.group()):
            continue  # dates are common and costly to hand to the matcher
        examined += 1
        if examined > _MAX_RUNS:
            return
        yield max(0, run.start() - _MARGIN), min(len(text), run.end() + _MARGIN)


def _glued_to_word(text: str, start: int) -> bool:
    """True if the match follows a word joined by a hyphen, dot, slash or underscore."""
    if start < 2 or not text[start - 2].isalnum():
        return False
    # "Tel.030 …" and "Tel:+49 …" are labels, so a dot only glues when it follows a digit.
    return text[start - 1] in "-/_" or (text[start - 1] == "." and text[start - 2].isdigit())


def _plausible_in_context(text: str, start: int, end: int, raw: str) -> bool:
    """Reject dates, URL fragments and numbers that a preceding word marks as an ID."""
    if _DATE_RE.fullmatch(raw.strip()):
        return False
    if start > 0 and (text[start - 1].isalnum() or _glued_to_word(text, start)):
        return False  # "INV-2024-000123", "A1-555-0100": part of a code, not a number
    token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    token_end_space = text.find(" ", end)
    token_end = len(text) if token_end_space == -1 else token_end_space
    if _URLISH_RE.search(text[max(token_start, start - 200) : start]) or (
        end < len(text) and text[end] in "/=&?#@" and end < token_end
    ):
        return False  # part of a URL, path or query string
    cue = _cue(text[max(0, start - _CUE_WINDOW) : start])
    if cue is False:
        return False
    digits = sum(map(str.isdigit, raw))
    # A bare run of digits with no "+" and no separators is far more often an ID than a phone;
    # accept it only when the text says it is a phone.
    return cue is True or not (raw.isdigit() and digits >= 9)


@lru_cache(maxsize=4096)
def _cue(before: str) -> bool | None:
    """What the words just before a number say: True a phone, False an ID, None nothing.

    Remembered: the two case-insensitive alternations cost 15 us a number, and a site's pages
    write their footer's number after the same words.
    """
    if _POSITIVE_CUES_RE.search(before):
        return True
    return False if _NEGATIVE_CUES_RE.search(before) else None


@lru_cache(maxsize=2048)
def _match_window(window: str, region: str) -> tuple[tuple[int, int, str, str, str, str], ...]:
    """Matcher results for one window; cached because pages repeat their numbers."""
    found = []
    for match in PhoneNumberMatcher(window, region, leniency=Leniency.VALID, max_tries=50):
        found.append((match.start, match.end, match.raw_string, *_describe(match.number)))
    return tuple(found)


def find_phones(text: str, region: str) -> Iterator[PhoneMatch]:
    """Valid phone numbers in visible ``text`` (VALID leniency), in order of appearance."""
    for window_start, window_end in _windows(text):
        for rel_start, rel_end, raw, e164, national, kind in _match_window(
            text[window_start:window_end], region
        ):
            start, end = window_start + rel_start, window_start + rel_end
            if _plausible_in_context(text, start, end, raw):
                yield PhoneMatch(e164, national, kind, start, end)
