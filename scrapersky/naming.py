"""Every name a workflow's snake_case name defines, derived in one place (plain Python, no Django).

The seed: "THE WORKFLOW NAME DEFINES ALL NAMING CONVENTIONS THROUGHOUT THE IMPLEMENTATION". For
``page_curation`` on the table ``pages``::

    >>> names = WorkflowNames("page_curation", table="pages")
    >>> names.curation_enum_name, names.curation_db_type, names.curation_field
    ('PageCurationCurationStatus', 'pagecurationcurationstatus', 'page_curation_curation_status')
    >>> names.task_name, names.service_function_name, names.status_route
    ('process_page_curation_queue', 'process_single_page_for_page_curation', '/api/v3/pages/status')

The registry (``Workflow.names``), the model fields (``curation.fields``), the schema comparison
(``ops.dbschema``), the system checks and ``manage.py startworkflow`` all read these names.
Most depend on the name alone; the source table's names (singular, plural, indexes, the API route,
the service function) need ``table``, the source model's ``db_table`` (the seed's plural,
``pages``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORKFLOW_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")

# Engine bookkeeping columns, by suffix: every workflow has all of them (sql/ and the scaffold's
# SQL template create them in this order).
BOOKKEEPING_SUFFIXES = (
    "queued_at",
    "started_at",
    "finished_at",
    "attempts",
    "next_attempt_at",
    "lease_expires_at",
    "worker",
)

# The indexes every workflow's SQL creates on its source table: ``{table}_{name}_{suffix}_idx``.
INDEX_SUFFIXES = ("queue", "lease", "curation_status", "processing_status", "finished_at")

API_ROOT = "/api/v3"  # the seed's ``/api/v3/{source_table_plural_name}`` routes


def camel(name: str) -> str:
    """``page_curation`` -> ``PageCuration``."""
    return "".join(part.capitalize() for part in name.split("_"))


def singular(table: str) -> str:
    """``pages`` -> ``page``, ``sitemap_files`` -> ``sitemap_file``, ``entries`` -> ``entry``,
    ``place_searches`` -> ``place_search``, ``businesses`` -> ``business``, ``boxes`` -> ``box``
    (English adds -es after s, x, z, ch and sh)."""
    if table.endswith("ies"):
        return table[:-3] + "y"
    if table.endswith(("sses", "shes", "ches", "xes", "zes")):
        return table[:-2]
    return table.removesuffix("s")


@dataclass(frozen=True)
class WorkflowNames:
    """The derived names of one workflow; ``table`` is its source table, when known."""

    name: str
    table: str | None = None

    # --- from the name --------------------------------------------------------------------
    @property
    def class_prefix(self) -> str:
        """``PageCuration``: the seed's ``{WorkflowName}``."""
        return camel(self.name)

    @property
    def type_prefix(self) -> str:
        """``pagecuration``: the PostgreSQL enum types' prefix (the name without underscores)."""
        return self.name.replace("_", "")

    @property
    def verbose_name(self) -> str:
        """``page curation``: the name as the admin and messages spell it."""
        return self.name.replace("_", " ")

    @property
    def curation_enum_name(self) -> str:
        return f"{self.class_prefix}CurationStatus"

    @property
    def processing_enum_name(self) -> str:
        return f"{self.class_prefix}ProcessingStatus"

    @property
    def curation_db_type(self) -> str:
        return f"{self.type_prefix}curationstatus"

    @property
    def processing_db_type(self) -> str:
        return f"{self.type_prefix}processingstatus"

    @property
    def columns_class_name(self) -> str:
        """``PageCurationColumns``: the abstract model holding the workflow's columns."""
        return f"{self.class_prefix}Columns"

    @property
    def curation_field(self) -> str:
        return f"{self.name}_curation_status"

    @property
    def processing_field(self) -> str:
        return f"{self.name}_processing_status"

    @property
    def error_field(self) -> str:
        return f"{self.name}_processing_error"

    def col(self, suffix: str) -> str:
        """A bookkeeping column name: ``col("queued_at")`` -> ``page_curation_queued_at``."""
        if suffix not in BOOKKEEPING_SUFFIXES:
            raise KeyError(suffix)
        return f"{self.name}_{suffix}"

    @property
    def bookkeeping_columns(self) -> list[str]:
        return [self.col(suffix) for suffix in BOOKKEEPING_SUFFIXES]

    @property
    def all_columns(self) -> list[str]:
        """The status, error and bookkeeping columns, in the SQL's order."""
        statuses = [self.curation_field, self.processing_field, self.error_field]
        return [*statuses, *self.bookkeeping_columns]

    def action_name(self, slug: str) -> str:
        """An admin action's name: ``action_name("queue")`` -> ``page_curation_queue``."""
        return f"{self.name}_{slug}"

    @property
    def task_name(self) -> str:
        """The consumer task: the seed's ``process_{workflow_name}_queue``."""
        return f"process_{self.name}_queue"

    @property
    def task_path(self) -> str:
        return f"processing.tasks.{self.task_name}"

    @property
    def service_module(self) -> str:
        """The default module of the service (the registry may declare another)."""
        return f"processing.services.{self.name}"

    # --- from the source table ------------------------------------------------------------
    @property
    def source_plural(self) -> str:
        """``pages``: the source table, the seed's ``{source_table_plural_name}``."""
        if self.table is None:
            raise ValueError(f"workflow {self.name}: this name needs the source table")
        return self.table

    @property
    def source_singular(self) -> str:
        """``page``: the seed's ``{source}`` in ``process_single_{source}_for_{workflow_name}``."""
        return singular(self.source_plural)

    @property
    def service_function_name(self) -> str:
        return f"process_single_{self.source_singular}_for_{self.name}"

    @property
    def service_path(self) -> str:
        """The default service's dotted path."""
        return f"{self.service_module}.{self.service_function_name}"

    def index_name(self, suffix: str) -> str:
        """``index_name("queue")`` -> ``pages_page_curation_queue_idx``."""
        if suffix not in INDEX_SUFFIXES:
            raise KeyError(suffix)
        return f"{self.source_plural}_{self.name}_{suffix}_idx"

    @property
    def index_names(self) -> list[str]:
        return [self.index_name(suffix) for suffix in INDEX_SUFFIXES]

    @property
    def status_route(self) -> str:
        """``/api/v3/pages/status``: the dual-status update (PUT)."""
        return f"{API_ROOT}/{self.source_plural}/status"
