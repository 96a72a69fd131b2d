"""The workflow registry: each workflow is declared once, and every name is derived from it.

A workflow is a stage of the pipeline over one source table, built on the dual-status
producer-consumer pattern. Its snake_case name defines every other name (seed: "THE WORKFLOW NAME
DEFINES ALL NAMING CONVENTIONS"): columns, enum classes and PostgreSQL enum types, the consumer
task, the service function and the API route, all derived in ``scrapersky.naming`` and read as
``workflow.names``. Admin actions, API routes, schedules, stats and system checks all iterate
over this registry, so adding a workflow touches none of them.

Settings may override a workflow's knobs: ``SCRAPERSKY_WORKFLOWS = {"page_curation":
{"batch_size": 50}}``, and its service: ``{"page_curation": {"service": "dotted.path"}}`` (a
deployment's own implementation, or a test's recording service). The environment variable
``SCRAPERSKY_WORKFLOWS_JSON`` carries the same mapping into subprocesses (see
scrapersky/settings/knobs.py).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string

from scrapersky.conf import conf
from scrapersky.naming import WorkflowNames

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.db import models


@dataclass(frozen=True)
class Knobs:
    """Per-workflow engine settings; every field may be overridden in SCRAPERSKY_WORKFLOWS."""

    batch_size: int = 50  # rows claimed per statement
    interval: int = 10  # seconds between scheduled consumer runs (the safety net)
    concurrency: int = 1  # rows processed at once inside one worker (threads; I/O-bound work)
    lease_seconds: int = 300  # a Processing row whose lease expired is considered dead
    max_attempts: int = 3  # attempts before a failing row stays Error
    backoff_base: float = 30.0  # seconds before the first retry; doubles per attempt
    backoff_max: float = 3600.0  # cap on the retry delay
    time_budget: int = 240  # seconds a consumer run keeps claiming (safely under Q_TIMEOUT)
    # At most this many rows of one domain per claimed batch (0: off; rows with a domain_id
    # only): the fetcher allows few requests per host at once, so a one-site batch idles threads.
    claim_per_domain: int = 0


@dataclass(frozen=True)
class Workflow:
    """One declared workflow. Everything else about it is derived."""

    name: str
    source_model: str  # app label + model, e.g. "curation.Domain"
    destination_model: str | None  # None: the workflow updates its source rows
    purpose: str
    knobs: Knobs = field(default_factory=Knobs)
    ui: bool = True  # admin actions and the API status route (seed: "Will this have a UI?")
    service_module: str = ""  # defaults to processing.services.{name}

    # --- derived names ---------------------------------------------------------------------
    @cached_property
    def names(self) -> WorkflowNames:
        """Every name derived from the workflow's name and its source table (scrapersky.naming).

        Read as ``workflow.names.x`` (``curation_field``, ``col("queued_at")``, ``task_path``,
        ``index_names``, ...): the workflow forwards none of them.
        """
        return WorkflowNames(self.name, table=self.table)

    @property
    def service_path(self) -> str:
        module = self.service_module or self.names.service_module
        return f"{module}.{self.names.service_function_name}"

    @cached_property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.source_model)

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    @property
    def curation_enum(self) -> type:
        return getattr(import_module_of(self.model), self.names.curation_enum_name)

    @property
    def processing_enum(self) -> type:
        return getattr(import_module_of(self.model), self.names.processing_enum_name)

    @property
    def effective_knobs(self) -> Knobs:
        """``knobs`` with the overrides of ``SCRAPERSKY_WORKFLOWS[name]`` applied (checked)."""
        overrides: dict[str, Any] = conf.workflows.get(self.name, {})
        overrides = {k: v for k, v in overrides.items() if k != "service"}
        known = {f.name for f in fields(Knobs)}
        unknown = set(overrides) - known
        if unknown:
            names = ", ".join(sorted(unknown))
            raise ValueError(f"SCRAPERSKY_WORKFLOWS[{self.name!r}] has unknown keys: {names}")
        knobs = replace(self.knobs, **overrides)
        _check_time_budget(self.name, knobs)
        return knobs

    @property
    def service_override(self) -> str | None:
        """``SCRAPERSKY_WORKFLOWS[name]["service"]``: a dotted path replacing the service."""
        return conf.workflows.get(self.name, {}).get("service")

    def service(self) -> Callable:
        return import_string(self.service_override or self.service_path)


def _check_time_budget(name: str, knobs: Knobs) -> None:
    """A consumer run must end before django-q2 kills its task (Q_CLUSTER["timeout"]).

    Rows in flight when the budget runs out are still finished, so keep a margin.
    """
    timeout = getattr(settings, "Q_CLUSTER", {}).get("timeout")
    if timeout and knobs.time_budget > timeout - 30:
        raise ValueError(
            f"workflow {name}: time_budget {knobs.time_budget}s must be at most "
            f"Q_CLUSTER['timeout'] - 30 = {timeout - 30}s"
        )


def import_module_of(model: type[models.Model]):
    return importlib.import_module(model.__module__)


# --- declarations ------------------------------------------------------------------------------
# `manage.py startworkflow` appends new declarations to this list.
WORKFLOWS: list[Workflow] = [
    Workflow(
        name="sitemap_discovery",
        source_model="curation.Domain",
        destination_model="curation.SitemapFile",
        purpose="Find the sitemaps of a domain (robots.txt, well-known paths, home page).",
        # HTTP-bound (a few requests per domain, one after the other); its database work is
        # persist() and database steps, so threads in flight cost no connection (issue 27).
        knobs=Knobs(batch_size=20, concurrency=128, lease_seconds=300),
    ),
    Workflow(
        name="sitemap_import",
        source_model="curation.SitemapFile",
        destination_model="curation.Page",
        purpose="Read a sitemap (recursing indexes) and insert its pages.",
        # HTTP-bound; its chunks of pages are written by the database steps (db_steps).
        knobs=Knobs(batch_size=10, concurrency=64, lease_seconds=600),
    ),
    Workflow(
        name="page_curation",
        source_model="curation.Page",
        destination_model="curation.Contact",
        purpose="Fetch a page, record what it is, and extract its contacts.",
        knobs=Knobs(batch_size=50, concurrency=256, lease_seconds=300, claim_per_domain=4),
    ),
    Workflow(
        name="contact_validation",
        source_model="curation.Contact",
        destination_model=None,
        purpose=(
            "Check that a contact can be reached: email syntax, mail exchangers and disposable "
            "domains; phone validity and line type; social profile shape"
        ),
        # DNS-bound and light: many threads, large batches (lookups are cached per domain).
        knobs=Knobs(batch_size=200, concurrency=128, lease_seconds=120),
    ),
    Workflow(
        name="lead_sync",
        source_model="curation.Domain",
        destination_model=None,
        purpose=(
            "Deliver a domain's lead (the company with its contacts) to every enabled destination: "
            "signed webhooks and HubSpot"
        ),
        # HTTP-bound: a few calls per lead; retries of a sick destination back off for minutes,
        # and the pace backs off on its 429s (HubSpot allows about 10 calls a second).
        knobs=Knobs(batch_size=50, concurrency=32, lease_seconds=300, max_attempts=6),
    ),
    Workflow(
        name="place_search",
        source_model="curation.PlaceSearch",
        destination_model="curation.Business",
        purpose=(
            "Ask a places service (OpenStreetMap or Google Places) for the businesses of a category"
            " in an area, page through every result and upsert them"
        ),
        # HTTP-bound and slow (Overpass may take a minute; Nominatim's gate spaces geocodes).
        knobs=Knobs(batch_size=10, concurrency=4, lease_seconds=600),
    ),
    Workflow(
        name="domain_extraction",
        source_model="curation.Business",
        destination_model="curation.Domain",
        purpose=(
            "Turn a business's website into a domain (de-duplicated, named after the business) and "
            "its phone and e-mail into contacts; a social profile, listing site or shortener is no "
            "company domain (the row says why)"
        ),
        # No network: large batches in one thread.
        knobs=Knobs(batch_size=200, concurrency=1, lease_seconds=120),
    ),
    Workflow(
        name="lead_retraction",
        source_model="curation.LeadRetraction",
        destination_model=None,
        purpose=(
            "Tell each destination that a delivered lead (or part of one) was deleted: a signed "
            "lead.deleted webhook event, HubSpot archives, or the lead synced again"
        ),
        # HTTP-bound like lead_sync; written by triggers, so a delete is retried for long.
        knobs=Knobs(batch_size=50, concurrency=4, lease_seconds=300, max_attempts=8),
    ),
]


def all_workflows() -> list[Workflow]:
    return list(WORKFLOWS)


def get_workflow(name: str) -> Workflow:
    for workflow in WORKFLOWS:
        if workflow.name == name:
            return workflow
    known = ", ".join(w.name for w in WORKFLOWS)
    raise LookupError(f"unknown workflow {name!r} (known: {known})")


def workflows_for_model(model: type[models.Model]) -> list[Workflow]:
    label = model._meta.label
    return [w for w in WORKFLOWS if w.source_model == label]
