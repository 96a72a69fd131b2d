"""manage.py pg status|stop: the embedded PostgreSQL server, without starting it.

``scrapersky.cli`` sets ``SCRAPERSKY_PG_START=false`` for this command, so loading the settings
only locates the server instead of starting it.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from scrapersky.embedded_pg import server_running, stop_server


class Command(BaseCommand):
    help = "Show or stop the embedded PostgreSQL server (used when DATABASE_URL is not set)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "stop"])

    def handle(self, *args, action: str, **options):
        if not settings.EMBEDDED_POSTGRES:
            raise CommandError("DATABASE_URL is set: the embedded server is not in use")
        if action == "status":
            db = settings.DATABASES["default"]
            if server_running(settings.EMBEDDED_PGDATA):
                self.stdout.write(
                    f"running on {db['HOST']}:{db['PORT']}, data in {settings.EMBEDDED_PGDATA}"
                )
            else:
                self.stdout.write(
                    f"stopped (data in {settings.EMBEDDED_PGDATA}; "
                    "bin/scrapersky up or any command starts it)"
                )
        elif stop_server(settings.EMBEDDED_PGDATA):
            self.stdout.write("stopped")
        else:
            self.stdout.write("not running")
