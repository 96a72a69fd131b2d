"""API routes: the root /api/v3/, /api/v3/{table}/, /api/v3/{table}/{id}/,
/api/v3/{table}/status[/filtered],
/api/v3/{table}/submit and /api/v3/contacts/export.csv."""

from __future__ import annotations

from django.urls import path
from django.views.generic import RedirectView

from curation.api.feeding import SUBMISSIONS, ContactExportView, submit_view
from curation.api.filters import RESOURCES
from curation.api.root import ApiRootView, DocsView, SchemaView
from curation.api.views import row_viewset, status_views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:root", permanent=False)),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("v3/", ApiRootView.as_view(), name="root"),
    # Before the generated routes (literal paths; none of them collide with <int:pk>/).
    path("v3/contacts/export.csv", ContactExportView.as_view(), name="contacts-export"),
    *(
        path(f"v3/{kind}/submit", submit_view(kind).as_view(), name=f"{kind}-submit")
        for kind in SUBMISSIONS
    ),
]

for resource in RESOURCES:
    prefix = f"v3/{resource.table}"
    viewset = row_viewset(resource)
    urlpatterns += [
        path(f"{prefix}/", viewset.as_view({"get": "list"}), name=f"{resource.table}-list"),
        path(
            f"{prefix}/<int:pk>/",
            viewset.as_view({"get": "retrieve"}),
            name=f"{resource.table}-detail",
        ),
    ]
    if resource.workflows:
        plain, filtered = status_views(resource)
        urlpatterns += [
            path(f"{prefix}/status", plain.as_view(), name=f"{resource.table}-status"),
            path(
                f"{prefix}/status/filtered",
                filtered.as_view(),
                name=f"{resource.table}-status-filtered",
            ),
        ]

app_name = "api"
