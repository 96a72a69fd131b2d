"""The application's own settings: every ``SCRAPERSKY_*`` knob, its type and its default, here.

``scrapersky/settings/knobs.py`` reads the environment (``SCRAPERSKY_HEARTBEAT_MAX_AGE=60``)
into Django settings of the same names, with the defaults below; code reads them through one
typed object::

    from scrapersky.conf import conf

    if conf.kick_on_queue:
        ...

``conf`` is built from ``django.conf.settings`` on first use and rebuilt when a test overrides
one of the settings (``override_settings(SCRAPERSKY_KICK_ON_QUEUE=False)``), in the manner of
DRF's ``api_settings`` and procrastinate's one settings object. A name missing from Django's
settings takes the default of its field.

Two knobs are mappings read by their own typed parsers: ``SCRAPERSKY_FETCHER`` (keys in
``processing/fetcher/config.py``) and ``SCRAPERSKY_WORKFLOWS`` (per-workflow knobs, see
``scrapersky/workflows.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

PREFIX = "SCRAPERSKY_"


@dataclass(frozen=True)
class AppSettings:
    """Every ``SCRAPERSKY_<FIELD>`` setting (upper-cased field name), with its default."""

    # Per-workflow knob/service overrides: {"page_curation": {"batch_size": 50}}.
    workflows: dict[str, dict] = field(default_factory=dict)
    # The fetcher's settings (keys: processing/fetcher/config.py); missing keys take defaults.
    fetcher: dict[str, Any] = field(default_factory=dict)
    # Chain the workflows without a curator in between: queue the sitemaps a discovery found.
    auto_queue_sitemaps: bool = False
    # Which pages an import queues for page_curation: none, contact (contact, about, team,
    # legal) or all.
    auto_queue_pages: str = "none"
    # Queue the contacts page curation creates for contact_validation.
    auto_queue_contact_validation: bool = False
    # Region assumed for phone numbers written without a country code.
    default_phone_region: str = "US"
    # DNS for mail exchanger lookups: "ip" or "ip:port" entries (empty: /etc/resolv.conf).
    dns_nameservers: list[str] = field(default_factory=list)
    dns_timeout: float = 5.0  # seconds for one lookup, retries included
    dns_cache_seconds: float = 300.0  # how long a domain's answer is reused
    # A worker whose heartbeat is older than this (seconds) does not count as alive.
    heartbeat_max_age: int = 150
    # A heartbeat silent this long (seconds) may declare its worker dead (workers beat each second).
    heartbeat_dead_after: int = 5
    # Wake a consumer as soon as a curator queues rows (the schedule remains the safety net).
    kick_on_queue: bool = True
    # How often an idle lane of a worker looks for rows by itself while its worker listens for
    # queued rows (LISTEN/NOTIFY wakes it at once; this poll is the fallback).
    idle_poll_seconds: float = 2.0
    # Threads per worker process doing its database work (processing/db_steps.py): the engine's
    # claims and outcome writes and the services' steps; rows in flight hold no connection.
    db_threads: int = 4
    # Seconds the dashboard figures are cached (the same for every viewer); 0 disables.
    dashboard_cache_seconds: float = 5.0
    # Tables up to this many rows get exact counts of every status; bigger ones estimate.
    dashboard_exact_rows: int = 200_000
    # Uploads and their reports (shared by web server and workers); None: BASE_DIR/var/imports.
    import_dir: Path | None = None
    import_inline_bytes: int = 1024 * 1024  # files up to this size are imported in the request
    import_max_bytes: int = 500 * 1024 * 1024  # bigger uploads are refused
    import_keep_days: float = 7.0  # import jobs (files, reports) are kept this long
    # The API's schema and Swagger UI without login.
    api_docs_public: bool = False
    # Lead delivery (processing/delivery/): webhook destinations, each {"name", "url", "secret"}
    # (names unique, [a-z0-9_-]); the HubSpot private-app token ('' : HubSpot off) and API root.
    webhooks: list[dict] = field(default_factory=list)
    hubspot_token: str = ""
    hubspot_api_url: str = "https://api.hubapi.com"
    # The HubSpot contact property that gets the page an e-mail was seen on ('' : none sent).
    hubspot_source_page_property: str = "scrapersky_source_page"
    # Private networks delivery may reach (webhook receivers on the LAN); none by default.
    delivery_allowed_networks: list[str] = field(default_factory=list)
    delivery_timeout: float = 10.0  # seconds for one HTTP call to a destination
    # Days the change feed's log is kept (0: forever); older cursors get 410 Gone.
    change_log_keep_days: float = 30.0
    # Queue a domain for lead_sync when a page curation of it finds new contacts.
    auto_queue_lead_sync: bool = False
    # Places (processing/places/, workflows place_search and domain_extraction). The endpoints
    # are the operator's (a deployment may run its own Overpass and Nominatim), never a curator's.
    places_nominatim_url: str = "https://nominatim.openstreetmap.org"
    places_overpass_url: str = "https://overpass-api.de/api/interpreter"
    places_google_url: str = "https://places.googleapis.com"
    places_google_api_key: str = ""
    # Nominatim's usage policy: an identifying User-Agent (name the deployment and a contact).
    places_user_agent: str = "ScraperSky/1.0 (lead generation; https://github.com/scrapersky)"
    # Seconds between two Nominatim requests across the whole deployment (its policy: 1).
    places_nominatim_interval: float = 1.0
    places_geocode_cache_days: float = 30.0  # a place name's area is reused this long
    places_timeout: float = 60.0  # seconds for one HTTP call to a places service
    places_overpass_timeout: int = 50  # the [timeout:] Overpass is asked to stay within
    places_point_radius_m: int = 5000  # around a place that geocodes to a point (a node)
    places_google_max_tiles: int = 16  # an area is split into at most this many tiles
    # Private networks the places services may be on (a deployment's own Overpass); none.
    places_allowed_networks: list[str] = field(default_factory=list)
    # Queue the domains domain_extraction creates for sitemap_discovery in the same transaction.
    auto_queue_business_domains: bool = False

    @classmethod
    def setting_names(cls) -> dict[str, str]:
        """``{"SCRAPERSKY_KICK_ON_QUEUE": "kick_on_queue", ...}``."""
        return {PREFIX + f.name.upper(): f.name for f in fields(cls)}

    @classmethod
    def from_django(cls) -> AppSettings:
        from django.conf import settings

        values = {
            attr: getattr(settings, name)
            for name, attr in cls.setting_names().items()
            if hasattr(settings, name)
        }
        import_dir = values.get("import_dir")
        values["import_dir"] = Path(import_dir or Path(settings.BASE_DIR) / "var" / "imports")
        return cls(**values)


DEFAULTS = AppSettings()


class _LazyAppSettings:
    """``conf.<field>``: the current :class:`AppSettings`, built once and reset on changes."""

    _current: AppSettings | None = None

    def __getattr__(self, name: str) -> Any:
        current = type(self)._current
        if current is None:
            current = type(self)._current = AppSettings.from_django()
        return getattr(current, name)

    @classmethod
    def reset(cls) -> None:
        cls._current = None


conf: Any = _LazyAppSettings()


def _reset_on_change(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith(PREFIX) or setting == "BASE_DIR":
        _LazyAppSettings.reset()


def connect_signals() -> None:
    """Rebuild ``conf`` when a test overrides a setting (called once from settings loading)."""
    from django.core.signals import setting_changed

    setting_changed.connect(_reset_on_change, dispatch_uid="scrapersky.conf.reset")


connect_signals()
