"""API routes: the root /api/v3/, /api/v3/{table}/, /api/v3/{table}/{id}/,
/api/v3/{table}/status[/filtered], /api/v3/{table}/submit, /api/v3/contacts/export.csv|.xlsx and
/api/v3/changes/."""

from __future__ import annotations

from django.urls import path
from django.views.generic import RedirectView

from curation.api.changes import ChangeFeedView
from curation.api.export import ContactExportView
from curation.api.root import ApiRootView, DocsView, SchemaView
from curation.api.serializers import status_workflows
from curation.api.status_views import status_views
from curation.api.submit import DomainSubmitView, PageSubmitView, SitemapFileSubmitView
from curation.api.viewsets import VIEWSETS

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:root", permanent=False)),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("v3/", ApiRootView.as_view(), name="root"),
    # Before the tables' routes (literal paths; none of them collide with <int:pk>/).
    path("v3/changes/", ChangeFeedView.as_view(), name="changes"),
    path("v3/contacts/export.csv", ContactExportView.as_view(), name="contacts-export"),
    path(
        "v3/contacts/export.xlsx",
        ContactExportView.as_view(file_format="xlsx"),
        name="contacts-export-xlsx",
    ),
    path("v3/domains/submit", DomainSubmitView.as_view(), name="domains-submit"),
    path("v3/pages/submit", PageSubmitView.as_view(), name="pages-submit"),
    path("v3/sitemap_files/submit", SitemapFileSubmitView.as_view(), name="sitemap_files-submit"),
]

for viewset in VIEWSETS:
    table = viewset.table()
    urlpatterns += [
        path(
            f"v3/{table}/",
            viewset.as_view(
                {"get": "list", **({"post": "create"} if hasattr(viewset, "create") else {})}
            ),
            name=f"{table}-list",
        ),
        path(f"v3/{table}/<int:pk>/", viewset.as_view({"get": "retrieve"}), name=f"{table}-detail"),
    ]
    model = viewset.filterset_class._meta.model
    if status_workflows(model):
        # Generated from the workflow registry: one pair per table a workflow is curated on.
        plain, filtered = status_views(model)
        urlpatterns += [
            path(f"v3/{table}/status", plain.as_view(), name=f"{table}-status"),
            path(
                f"v3/{table}/status/filtered", filtered.as_view(), name=f"{table}-status-filtered"
            ),
        ]

app_name = "api"
