"""Corpus test: each page's contacts must equal its hand-written expected set exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from processing.contacts import extract_page

CORPUS = Path(__file__).parent / "corpus"
SOURCES = {"mailto", "tel", "text", "cfemail", "jsonld", "microdata", "obfuscated", "href"}
PAGES = sorted(p for p in CORPUS.iterdir() if not p.name.endswith(".expected.json"))


def _expected(page: Path) -> dict:
    return json.loads((CORPUS / f"{page.stem}.expected.json").read_text(encoding="utf-8"))


def test_corpus_is_complete() -> None:
    html_pages = [p for p in PAGES if p.suffix == ".html"]
    assert len(html_pages) >= 12
    for page in PAGES:
        assert (CORPUS / f"{page.stem}.expected.json").is_file(), page.name


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_corpus_page(page: Path) -> None:
    expected = _expected(page)
    result = extract_page(
        page.read_bytes(),
        url=f"https://corpus.test/{page.name}",
        content_type=expected.get("content_type"),
        default_region=expected.get("default_region", "US"),
    )
    assert result.is_html is expected.get("is_html", True)

    got = [(c.kind, c.value) for c in result.contacts]
    want = [tuple(pair) for pair in expected["contacts"]]
    missed = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    assert not missed and not extra, f"{page.name}: missed={missed} extra={extra}"
    assert len(got) == len(set(got)), "contacts must be deduplicated"
    # Expected files list contacts in order of first appearance on the page.
    assert got == want

    for key in ("encoding", "title", "language", "has_contact_form", "meta_description"):
        if key in expected:
            assert getattr(result, key) == expected[key], key
    if "schema_types" in expected:
        assert result.schema_types == expected["schema_types"]
    for contact in result.contacts:
        assert len(contact.context) <= 200
        assert contact.source in SOURCES
