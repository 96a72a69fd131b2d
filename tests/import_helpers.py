"""Helpers shared by the import tests (admin uploads, import jobs, workbooks)."""

from __future__ import annotations

from curation.intake import import_jobs
from tests.factories import UserFactory


def logged_in_curator(client, perms: list[str]):
    """A user with ``perms``, logged in on ``client``."""
    user = UserFactory(perms=perms)
    client.force_login(user)
    return user


def command_domains_job(data: bytes, filename: str):
    """An import job of domains from ``data``, as ``manage.py import_domains`` creates it
    (source "fair", not queued, no owner); not started."""
    return import_jobs.create_job(
        chunks=[data],
        filename=filename,
        kind="domains",
        source="fair",
        queue=False,
        owner_id=None,
        actor="test",
        channel="command",
    )
