"""Free-text search, one behaviour for the admin's search box and the API's ``?search=``.

Every word must match (AND); a word matches a row when it is contained, case-insensitively, in
one of the row's own text columns or in its domain's name or company name (so ``hartley`` finds
every contact of Hartley & Sons, its phone included). A word in Unicode also matches the
punycode it stands for (``bücher`` finds ``xn--bcher-kva.de``).

At a million rows: the containment tests run on the trigram indexes of sql/061, sql/096 and
sql/100 (``UPPER(col) gin_trgm_ops``, the expression Django's ``icontains`` compares). A page's
words are looked up in ``page_search`` (sql/100: its URL, title and domain, kept by triggers, so
the workflow's updates of a page write no trigrams) and the pages are those ids. The domain's
columns are not joined into the row's OR (PostgreSQL cannot combine indexes across a join):
the matching domains are looked up first through their own trigram indexes, and their ids (up
to ``DOMAIN_IDS``) become one more indexed condition on the row's ``domain_id``; a word matching
more domains than that is matched through a subquery instead.
"""

from __future__ import annotations

import contextlib

from django.db import models
from django.db.models import Q, QuerySet

from curation.models import (
    Business,
    Contact,
    Domain,
    Page,
    PageSearch,
    Person,
    PlaceSearch,
    SitemapFile,
)

DOMAIN_IDS = 5_000

#: model -> (its own text columns, the path to its domain or None)
SEARCH_FIELDS: dict[type[models.Model], tuple[tuple[str, ...], str | None]] = {
    Domain: (("domain", "company_name"), None),
    Contact: (("value", "display"), "domain"),
    Page: (("url", "title"), "domain"),
    SitemapFile: (("url",), "domain"),
    Person: (("name", "role"), "domain"),
    PlaceSearch: (("place", "query", "category"), None),
    Business: (("name", "city", "website"), None),
}
#: model -> the table holding its search text under the same column names, keyed by its pk
SEARCH_TEXT: dict[type[models.Model], type[models.Model]] = {Page: PageSearch}


def described(model: type[models.Model]) -> str:
    """What ``?search=`` matches on ``model``, in words (the API schema's description)."""
    own, via = SEARCH_FIELDS[model]
    columns = ", ".join(own)
    related = " or its domain's domain and company_name" if via else ""
    return f"every word contained, in any case, in {columns}{related}"


HELP_TEXT = {
    Domain: "Words in the domain or company name (any case; bücher finds xn--bcher-kva).",
    Contact: "Words in the contact, its display form, or its company's domain or name (any case).",
    Page: "Words in the URL or title, or the page's domain or company name (any case).",
    SitemapFile: "Words in the sitemap URL, or its domain or company name (any case).",
}


def _forms(word: str) -> list[str]:
    """The word, and its punycode when it is not ASCII."""
    forms = [word]
    if not word.isascii():
        with contextlib.suppress(UnicodeError):
            forms.append(
                ".".join(p.encode("idna").decode("ascii") if p else p for p in word.split("."))
            )
    return forms


def _contains(fields: tuple[str, ...], word: str, prefix: str = "") -> Q:
    condition = Q()
    for form in _forms(word):
        for field in fields:
            condition |= Q(**{f"{prefix}{field}__icontains": form})
    return condition


def search(queryset: QuerySet, text: str) -> QuerySet:
    """``queryset`` narrowed to the rows matching every word of ``text``."""
    text_table = SEARCH_TEXT.get(queryset.model)
    if text_table is not None and text.split():
        matching = _narrowed(text_table.objects.order_by(), text, *SEARCH_FIELDS[queryset.model])
        return queryset.filter(pk__in=matching.values("pk"))
    return _narrowed(queryset, text, *SEARCH_FIELDS[queryset.model])


def _narrowed(queryset: QuerySet, text: str, own: tuple[str, ...], via: str | None) -> QuerySet:
    domain_fields = SEARCH_FIELDS[Domain][0]
    for word in text.split():
        condition = _contains(own, word)
        if via:
            domains = Domain.objects.filter(_contains(domain_fields, word)).order_by()
            ids = list(domains.values_list("pk", flat=True)[: DOMAIN_IDS + 1])
            if len(ids) > DOMAIN_IDS:
                condition |= Q(**{f"{via}_id__in": domains.values("pk")})
            elif ids:
                condition |= Q(**{f"{via}_id__in": ids})
        queryset = queryset.filter(condition)
    return queryset
