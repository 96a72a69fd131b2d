"""The one HTTP fetcher every workflow uses.

::

    from processing.fetcher import get_fetcher

    response = get_fetcher().get("https://example.com/")       # body read, capped
    with get_fetcher().stream("https://example.com/big.xml") as response:
        for chunk in response.iter_bytes():
            ...

Errors are :class:`processing.errors.TransientError` / :class:`~processing.errors.PermanentError`
subclasses carrying ``kind`` and ``connect_failed`` (the retry policy and the error API are
documented in :mod:`processing.fetcher.errors`); knobs are in :class:`FetcherConfig`.
"""

from . import errors
from .client import DEFAULT_ACCEPT, Fetcher, FetchOptions, get_fetcher, reset_fetcher
from .config import FetcherConfig
from .errors import *  # noqa: F403 (every error class is public; errors.__all__ lists them)
from .response import FetchResponse

__all__ = [
    "DEFAULT_ACCEPT",
    "FetchOptions",
    "FetchResponse",
    "Fetcher",
    "FetcherConfig",
    "get_fetcher",
    "reset_fetcher",
    *errors.__all__,
]
