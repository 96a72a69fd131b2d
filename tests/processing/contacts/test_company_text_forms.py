"""Company facts of legal pages the held-out sets found missing or fragile: VAT labels in the
cases pages write them, legal forms of more countries and the labels before a legal name
(processing.contacts.company_text)."""

from __future__ import annotations

import pytest

from processing.contacts import extract_page


def _facts(body: str, url: str = "https://www.example.eu/impressum") -> set[tuple[str, str]]:
    html = f"<html><body>{body}</body></html>"
    return {(f.kind, f.value) for f in extract_page(html.encode(), url=url).company}


@pytest.mark.parametrize(
    ("line", "vat"),
    [
        ("Ust-IdNr.: DE 129 273 398", "DE129273398"),
        ("UST-ID: DE136695976", "DE136695976"),
        ("N° Tva intracommunautaire : FR23334175221", "FR23334175221"),
    ],
)
def test_vat_labels_in_other_cases(line, vat):
    impressum = f"<h1>Impressum</h1><p>Amtsgericht München HRB 98765</p><p>{line}</p>"
    assert ("vat_id", vat) in _facts(impressum)
    footer = f"<main><p>Hello.</p></main><footer><p>Kerkstraat 1 · {line}</p></footer>"
    assert ("vat_id", vat) in _facts(footer, url="https://www.example.eu/")


def test_a_vat_id_needs_its_label_near_it():
    body = "<footer><p>Private clients welcome.</p><p>Order DE136695976 shipped.</p></footer>"
    assert ("vat_id", "DE136695976") not in _facts(body, url="https://www.example.eu/")
