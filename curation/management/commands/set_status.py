"""manage.py set_status WORKFLOW STATUS: the curation status change from the command line."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from curation.models import Channel
from curation.selectors import FilterError, row_list
from curation.services import MAX_IDS, CurationError, resolve_workflow, set_curation_status


class Command(BaseCommand):
    help = (
        "Set a workflow's curation status of rows chosen by --ids, --ids-file, --filter or --all "
        "(Queued also queues them for processing). Filters are the query parameters of "
        "GET /api/v3/{table}/, e.g. --filter page_curation_curation_status=Error."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("workflow", help="e.g. page_curation")
        parser.add_argument("status", help="New, Queued, Complete, Error or Skipped")
        chosen = parser.add_mutually_exclusive_group(required=True)
        chosen.add_argument("--ids", help=f"comma-separated ids (at most {MAX_IDS})")
        chosen.add_argument("--ids-file", help="a file of ids, one per line; - for stdin")
        chosen.add_argument(
            "--filter",
            action="append",
            metavar="NAME=VALUE",
            help="a list filter; repeat for several (same name twice: either value)",
        )
        chosen.add_argument("--all", action="store_true", help="every row of the table")
        parser.add_argument(
            "--actor", default=None, help="recorded in the audit (default: OS user)"
        )
        parser.add_argument("--dry-run", action="store_true", help="say what would change")

    def handle(self, *args, **options) -> None:
        try:
            workflow = resolve_workflow(options["workflow"])
        except CurationError as exc:
            raise CommandError(str(exc)) from None
        model = workflow.model
        ids = None
        queryset = None
        if options["ids"] is not None:
            ids = _parse_ids(options["ids"].split(","), "--ids")
        elif options["ids_file"] is not None:
            ids = _parse_ids(_read_lines(options["ids_file"]), "--ids-file")
        elif options["filter"]:
            queryset = _filtered(model, options["filter"])
        else:
            queryset = row_list(model)
        try:
            result = set_curation_status(
                workflow=workflow,
                status=options["status"],
                ids=ids,
                queryset=queryset,
                actor=options["actor"] or _os_user(),
                channel=Channel.COMMAND,
                dry_run=options["dry_run"],
            )
        except CurationError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(result.message)


def _parse_ids(raw: list[str], option: str) -> list[int]:
    ids: list[int] = []
    for number, item in enumerate(raw, start=1):
        text = item.strip()
        if not text:
            continue
        if not text.isdigit() or int(text) < 1:
            raise CommandError(f"{option}: item {number} ({text!r}) is not a positive integer id")
        ids.append(int(text))
    if not ids:
        raise CommandError(f"{option}: no ids given")
    return ids


def _read_lines(name: str) -> list[str]:
    if name == "-":
        return sys.stdin.read().splitlines()
    try:
        return Path(name).read_text().splitlines()
    except OSError as exc:
        raise CommandError(f"--ids-file: cannot read {name}: {exc.strerror}") from None


def _filtered(model, pairs: list[str]):
    filters: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise CommandError(f"--filter {pair!r}: expected NAME=VALUE")
        filters.setdefault(name.strip(), []).append(value)
    try:
        return row_list(model, filters=filters)
    except FilterError as exc:
        raise CommandError(f"--filter: {exc}") from None


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
