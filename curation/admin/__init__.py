"""The curation admin, the product's main UI: one module per model, registered on import."""

from curation.admin import audit, contacts, domains, pages, sitemap_files

__all__ = ["audit", "contacts", "domains", "pages", "sitemap_files"]
