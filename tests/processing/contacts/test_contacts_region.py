"""National phone numbers are read in the page's own country; dates, prices and ids never."""

from __future__ import annotations

import random
import re

import pytest

from processing.contacts import extract_page, region
from processing.contacts.region import choose_region, language_region, tld_region


def phones(html: str, url: str, *, default: str = "US", content_language=None):
    result = extract_page(
        html.encode(),
        url=url,
        content_type="text/html; charset=utf-8",
        default_region=default,
        content_language=content_language,
    )
    return result.phone_region, sorted(c.value for c in result.contacts if c.kind == "phone")


GERMAN = """<!doctype html><html lang="de"><head><title>Impressum</title></head><body>
<h1>Impressum</h1><p>Muster Bau GmbH, Hauptstraße 5, 10115 Berlin, Deutschland</p>
<p>Telefon: (030) 2345 6789<br>Mobil: 0171 2345678<br>E-Mail: info@musterbau.de</p>
<p>Stand: 12.03.2024 · Öffnungszeiten 08:00-17:00 · Angebot ab 1.299,00 €</p>
<p>Handelsregister: HRB 123456 · USt-IdNr.: DE 123456789 · Bestellnummer 2024-000123</p>
</body></html>"""

BRITISH = """<!doctype html><html lang="en-GB"><head><title>Contact</title></head><body>
<h1>Contact us</h1><p>Acme Joinery Ltd, 10 Downing Lane, London SW1A 2AA</p>
<p>Tel: 020 7946 0958 · Mobile: 07911 123456 · hello@acme-joinery.co.uk</p>
<p>Updated 12/03/2024 · Kitchens from £12,499.00 · Company No. 01234567 · VAT 123 4567 89</p>
</body></html>"""

FRENCH = """<!doctype html><html lang="fr"><head><title>Contact</title></head><body>
<h1>Nous contacter</h1><p>Boulangerie Dupont, 12 rue de la Paix, 75002 Paris, France</p>
<p>Tél : 01 23 45 67 89 · Portable : 06 12 34 56 78 · contact@boulangerie-dupont.fr</p>
<p>Mis à jour le 12/03/2024 à 14:30 · Gâteau 12,50 € · Commande n° 20240312 · Réf. 4567-8901</p>
</body></html>"""

AMERICAN = """<!doctype html><html lang="en"><head><title>Contact</title></head><body>
<h1>Contact</h1><p>Bay Plumbing, 500 Market St, San Francisco, CA 94103</p>
<p>Call (415) 555-0172 or 415.555.0199 · office@bayplumbing.com</p>
<p>Posted 03/12/2024 · Water heaters from $1,299.00 · Order #12345678 · License 1234567</p>
</body></html>"""


@pytest.mark.parametrize(
    ("html", "url", "region", "expected"),
    [
        (GERMAN, "https://musterbau.com/impressum", "DE", ["+491712345678", "+493023456789"]),
        (BRITISH, "https://acme-joinery.com/contact", "GB", ["+442079460958", "+447911123456"]),
        (FRENCH, "https://boulangerie-dupont.com/contact", "FR", ["+33123456789", "+33612345678"]),
        (AMERICAN, "https://bayplumbing.com/contact", "US", ["+14155550172", "+14155550199"]),
    ],
    ids=["german", "british", "french", "american"],
)
def test_national_numbers_take_the_pages_region_and_dates_do_not(html, url, region, expected):
    assert phones(html, url) == (region, expected)


def test_the_default_region_is_the_fallback_when_the_page_says_nothing():
    html = "<html><body><p>Call 2345 6789 or (030) 2345 6789</p></body></html>"
    assert phones(html, "https://example.com/", default="DE") == ("DE", ["+493023456789"])
    # Nothing on the page points anywhere: the US default reads none of these as valid.
    assert phones(html, "https://example.com/") == ("US", [])


def test_country_tld_alone_chooses_the_region():
    html = "<html><body><p>Telefon (030) 2345 6789</p></body></html>"
    assert phones(html, "https://www.baecker-berlin.de/kontakt") == ("DE", ["+493023456789"])


def test_international_numbers_on_the_page_choose_the_region_of_national_ones():
    html = "<html><body><p>Zentrale: +49 30 1234567</p><p>Filiale: (089) 123 4567</p></body></html>"
    assert phones(html, "https://example.com/") == ("DE", ["+49301234567", "+49891234567"])


def test_a_postal_address_with_its_country_chooses_the_region():
    html = "<html><body><p>Hauptstr. 5, 10115 Berlin, Deutschland</p><p>(030) 2345 6789</p>"
    assert phones(html, "https://example.com/") == ("DE", ["+493023456789"])


def test_content_language_header_counts_like_html_lang():
    html = "<html><body><p>Tél. 01 23 45 67 89</p></body></html>"
    assert phones(html, "https://example.com/", content_language="fr-FR") == (
        "FR",
        ["+33123456789"],
    )


def test_a_weak_hint_does_not_move_a_us_page_off_its_default():
    # One mention of a country is not an address; the US number stays American.
    html = "<html lang='en'><body><p>We ship to Germany. Call (415) 555-0172</p></body></html>"
    assert phones(html, "https://shop.example.com/") == ("US", ["+14155550172"])


def test_a_number_valid_only_in_the_default_region_is_still_found():
    # The page is German, but (312) 555-0110 is no German number: the default (US) reads it.
    html = "<html lang='de'><body><p>Büro Chicago: (312) 555-0110</p></body></html>"
    assert phones(html, "https://example.de/") == ("DE", ["+13125550110"])


def test_region_helpers():
    assert tld_region("shop.example.co.uk") == "GB"
    assert tld_region("example.io") is None and tld_region("example.com") is None
    assert language_region("de-AT") == ("AT", True)
    assert language_region("fr") == ("FR", False)
    assert language_region("en") == (None, False)
    assert choose_region(default="US", text="", url="https://a.fr/") == "FR"


def test_the_country_trie_matches_what_the_flat_alternation_matches():
    flat = re.compile(
        r"(?<![\w.])("
        + "|".join(re.escape(n) for n in sorted(region._COUNTRY_NAMES, key=len, reverse=True))
        + r")(?![\w])",
        re.IGNORECASE,
    )
    random.seed(11)
    pieces = [*region._COUNTRY_NAMES, "u.s.", "usaa", "franc", "xitaly", ".france", "1", "-"]
    pieces += [
        "ÖSTERREICH",
        "United Kingdoms",
        "\u017fpain",
        "u.s.a.x",
        "_wales",
        " ",
        ", ",
    ]  # \u017f: long s, which IGNORECASE matches to s
    for _ in range(5000):
        text = "".join(random.choice(pieces) for _ in range(random.randint(1, 6)))
        text = "".join(c.upper() if random.random() < 0.3 else c for c in text)
        expected = [(m.span(), m.group(1)) for m in flat.finditer(text)]
        assert [(m.span(), m.group(1)) for m in region._COUNTRY_RE.finditer(text)] == expected


def test_the_trie_prefers_the_longest_name_that_ends_at_a_word_boundary():
    pattern = re.compile(f"(?:{region._trie(['ab', 'abc', 'abcd'])})(?![\\w])")
    assert [m.group() for m in pattern.finditer("abcd abc ab abcx")] == ["abcd", "abc", "ab"]
