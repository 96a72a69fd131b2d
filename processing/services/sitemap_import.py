"""Workflow sitemap_import: read a sitemap (recursing indexes) and insert its pages."""

from __future__ import annotations

from django.db import connection, transaction

from curation.models import SitemapFile
from processing.db_steps import db_step
from processing.fetcher import get_fetcher
from processing.persist import Persist
from processing.services.follow_up import queue_follow_up
from processing.services.streaming import fenced
from processing.sitemaps import (
    PageEntry,
    SitemapParseResult,
    fetch_sitemap_chunks,
    iter_sitemap_tree,
)
from processing.sitemaps.results import PROTOCOL_MAX_BYTES
from scrapersky.conf import conf
from scrapersky.page_types import CONTACT_LIKE, classify_url

WORKFLOW = "sitemap_import"

# Pages are written in chunks while the sitemap tree is read (a 20 x 50,000-URL index never sits
# in memory whole), each chunk in its own transaction fenced on the row's claim (the streaming
# contract, processing.services.streaming). Pages are idempotent facts (once per domain and
# URL), so a retry after a crash rewrites nothing twice.
# An auto-queueing import queues a chunk's new pages by id, so a chunk stays within the
# curation service's cap on ids per call (curation.services.MAX_IDS, 10,000).
CHUNK = 5_000
MAX_CHILD_SITEMAPS = 200
_INSERT_PAGES = "SELECT * FROM insert_pages(%s, %s, %s, %s, %s, %s, %s, %s)"


def insert_pages(
    *,
    domain_id: int,
    entries: list[PageEntry],
    sitemap_file_id: int | None,
    found_via: str,
) -> int:
    """Insert the entries not yet known for the domain; return how many were new.

    ``found_via`` is "sitemap" or "links" (discovery, for a site without a sitemap). With
    ``SCRAPERSKY_AUTO_QUEUE_PAGES``, the new pages (all, or the contact-like ones) are queued for
    page_curation in the same transaction, by id.
    """
    auto_queue = conf.auto_queue_pages
    listed = {entry.url: entry for entry in entries}
    entries = list(listed.values())
    page_types = [classify_url(entry.url) for entry in entries]
    with transaction.atomic():
        # One statement for the chunk (sql/013_insert_pages_ids.sql), binding the eight columns
        # an import knows (an ORM insert binds all thirty of a page for every row); known pages
        # are left as they are (ON CONFLICT DO NOTHING) and only new ones come back.
        with connection.cursor() as cursor:
            cursor.execute(
                _INSERT_PAGES,
                [
                    domain_id,
                    sitemap_file_id,
                    found_via,
                    [entry.url for entry in entries],
                    page_types,
                    [entry.lastmod for entry in entries],
                    [entry.changefreq for entry in entries],
                    [entry.priority for entry in entries],
                ],
            )
            inserted = cursor.fetchall()
        if inserted and auto_queue in ("contact", "all"):
            page_type = dict(zip(listed, page_types, strict=True))
            wanted = [
                page_id
                for page_id, url in inserted
                if auto_queue == "all" or page_type[url] in CONTACT_LIKE
            ]
            queue_follow_up(
                "page_curation",
                wanted,
                actor=f"sitemap_{'import' if found_via == 'sitemap' else 'discovery'}",
            )
    return len(inserted)


def _record_child(sitemap: SitemapFile, url: str, result) -> int:
    """Record a child of an index as its own sitemap_files row (once per domain and URL)."""
    known_kinds = {value for value, _label in SitemapFile._meta.get_field("kind").choices}
    facts = {
        "parent_id": sitemap.pk,
        "kind": result.kind if result.kind in known_kinds else None,
        "is_gzipped": result.gzipped,
        "url_count": result.url_count,
        "size_bytes": result.bytes_read,
        "import_note": _note(result, prefix=f"read as part of sitemap #{sitemap.pk}"),
    }
    child, _created = SitemapFile.objects.update_or_create(
        domain_id=sitemap.domain_id,
        url=url,
        defaults=facts,
        create_defaults={**facts, "source": "index"},
    )
    return child.pk


