"""Domains and URLs are normalised the way a curator expects, and nonsense is named."""

from __future__ import annotations

import pytest

from scrapersky.normalize import InvalidValue, canonical_url, normalize_domain, normalize_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("example.com", "example.com"),
        ("  Example.COM  ", "example.com"),
        ("https://www.example.com/contact?x=1#top", "example.com"),
        ("http://user:pw@shop.example.co.uk:8080/a", "shop.example.co.uk"),
        ("//www.example.org", "example.org"),
        ("www.example.net.", "example.net"),
        ("\ufeffexample.io", "example.io"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("www.com", "www.com"),  # a two-label name keeps its www
    ],
)
def test_normalize_domain(raw, expected):
    assert normalize_domain(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("localhost", "no top-level domain"),
        ("192.168.1.10", "IP address"),
        ("http://[::1]/", "IP address"),
        ("info@example.com", "e-mail"),
        ("ftp://example.com", "unsupported scheme"),
        ("exa mple.com", "spaces"),
        ("exa_mple.com", "contains '_', which a domain cannot have"),
        ("umbrella..test", "two dots in a row"),
        ("-bad-.com", "starts or ends with a hyphen"),
        ("example.c0m", "top-level domain"),
        ("x" * 2001, "too long"),
    ],
)
def test_invalid_domains_are_named(raw, reason):
    with pytest.raises(InvalidValue, match=reason):
        normalize_domain(raw)


def test_normalize_url():
    assert normalize_url("HTTPS://WWW.Example.com/Contact#form") == (
        "https://www.example.com/Contact",
        "example.com",
    )
    assert normalize_url("http://example.com") == ("http://example.com/", "example.com")
    assert normalize_url("http://example.com:8080/a?b=1") == (
        "http://example.com:8080/a?b=1",
        "example.com",
    )


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("example.com/contact", "absolute URL"),
        ("javascript:alert(1)", "absolute URL"),
        ("mailto:x@example.com", "absolute URL"),
        ("ftp://example.com/file", "unsupported scheme"),
        ("http://user:pw@example.com/", "credentials"),
        ("http://example.com:99999/", "valid URL"),
        ("http://10.0.0.1/admin", "IP address"),
    ],
)
def test_invalid_urls_are_named(raw, reason):
    with pytest.raises(InvalidValue, match=reason):
        normalize_url(raw)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("HTTPS://WWW.Example.com/Contact#form", "https://www.example.com/Contact"),
        ("http://example.com", "http://example.com/"),
        ("http://Example.COM./a?b=1", "http://example.com/a?b=1"),
        ("http://example.com:8080/a?B=1", "http://example.com:8080/a?B=1"),
        ("https://www.Bücher.de/x", "https://www.xn--bcher-kva.de/x"),
        # What normalize_url refuses is kept, tidied the same way: the walker keys any URL.
        ("http://User:PW@Example.com/", "http://User:PW@example.com/"),
        ("http://[::1]:8000/x#y", "http://[::1]:8000/x"),
        ("http://10.0.0.1/admin", "http://10.0.0.1/admin"),
        ("http://Example.com:99999/", "http://example.com:99999/"),
        ("http://[::1/", "http://[::1/"),
    ],
)
def test_canonical_url_keys_spellings_of_one_url(url, key):
    assert canonical_url(url) == key


@pytest.mark.parametrize(
    "raw",
    [
        "HTTPS://WWW.Example.com/Contact#form",
        "http://example.com:8080/a?b=1",
        "https://www.Bücher.de/x",
    ],
)
def test_canonical_url_is_normalize_url_without_the_refusals(raw):
    assert canonical_url(raw) == normalize_url(raw)[0]
