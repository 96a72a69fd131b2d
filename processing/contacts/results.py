"""The immutable values extract_page returns: one PageExtraction holding Contacts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scrapersky.vocabulary import ContactKindValue

if TYPE_CHECKING:
    from processing.contacts.company import CompanyFact
    from processing.contacts.people import Person


@dataclass(frozen=True, slots=True)
class Contact:
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
    contacts: list[Contact] = field(default_factory=list)
    #: the region national phone numbers were read in (the page's, or the default)
    phone_region: str | None = None
    #: people the page names (processing.contacts.people), contacts tied to them
    people: list[Person] = field(default_factory=list)
    #: what the page says about the company (processing.contacts.company)
    company: list[CompanyFact] = field(default_factory=list)
