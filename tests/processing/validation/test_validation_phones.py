"""Phone verdicts by libphonenumber: every line type, from several regions, and invalid numbers."""

from __future__ import annotations

import pytest

from processing.validation import validate_contact


def check(value: str, region: str = "US"):
    return validate_contact(kind="phone", value=value, default_region=region)


# (number as stored, line type, region, verdict)
NUMBERS = [
    ("+447400123456", "mobile", "GB", "valid"),
    ("+4915123456789", "mobile", "DE", "valid"),
    ("+33612345678", "mobile", "FR", "valid"),
    ("+61412345678", "mobile", "AU", "valid"),
    ("+819012345678", "mobile", "JP", "valid"),
    ("+441212345678", "fixed_line", "GB", "valid"),
    ("+4930123456", "fixed_line", "DE", "valid"),
    ("+33123456789", "fixed_line", "FR", "valid"),
    ("+81312345678", "fixed_line", "JP", "valid"),
    ("+12015550223", "fixed_line_or_mobile", "US", "valid"),
    ("+917410410123", "fixed_line_or_mobile", "IN", "valid"),
    ("+445612345678", "voip", "GB", "valid"),
    ("+33912345678", "voip", "FR", "valid"),
    ("+31851234567", "voip", "NL", "valid"),
    ("+18002345678", "toll_free", "US", "valid"),
    ("+448001234567", "toll_free", "GB", "valid"),
    ("+498001234567890", "toll_free", "DE", "valid"),
    ("+611800123456", "toll_free", "AU", "valid"),
    ("+19002345678", "premium_rate", "US", "risky"),
    ("+449012345678", "premium_rate", "GB", "risky"),
    ("+33891123456", "premium_rate", "FR", "risky"),
    ("+81990123456", "premium_rate", "JP", "risky"),
    ("+4918012345", "shared_cost", "DE", "valid"),
    ("+34901123456", "shared_cost", "ES", "valid"),
    ("+447012345678", "personal_number", "GB", "valid"),
    ("+447640123456", "pager", "GB", "risky"),
    ("+445512345678", "uan", "GB", "valid"),
    ("+49177991234567", "voicemail", "DE", "risky"),
]


@pytest.mark.parametrize(("number", "line_type", "region", "verdict"), NUMBERS)
def test_line_type_and_region(number, line_type, region, verdict):
    result = check(number)
    assert (result.verdict, result.classification) == (verdict, line_type)
    assert result.reason.endswith(f" number, {region}")


def test_reasons_read_as_words():
    assert check("+18002345678").reason == "toll free number, US"
    assert check("+445612345678").reason == "VoIP number, GB"
    assert check("+19002345678").reason == "premium rate number, US"


def test_a_number_stored_without_a_country_code_uses_the_default_region():
    assert check("030 123456", region="DE").reason == "fixed line number, DE"
    assert check("(201) 555-0223", region="US").classification == "fixed_line_or_mobile"


@pytest.mark.parametrize("number", ["+15415550123", "+14155550172", "+12015550100", "+12015550199"])
def test_numbers_reserved_for_fiction_are_invalid(number):
    """555-0100..0199 in North America is kept for films and examples (the demo's numbers)."""
    result = check(number)
    assert result.verdict == "invalid"
    assert result.reason.startswith("reserved for fiction")
    assert check("+12015550200").verdict == "valid"  # outside the range: an ordinary number


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("+4412", "impossible number: too short"),
        ("+4930", "not a valid number in DE"),
        ("+1201555012345678", "impossible number: too long"),
        ("+99912345678", "impossible number: unknown country code"),
        ("+12011234567", "not a valid number in US"),  # US exchanges never start with 1
        ("+442012345", "not a valid number in GB"),
        ("call us", "not a phone number"),
        ("", "not a phone number"),
    ],
)
def test_invalid_numbers(value, reason):
    result = check(value)
    assert (result.verdict, result.reason) == ("invalid", reason)
    assert result.classification == ""  # the extractor's classification stays
