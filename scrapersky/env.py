"""Settings from the environment: typed reads through django-environ, every mistake reported.

``scrapersky/settings/`` reads each variable through one :class:`EnvReader`. A value that does not
parse (``Q_WORKERS=abc``, ``DEBUG=maybe``) is recorded with the variable's name and what was
expected, and the default is used for the moment; :meth:`EnvReader.check` then raises one
``ImproperlyConfigured`` whose lines name every mistake (``manage.py`` prints each as an
``error:`` line). After the check a bad value raises at once.

django-environ reads ``.env`` and casts; its booleans accept any unknown word as false, so
booleans are checked against an explicit list here.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


class EnvReader:
    """Typed environment reads that collect their errors (see the module docstring)."""

    def __init__(self) -> None:
        self.env = environ.Env()
        self.errors: list[str] = []
        self.checked = False

    def read_dotenv(self, path: Path) -> None:
        """Read KEY=VALUE lines from ``path`` without overriding the real environment."""
        if path.is_file():
            environ.Env.read_env(str(path), overwrite=False)

    def error(self, message: str) -> None:
        """Record a mistake that is not one variable's value (raised at once after check())."""
        if self.checked:
            raise ImproperlyConfigured(message)
        self.errors.append(message)

    def _fail(self, name: str, expected: str, default: Any) -> Any:
        self.error(f"{name}={os.environ.get(name)!r} is not {expected}")
        return default

    def _raw(self, name: str) -> str | None:
        raw = os.environ.get(name)
        return None if raw is None or raw.strip() == "" else raw.strip()

    def str(self, name: str, default: str = "") -> str:
        raw = self._raw(name)
        return default if raw is None else self.env.str(name)

    def str_or_off(self, name: str, default: str, pattern: str) -> str:
        """Unset: ``default``; set but empty: ``""`` (the feature is off); else the value,
        which must match ``pattern``."""
        if name not in os.environ:
            return default
        value = os.environ[name].strip()
        if value and not re.fullmatch(pattern, value):
            return self._fail(name, f"empty or a name matching {pattern}", default)
        return value

    def bool(self, name: str, default: bool = False) -> bool:
        raw = self._raw(name)
        if raw is None:
            return default
        if raw.lower() in TRUE:
            return True
        if raw.lower() in FALSE:
            return False
        return self._fail(name, "a boolean (use true/false)", default)

    def _number(self, name: str, cast: str, default, minimum, what: str):
        if self._raw(name) is None:
            return default
        try:
            value = getattr(self.env, cast)(name)
        except ValueError:
            return self._fail(name, what, default)
        if minimum is not None and value < minimum:
            return self._fail(name, f"{what} of at least {minimum:g}", default)
        return value

    def int(self, name: str, default: int | None, *, minimum: int | None = None) -> int | None:
        return self._number(name, "int", default, minimum, "a whole number")

    def float(self, name: str, default: float, *, minimum: float | None = None) -> float:
        return self._number(name, "float", default, minimum, "a number")

    def list(self, name: str, default: str = "") -> list[str]:
        raw = os.environ.get(name, default)
        return [item.strip() for item in raw.split(",") if item.strip()]

    def json_object(self, name: str) -> dict:
        raw = self._raw(name)
        if raw is None:
            return {}
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            return self._fail(name, f"valid JSON ({exc.msg} at character {exc.pos})", {})
        if not isinstance(value, dict):
            return self._fail(name, "a JSON object ({...})", {})
        return value

    def json_list(self, name: str) -> list:
        raw = self._raw(name)
        if raw is None:
            return []
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            return self._fail(name, f"valid JSON ({exc.msg} at character {exc.pos})", [])
        if not isinstance(value, list):
            return self._fail(name, "a JSON list ([...])", [])
        return value

    def choice(self, name: str, default: str, choices: tuple[str, ...]) -> str:
        raw = self._raw(name)
        if raw is None:
            return default
        if raw.lower() not in choices:
            return self._fail(name, f"one of {', '.join(choices)}", default)
        return raw.lower()

    _RATE = re.compile(r"^\d+/(s|sec|second|m|min|minute|h|hour|d|day)$")

    def rate(self, name: str, default: str) -> str | None:
        """A DRF throttle rate (``100/minute``); ``off`` (or ``none``) switches it off (None)."""
        raw = (self._raw(name) or default).lower()
        if raw in {"off", "none"}:
            return None
        if not self._RATE.match(raw):
            return self._fail(name, "a rate: use N/second, N/minute, N/hour, N/day or off", default)
        return raw

    def pair(self, name: str, example: str) -> tuple[str, str] | None:
        """``A,B`` as a pair of non-empty strings (None when unset)."""
        raw = self._raw(name)
        if raw is None:
            return None
        first, _, second = raw.partition(",")
        if not first.strip() or not second.strip():
            return self._fail(name, f"two values A,B (e.g. {example})", None)
        return first.strip(), second.strip()

    def check(self) -> None:
        """Raise one ImproperlyConfigured naming every mistake read so far (one per line).

        The mistakes are kept: a second import of the settings (Django retries it after the
        first failed) runs this again, and must fail the same way."""
        self.checked = True
        if self.errors:
            raise ImproperlyConfigured("\n".join(self.errors))
