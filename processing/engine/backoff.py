"""Retry delays: exponential with full jitter, capped, and never shorter than Retry-After."""

from __future__ import annotations

import random


def retry_delay(
    attempt: int,
    *,
    base: float,
    cap: float,
    retry_after: float | None = None,
    rand: random.Random | None = None,
) -> float:
    """Seconds to wait before the next attempt after attempt number ``attempt`` (1-based) failed.

    Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): a uniform draw from
    ``[0, min(cap, base * 2 ** (attempt - 1))]`` so rows that failed together do not retry
    together. A remote ``Retry-After`` is a floor, even above the cap: retrying earlier would fail.
    """
    ceiling = min(cap, base * 2 ** max(0, attempt - 1))
    delay = (rand or random).uniform(0, ceiling)
    if retry_after is not None and retry_after > delay:
        delay = float(retry_after)
    return delay
