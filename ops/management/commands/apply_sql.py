"""manage.py apply_sql: apply the pending files of sql/ in order (the explicit schema step)."""

from django.core.management.base import BaseCommand, CommandError

from ops.sqlfiles import SqlFileError, apply_pending, pending_files


class Command(BaseCommand):
    help = (
        "Apply the numbered files of sql/ that are not applied yet, in order, each in its own "
        "transaction, recording a checksum. Applied files are skipped; an applied file that was "
        "edited since is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the pending files without applying them."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        try:
            if dry_run:
                pending = pending_files()
                for sql_file in pending:
                    self.stdout.write(f"pending {sql_file.name}")
                self.stdout.write(f"{len(pending)} file(s) pending")
                return
            applied = apply_pending(on_apply=lambda f: self.stdout.write(f"applying {f.name} ..."))
        except SqlFileError as exc:
            raise CommandError(str(exc)) from None
        if applied:
            self.stdout.write(self.style.SUCCESS(f"applied {len(applied)} file(s)"))
        else:
            self.stdout.write("schema up to date: nothing to apply")
