"""Workflow page_curation: fetch a page, record what it is, and extract every contact."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone

from curation.models import Contact, ContactSighting, Page
from processing.contacts import extract_page
from processing.errors import PermanentError
from processing.fetcher import get_fetcher
from processing.services.follow_up import queue_follow_up
from scrapersky.conf import conf

PAGE_MAX_BYTES = 10 * 1024 * 1024


def process_single_page_for_page_curation(page: Page) -> Callable[[], None]:
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
    fetched_at = timezone.now()

    def persist() -> None:
        Page.objects.filter(pk=page.pk).update(
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
            fetched_at=fetched_at,
        )
        if not extraction.contacts:
            return
        # Pages of one domain share contacts (a footer) and finish concurrently: upserting them
        # in one order (the unique key's) means two transactions never wait on each other in a
        # cycle. The engine orders the domains of a group the same way (see runner._write).
        ordered = sorted(extraction.contacts, key=lambda c: (c.kind, c.value))
        # A value once per domain: re-processing refreshes last_seen_at and adds nothing twice.
        contacts = Contact.objects.bulk_create(
            [
                Contact(
                    domain_id=page.domain_id,
                    kind=c.kind,
                    value=c.value,
                    display=c.display,
                    classification=c.classification,
                    first_seen_at=fetched_at,
                    last_seen_at=fetched_at,
                )
                for c in ordered
            ],
            update_conflicts=True,
            unique_fields=["domain", "kind", "value"],
            update_fields=["last_seen_at", "display", "classification"],
        )
        ContactSighting.objects.bulk_create(
            [
                ContactSighting(
                    contact_id=contact.pk,
                    page_id=page.pk,
                    source=found.source,
                    context=found.context[:300],
                    seen_at=fetched_at,
                )
                for contact, found in zip(contacts, ordered, strict=True)
            ],
            update_conflicts=True,
            unique_fields=["contact", "page"],
            update_fields=["source", "context", "seen_at"],
        )
        if conf.auto_queue_contact_validation:
            _queue_new_contacts(contacts)

    return persist


def _queue_new_contacts(contacts: list[Contact]) -> None:
    """Queue the contacts this upsert inserted for contact_validation (same transaction).

    A row this persist inserted holds the first_seen_at it was given; a known row kept its own
    (the upsert does not update it), so the comparison is exact even with concurrent pages.
    """
    written = {contact.pk: contact.first_seen_at for contact in contacts}
    new = [
        pk
        for pk, first_seen_at in Contact.objects.filter(pk__in=list(written)).values_list(
            "pk", "first_seen_at"
        )
        if first_seen_at == written[pk]
    ]
    if new:
        queue_follow_up(
            "contact_validation", Contact.objects.filter(pk__in=new), actor="page_curation"
        )
