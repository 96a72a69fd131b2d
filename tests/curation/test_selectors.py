"""Selectors: one read per table, filtered by the list endpoint's parameters."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from curation import selectors
from curation.models import Business, Contact, Domain, Page, Person, PlaceSearch, SitemapFile
from curation.selectors import FilterError, has_filters, page_list, row_list
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def test_every_table_has_a_selector_over_its_model():
    assert set(selectors.SELECTORS) == {
        Domain,
        SitemapFile,
        Page,
        Contact,
        Person,
        PlaceSearch,
        Business,
    }
    for model, selector in selectors.SELECTORS.items():
        assert selector().model is model


def test_filters_as_json_or_as_a_query_string():
    contact = PageFactory(page_type="contact")
    about = PageFactory(page_type="about")
    PageFactory(page_type="other")
    assert set(page_list(filters={"page_type": ["contact", "about"]})) == {contact, about}
    assert list(page_list(filters={"id": [contact.pk, about.pk], "page_type": "about"})) == [about]
    query = QueryDict(f"page_type=contact&id={contact.pk},{about.pk}")
    assert list(page_list(filters=query)) == [contact]
    assert list(row_list(Page, filters={"id": contact.pk})) == [contact]


def test_unknown_and_invalid_filters_are_refused_by_name():
    with pytest.raises(FilterError, match="nonsense: unknown filter") as unknown:
        page_list(filters={"nonsense": 1})
    assert "page_type" in unknown.value.errors["nonsense"][0]
    with pytest.raises(FilterError) as invalid:
        page_list(filters={"page_type": "nope", "http_status": 5})
    assert set(invalid.value.errors) == {"page_type", "http_status"}


def test_has_filters():
    assert not has_filters({}) and not has_filters({"page_type": []})
    assert not has_filters({"search": ""}) and not has_filters(QueryDict("search="))
    assert has_filters({"verdict": None}) and has_filters({"is_gzipped": False})
    assert has_filters(QueryDict("page_type=contact"))
