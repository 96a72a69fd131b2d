"""A phone number's verdict: libphonenumber validity, line type and region, offline."""

from __future__ import annotations

import phonenumbers
from phonenumbers import ValidationResult

from processing.contacts.phones import LINE_TYPES
from processing.validation.result import Check
from scrapersky.vocabulary import PHONE_LINE_LABELS

LABELS = PHONE_LINE_LABELS
# Numbers that connect but do not reach a person a sales team can talk to, or cost the caller.
RISKY_TYPES = frozenset({"premium_rate", "pager", "voicemail"})
_IMPOSSIBLE = {
    ValidationResult.INVALID_COUNTRY_CODE: "unknown country code",
    ValidationResult.TOO_SHORT: "too short",
    ValidationResult.TOO_LONG: "too long",
    ValidationResult.INVALID_LENGTH: "wrong length",
}


def fictional(number: phonenumbers.PhoneNumber) -> bool:
    """A North American number in 555-0100..555-0199, which the numbering plan keeps for films
    and examples (libphonenumber calls them valid: they are, as numbers)."""
    national = str(number.national_number)  # area code, exchange, line: 541 555 0123
    return number.country_code == 1 and len(national) == 10 and national[3:8] == "55501"


def check_phone(value: str, *, default_region: str) -> Check:
    """The number as stored (E.164; ``default_region`` for one without a country code)."""
    try:
        number = phonenumbers.parse(value, None if value.startswith("+") else default_region)
    except phonenumbers.NumberParseException as exc:
        if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            return Check("invalid", "impossible number: unknown country code")
        return Check("invalid", "not a phone number")
    possible = phonenumbers.is_possible_number_with_reason(number)
    if possible in _IMPOSSIBLE:
        return Check("invalid", f"impossible number: {_IMPOSSIBLE[possible]}")
    if not phonenumbers.is_valid_number(number):
        # An invalid number has no region of its own: name its country code's main one.
        region = phonenumbers.region_code_for_country_code(number.country_code)
        return Check("invalid", f"not a valid number in {region}")
    region = phonenumbers.region_code_for_number(number)
    line_type = LINE_TYPES.get(phonenumbers.number_type(number), "unknown")
    if fictional(number):
        reason = "reserved for fiction (555-0100 to 555-0199): no one answers"
        return Check("invalid", reason, line_type)
    verdict = "risky" if line_type in RISKY_TYPES else "valid"
    if line_type == "unknown":
        return Check(verdict, f"valid number (line type unknown), {region}", line_type)
    return Check(verdict, f"{LABELS.get(line_type, line_type)} number, {region}", line_type)
