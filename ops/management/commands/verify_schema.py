"""manage.py verify_schema: compare the live database with the models and workflows."""

from django.core.management.base import BaseCommand, CommandError

from ops.dbschema import compare


class Command(BaseCommand):
    help = (
        "Compare the live database with the Python side: enum types and their values in order, "
        "every model column with its type and nullability, and the expected indexes. Exits "
        "non-zero with a list of every difference."
    )

    def handle(self, *args, **options):
        problems = compare()
        if problems:
            for problem in problems:
                self.stderr.write(f"- {problem}")
            raise CommandError(f"schema drift: {len(problems)} difference(s)")
        self.stdout.write(self.style.SUCCESS("schema matches the models"))
