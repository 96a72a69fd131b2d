"""System checks of the workflow naming contract: a broken rule is reported before it bites.

Every workflow in the registry is checked for: a snake_case name used once; enum classes named
``{WorkflowName}CurationStatus`` / ``...ProcessingStatus`` in the source model's module with exactly
the seed's values; the source model's columns named by the convention, mapped to the PostgreSQL
enum types ``{workflowname}curationstatus`` / ``...processingstatus``; the service function
``process_single_{source}_for_{workflow_name}`` with the right signature; the consumer task.
With a database (``manage.py check --database default``): the enum types exist with the same
values, and the worker schedule is synced.
"""

from __future__ import annotations

import importlib
import inspect

from django.apps import apps
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.db import DatabaseError
from django_q.models import Schedule

from curation.fields import PgEnumField
from ops.dbschema import schema_applied
from ops.models import EnumType
from processing.engine.schedules import PREFIX, wanted_schedules
from scrapersky.naming import WORKFLOW_NAME_RE
from scrapersky.status import CURATION_VALUES, PROCESSING_VALUES
from scrapersky.workflows import Workflow, all_workflows


def _enum_values(enum: type) -> list[str]:
    return [member.value for member in enum]


def check_workflow(workflow: Workflow) -> list[CheckMessage]:
    """Every static convention of one workflow."""
    obj = f"workflow {workflow.name}"
    if not WORKFLOW_NAME_RE.match(workflow.name):
        return [
            Error(
                f"{obj}: the name is not snake_case",
                hint="Use lower-case words joined by underscores, e.g. page_curation.",
                obj=obj,
                id="workflows.E101",
            )
        ]
    try:
        model = apps.get_model(workflow.source_model)
    except (LookupError, ValueError):
        return [
            Error(
                f"{obj}: source model {workflow.source_model} does not exist",
                hint="Declare source_model as 'app_label.ModelName'.",
                obj=obj,
                id="workflows.E102",
            )
        ]
    errors: list[CheckMessage] = []
    if workflow.destination_model:
        try:
            apps.get_model(workflow.destination_model)
        except (LookupError, ValueError):
            errors.append(
                Error(
                    f"{obj}: destination model {workflow.destination_model} does not exist",
                    hint="Declare destination_model as 'app_label.ModelName', or None when the "
                    "workflow updates its source.",
                    obj=obj,
                    id="workflows.E102",
                )
            )
    errors += _check_enums(workflow, model, obj)
    errors += _check_columns(workflow, model, obj)
    errors += _check_service(workflow, obj)
    errors += _check_task(workflow, obj)
    return errors


def _check_enums(workflow: Workflow, model, obj: str) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    module = importlib.import_module(model.__module__)
    for class_name, values in (
        (workflow.names.curation_enum_name, CURATION_VALUES),
        (workflow.names.processing_enum_name, PROCESSING_VALUES),
    ):
        enum = getattr(module, class_name, None)
        if enum is None:
            errors.append(
                Error(
                    f"{obj}: enum class {class_name} is missing from {model.__module__}",
                    hint="Place the workflow's enum classes in the same module as the source "
                    "model (seed: ENUM STANDARDIZATION MANDATE).",
                    obj=obj,
                    id="workflows.E103",
                )
            )
        elif _enum_values(enum) != list(values):
            errors.append(
                Error(
                    f"{obj}: {class_name} has values {_enum_values(enum)}, "
                    f"the standard is {list(values)}",
                    hint="Use exactly the standard values, in this order; no additions.",
                    obj=obj,
                    id="workflows.E104",
                )
            )
    return errors


def _check_columns(workflow: Workflow, model, obj: str) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    fields = {f.name: f for f in model._meta.concrete_fields}
    expected = workflow.names.all_columns
    missing = [name for name in expected if name not in fields]
    if missing:
        errors.append(
            Error(
                f"{obj}: {model._meta.label} lacks the columns {missing}",
                hint=f"Add workflow_columns({workflow.name!r}, ...) to the model's bases "
                "(curation.fields) and the columns to sql/.",
                obj=obj,
                id="workflows.E105",
            )
        )
    for field_name, db_type in (
        (workflow.names.curation_field, workflow.names.curation_db_type),
        (workflow.names.processing_field, workflow.names.processing_db_type),
    ):
        field = fields.get(field_name)
        if field is None:
            continue
        if not isinstance(field, PgEnumField) or field.enum_type != db_type:
            actual = getattr(field, "enum_type", field.get_internal_type())
            errors.append(
                Error(
                    f"{obj}: column {field_name} is mapped to {actual}, expected the enum "
                    f"type {db_type}",
                    hint="DB enum types are named {workflowname}curationstatus / "
                    "{workflowname}processingstatus.",
                    obj=obj,
                    id="workflows.E106",
                )
            )
        elif field.column != field_name:
            errors.append(
                Error(
                    f"{obj}: field {field_name} is stored in column {field.column}",
                    hint="Column names follow the convention; do not set db_column.",
                    obj=obj,
                    id="workflows.E105",
                )
            )
    return errors


