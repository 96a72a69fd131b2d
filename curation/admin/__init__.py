"""The curation admin, the product's main UI: one module per model, registered on import."""

from django.contrib import admin

from curation.admin import (
    audit,
    businesses,
    contacts,
    domains,
    pages,
    people,
    places,
    retractions,
    site,
    sitemap_files,
)

# The pipeline lists are wide (both statuses of each workflow, errors, links): give them the
# screen; the breadcrumbs and the index lead to the other tables.
admin.site.enable_nav_sidebar = False
admin.site.site_header = "ScraperSky"
admin.site.site_title = "ScraperSky"
admin.site.index_title = "Curation"
site.install(admin.site)

__all__ = [
    "audit",
    "businesses",
    "contacts",
    "domains",
    "pages",
    "people",
    "places",
    "retractions",
    "sitemap_files",
]
