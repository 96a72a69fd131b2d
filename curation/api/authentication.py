"""Token authentication that counts wrong tokens per client address and answers 429 past a rate.

DRF authenticates a request before any throttle runs, and a wrong token ends it with a 401 at
once: the anonymous throttle never sees token guessing (200 random tokens answered 401 in 1.5 s).
This counts each failed token per client address (the address DRF's throttles use, honouring
``NUM_PROXIES``) in Django's cache, over the ``token_failures`` rate's window; once the count is
reached, a request from that address carrying a token is refused with 429 and Retry-After before
the token is looked up, until the window ends. A valid token does not count. Requests without a
token are left to the anonymous throttle.

Hand-written around DRF's own classes (a throttle's rate parsing and client identification)
because no maintained library counts failed *token* authentications: django-axes covers the
login form.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed, Throttled
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class _Rate(SimpleRateThrottle):
    scope = "token_failures"

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request, view) -> str:
        return f"throttle_token_failures_{self.get_ident(request)}"


class CountedTokenAuthentication(TokenAuthentication):
    """DRF's ``Authorization: Token …``, with failed tokens counted per client address."""

    def authenticate(self, request):
        if not get_authorization_header(request).split():
            return None  # no credentials: the anonymous throttle's business
        rate = _Rate()
        if rate.rate is None:
            return super().authenticate(request)
        key = rate.get_cache_key(request, None)
        window_end, failures = cache.get(key, (0.0, 0))
        now = time.time()
        if now >= window_end:
            window_end, failures = now + rate.duration, 0
        if failures >= rate.num_requests:
            raise Throttled(wait=window_end - now, detail="Too many failed token attempts.")
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            cache.set(key, (window_end, failures + 1), timeout=max(1, int(window_end - now) + 1))
            raise
