"""manage.py place_search: create a place search (and queue it), as the admin and the API do."""

from __future__ import annotations

import getpass

from django.core.management.base import BaseCommand, CommandError

from curation.models import Channel
from curation.place_searches import PlaceSearchError, create_place_search
from scrapersky.places import CATEGORIES, PROVIDERS


class Command(BaseCommand):
    help = (
        "Create a place search: what (--category, --query or --tags), where (--place, or "
        "--point LAT,LON --radius M, or --box S,W,N,E), --provider and --limit; queued unless "
        "--no-queue. Example: place_search --category plumber --place 'Leeds, UK'"
    )

    def add_arguments(self, parser):
        parser.add_argument("--provider", choices=list(PROVIDERS), default="osm")
        parser.add_argument(
            "--category", default="", help=f"one of {len(CATEGORIES)} keys, e.g. plumber"
        )
        parser.add_argument("--query", default="", help="free text")
        parser.add_argument(
            "--tags", default="", help="OSM tags, e.g. 'craft=plumber; shop=bakery'"
        )
        parser.add_argument("--place", default="", help="a place name, e.g. 'Leeds, UK'")
        parser.add_argument("--point", default="", help="LAT,LON (with --radius)")
        parser.add_argument("--radius", type=int, default=None, help="metres around --point")
        parser.add_argument("--box", default="", help="SOUTH,WEST,NORTH,EAST")
        parser.add_argument("--limit", type=int, default=200, help="at most this many (1-10,000)")
        parser.add_argument("--no-queue", action="store_false", dest="queue", help="do not queue")

    def handle(self, *args, **o):
        values: dict = {
            "provider": o["provider"],
            "category": o["category"],
            "query": o["query"],
            "tag_filter": o["tags"],
            "place": o["place"],
            "result_limit": o["limit"],
        }
        try:
            if o["point"]:
                values["latitude"], values["longitude"] = (float(v) for v in o["point"].split(","))
                values["radius_m"] = o["radius"]
            if o["box"]:
                keys = ("south", "west", "north", "east")
                values.update(zip(keys, (float(v) for v in o["box"].split(",")), strict=True))
        except ValueError:
            raise CommandError(
                "--point is LAT,LON and --box SOUTH,WEST,NORTH,EAST (numbers)"
            ) from None
        try:
            search = create_place_search(
                values=values, actor=getpass.getuser(), channel=Channel.COMMAND, queue=o["queue"]
            )
        except PlaceSearchError as exc:
            raise CommandError(str(exc)) from None
        state = "queued" if o["queue"] else "not queued"
        self.stdout.write(f"place search #{search.pk} ({search}) created, {state}")
