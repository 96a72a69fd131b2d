"""manage.py demo: fictional small-business websites on loopback, and their domains imported."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError

from curation.intake.importing import InputRow, import_rows
from curation.models import Channel
from ops.demo import DEFAULT_PORT, SiteServer, demo_sites, port_in_use
from ops.demo.city import offline_sites
from ops.demo.dns import DemoDns
from ops.demo.places import PlacesServer
from ops.demo.wiring import DEMO_GOOGLE_KEY, PLACES_PORT_OFFSET


class Command(BaseCommand):
    help = (
        "Try ScraperSky offline: import the domains of a handful of fictional small-business "
        "websites (source 'demo'), or with --serve, serve those websites on 127.0.0.1. "
        "`manage.py up --demo` does both and points the workers at them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--serve", action="store_true", help="serve the sites until Ctrl-C")
        parser.add_argument("--port", type=int, default=DEFAULT_PORT)

    def handle(self, *args, serve: bool, port: int, **options):
        if serve:
            self._serve(port)
            return
        report = import_rows(
            [InputRow(n, site.host, site.name) for n, site in enumerate(demo_sites(), start=1)],
            kind="domains",
            source="demo",
            actor=os.environ.get("USER", "demo"),
            channel=Channel.COMMAND,
        )
        self.stdout.write(f"demo domains: {report.summary}")
        self.stdout.write(
            "Queue them in the admin (Domains → select → 'Queue for sitemap discovery') and watch "
            "sitemaps, pages and contacts appear."
        )

    def _serve(self, port: int) -> None:
        if port_in_use(port):
            raise CommandError(
                f"127.0.0.1:{port} is in use: stop what runs there or pass another port "
                "(--port here, --demo-port for `up --demo`)"
            )
        server = SiteServer(offline_sites(), port=port)
        names = ", ".join(site.host for site in demo_sites())
        self.stdout.write(
            f"serving the demo websites on 127.0.0.1:{port}: {names} and the websites of "
            f"{len(server.sites) - len(demo_sites())} Demo City businesses"
        )
        try:
            dns = DemoDns(port=port).start()
        except OSError as exc:
            server.stop()
            raise CommandError(f"127.0.0.1:{port}/udp (the demo's DNS answers): {exc}") from None
        self.stdout.write(
            f"answering DNS for the demo domains on 127.0.0.1:{port}/udp (their mail exchangers)"
        )
        places_port = port + PLACES_PORT_OFFSET
        try:
            places = PlacesServer(google_key=DEMO_GOOGLE_KEY, port=places_port).start()
        except OSError as exc:
            dns.stop()
            server.stop()
            raise CommandError(
                f"127.0.0.1:{places_port} (the demo places service): {exc}"
            ) from None
        self.stdout.write(
            f"serving the demo places service (Nominatim, Overpass, Google Places) on "
            f"127.0.0.1:{places_port}: search 'plumbers' in 'Demo City'"
        )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            places.stop()
            dns.stop()
            server.stop()
