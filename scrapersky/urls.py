"""URL routes: the admin, the API and its docs, the dashboard's JSON and the health endpoint."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from insights.admin_views import dashboard_json
from insights.health import health

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    # Before admin.site.urls, whose catch-all would answer 404; admin_view: staff only.
    path("admin/dashboard.json", admin.site.admin_view(dashboard_json), name="admin-dashboard"),
    path("admin/", admin.site.urls),
    path("api/", include("curation.api.urls")),
    path("health/", health, name="health"),
]

# An unreachable database met outside a view is a 503 with Retry-After, not a 500.
handler500 = "curation.api.errors.server_error"
