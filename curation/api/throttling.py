"""Request throttling: DRF's anonymous and per-user rates, read when a request arrives.

DRF's ``AnonRateThrottle``/``UserRateThrottle`` copy ``DEFAULT_THROTTLE_RATES`` into a class
attribute at import time, so a changed setting (a test, a reloaded configuration) is never seen;
these read the current settings on every request. Counts live in Django's default cache: per
process with the local-memory cache, shared across processes with a shared one (Redis,
Memcached, the database cache).
"""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _CurrentRates:
    scope: str

    def get_rate(self) -> str | None:
        # None (or a missing scope) switches the throttle off.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_CurrentRates, AnonRateThrottle):
    """Requests without credentials, per client address (``anon`` rate)."""


class UserThrottle(_CurrentRates, UserRateThrottle):
    """Requests of a logged-in user or token, per user (``user`` rate)."""