def _check_service(workflow: Workflow, obj: str) -> list[CheckMessage]:
    module_path, _, function_name = workflow.service_path.rpartition(".")
    try:
        module = importlib.import_module(module_path)
    except ImportError as exc:
        return [
            Error(
                f"{obj}: service module {module_path} cannot be imported ({exc})",
                hint=f"Create {module_path.replace('.', '/')}.py with {function_name}(row).",
                obj=obj,
                id="workflows.E107",
            )
        ]
    function = getattr(module, function_name, None)
    if not callable(function):
        return [
            Error(
                f"{obj}: service function {function_name} is missing from {module_path}",
                hint="The service is named process_single_{source}_for_{workflow_name}.",
                obj=obj,
                id="workflows.E107",
            )
        ]
    params = list(inspect.signature(function).parameters.values())
    positional = [
        p
        for p in params
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    ]
    others_required = [p for p in params if p.kind == p.KEYWORD_ONLY and p.default is p.empty]
    if len(positional) != 1 or others_required:
        return [
            Error(
                f"{obj}: {function_name}{inspect.signature(function)} must take exactly one "
                "required argument, the claimed row",
                hint=f"def {function_name}(row) -> Persist | None",
                obj=obj,
                id="workflows.E108",
            )
        ]
    return []


def _check_task(workflow: Workflow, obj: str) -> list[CheckMessage]:
    tasks = importlib.import_module("processing.tasks")
    if not callable(getattr(tasks, workflow.names.task_name, None)):
        return [
            Error(
                f"{obj}: consumer task {workflow.names.task_path} does not exist",
                hint="processing.tasks derives one task per registered workflow.",
                obj=obj,
                id="workflows.E109",
            )
        ]
    return []


@register("workflows")
def check_workflows(app_configs=None, **kwargs) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    seen: set[str] = set()
    for workflow in all_workflows():
        if workflow.name in seen:
            errors.append(
                Error(
                    f"workflow {workflow.name} is declared twice",
                    hint="Each workflow is declared once in scrapersky/workflows.py.",
                    id="workflows.E110",
                )
            )
        seen.add(workflow.name)
        errors += check_workflow(workflow)
    return errors


@register(Tags.database)
def check_workflow_database(app_configs=None, databases=None, **kwargs) -> list[CheckMessage]:
    """The enum types exist with the standard values; the schedules are synced."""
    if not databases or "default" not in databases:
        return []
    try:
        if not schema_applied():
            return []
        live = dict(EnumType.objects.values_list("name", "labels"))
        errors: list[CheckMessage] = []
        for workflow in all_workflows():
            obj = f"workflow {workflow.name}"
            for db_type, values in (
                (workflow.names.curation_db_type, CURATION_VALUES),
                (workflow.names.processing_db_type, PROCESSING_VALUES),
            ):
                if db_type not in live:
                    errors.append(
                        Error(
                            f"{obj}: enum type {db_type} does not exist in the database",
                            hint="Apply the workflow's SQL file: bin/scrapersky apply_sql.",
                            obj=obj,
                            id="workflows.E111",
                        )
                    )
                elif list(live[db_type]) != list(values):
                    errors.append(
                        Error(
                            f"{obj}: enum type {db_type} has values {list(live[db_type])}, "
                            f"the standard is {list(values)}",
                            hint="Recreate the type with exactly the standard values.",
                            obj=obj,
                            id="workflows.E112",
                        )
                    )
        errors += _check_schedules()
        return errors
    except DatabaseError:
        return []


def _check_schedules() -> list[CheckMessage]:
    """Each schedule the registry asks for exists once, with the right task and interval."""
    live: dict[str, list[Schedule]] = {}
    for schedule in Schedule.objects.filter(name__startswith=PREFIX):
        live.setdefault(schedule.name, []).append(schedule)
    problems: list[tuple[str, str]] = []
    wanted = wanted_schedules()
    for want in wanted:
        found = live.get(want.name, [])
        if not found:
            problems.append((want.name, "missing"))
        elif len(found) > 1:
            problems.append((want.name, f"duplicated {len(found)} times"))
        elif (found[0].func, found[0].minutes) != (want.func, want.minutes):
            problems.append(
                (want.name, f"out of date (runs {found[0].func} every {found[0].minutes} min)")
            )
    problems += [(name, "stale") for name in live if name not in {w.name for w in wanted}]
    return [
        Warning(
            f"schedule {name}: {problem}",
            hint="Run bin/scrapersky setup_schedules (idempotent; run it on every deploy).",
            obj=name,
            id="workflows.W113",
        )
        for name, problem in problems
    ]
