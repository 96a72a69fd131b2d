"""A social profile's verdict: its URL's shape re-checked, without asking the network."""

from __future__ import annotations

from processing.contacts.social import normalize_social_url, social_network
from processing.validation.result import Check


def check_social(value: str) -> Check:
    """Valid when the stored URL is a profile URL in its canonical form."""
    parsed = normalize_social_url(value)
    if parsed is None:
        network = social_network(value)
        if network is None:
            return Check("unknown", "not a social network we check")
        return Check("invalid", f"not a profile URL on {network}")
    network, canonical = parsed
    if canonical != value:
        return Check("risky", f"not canonical: {canonical}", network)
    return Check("valid", f"{network} profile URL", network)
