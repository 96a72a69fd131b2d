"""manage.py startworkflow: the seed's Phase 1 questionnaire, turned into a working workflow.

Every answer is checked as it is given (interactively: asked again with the reason; from flags:
refused before anything is asked or written), so a wrong name never costs the other answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.base import BaseCommand, CommandError

from ops.surfaces import surfaces_note
from scrapersky.scaffold import Answers, ScaffoldError, generate, validate
from scrapersky.scaffold.plan import (
    check_destination_table,
    check_name,
    check_purpose,
    check_source_table,
    check_sql_number,
    check_yes_no,
    suggest_name,
)


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    default: str | None
    help: str
    check: Callable[[str], object] | None = None


QUESTIONS = [
    Question(
        "name",
        "What is the workflow name? (snake_case, e.g. contact_validation)",
        None,
        "the workflow name in snake_case (e.g. contact_enrichment); it defines every other "
        "name: enums, columns, task, service, route",
        check_name,
    ),
    Question(
        "purpose",
        "What is the purpose of this workflow?",
        None,
        "one sentence on what the workflow does; it becomes the registry's purpose, shown in "
        "the admin, and the docstrings",
        check_purpose,
    ),
    Question(
        "source_table",
        "What is the source table? (e.g. contacts)",
        None,
        "the table whose rows are queued and processed (a curation model's db_table, e.g. "
        "contacts); the workflow's columns are added to it",
        check_source_table,
    ),
    Question(
        "destination_table",
        "What is the destination table? ('source' if it updates the source)",
        "source",
        "the table the workflow writes, or 'source' when it updates its source rows "
        "(default: source)",
        check_destination_table,
    ),
    Question(
        "ui",
        "Will this have a UI component (admin actions, API status route)? [y/n]",
        "y",
        "y: admin actions and the PUT /api/v3/{table}/status route (and their tests); n: "
        "neither (default: y)",
        check_yes_no,
    ),
    Question(
        "time_per_record",
        "Estimated processing time per record?",
        "< 1 second",
        "estimated processing time per record, recorded in the service's docstring "
        "(default: '< 1 second')",
    ),
    Question(
        "fields",
        "What specific fields from the source table are needed?",
        "id",
        "the source fields the service reads, recorded in its docstring (default: id)",
    ),
    Question(
        "validation",
        "What verification/validation is required?",
        "None (standard API validation)",
        "what the service must verify, recorded in its docstring "
        "(default: 'None (standard API validation)')",
    ),
]

NAME_QUESTION = QUESTIONS[0]

RESTART_NOTE = (
    "Running workers loaded the workflows when they started: restart them (Ctrl-C "
    "`bin/scrapersky up` and start it again, or restart `bin/scrapersky qcluster`) or they "
    "log 'process_{name}_queue is not defined' and the dashboard says which workflow no "
    "worker knows."
)


class Command(BaseCommand):
    help = (
        "Create a new workflow from the seed's Phase 1 questionnaire (asked interactively, or "
        "answered with flags and --noinput): the next numbered SQL file, the enum classes and "
        "columns in the source model's module, the registry declaration, a service to fill in "
        "and its tests. Each answer is checked as it is given. Refuses to overwrite an "
        "existing workflow."
    )

    def add_arguments(self, parser):
        by_key = {q.key: q for q in QUESTIONS}
        parser.add_argument("name", nargs="?", help=by_key["name"].help)
        for key in ("purpose", "source_table", "destination_table"):
            parser.add_argument(f"--{key.replace('_', '-')}", dest=key, help=by_key[key].help)
        parser.add_argument("--ui", choices=["y", "n"], help=by_key["ui"].help)
        for key in ("time_per_record", "fields", "validation"):
            parser.add_argument(f"--{key.replace('_', '-')}", dest=key, help=by_key[key].help)
        parser.add_argument(
            "--sql-number",
            dest="sql_number",
            type=int,
            help="number of the SQL file (default: the next after the highest in sql/): any free "
            "number after the file that creates the source table, e.g. one of a range reserved "
            "while other branches add theirs",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask; take answers from flags (and defaults)",
        )

    def handle(self, *args, interactive: bool, sql_number: int | None, **options):
        try:
            if sql_number is not None:
                check_sql_number(sql_number)
            raw = self._answers(options, interactive)
            answers = Answers(
                name=raw["name"],
                purpose=raw["purpose"],
                source_table=raw["source_table"],
                destination_table=None
                if check_destination_table(raw["destination_table"]) is None
                else raw["destination_table"],
                has_ui=check_yes_no(raw["ui"]),
                time_per_record=raw["time_per_record"],
                fields=raw["fields"],
                validation=raw["validation"],
            )
            plan = validate(answers, sql_number=sql_number)
            written = generate(plan)
        except ScaffoldError as exc:
            raise CommandError(str(exc)) from None
        for path in written:
            self.stdout.write(f"wrote {path.relative_to(plan.root)}")
        self.stdout.write(
            self.style.SUCCESS(f"\nworkflow {plan.name} created. Next steps:")
            + f"""
  1. Read {plan.sql_file.relative_to(plan.root)}, then apply it:  bin/scrapersky apply_sql
  2. Check the conventions:          bin/scrapersky check --database default
  3. Fill in {plan.service_function}
     in {plan.service_file.relative_to(plan.root)} (it completes rows unchanged until you do).
  4. Run its tests:                  pytest {plan.test_file.relative_to(plan.root)}
  5. Sync the worker schedules:      bin/scrapersky setup_schedules
  6. Restart the workers."""
        )
        self.stdout.write(self.style.WARNING("     " + RESTART_NOTE.format(name=plan.name)))
        if plan.answers.has_ui:
            for line in surfaces_note(plan.source_model):
                self.stdout.write(line)

    def _answers(self, options: dict, interactive: bool) -> dict[str, str]:
        """Every answer, each checked as given: the flags' before any question, a typed one at
        its prompt."""
        given = {
            q.key: str(options[q.key]).strip()
            for q in QUESTIONS
            if options.get(q.key) is not None and str(options[q.key]).strip()
        }
        checked: dict[str, str] = {}
        for question in QUESTIONS:
            if question.key in given:
                self._check(question, given[question.key], checked)
                checked[question.key] = given[question.key]
        raw: dict[str, str] = {}
        for question in QUESTIONS:
            if question.key in given:
                value = given[question.key]
            elif interactive:
                value = self._ask(question, raw)
            elif question.default is not None:
                value = question.default
            else:
                raise CommandError(f"--{question.key.replace('_', '-')} is required with --noinput")
            raw[question.key] = value
        return raw

    @staticmethod
    def _check(question: Question, value: str, raw: dict[str, str]) -> None:
        if question.key == "source_table":
            check_source_table(value, raw.get("name"))  # the pair: columns, identifier length
        elif question.key == "name" and "source_table" in raw:
            check_source_table(raw["source_table"], check_name(value))
        elif question.check is not None:
            question.check(value)

    def _ask(self, question: Question, raw: dict[str, str]) -> str:
        default = question.default
        while True:
            suffix = f" [{default}]" if default else ""
            answer = input(f"{question.text}{suffix}: ").strip() or (default or "")
            if not answer:
                self.stderr.write("  an answer is required")
                continue
            try:
                self._check(question, answer, raw)
            except ScaffoldError as exc:
                self.stderr.write(f"  {exc}")
                if question.key == "name" and (suggestion := suggest_name(answer)):
                    default = suggestion  # Enter takes the suggestion
                elif question.key == "source_table" and self._table_alone_is_fine(answer):
                    # The table is right and the name does not fit it (too long, its columns
                    # taken): ask the name again, keep the table.
                    raw["name"] = self._ask(NAME_QUESTION, {"source_table": answer})
                    return answer
                continue
            return answer

    @staticmethod
    def _table_alone_is_fine(table: str) -> bool:
        try:
            check_source_table(table)
        except ScaffoldError:
            return False
        return True
