"""URL routes: the admin, the API and its docs."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from processing.health import health

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/", include("curation.api.urls")),
    path("health/", health, name="health"),
]
