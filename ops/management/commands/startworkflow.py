"""manage.py startworkflow: the seed's Phase 1 questionnaire, turned into a working workflow."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from scrapersky.scaffold import Answers, ScaffoldError, generate, validate

QUESTIONS = [
    ("name", "What is the workflow name? (snake_case, e.g. contact_validation)", None),
    ("purpose", "What is the purpose of this workflow?", None),
    ("source_table", "What is the source table? (e.g. contacts)", None),
    (
        "destination_table",
        "What is the destination table? ('source' if it updates the source)",
        "source",
    ),
    ("ui", "Will this have a UI component (admin actions, API status route)? [y/n]", "y"),
    ("time_per_record", "Estimated processing time per record?", "< 1 second"),
    ("fields", "What specific fields from the source table are needed?", "id"),
    ("validation", "What verification/validation is required?", "None (standard API validation)"),
]


class Command(BaseCommand):
    help = (
        "Create a new workflow from the seed's Phase 1 questionnaire (asked interactively, or "
        "answered with flags and --noinput): the next numbered SQL file, the enum classes and "
        "columns in the source model's module, the registry declaration, a service to fill in "
        "and its tests. Refuses to overwrite an existing workflow."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?", help="workflow name in snake_case")
        parser.add_argument("--purpose")
        parser.add_argument("--source-table", dest="source_table")
        parser.add_argument(
            "--destination-table",
            dest="destination_table",
            help="destination table, or 'source' when the workflow updates its source rows",
        )
        parser.add_argument("--ui", choices=["y", "n"])
        parser.add_argument("--time-per-record", dest="time_per_record")
        parser.add_argument("--fields")
        parser.add_argument("--validation")
        parser.add_argument(
            "--sql-number",
            dest="sql_number",
            type=int,
            help="number of the SQL file (default: the next after the highest in sql/); "
            "for a number reserved while other branches add theirs",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask; take answers from flags (and defaults)",
        )

    def handle(self, *args, interactive: bool, sql_number: int | None, **options):
        raw = {key: options.get(key) for key, _q, _d in QUESTIONS}
        for key, question, default in QUESTIONS:
            if raw[key]:
                continue
            if interactive:
                raw[key] = self._ask(question, default)
            elif default is not None:
                raw[key] = default
            else:
                raise CommandError(f"--{key.replace('_', '-')} is required with --noinput")
        destination = raw["destination_table"].strip()
        answers = Answers(
            name=raw["name"].strip(),
            purpose=raw["purpose"].strip(),
            source_table=raw["source_table"].strip(),
            destination_table=None
            if destination in ("", "source", "(updates source)")
            else destination,
            has_ui=raw["ui"].strip().lower().startswith("y"),
            time_per_record=raw["time_per_record"].strip(),
            fields=raw["fields"].strip(),
            validation=raw["validation"].strip(),
        )
        try:
            plan = validate(answers, sql_number=sql_number)
            written = generate(plan)
        except ScaffoldError as exc:
            raise CommandError(str(exc)) from None
        for path in written:
            self.stdout.write(f"wrote {path.relative_to(plan.root)}")
        table = plan.source_model._meta.db_table
        self.stdout.write(
            self.style.SUCCESS(f"\nworkflow {plan.name} created. Next steps:")
            + f"""
  1. Read {plan.sql_file.relative_to(plan.root)}, then apply it:  bin/scrapersky apply_sql
  2. Check the conventions:          bin/scrapersky check --database default
  3. Fill in {plan.service_function}
     in {plan.service_file.relative_to(plan.root)} (it completes rows unchanged until you do).
  4. Run its tests:                  pytest {plan.test_file.relative_to(plan.root)}
  5. Sync the worker schedules:      bin/scrapersky setup_schedules
  The admin already shows its actions on {table}; the API serves PUT /api/v3/{table}/status."""
        )

    def _ask(self, question: str, default: str | None) -> str:
        suffix = f" [{default}]" if default else ""
        while True:
            answer = input(f"{question}{suffix}: ").strip()
            if answer:
                return answer
            if default is not None:
                return default
            self.stderr.write("an answer is required")
