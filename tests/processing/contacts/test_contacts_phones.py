"""Phone rules: tel links, visible text and structured data, and the many non-phone numbers."""

from __future__ import annotations

import pytest

from processing.contacts import FoundContact, extract_page
from processing.contacts.phones import parse_phone


def _phones(body: str, head: str = "", region: str = "US") -> list[FoundContact]:
    html = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    result = extract_page(html.encode(), url="https://site.test/", default_region=region)
    return [c for c in result.contacts if c.kind == "phone"]


def _values(body: str, region: str = "US") -> list[str]:
    return [c.value for c in _phones(body, region=region)]


def test_tel_link_e164_and_national_display() -> None:
    (phone,) = _phones('<a href="tel:+1-415-555-0132">Call</a>')
    assert phone.value == "+14155550132"
    assert phone.display == "(415) 555-0132"
    assert phone.source == "tel"
    assert phone.classification == "fixed_line_or_mobile"


def test_tel_link_percent_encoded_and_regional() -> None:
    assert _values('<a href="tel:030%2012345678">x</a>', region="DE") == ["+493012345678"]
    assert _values('<a href="callto:+493012345678">x</a>') == ["+493012345678"]


def test_invalid_tel_link_is_dropped() -> None:
    assert _values('<a href="tel:123">x</a><a href="tel:">y</a>') == []


def test_visible_text_phone_with_context() -> None:
    (phone,) = _phones("<p>Office:   (512) 555-0147 (Mon-Fri)</p>")
    assert (phone.value, phone.source) == ("+15125550147", "text")
    assert phone.context == "Office: (512) 555-0147 (Mon-Fri)"


@pytest.mark.parametrize(
    "text, region, value, kind",
    [
        ("Tel. +49 (0) 30 12345678", "US", "+493012345678", "fixed_line"),
        ("Telefon 030 12345678", "DE", "+493012345678", "fixed_line"),
        ("Mobil: 0171 2345678", "DE", "+491712345678", "mobile"),
        ("Tel:+44 20 7946 0958", "US", "+442079460958", "fixed_line"),
        ("call 1-800-555-0123", "US", "+18005550123", "toll_free"),
        ("電話 03-1234-5678", "JP", "+81312345678", "fixed_line"),
        ("01 42 68 53 00", "FR", "+33142685300", "fixed_line"),
        ("Phone: 4155550132", "US", "+14155550132", "fixed_line_or_mobile"),
    ],
)
def test_text_phones(text: str, region: str, value: str, kind: str) -> None:
    (phone,) = _phones(f"<p>{text}</p>", region=region)
    assert (phone.value, phone.classification) == (value, kind)


def test_default_region_matters() -> None:
    assert _values("<p>Call 030 12345678</p>", region="DE") == ["+493012345678"]
    assert _values("<p>Call 030 12345678</p>", region="US") == []


def test_json_ld_telephone() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "Dentist", "telephone": "+1 206-555-0143",'
        ' "contactPoint": {"@type": "ContactPoint", "telephone": "tel:+18005550123"}}</script>'
    )
    phones = _phones("<p>x</p>", head)
    assert [(p.value, p.source) for p in phones] == [
        ("+12065550143", "jsonld"),
        ("+18005550123", "jsonld"),
    ]


def test_microdata_telephone() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/LocalBusiness">'
        '<span itemprop="telephone">Tel: (503) 555-0138</span>'
        '<meta itemprop="telephone" content="+1 503 555 0139"></div>'
    )
    assert [(p.value, p.source) for p in _phones(body)] == [
        ("+15035550138", "microdata"),
        ("+15035550139", "microdata"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Published 2024-01-15",
        "Stand: 15.01.2024",
        "Delivery 01/22/2024",
        "Updated 2024/01/15 14:35:07",
        "Price $1,299.00 or $2,415,550.0199",
        "Total: 4155550123",
        "Order number 4155550123",
        "Order #7735550199",
        "Invoice INV-2024-000123",
        "Customer ID: 3125550186",
        "SKU 8005550100",
        "Ref. 2065550143",
        "ZIP 94107 and 10115 Berlin",
        "Long 123456789012345678901234567890",
        "Version v2.14.3.1155 build 20240115",
        "IBAN DE89 3704 0044 0532 0130 00",
        "USt-IdNr. DE 123456789",
        "Tracking 9400 1000 0000 0000 0000 00",
        "https://shop.test/orders/4155550123?ref=2065550143",
        "www.shop.test/item/4155550123",
        "ISBN 978-3-16-148410-0",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert _values(f"<p>{text}</p>", region="US") == []


def test_numbers_in_link_urls_are_not_phones() -> None:
    assert _values('<a href="https://shop.test/p/4155550132">Product</a>') == []


def test_parse_phone_rejects_garbage() -> None:
    assert parse_phone("tel:not-a-number", "US") is None
    assert parse_phone("+1" + "9" * 80, "US") is None
    assert parse_phone("tel:+14155550132;ext=12", "US") == (
        "+14155550132",
        "(415) 555-0132",
        "fixed_line_or_mobile",
    )
