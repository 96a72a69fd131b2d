"""The immutable values extract_page returns: one PageExtraction holding what was found on a page
(``Found*``: not the stored rows of curation.models, which have the bare names)."""

from __future__ import annotations

from dataclasses import dataclass, field

from processing.contacts.names import name_key
from scrapersky.vocabulary import ContactKindValue


@dataclass(frozen=True, slots=True)
class FoundContact:
    """One contact found on a page, normalised so that (kind, value) identifies it."""

    kind: ContactKindValue
    value: str
    display: str
    classification: str
    source: str
    context: str = ""


@dataclass(slots=True)
class FoundPerson:
    """A person a page names, with the contacts the page ties to them."""

    name: str
    role: str = ""
    seniority: str = ""
    source: str = ""
    position: int = -1  # where in the visible text the name stands (-1: structured data)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # raw, matched to the page's contacts later
    profiles: list[str] = field(default_factory=list)
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (kind, value) on the page

    @property
    def key(self) -> str:
        return name_key(self.name)


@dataclass(frozen=True, slots=True)
class FoundCompanyFact:
    """One fact about the company, as a page states it."""

    kind: str
    value: str
    source: str
    rank: int


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
