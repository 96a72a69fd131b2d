"""Workflow page_curation: fetch a page, record what it is, and extract every contact."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.utils import timezone

from curation.models import Contact, Domain, Page
from processing.contacts import extract_page
from processing.errors import PermanentError
from processing.fetcher import get_fetcher
from processing.services.follow_up import queue_follow_up
from scrapersky.conf import conf

PAGE_MAX_BYTES = 10 * 1024 * 1024
# Pages in one call (sql/functions/page_curation_persist_many.sql): a JSON array of PageWrite
# objects. Each value is cast to its column's type in SQL: a value out of range is an error that
# says so.
_PERSIST_MANY = "SELECT page_curation_persist_many(%s::jsonb)"


def process_single_page_for_page_curation(page: Page) -> PagePersist:
    """Fetch the page and extract its emails, phones and social profiles.

    Gone pages (404/410) and other client errors fail at once with the status in the message;
    timeouts and 5xx are raised by the fetcher as transient and retried by the engine. Bodies
    that are not HTML are recorded and skipped for extraction.
    """
    response = get_fetcher().get(page.url, max_bytes=PAGE_MAX_BYTES, truncate=True)
    if response.status_code >= 400:
        reason = "gone" if response.status_code in (404, 410) else "client error"
        raise PermanentError(f"HTTP {response.status_code} ({reason}) for {response.final_url}")
    extraction = extract_page(
        response.content,
        url=response.final_url,
        content_type=response.headers.get("content-type"),
        default_region=conf.default_phone_region,
        content_language=response.headers.get("content-language"),
        max_bytes=PAGE_MAX_BYTES,
    )
    return PagePersist(
        PageWrite(
            page_id=page.pk,
            domain_id=page.domain_id,
            fetched_at=timezone.now(),
            http_status=response.status_code,
            final_url=response.final_url,
            title=(extraction.title or None) and extraction.title[:1000],
            meta_description=(extraction.meta_description or None)
            and extraction.meta_description[:2000],
            language=extraction.language,
            content_type=response.content_type,
            content_length=response.size,
            content_hash=extraction.content_hash,
            has_contact_form=extraction.has_contact_form if extraction.is_html else None,
            schema_types=extraction.schema_types,
            contacts=[
                [c.kind, c.value, c.display, c.classification, c.source, c.context[:300]]
                for c in extraction.contacts
            ],
            people=[
                [p.name, p.key, p.role, p.seniority, p.source, [list(c) for c in p.contacts]]
                for p in extraction.people
            ],
            facts=[[f.kind, f.value, f.source, f.rank] for f in extraction.company],
        )
    )


@dataclass(frozen=True, slots=True)
class PageWrite:
    """One page's share of ``page_curation_persist_many`` (sql/functions/): the field names and
    their order are the columns of its ``jsonb_to_recordset(...) AS page(...)``, so a field is
    added in these two places (tests/processing/services/test_page_write_contract.py ties them).
    """

    page_id: int
    domain_id: int
    fetched_at: datetime
    http_status: int
    final_url: str
    title: str | None
    meta_description: str | None
    language: str | None
    content_type: str | None
    content_length: int | None
    content_hash: str | None
    has_contact_form: bool | None
    schema_types: list[str] | None
    contacts: list[list]  # [kind, value, display, classification, source, context]
    people: list[list]  # [name, name_key, role, seniority, source, [[kind, value], ...]]
    facts: list[list]  # [kind, value, source, rank]

    def as_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


class PagePersist:
    """A page's ``persist()``: its fetch results, its contacts and their sightings.

    Called alone or for a finished group (the engine hands a group's persists to
    ``persist_many``, engine/finish_sql.py), one statement (sql/functions/
    page_curation_persist_many.sql: the people and company facts go in the same call).
    Pages of one domain share contacts (a footer) and finish concurrently: new ones are inserted
    in (kind, value) order, so two transactions never wait on each other in a cycle (the engine
    orders the domains of a group the same way, see engine/finisher.py), and known ones are
    refreshed SKIP LOCKED, so a page never waits for another's transaction on them.
    """

    __slots__ = ("write",)

    def __init__(self, write: PageWrite) -> None:
        self.write = write

    def __call__(self) -> None:
        self.persist_many([self])

    @staticmethod
    def persist_many(persists: list[PagePersist]) -> None:
        """Write many pages (their contacts, people and company facts) in one statement."""
        pages = json.dumps([p.write.as_json() for p in persists], default=_json_value)
        with connection.cursor() as cursor:
            cursor.execute(_PERSIST_MANY, [pages])
            (inserted,) = cursor.fetchone()
        _queue_new_contacts(inserted)


def _json_value(value):
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _queue_new_contacts(inserted: list[int]) -> None:
    if inserted and conf.auto_queue_contact_validation:
        queue_follow_up(
            "contact_validation", Contact.objects.filter(pk__in=inserted), actor="page_curation"
        )
    if inserted and conf.auto_queue_lead_sync:
        # the companies that have new contacts (a domain already being synced is left to it)
        companies = Contact.objects.filter(pk__in=inserted).values("domain_id")
        queue_follow_up("lead_sync", Domain.objects.filter(pk__in=companies), actor="page_curation")
