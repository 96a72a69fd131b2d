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
        return existing_sql_numbers(self.root)

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


POSTGRES_MAX_IDENTIFIER = 63  # NAMEDATALEN - 1: a longer name is cut short, silently


def _model_for_table(table: str) -> type | None:
    for model in apps.get_app_config("curation").get_models():
        if model._meta.db_table == table and not model._meta.auto_created:
            return model
    return None


def _tables() -> list[str]:
    """The tables a workflow can run on: every concrete model's of curation."""
    return sorted(
        m._meta.db_table
        for m in apps.get_app_config("curation").get_models()
        if not m._meta.auto_created and not m._meta.abstract
    )


def suggest_name(text: str) -> str | None:
    """The snake_case form of ``text`` (``Contact Enrichment``, ``contactEnrichment``,
    ``contact-enrichment`` -> ``contact_enrichment``), or None when there is none."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text.strip())
    candidate = re.sub(r"[^a-z0-9]+", "_", spaced.lower()).strip("_")
    return candidate if WORKFLOW_NAME_RE.match(candidate) else None


# --- one check per answer: the interactive questionnaire asks again at once, flags fail early --
def check_name(name: str) -> str:
    """The workflow name, checked on its own (format, not taken)."""
    name = name.strip()
    if not WORKFLOW_NAME_RE.match(name):
        suggestion = suggest_name(name)
        hint = f"; did you mean {suggestion}?" if suggestion and suggestion != name else ""
        raise ScaffoldError(
            f"workflow name {name!r} is not snake_case (lower-case words joined by _, "
            f"starting with a letter), e.g. contact_validation{hint}"
        )
    if any(w.name == name for w in all_workflows()):
        raise ScaffoldError(f"workflow {name!r} already exists: refusing to overwrite it")
    return name


def check_purpose(purpose: str) -> str:
    if not purpose.strip():
        raise ScaffoldError("the purpose must not be empty")
    return purpose.strip()


def check_source_table(table: str, name: str | None = None) -> type:
    """The source table's model; with ``name``, also what the pair must satisfy (columns not
    taken, every derived identifier within PostgreSQL's 63 characters)."""
    model = _model_for_table(table.strip())
    if model is None:
        raise ScaffoldError(
            f"source table {table.strip()!r} has no model in curation.models (one of: "
            f"{', '.join(_tables())}; create the table in sql/ and its unmanaged model first)"
        )
    if name is not None:
        clashing = [f.name for f in model._meta.get_fields() if f.name.startswith(f"{name}_")]
        if clashing:
            raise ScaffoldError(f"{model._meta.label} already has columns {clashing}")
        names = WorkflowNames(name, table=model._meta.db_table)
        identifiers = [
            *names.all_columns,
            *names.index_names,
            names.curation_db_type,
            names.processing_db_type,
        ]
        longest = max(identifiers, key=len)
        excess = len(longest) - POSTGRES_MAX_IDENTIFIER
        if excess > 0:
            raise ScaffoldError(
                f"workflow name {name!r} is too long for table {model._meta.db_table!r}: "
                f"{longest} has {len(longest)} characters, PostgreSQL keeps "
                f"{POSTGRES_MAX_IDENTIFIER} (shorten the name by {excess})"
            )
    return model


def check_destination_table(table: str | None) -> type | None:
    """The destination's model, or None when the workflow updates its source rows."""
    if table is None or table.strip() in ("", "source", "(updates source)"):
        return None
    model = _model_for_table(table.strip())
    if model is None:
        raise ScaffoldError(
            f"destination table {table.strip()!r} has no model in curation.models "
            f"(one of: {', '.join(_tables())}, or 'source')"
        )
    return model


def check_yes_no(answer: str) -> bool:
    value = answer.strip().lower()
    if value in ("y", "yes"):
        return True
    if value in ("n", "no"):
        return False
    raise ScaffoldError(f"answer y or n (not {answer.strip()!r})")


def validate(answers: Answers, root: Path | None = None, *, sql_number: int | None = None) -> Plan:
    """Check every answer; return what would be written, or raise ScaffoldError.

    ``sql_number`` picks the SQL file's number (branches developed side by side each reserve
    one); it must be free and above every existing file's, so a fresh database applies the new
    file after everything it may depend on.
    """
    root = root or Path(settings.BASE_DIR)
    name = check_name(answers.name)
    check_purpose(answers.purpose)
    source = check_source_table(answers.source_table, name)
    destination = check_destination_table(answers.destination_table)
    plan = Plan(answers, source, destination, root, sql_number)
    if sql_number is not None:
        check_sql_number(sql_number, root, table=plan.table)
    for path in (plan.sql_file, plan.service_file, plan.test_file):
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root)} exists: refusing to overwrite it")
    enums = importlib.import_module(source.__module__)
    for class_name in (plan.names.curation_enum_name, plan.names.processing_enum_name):
        if hasattr(enums, class_name):
            raise ScaffoldError(f"{source.__module__} already defines {class_name}")
    return plan


def existing_sql_numbers(root: Path | None = None) -> list[int]:
    return sorted(_sql_files(root))


def _sql_files(root: Path | None = None) -> dict[int, Path]:
    root = root or Path(settings.BASE_DIR)
    return {
        int(m.group(1)): p
        for p in (root / "sql").glob("*.sql")
        if (m := re.match(r"^(\d{3})_", p.name))
    }


def check_sql_number(sql_number: int, root: Path | None = None, *, table: str | None = None) -> int:
    """A free number for the new SQL file, applied after the file that creates ``table``.

    Branches developed side by side each reserve a range of numbers, so the number may be below
    the highest in sql/ (apply_sql applies every pending file, whatever its number); on a fresh
    database files run in number order, so it must come after its source table's creation.
    """
    files = _sql_files(root)
    if not 0 < sql_number <= 999:
        raise ScaffoldError(f"SQL file number {sql_number} is not between 1 and 999")
    if sql_number in files:
        raise ScaffoldError(
            f"SQL file number {sql_number:03d} is taken by {files[sql_number].name}"
        )
    if table is not None:
        creates = re.compile(rf"CREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?{re.escape(table)}\b", re.I)
        creators = [n for n, path in files.items() if creates.search(path.read_text())]
        if creators and sql_number < min(creators):
            first = files[min(creators)].name
            raise ScaffoldError(
                f"SQL file number {sql_number:03d} comes before {first}, which creates "
                f"{table}: a fresh database would apply it too early"
            )
    return sql_number
