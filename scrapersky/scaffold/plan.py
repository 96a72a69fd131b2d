"""The questionnaire's answers, checked, and the files a new workflow will be written to."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from django.apps import apps
from django.conf import settings

from scrapersky.naming import WORKFLOW_NAME_RE, WorkflowNames
from scrapersky.workflows import all_workflows


class ScaffoldError(Exception):
    """An answer of the questionnaire is invalid, or generating would overwrite something."""


@dataclass(frozen=True)
class Answers:
    """The seed's Phase 1 questionnaire."""

    name: str
    purpose: str
    source_table: str
    destination_table: str | None  # None: updates the source
    has_ui: bool = True
    time_per_record: str = "< 1 second"
    fields: str = "id"
    validation: str = "None (standard API validation)"


@dataclass(frozen=True)
class Plan:
    answers: Answers
    source_model: type
    destination_model: type | None
    root: Path
    sql_number: int | None = None  # None: the next free number after the highest

    @property
    def name(self) -> str:
        return self.answers.name

    @property
    def table(self) -> str:
        return self.source_model._meta.db_table

    @cached_property
    def names(self) -> WorkflowNames:
        """Every name of the new workflow, derived as the registry will derive them."""
        return WorkflowNames(self.name, table=self.table)

    @property
    def service_function(self) -> str:
        return self.names.service_function_name

    @property
    def model_file(self) -> Path:
        return self.root / (self.source_model.__module__.replace(".", "/") + ".py")

    @property
    def sql_numbers(self) -> list[int]:
        """The numbers of the files already in sql/."""
        return [
            int(m.group(1))
            for p in (self.root / "sql").glob("*.sql")
            if (m := re.match(r"^(\d{3})_", p.name))
        ]

    @cached_property  # computed once: the file it names is about to exist
    def sql_file(self) -> Path:
        number = self.sql_number or max(self.sql_numbers, default=0) + 1
        return self.root / "sql" / f"{number:03d}_{self.name}.sql"

    @property
    def service_file(self) -> Path:
        return self.root / (self.names.service_module.replace(".", "/") + ".py")

    @property
    def test_file(self) -> Path:
        return self.root / "tests" / "workflows" / f"test_{self.name}_workflow.py"

    @property
    def registry_file(self) -> Path:
        return self.root / "scrapersky" / "workflows.py"


def _model_for_table(table: str) -> type | None:
    for model in apps.get_app_config("curation").get_models():
        if model._meta.db_table == table and not model._meta.auto_created:
            return model
    return None


def validate(answers: Answers, root: Path | None = None, *, sql_number: int | None = None) -> Plan:
    """Check every answer; return what would be written, or raise ScaffoldError.

    ``sql_number`` picks the SQL file's number (branches developed side by side each reserve
    one); it must be free and above every existing file's, so a fresh database applies the new
    file after everything it may depend on.
    """
    root = root or Path(settings.BASE_DIR)
    name = answers.name
    if not WORKFLOW_NAME_RE.match(name):
        raise ScaffoldError(
            f"workflow name {name!r} is not snake_case (lower-case words joined by _, "
            "starting with a letter), e.g. contact_validation"
        )
    if any(w.name == name for w in all_workflows()):
        raise ScaffoldError(f"workflow {name!r} already exists: refusing to overwrite it")
    if not answers.purpose.strip():
        raise ScaffoldError("the purpose must not be empty")
    source = _model_for_table(answers.source_table)
    if source is None:
        raise ScaffoldError(
            f"source table {answers.source_table!r} has no model in curation.models "
            "(create the table in sql/ and its unmanaged model first)"
        )
    destination = None
    if answers.destination_table:
        destination = _model_for_table(answers.destination_table)
        if destination is None:
            raise ScaffoldError(
                f"destination table {answers.destination_table!r} has no model in curation.models"
            )
    clashing = [f.name for f in source._meta.get_fields() if f.name.startswith(f"{name}_")]
    if clashing:
        raise ScaffoldError(f"{source._meta.label} already has columns {clashing}")
    plan = Plan(answers, source, destination, root, sql_number)
    if sql_number is not None:
        highest = max(plan.sql_numbers, default=0)
        if not 0 < sql_number <= 999:
            raise ScaffoldError(f"SQL file number {sql_number} is not between 1 and 999")
        if sql_number <= highest:
            raise ScaffoldError(
                f"SQL file number {sql_number:03d} is not above the highest in sql/ "
                f"({highest:03d}): a fresh database would apply it too early"
            )
    for path in (plan.sql_file, plan.service_file, plan.test_file):
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root)} exists: refusing to overwrite it")
    enums = importlib.import_module(source.__module__)
    for class_name in (plan.names.curation_enum_name, plan.names.processing_enum_name):
        if hasattr(enums, class_name):
            raise ScaffoldError(f"{source.__module__} already defines {class_name}")
    return plan
