"""Edits of existing modules: the enum classes and columns in the source model's module, the
declaration in the registry. Located with ``ast``, so the rest of each file stays as written."""

from __future__ import annotations

import ast
import json
import textwrap

from scrapersky.scaffold.plan import Plan, ScaffoldError
from scrapersky.scaffold.render import LINE_LENGTH, render_enums

COLUMNS_IMPORT = "from curation.fields import workflow_columns"


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
    names = plan.names
    bases.append(
        f'workflow_columns(\n        "{plan.name}",\n        {names.curation_enum_name},\n'
        f"        {names.processing_enum_name},\n        module=__name__,\n    )"
    )
    header = f"class {model_name}(\n" + "".join(f"    {b},\n" for b in bases) + "):\n"
    before = "".join(lines[:header_start]).rstrip("\n") + "\n"
    after = "".join(lines[header_end:])
    result = before + render_enums(plan) + "\n\n" + header + after
    if COLUMNS_IMPORT not in result:
        result = _add_import(result, COLUMNS_IMPORT)
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