def _note(result, *, prefix: str = "") -> str:
    parts = [prefix] if prefix else []
    if result.failed:
        parts.append(f"failed: {result.failed}")
    if result.cut_reason:
        parts.append(result.cut_reason)
    if result.truncated:
        parts.append(next((e for e in result.errors if "ended early" in e), "XML ended early"))
    if result.skipped_children:
        parts.append(
            f"{len(result.skipped_children)} child sitemap(s) not followed: "
            + ", ".join(f"{u} ({why})" for u, why in result.skipped_children[:5])
        )
    return "; ".join(parts)[:4000]


#: Files listed one by one in the import record; an index of more is summed up after these.
RECORD_MAX_FILES = 200


def _file_record(url: str, result) -> dict[str, object]:
    """What reading one file did: its size, URLs, what a cap cut, what was refused."""
    return {
        "url": url,
        "kind": result.kind,
        "gzipped": result.gzipped,
        "bytes_read": result.bytes_read,
        "decompressed_bytes": result.uncompressed_bytes,
        "urls": result.url_count,
        "urls_not_read": result.urls_not_read,
        "cut": result.cut_reason,
        "failed": result.failed,
        "problems": list(result.errors[:20]),
        "children_not_followed": [
            {"url": child, "why": why} for child, why in result.skipped_children[:20]
        ],
    }


def _write_file(
    sitemap: SitemapFile, url: str, result: SitemapParseResult, *, is_root: bool
) -> int:
    """One file's pages (and a child's own sitemap_files row) in fenced chunks; how many new.

    Raises ClaimLostError, writing nothing more, once another worker holds the row.
    """
    source_id = sitemap.pk if is_root else None
    created = 0
    starts = list(range(0, len(result.entries), CHUNK))
    if not starts and not is_root:
        starts = [0]  # a child of an index gets its row even when it lists nothing (it says why)
    for start in starts:
        # On the process's database threads (db_steps): the row thread holds no connection.
        source_id, new = db_step(
            _write_chunk, sitemap, url, result, result.entries[start : start + CHUNK], source_id
        )
        created += new
    return created


def _write_chunk(
    sitemap: SitemapFile,
    url: str,
    result: SitemapParseResult,
    entries: list[PageEntry],
    source_id: int | None,
) -> tuple[int, int]:
    """One fenced chunk: (the file's sitemap_files id, pages created)."""
    with fenced(WORKFLOW, sitemap):
        if source_id is None:
            source_id = _record_child(sitemap, url, result)
        created = insert_pages(
            domain_id=sitemap.domain_id,
            entries=entries,
            sitemap_file_id=source_id,
            found_via="sitemap",
        )
    return source_id, created


def process_single_sitemap_file_for_sitemap_import(sitemap: SitemapFile) -> Persist:
    """Stream the sitemap (and its children, if it is an index) into pages.

    The root failing (unreachable, HTTP error, not a sitemap, unsafe XML) fails the row; a child
    failing is noted on the row and the import goes on with the rest.
    """
    created = 0
    notes: list[str] = []
    root_result = None
    total_urls = 0
    files: list[dict[str, object]] = []
    files_read = 0
    for url, result in iter_sitemap_tree(
        sitemap.url,
        fetch_sitemap_chunks(get_fetcher(), max_bytes=PROTOCOL_MAX_BYTES),
        max_sitemaps=MAX_CHILD_SITEMAPS,
    ):
        is_root = root_result is None
        if is_root:
            root_result = result
        else:
            note = _note(result)
            if note:
                notes.append(f"{url}: {note}")
        created += _write_file(sitemap, url, result, is_root=is_root)
        total_urls += len(result.entries)
        files_read += 1
        if len(files) < RECORD_MAX_FILES:
            files.append(_file_record(url, result))
    root_note = _note(root_result) if root_result is not None else ""
    note = "; ".join(n for n in [root_note, *notes] if n)[:4000]
    summary = note or f"{total_urls} page URL(s) read"
    record = {
        "files_read": files_read,
        "files": files,
        "files_not_listed": files_read - len(files),
        "urls_read": total_urls,
        "pages_created": created,
        "summary": summary,
    }

    def persist() -> None:
        SitemapFile.objects.filter(pk=sitemap.pk).update(
            kind=root_result.kind if root_result.kind != "unknown" else None,
            is_gzipped=root_result.gzipped,
            url_count=root_result.url_count,
            size_bytes=root_result.bytes_read,
            pages_created=created,
            import_note=summary,
            import_record=record,
        )

    return persist
