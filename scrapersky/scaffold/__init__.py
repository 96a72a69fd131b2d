"""Generating a new workflow from the seed's Phase 1 questionnaire (``manage.py startworkflow``).

Writes, in one go: the next numbered SQL file (enum types, columns, indexes), the enum classes and
the workflow's column set in the source model's module, the registry declaration, a service
module to fill in, and tests for the new workflow. Nothing is overwritten: an existing workflow,
SQL file, service or test module makes it refuse before writing anything.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
import textwrap
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from string import Template

from django.apps import apps
from django.conf import settings

from scrapersky.workflows import WORKFLOW_NAME_RE, all_workflows, camel

SCAFFOLD_DIR = Path(__file__).resolve().parent
LINE_LENGTH = 100  # the project's ruff line length: generated code passes `ruff check` as it is


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
    def class_prefix(self) -> str:
        return camel(self.name)

    @property
    def source_singular(self) -> str:
        table = self.source_model._meta.db_table
        return table[:-3] + "y" if table.endswith("ies") else table.removesuffix("s")

    @property
    def service_function(self) -> str:
        return f"process_single_{self.source_singular}_for_{self.name}"

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
        return self.root / "processing" / "services" / f"{self.name}.py"

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
    for class_name in (
        f"{plan.class_prefix}CurationStatus",
        f"{plan.class_prefix}ProcessingStatus",
    ):
        if hasattr(enums, class_name):
            raise ScaffoldError(f"{source.__module__} already defines {class_name}")
    return plan


def _render(template: str, **values: str) -> str:
    return Template((SCAFFOLD_DIR / template).read_text()).substitute(**values)


def _fill(
    text: str, indent: str = "", *, first: str | None = None, width: int = LINE_LENGTH
) -> str:
    """``text`` wrapped to the line length (answers to the questionnaire can be long).

    ``first`` prefixes the first line instead of ``indent`` (a docstring's opening quotes).
    """
    return textwrap.fill(
        " ".join(text.split()),
        width=width,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _sentence(text: str) -> str:
    return text.strip().rstrip(".") + "."


def render_sql(plan: Plan) -> str:
    table = plan.source_model._meta.db_table
    return _render(
        "workflow.sql.tmpl",
        filename=plan.sql_file.name,
        heading=_fill(
            f"Workflow `{plan.name}` on `{table}`: {_sentence(plan.answers.purpose)}", "-- "
        ),
        name=plan.name,
        table=table,
        type_prefix=plan.name.replace("_", ""),
    )


def edit_model_module(plan: Plan, text: str) -> str:
    """Add the enum classes before the model and the workflow's columns to its bases."""
    tree = ast.parse(text)
    model_name = plan.source_model.__name__
    node = next(
        (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == model_name), None
    )
    if node is None:
        raise ScaffoldError(f"class {model_name} not found in {plan.model_file}")
    lines = text.splitlines(keepends=True)
    header_start = (node.decorator_list[0].lineno if node.decorator_list else node.lineno) - 1
    header_end = node.body[0].lineno - 1  # the header ends before the first statement
    while header_end > header_start and not lines[header_end - 1].rstrip().endswith(":"):
        header_end -= 1
    bases = [ast.get_source_segment(text, base) for base in node.bases]
    bases = [b for b in bases if b not in ("models.Model", "Model")]
    new_base = (
        f"workflow_columns(\n        {plan.name!r},\n        {plan.class_prefix}CurationStatus,\n"
        f"        {plan.class_prefix}ProcessingStatus,\n        module=__name__,\n    )"
    ).replace("'", '"')
    bases.append(new_base)
    header = f"class {model_name}(\n" + "".join(f"    {b},\n" for b in bases) + "):\n"
    enums = _render("enums.py.tmpl", name=plan.name, class_prefix=plan.class_prefix)
    before = "".join(lines[:header_start]).rstrip("\n") + "\n"
    after = "".join(lines[header_end:])
    result = before + enums + "\n\n" + header + after
    if "from curation.fields import workflow_columns" not in result:
        result = _add_import(result, "from curation.fields import workflow_columns")
    return result


def _add_import(text: str, line: str) -> str:
    tree = ast.parse(text)
    imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    if not imports:
        return line + "\n" + text
    last = imports[-1].end_lineno
    lines = text.splitlines(keepends=True)
    return "".join(lines[:last]) + "\n" + line + "\n" + "".join(lines[last:])


def edit_registry(plan: Plan, text: str) -> str:
    """Append the declaration to the WORKFLOWS list."""
    tree = ast.parse(text)
    node = next(
        n
        for n in tree.body
        if isinstance(n, ast.AnnAssign | ast.Assign)
        and "WORKFLOWS" in ast.get_source_segment(text, n.target if hasattr(n, "target") else n)
    )
    lines = text.splitlines(keepends=True)
    closing = node.end_lineno - 1  # the line holding the list's closing bracket
    destination = f'"{plan.destination_model._meta.label}"' if plan.destination_model else "None"
    declaration = (
        "    Workflow(\n"
        f'        name="{plan.name}",\n'
        f'        source_model="{plan.source_model._meta.label}",\n'
        f"        destination_model={destination},\n"
        + _python_string_argument("purpose", plan.answers.purpose.strip())
        + ("" if plan.answers.has_ui else "        ui=False,\n")
        + "    ),\n"
    )
    return "".join(lines[:closing]) + declaration + "".join(lines[closing:])


def _python_string_argument(keyword: str, value: str) -> str:
    """``keyword="value",`` in the registry, split into implicitly joined strings if long."""
    indent = " " * 8
    one_line = f"{indent}{keyword}={json.dumps(value)},"
    if len(one_line) <= LINE_LENGTH:
        return one_line + "\n"
    width = LINE_LENGTH - len(indent) - 4 - 2  # the inner indent, quotes and margin
    chunks = textwrap.wrap(
        value, width=width, drop_whitespace=False, break_on_hyphens=False, break_long_words=True
    )
    body = "".join(f"{indent}    {json.dumps(chunk)}\n" for chunk in chunks)
    return f"{indent}{keyword}=(\n{body}{indent}),\n"


def render_service(plan: Plan) -> str:
    answers = plan.answers
    table = plan.source_model._meta.db_table
    destination = (
        f"`{plan.destination_model._meta.db_table}`"
        if plan.destination_model
        else "updates the source rows"
    )
    model_name = plan.source_model.__name__
    paragraphs = [
        f"Workflow `{plan.name}`: {_sentence(answers.purpose)}",
        f"Source table: `{table}`; destination: {destination}. Estimated time per record: "
        f"{answers.time_per_record}. Fields needed: {answers.fields}. "
        f"Validation: {_sentence(answers.validation)}",
        f"The engine calls ``{plan.service_function}(row)`` outside any transaction with a "
        f"claimed ``{model_name}`` row. Do the slow work (I/O) here, then return a "
        "``persist()`` callable that writes the results; the engine runs it and marks the row "
        "Complete in one transaction. Raise ``TransientError`` for failures worth retrying "
        "(timeouts, 5xx) and ``PermanentError`` for the rest: the row ends ``Error`` with your "
        "message.",
    ]
    # The first line holds the template's opening quotes too.
    docstring = _fill(paragraphs[0], first='"""').removeprefix('"""')
    docstring += "".join("\n\n" + _fill(p) for p in paragraphs[1:])
    return _render(
        "service.py.tmpl",
        docstring=docstring,
        name=plan.name,
        table=table,
        function=plan.service_function,
        model_module=plan.source_model.__module__,
        model_name=model_name,
    )


def render_tests(plan: Plan) -> str:
    model = plan.source_model
    summary = (
        f"Workflow `{plan.name}` on `{model._meta.db_table}`: the dual-status update, the claim, "
        "success and error paths"
        + (", and its admin actions and API route" if plan.answers.has_ui else "")
        + " (generated by `manage.py startworkflow`; extend freely)."
    )
    values = {
        # Room for the closing quotes on the last line.
        "docstring": _fill(summary, first='"""', width=LINE_LENGTH - 3).removeprefix('"""'),
        "name": plan.name,
        "class_prefix": plan.class_prefix,
        "table": model._meta.db_table,
        "model_lower": model._meta.model_name,
        "app_label": model._meta.app_label,
        "factory": f"{model.__name__}Factory",
        "model_module": model.__module__,
    }
    text = _render("test_workflow.py.tmpl", **values)
    if plan.answers.has_ui:  # the admin actions and the API status route
        text += _render("test_workflow_ui.py.tmpl", **values)
    return text


def generate(plan: Plan) -> list[Path]:
    """Write every file of the new workflow; return the paths written."""
    outputs = {
        plan.sql_file: render_sql(plan),
        plan.model_file: edit_model_module(plan, plan.model_file.read_text()),
        plan.registry_file: edit_registry(plan, plan.registry_file.read_text()),
        plan.service_file: render_service(plan),
        plan.test_file: render_tests(plan),
    }
    for source in (plan.model_file, plan.registry_file):
        compile(outputs[source], str(source), "exec")  # never leave a broken module behind
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        init = path.parent / "__init__.py"
        if path.suffix == ".py" and "tests" not in path.parts and not init.exists():
            init.write_text("")
        path.write_text(text)
    return list(outputs)
