"""Pages of a domain, and the page_curation workflow that fetches them for contacts."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper

from curation.fields import workflow_columns
from scrapersky.vocabulary import PAGE_TYPES


# --- PageCuration Workflow Enums ---
class PageCurationCurationStatus(models.TextChoices):
    New = "New"
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"
    Skipped = "Skipped"


class PageCurationProcessingStatus(models.TextChoices):
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"


# The values are scrapersky.vocabulary's (pure, shared with extraction): CONTACT = "contact", ...
PageType = models.TextChoices(
    "PageType", [(value.upper(), value) for value in PAGE_TYPES], module=__name__
)


class Page(
    workflow_columns(
        "page_curation",
        PageCurationCurationStatus,
        PageCurationProcessingStatus,
        module=__name__,
    ),
):
    """A page of a domain; once per domain and URL."""

    domain = models.ForeignKey("curation.Domain", on_delete=models.CASCADE, related_name="pages")
    sitemap_file = models.ForeignKey(
        "curation.SitemapFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pages",
    )
    url = models.TextField()
    page_type = models.TextField(choices=PageType.choices, default=PageType.OTHER)
    lastmod = models.DateTimeField(null=True, blank=True)
    changefreq = models.TextField(null=True, blank=True)
    priority = models.FloatField(null=True, blank=True)
    http_status = models.IntegerField(null=True, blank=True)
    final_url = models.TextField(null=True, blank=True)
    title = models.TextField(null=True, blank=True)
    meta_description = models.TextField(null=True, blank=True)
    language = models.TextField(null=True, blank=True)
    content_type = models.TextField(null=True, blank=True)
    content_length = models.IntegerField(null=True, blank=True)
    content_hash = models.TextField(null=True, blank=True)
    has_contact_form = models.BooleanField(null=True, blank=True)
    schema_types = ArrayField(models.TextField(), default=list, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    #: "sitemap" or "links" (the site's own links, when it has no sitemap); NULL when added by hand
    found_via = models.TextField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        managed = False
        db_table = "pages"
        indexes = [
            models.Index(fields=["sitemap_file"], name="pages_sitemap_file_idx"),
            models.Index(fields=["page_type"], name="pages_page_type_idx"),
            models.Index(fields=["created_at"], name="pages_created_at_idx"),
            models.Index(
                fields=["url"], name="pages_url_prefix_idx", opclasses=["text_pattern_ops"]
            ),
            # page_curation's claim walks the domains with Queued pages (sql/011).
            models.Index(
                fields=["domain", "page_curation_queued_at", "id"],
                condition=models.Q(page_curation_processing_status="Queued"),
                name="pages_domain_queue_idx",
            ),
        ]
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["domain", "url"], name="pages_domain_url_key")
        ]

    def __str__(self) -> str:
        return self.url


class PageSearch(models.Model):
    """What the search reads of a page (curation/search.py), kept by triggers (sql/100).

    Its own table so that the workflow's updates of a page (claim, start, lease, finish) write no
    trigram entries: only an insert or a change of the URL, title or domain does.
    """

    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.DO_NOTHING, related_name="search_text"
    )
    domain = models.ForeignKey("curation.Domain", on_delete=models.DO_NOTHING, related_name="+")
    url = models.TextField()
    title = models.TextField(null=True, blank=True)

    class Meta:
        managed = False
        db_table = "page_search"
        indexes = [
            models.Index(fields=["domain"], name="page_search_domain_idx"),
            # icontains compares UPPER(column): these answer it at any position (sql/100).
            GinIndex(OpClass(Upper("url"), name="gin_trgm_ops"), name="page_search_url_trgm_idx"),
            GinIndex(
                OpClass(Upper("title"), name="gin_trgm_ops"), name="page_search_title_trgm_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.url
