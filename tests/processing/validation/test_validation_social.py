"""Social profile verdicts: the URL's shape re-checked, no request to the network."""

from __future__ import annotations

import pytest

from processing.validation import validate_contact


def check(value: str):
    return validate_contact(kind="social", value=value, default_region="US")


@pytest.mark.parametrize(
    ("url", "network"),
    [
        ("https://linkedin.com/company/acme-plumbing", "linkedin"),
        ("https://facebook.com/acmeplumbing", "facebook"),
        ("https://instagram.com/acme.bakes", "instagram"),
        ("https://x.com/acme", "x"),
        ("https://youtube.com/@acme", "youtube"),
        ("https://github.com/acme", "github"),
    ],
)
def test_canonical_profile_urls_are_valid(url, network):
    result = check(url)
    assert (result.verdict, result.classification) == ("valid", network)
    assert result.reason == f"{network} profile URL"


def test_a_profile_url_not_in_canonical_form_is_risky():
    result = check("https://www.linkedin.com/company/acme/about/")
    assert result.verdict == "risky"
    assert result.reason == "not canonical: https://linkedin.com/company/acme"


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/acme/status/12345",
        "https://facebook.com/sharer.php?u=https://acme.com",
        "https://linkedin.com/feed/",
        "https://instagram.com/p/Cx1y2z3",
    ],
)
def test_posts_and_share_links_are_invalid(url):
    result = check(url)
    assert result.verdict == "invalid"
    assert result.reason.startswith("not a profile URL on ")


@pytest.mark.parametrize("url", ["https://myspace.com/acme", "not a url at all"])
def test_other_networks_are_unknown(url):
    assert check(url).verdict == "unknown"


def test_an_unknown_kind_is_unknown():
    result = validate_contact(kind="fax", value="+4930123456", default_region="US")
    assert result.verdict == "unknown"
