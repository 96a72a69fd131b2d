"""Generating a new workflow from the seed's Phase 1 questionnaire (``manage.py startworkflow``).

Writes, in one go: the next numbered SQL file (enum types, columns, indexes), the enum classes and
the workflow's column set in the source model's module, the registry declaration, a service
module to fill in, and tests for the new workflow. Nothing is overwritten: an existing workflow,
SQL file, service or test module makes it refuse before writing anything.

``plan`` checks the answers and places the files, ``render`` fills the templates next to it,
``edit`` changes the model module and the registry; every name comes from
``scrapersky.naming``, as the registry derives it.
"""

from __future__ import annotations

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
    return list(outputs)
