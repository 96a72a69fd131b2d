"""The operator dashboard on the admin index: the figures a user may see, with their links.

The figures come from ``insights.dashboard`` (index-only queries, cached a few seconds); this
module keeps the workflows whose model the user may view and adds links into the filtered
changelists. The index template renders the first figures inline and refreshes them from the
JSON endpoint every few seconds.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from insights import dashboard
from insights.contacts import contact_figures
from insights.counts import NEVER_QUEUED
from insights.deliveries import delivery_figures
from scrapersky.status import PROCESSING_VALUES
from scrapersky.workflows import get_workflow

REFRESH_SECONDS = 5
CONTACTS_CACHE_KEY = "scrapersky:dashboard:contacts"
DELIVERIES_CACHE_KEY = "scrapersky:dashboard:deliveries"


def _changelist(workflow, **filters) -> str:
    opts = workflow.model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def _links(workflow) -> dict:
    proc, cur = workflow.names.processing_field, workflow.names.curation_field
    processing = {
        status: _changelist(workflow, **{f"{proc}__exact": status}) for status in PROCESSING_VALUES
    }
    processing[NEVER_QUEUED] = _changelist(workflow, **{f"{proc}__isnull": "True"})
    return {
        "all": _changelist(workflow),
        "processing": processing,
        "curation": {
            status: _changelist(workflow, **{f"{cur}__exact": status})
            for status in workflow.curation_enum.values
        },
    }


def visible_figures(user: AbstractBaseUser | AnonymousUser) -> dict:
    """The dashboard data for ``user``: only workflows over models they may view."""
    data = dashboard.figures()
    workflows = []
    for figures in data["workflows"]:
        workflow = get_workflow(figures["name"])
        opts = workflow.model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        workflows.append(
            {
                **figures,
                "label": workflow.names.verbose_name,
                "model": str(opts.verbose_name_plural),
                "purpose": workflow.purpose,
                "links": _links(workflow),
            }
        )
    visible = {**data, "workflows": workflows, "contacts": None, "deliveries": None}
    if user.has_perm("curation.view_contact"):
        visible["contacts"] = _contacts()
    if user.has_perm("curation.view_domain"):
        visible["deliveries"] = _deliveries()
    warnings = [dashboard.no_worker_warning(visible), dashboard.paused_lanes_warning(visible)]
    visible["warning"] = " ".join(w for w in warnings if w) or None
    visible["refresh_seconds"] = REFRESH_SECONDS
    return visible


def _contacts() -> dict:
    """The contacts card, cached like the workflow figures, with links into the changelist."""
    figures = dashboard.cached(CONTACTS_CACHE_KEY, contact_figures)
    url = reverse("admin:curation_contact_changelist")
    # Aware ISO timestamps: a naive one would be read in the server's zone with a warning.
    since_day = (timezone.now() - timedelta(days=1)).isoformat(timespec="seconds")
    since_hour = (timezone.now() - timedelta(hours=1)).isoformat(timespec="seconds")
    return {
        **figures,
        "links": {
            "all": url,
            "kind": {
                kind: f"{url}?{urlencode({'kind__exact': kind})}" for kind in figures["by_kind"]
            },
            "new_last_hour": f"{url}?{urlencode({'created_at__gt': since_hour})}",
            "new_last_day": f"{url}?{urlencode({'created_at__gt': since_day})}",
        },
    }


def _deliveries() -> dict:
    """The destinations card (cached like the rest), with links to the waiting and failed rows."""
    figures = dashboard.cached(DELIVERIES_CACHE_KEY, delivery_figures)
    url = reverse("admin:curation_domain_changelist")
    deletes = reverse("admin:curation_leadretraction_changelist")
    return {
        **figures,
        "links": {
            "waiting": f"{url}?{urlencode({'lead_sync_processing_status__exact': 'Queued'})}",
            "errored": f"{url}?{urlencode({'lead_sync_processing_status__exact': 'Error'})}",
            "deletes_errored": (
                f"{deletes}?{urlencode({'lead_retraction_processing_status__exact': 'Error'})}"
            ),
            "deletes": deletes,
            "domain": reverse("admin:curation_domain_change", args=[0]).replace("/0/", "/{id}/"),
        },
    }


@never_cache
@require_GET
def dashboard_json(request: HttpRequest) -> JsonResponse:
    """GET /admin/dashboard.json (staff only, through ``admin_site.admin_view``)."""
    return JsonResponse(visible_figures(request.user))
