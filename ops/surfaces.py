"""What a workflow's source table needs, beyond the registry, to be curated in the admin and the
API; ``startworkflow`` prints what is missing instead of promising what is not there.

The registry gives a table its actions and status routes only where the table already has them:
the admin's actions live on the table's ``PipelineAdmin``; ``PUT /api/v3/{table}/status`` is
routed for a table with a viewset (``curation.api.viewsets.VIEWSETS``; looked up here by the
route's name, ops does not import the API); its ``/status/filtered``
selects rows through the table's selector (``curation.selectors.SELECTORS``) and ``?search=``
through ``curation.search.SEARCH_FIELDS``. A new table has none of them (its status/filtered
route would fail), so each missing piece is named with where it goes.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.urls import NoReverseMatch, reverse

from curation.admin.base import PipelineAdmin
from curation.search import SEARCH_FIELDS
from curation.selectors import SELECTORS


def missing_surfaces(model: type[models.Model]) -> list[str]:
    """What must be added for ``model``'s workflows to show in the admin and the API."""
    name, table = model.__name__, model._meta.db_table
    missing = []
    if not isinstance(admin.site._registry.get(model), PipelineAdmin):
        missing.append(
            f"curation/admin/: a ModelAdmin for {name} extending curation.admin.base."
            f"PipelineAdmin, with *workflow_list_display({name}) in list_display and "
            f"*workflow_list_filter({name}) in list_filter (curation.admin.columns), imported "
            "in curation/admin/__init__.py: the admin shows the actions only there"
        )
    if not _routed(f"api:{table}-status"):
        missing.append(
            f"curation/api/viewsets.py: a RowViewSet for {table} in VIEWSETS, with a FilterSet "
            f"in curation/filtersets.py: PUT /api/v3/{table}/status and /status/filtered are "
            "routed only for a table with a viewset"
        )
    if model not in SELECTORS:
        missing.append(
            f"curation/selectors.py: a selector for {name} in SELECTORS: "
            f"PUT /api/v3/{table}/status/filtered selects the rows through it"
        )
    if model not in SEARCH_FIELDS:
        missing.append(
            f"curation/search.py: {name}'s searched columns in SEARCH_FIELDS: the list's "
            "?search= and the status/filtered body's search read them"
        )
    return missing


def _routed(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def surfaces_note(model: type[models.Model]) -> list[str]:
    """The lines startworkflow prints about the admin and the API of ``model``'s table."""
    table = model._meta.db_table
    missing = missing_surfaces(model)
    if not missing:
        return [
            f"  The admin already shows its actions on {table}; the API serves "
            f"PUT /api/v3/{table}/status and /status/filtered."
        ]
    return [
        f"  {table} is not curated in the admin and the API yet: the generated admin and API "
        "tests fail until you add",
        *(f"    - {line}" for line in missing),
    ]
