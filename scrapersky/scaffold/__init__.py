"""Generating a new workflow from the seed's Phase 1 questionnaire (``manage.py startworkflow``).

Writes, in one go: the next numbered SQL file (enum types, columns, indexes), the enum classes and
the workflow's column set in the source model's module, the registry declaration, a service
module to fill in, and tests for the new workflow. Nothing is overwritten: an existing workflow,
SQL file, service or test module makes it refuse before writing anything.

``plan`` checks the answers and places the files, ``render`` fills the templates next to it,
``edit`` changes the model module and the registry; every name comes from
``scrapersky.naming``, as the registry derives it.

The templates are written to pass the project's ``ruff check`` and ``ruff format --check`` as
rendered; a long workflow name still makes some line too long, so the written Python files are
then put through the project's own formatter (``ruff format`` and ``ruff check --fix``, when ruff
is installed: it is a development dependency) rather than a line-wrapper of our own.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from scrapersky.scaffold.edit import edit_model_module, edit_registry
from scrapersky.scaffold.plan import Answers, Plan, ScaffoldError, validate
from scrapersky.scaffold.render import render_service, render_sql, render_tests

__all__ = ["Answers", "Plan", "ScaffoldError", "generate", "validate"]


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
    tidy([path for path in outputs if path.suffix == ".py"], root=plan.root)
    return list(outputs)


def ruff_binary() -> str | None:
    """The ruff executable installed beside this Python, if any."""
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:
        return None
    try:
        return str(find_ruff_bin())
    except FileNotFoundError:
        return None


def tidy(paths: list[Path], *, root: Path) -> bool:
    """Format ``paths`` with the project's ruff settings; False when ruff is not installed."""
    ruff = ruff_binary()
    if ruff is None or not paths:
        return False
    files = [str(path) for path in paths]
    for command in (["check", "--fix", "--quiet", "--exit-zero"], ["format", "--quiet"]):
        subprocess.run([ruff, *command, "--no-cache", *files], cwd=root, check=True, timeout=60)
    return True
