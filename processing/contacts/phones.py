"""Phone number finding and validation with libphonenumber (the ``phonenumbers`` package)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher, PhoneNumberType

_TYPE_NAMES = {
    value: name.lower()
    for name, value in vars(PhoneNumberType).items()
    if name.isupper() and isinstance(value, int)
}
# Seven digits with light punctuation between them: cheap, linear pre-filter that picks
# the few windows worth handing to the (much slower) PhoneNumberMatcher.
_PHONEISH_RE = re.compile(r"\d(?:[ \t\u00a0().\-/]{0,3}\d){6}")
_WINDOW_MARGIN = 60
_MAX_WINDOW = 2000
_MAX_WINDOWS = 5000
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
_POSITIVE_CUES_RE = re.compile(
    r"(?:tel|phone|fon|telefon|telephone|call|mobile|mobil|handy|cell|fax|hotline|whatsapp"
    r"|ruf|appel|téléphone|teléfono|電話|☎|✆|📞)[^\d]{0,24}$",
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
    kind = _TYPE_NAMES.get(phonenumbers.number_type(number), "unknown")
    return e164, national, kind


def parse_phone(raw: str, region: str) -> tuple[str, str, str] | None:
    """Parse a number from a tel: link or structured data; None unless it is valid."""
    raw = unquote(raw.strip())
    for prefix in ("tel:", "callto:", "phone:", "sms:"):
        if raw.lower().startswith(prefix):
            raw = raw[len(prefix) :]
    raw = raw.split(";", 1)[0].split("?", 1)[0].strip().lstrip("/")
    if not raw or len(raw) > 64:
        return None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return _describe(number)


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """Merged, line-bounded spans around phone-ish digit runs."""
    current: tuple[int, int] | None = None
    count = 0
    for hit in _PHONEISH_RE.finditer(text):
        line_start = text.rfind("\n", max(0, hit.start() - _WINDOW_MARGIN), hit.start()) + 1
        start = max(line_start, hit.start() - _WINDOW_MARGIN)
        line_end = text.find("\n", hit.end(), hit.end() + _WINDOW_MARGIN)
        end = line_end if line_end != -1 else min(len(text), hit.end() + _WINDOW_MARGIN)
        if current and start <= current[1] and end - current[0] <= _MAX_WINDOW:
            current = (current[0], max(current[1], end))
            continue
        if current:
            yield current
            count += 1
            if count >= _MAX_WINDOWS:
                return  # a page of nothing but digits: stop rather than spin
        current = (start, end)
    if current:
        yield current


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
    before = text[max(0, start - _CUE_WINDOW) : start]
    positive = _POSITIVE_CUES_RE.search(before)
    if not positive and _NEGATIVE_CUES_RE.search(before):
        return False
    digits = sum(c.isdigit() for c in raw)
    # A bare run of digits with no "+" and no separators is far more often an ID than a phone;
    # accept it only when the text says it is a phone.
    return bool(positive) or not (raw.isdigit() and digits >= 9)


def find_phones(text: str, region: str) -> Iterator[PhoneMatch]:
    """Valid phone numbers in visible ``text`` (VALID leniency), in order of appearance."""
    for window_start, window_end in _windows(text):
        window = text[window_start:window_end]
        for match in PhoneNumberMatcher(window, region, leniency=Leniency.VALID, max_tries=200):
            start, end = window_start + match.start, window_start + match.end
            if not _plausible_in_context(text, start, end, match.raw_string):
                continue
            e164, national, kind = _describe(match.number)
            yield PhoneMatch(e164, national, kind, start, end)
