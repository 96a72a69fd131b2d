"""The immutable values extract_page returns: one PageExtraction holding what was found on a page
(``Found*``: not the stored rows of curation.models, which have the bare names)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scrapersky.vocabulary import ContactKindValue

if TYPE_CHECKING:
    from processing.contacts.company import FoundCompanyFact
    from processing.contacts.people import FoundPerson


@dataclass(frozen=True, slots=True)
class FoundContact:
    """One contact found on a page, normalised so that (kind, value) identifies it."""

    kind: ContactKindValue
    value: str
    display: str
    classification: str
    source: str
    context: str = ""


@dataclass(frozen=True, slots=True)
class PageExtraction:
    """Everything extracted from one page body; non-HTML bodies yield no contacts."""

    is_html: bool
    encoding: str
    content_hash: str
    truncated: bool = False
    title: str | None = None
    meta_description: str | None = None
    language: str | None = None
    has_contact_form: bool = False
    schema_types: list[str] = field(default_factory=list)
    contacts: list[FoundContact] = field(default_factory=list)
    #: the region national phone numbers were read in (the page's, or the default)
    phone_region: str | None = None
    #: people the page names (processing.contacts.people), contacts tied to them
    people: list[FoundPerson] = field(default_factory=list)
    #: what the page says about the company (processing.contacts.company)
    company: list[FoundCompanyFact] = field(default_factory=list)
