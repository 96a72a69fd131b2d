"""The operator's destinations, read from settings (never from a curator's form).

``SCRAPERSKY_WEBHOOKS_JSON``: ``[{"name": "n8n", "url": "https://...", "secret": "..."}]``;
``SCRAPERSKY_HUBSPOT_TOKEN`` (a private app's access token) turns HubSpot on. A destination's
key, stored in ``lead_deliveries.destination``, is ``webhook:<name>`` or ``hubspot``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapersky.conf import conf

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


class DeliveryConfigError(ValueError):
    """The delivery settings are wrong; the message names the setting and the mistake."""


@dataclass(frozen=True)
class WebhookConfig:
    name: str
    url: str
    secret: str

    @property
    def key(self) -> str:
        return f"webhook:{self.name}"


@dataclass(frozen=True)
class HubSpotConfig:
    token: str
    api_url: str

    key = "hubspot"


def webhook_configs() -> list[WebhookConfig]:
    """``SCRAPERSKY_WEBHOOKS`` checked: unique names, http(s) URLs, a secret of 16+ characters."""
    result: list[WebhookConfig] = []
    seen: set[str] = set()
    for i, entry in enumerate(conf.webhooks or []):
        where = f"SCRAPERSKY_WEBHOOKS_JSON[{i}]"
        if not isinstance(entry, dict):
            raise DeliveryConfigError(f"{where}: expected an object with name, url and secret")
        name, url, secret = (str(entry.get(k) or "") for k in ("name", "url", "secret"))
        if not _NAME_RE.match(name):
            raise DeliveryConfigError(
                f"{where}: name {name!r} must be 1-40 of a-z, 0-9, '_' and '-'"
            )
        if name in seen:
            raise DeliveryConfigError(f"{where}: the name {name!r} is used twice")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise DeliveryConfigError(f"{where}: url {url!r} is not an http(s) URL")
        if len(secret) < 16:
            raise DeliveryConfigError(f"{where}: secret must be at least 16 characters")
        seen.add(name)
        result.append(WebhookConfig(name=name, url=url, secret=secret))
    return result


def hubspot_config() -> HubSpotConfig | None:
    if not conf.hubspot_token:
        return None
    api_url = conf.hubspot_api_url.rstrip("/")
    if urlsplit(api_url).scheme not in ("http", "https"):
        raise DeliveryConfigError(f"SCRAPERSKY_HUBSPOT_API_URL {api_url!r} is not an http(s) URL")
    return HubSpotConfig(token=conf.hubspot_token, api_url=api_url)


def destination_keys() -> list[str]:
    """Every enabled destination's key, webhooks first (as configured), then HubSpot."""
    keys = [w.key for w in webhook_configs()]
    if hubspot_config() is not None:
        keys.append(HubSpotConfig.key)
    return keys
