"""The django-q2 schedules the engine owns: one consumer per workflow and the reaper."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db import transaction

from scrapersky.workflows import all_workflows

PREFIX = "scrapersky:"
REAPER_TASK = "processing.tasks.reap_expired_leases"


@dataclass(frozen=True)
class Wanted:
    name: str
    func: str
    minutes: int


def wanted_schedules() -> list[Wanted]:
    """The schedules the registry asks for.

    django-q2 schedules have minute granularity (``Schedule.MINUTES``; CRON has no seconds), so a
    workflow's ``interval`` is rounded up to whole minutes: the schedule is the safety net, and
    latency comes from the ``NOTIFY`` after every queueing commit (``wake``).
    """
    wanted = [
        Wanted(
            name=f"{PREFIX}{w.names.task_name}",
            func=w.names.task_path,
            minutes=max(1, math.ceil(w.effective_knobs.interval / 60)),
        )
        for w in all_workflows()
    ]
    wanted.append(Wanted(name=f"{PREFIX}reap_expired_leases", func=REAPER_TASK, minutes=1))
    return wanted


def sync_schedules() -> list[str]:
    """Create missing, update changed and delete stale ``scrapersky:`` schedules; idempotent.

    Returns one line per action taken (nothing when everything is already in place).
    """
    from django_q.models import Schedule

    actions: list[str] = []
    wanted = {w.name: w for w in wanted_schedules()}
    with transaction.atomic():
        existing = list(
            Schedule.objects.select_for_update().filter(name__startswith=PREFIX).order_by("pk")
        )
        seen: set[str] = set()
        for schedule in existing:
            want = wanted.get(schedule.name)
            if want is None or schedule.name in seen:
                actions.append(f"removed {schedule.name} ({schedule.func})")
                schedule.delete()
                continue
            seen.add(schedule.name)
            changes = {
                "func": want.func,
                "schedule_type": Schedule.MINUTES,
                "minutes": want.minutes,
                "repeats": -1,
                "args": None,
                "kwargs": None,
                "cron": None,
            }
            changed = [k for k, v in changes.items() if getattr(schedule, k) != v]
            if changed:
                for key in changed:
                    setattr(schedule, key, changes[key])
                schedule.save()
                actions.append(f"updated {schedule.name}: {', '.join(changed)}")
        for name, want in wanted.items():
            if name not in seen:
                Schedule.objects.create(
                    name=name,
                    func=want.func,
                    schedule_type=Schedule.MINUTES,
                    minutes=want.minutes,
                    repeats=-1,
                )
                actions.append(f"created {name} ({want.func}, every {want.minutes} min)")
    return actions
