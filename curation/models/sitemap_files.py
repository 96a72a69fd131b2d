"""Sitemap files found for a domain, and the sitemap_import workflow that reads them."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper

from curation.fields import workflow_columns


# --- SitemapImport Workflow Enums ---
class SitemapImportCurationStatus(models.TextChoices):
    New = "New"
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"
    Skipped = "Skipped"


class SitemapImportProcessingStatus(models.TextChoices):
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"


class SitemapKind(models.TextChoices):
    URLSET = "urlset", "URL set"
    INDEX = "index", "Sitemap index"
    TEXT = "text", "Plain text"
    RSS = "rss", "RSS"
    ATOM = "atom", "Atom"


class SitemapFile(
    workflow_columns(
        "sitemap_import",
        SitemapImportCurationStatus,
        SitemapImportProcessingStatus,
        module=__name__,
    ),
):
    """A sitemap or sitemap index of a domain; once per domain and URL."""

    domain = models.ForeignKey("curation.Domain", on_delete=models.CASCADE, related_name="sitemaps")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    url = models.TextField()
    source = models.TextField(default="manual")
    kind = models.TextField(choices=SitemapKind.choices, null=True, blank=True)
    is_gzipped = models.BooleanField(default=False)
    http_status = models.IntegerField(null=True, blank=True)
    size_bytes = models.BigIntegerField(null=True, blank=True)
    url_count = models.IntegerField(null=True, blank=True)
    lastmod = models.DateTimeField(null=True, blank=True)
    pages_created = models.IntegerField(null=True, blank=True)
    import_note = models.TextField(default="", blank=True)
    #: what the last import read per file, what a cap cut, what was refused (sql/008)
    import_record = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        managed = False
        db_table = "sitemap_files"
        indexes = [
            models.Index(
                fields=["parent"],
                name="sitemap_files_parent_idx",
                condition=models.Q(parent__isnull=False),
            ),
            models.Index(fields=["created_at"], name="sitemap_files_created_at_idx"),
            models.Index(
                fields=["url"], name="sitemap_files_url_prefix_idx", opclasses=["text_pattern_ops"]
            ),
            # The search (curation/search.py, sql/096): icontains on UPPER(url).
            GinIndex(OpClass(Upper("url"), name="gin_trgm_ops"), name="sitemap_files_url_trgm_idx"),
        ]
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["domain", "url"], name="sitemap_files_domain_url_key")
        ]

    def __str__(self) -> str:
        return self.url
