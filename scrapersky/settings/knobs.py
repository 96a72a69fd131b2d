"""The application's knobs: every ``SCRAPERSKY_*`` variable, read once under its own name.

scrapersky/conf.py declares each with its type and default (the ``DEFAULTS`` read here) and is
how the code reads them (``from scrapersky.conf import conf``).
"""

from __future__ import annotations

from pathlib import Path

from scrapersky.conf import DEFAULTS as _D
from scrapersky.settings.base import BASE_DIR, env

# Per-workflow knob/service overrides; SCRAPERSKY_WORKFLOWS_JSON (a JSON object) lets a
# deployment or a test's subprocesses set them from the environment.
SCRAPERSKY_WORKFLOWS: dict[str, dict] = env.json_object("SCRAPERSKY_WORKFLOWS_JSON")
SCRAPERSKY_FETCHER = {
    "ALLOWED_NETWORKS": env.list("SCRAPERSKY_FETCH_ALLOWED_NETWORKS"),
    "OBEY_ROBOTS": env.bool("SCRAPERSKY_OBEY_ROBOTS", True),
    "PROXY": env.str("SCRAPERSKY_PROXY") or None,
}
if env.str("SCRAPERSKY_USER_AGENT"):
    SCRAPERSKY_FETCHER["USER_AGENT"] = env.str("SCRAPERSKY_USER_AGENT")
if env.str("SCRAPERSKY_PER_HOST_CONCURRENCY"):
    # Requests in flight to one host across the deployment (claims keep a domain's rows under it).
    SCRAPERSKY_FETCHER["PER_HOST_CONCURRENCY"] = env.int(
        "SCRAPERSKY_PER_HOST_CONCURRENCY", 4, minimum=1
    )
if env.str("SCRAPERSKY_PER_HOST_DELAY"):
    # Seconds between the starts of two requests to one host, across the deployment.
    SCRAPERSKY_FETCHER["PER_HOST_DELAY"] = env.float("SCRAPERSKY_PER_HOST_DELAY", 0.0, minimum=0)
if env.str("SCRAPERSKY_FETCH_CONNECT_TO"):
    # "name:80=127.0.0.1:8401,other:80=127.0.0.1:8401": like curl --connect-to (demo, tests).
    SCRAPERSKY_FETCHER["CONNECT_TO"] = dict(
        pair.split("=", 1) for pair in env.list("SCRAPERSKY_FETCH_CONNECT_TO") if "=" in pair
    )
SCRAPERSKY_DEFAULT_PHONE_REGION = env.str(
    "SCRAPERSKY_DEFAULT_PHONE_REGION", _D.default_phone_region
)
# Chain the workflows without a curator in between: queue the sitemaps a discovery found, and
# the pages an import created.
SCRAPERSKY_AUTO_QUEUE_SITEMAPS = env.bool("SCRAPERSKY_AUTO_QUEUE_SITEMAPS", _D.auto_queue_sitemaps)
# Which pages an import queues for page_curation: none, contact (contact, about, team, legal)
# or all.
SCRAPERSKY_AUTO_QUEUE_PAGES = env.choice(
    "SCRAPERSKY_AUTO_QUEUE_PAGES", _D.auto_queue_pages, ("none", "contact", "all")
)
# Contact validation (processing/validation/): queue the contacts page curation creates, and
# the DNS resolver for mail exchanger lookups: "ip" or "ip:port" entries (default: the system
# resolver, /etc/resolv.conf), a timeout per lookup and how long a domain's answer is reused.
SCRAPERSKY_AUTO_QUEUE_CONTACT_VALIDATION = env.bool(
    "SCRAPERSKY_AUTO_QUEUE_CONTACT_VALIDATION", _D.auto_queue_contact_validation
)
SCRAPERSKY_DNS_NAMESERVERS = env.list("SCRAPERSKY_DNS_NAMESERVERS")
SCRAPERSKY_DNS_TIMEOUT = env.float("SCRAPERSKY_DNS_TIMEOUT", _D.dns_timeout, minimum=0)
SCRAPERSKY_DNS_CACHE_SECONDS = env.float(
    "SCRAPERSKY_DNS_CACHE_SECONDS", _D.dns_cache_seconds, minimum=0
)
SCRAPERSKY_HEARTBEAT_MAX_AGE = env.int(
    "SCRAPERSKY_HEARTBEAT_MAX_AGE", _D.heartbeat_max_age, minimum=1
)
SCRAPERSKY_KICK_ON_QUEUE = env.bool("SCRAPERSKY_KICK_ON_QUEUE", _D.kick_on_queue)
# An idle lane's own look for rows while its worker listens for notifications (the fallback).
SCRAPERSKY_IDLE_POLL_SECONDS = env.float(
    "SCRAPERSKY_IDLE_POLL_SECONDS", _D.idle_poll_seconds, minimum=0.05
)
# Threads per worker process doing its database work: claims, outcomes, services' steps.
SCRAPERSKY_DB_THREADS = env.int("SCRAPERSKY_DB_THREADS", _D.db_threads, minimum=1)
# Seconds the dashboard figures are cached (the same for every viewer); 0 disables the cache.
SCRAPERSKY_DASHBOARD_CACHE_SECONDS = env.float(
    "SCRAPERSKY_DASHBOARD_CACHE_SECONDS", _D.dashboard_cache_seconds, minimum=0
)
# Imports (curation/intake/import_jobs/): uploads and their reports live here (shared by the web
# server and the workers); files up to INLINE_BYTES are imported in the request, bigger ones by
# a worker.
SCRAPERSKY_IMPORT_DIR = Path(env.str("SCRAPERSKY_IMPORT_DIR") or BASE_DIR / "var" / "imports")
SCRAPERSKY_IMPORT_INLINE_BYTES = env.int(
    "SCRAPERSKY_IMPORT_INLINE_BYTES", _D.import_inline_bytes, minimum=0
)
SCRAPERSKY_IMPORT_MAX_BYTES = env.int("SCRAPERSKY_IMPORT_MAX_BYTES", _D.import_max_bytes, minimum=1)
SCRAPERSKY_IMPORT_KEEP_DAYS = env.float(
    "SCRAPERSKY_IMPORT_KEEP_DAYS", _D.import_keep_days, minimum=0
)  # jobs (files, reports) kept this long
# Tables up to this many rows get exact counts of every status; bigger ones estimate the bulk.
SCRAPERSKY_DASHBOARD_EXACT_ROWS = env.int(
    "SCRAPERSKY_DASHBOARD_EXACT_ROWS", _D.dashboard_exact_rows, minimum=0
)
# Lead delivery (processing/delivery/, workflow lead_sync): destinations are the operator's,
# never a curator's. SCRAPERSKY_WEBHOOKS_JSON is a JSON list of {"name", "url", "secret"}
# (checked by processing.delivery.config when the workers and the checks load it).
SCRAPERSKY_WEBHOOKS = env.json_list("SCRAPERSKY_WEBHOOKS_JSON")
SCRAPERSKY_HUBSPOT_TOKEN = env.str("SCRAPERSKY_HUBSPOT_TOKEN")
SCRAPERSKY_HUBSPOT_API_URL = env.str("SCRAPERSKY_HUBSPOT_API_URL", _D.hubspot_api_url)
# The contact property for the page an e-mail was seen on; set it empty to send none.
SCRAPERSKY_HUBSPOT_SOURCE_PAGE_PROPERTY = env.str_or_off(
    "SCRAPERSKY_HUBSPOT_SOURCE_PAGE_PROPERTY",
    _D.hubspot_source_page_property,
    r"[a-z][a-z0-9_]{0,99}",  # a HubSpot property's internal name
)
SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS = env.list("SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS")
SCRAPERSKY_DELIVERY_TIMEOUT = env.float(
    "SCRAPERSKY_DELIVERY_TIMEOUT", _D.delivery_timeout, minimum=0.1
)
SCRAPERSKY_AUTO_QUEUE_LEAD_SYNC = env.bool(
    "SCRAPERSKY_AUTO_QUEUE_LEAD_SYNC", _D.auto_queue_lead_sync
)
# The change feed's log (sql/052, 054) is pruned after this many days by the reaper task.
SCRAPERSKY_CHANGE_LOG_KEEP_DAYS = env.float(
    "SCRAPERSKY_CHANGE_LOG_KEEP_DAYS", _D.change_log_keep_days, minimum=0
)
# Places (processing/places/, workflows place_search and domain_extraction): the services'
# endpoints, Google's key, Nominatim's User-Agent and request interval (its usage policy: one
# request a second, an identifying User-Agent, answers cached), and the private networks they
# may be on (a deployment's own Overpass on the LAN; none by default).
SCRAPERSKY_PLACES_NOMINATIM_URL = env.str(
    "SCRAPERSKY_PLACES_NOMINATIM_URL", _D.places_nominatim_url
)
SCRAPERSKY_PLACES_OVERPASS_URL = env.str("SCRAPERSKY_PLACES_OVERPASS_URL", _D.places_overpass_url)
SCRAPERSKY_PLACES_GOOGLE_URL = env.str("SCRAPERSKY_PLACES_GOOGLE_URL", _D.places_google_url)
SCRAPERSKY_PLACES_GOOGLE_API_KEY = env.str("SCRAPERSKY_PLACES_GOOGLE_API_KEY")
SCRAPERSKY_PLACES_USER_AGENT = env.str("SCRAPERSKY_PLACES_USER_AGENT", _D.places_user_agent)
SCRAPERSKY_PLACES_NOMINATIM_INTERVAL = env.float(
    "SCRAPERSKY_PLACES_NOMINATIM_INTERVAL", _D.places_nominatim_interval, minimum=1.0
)
SCRAPERSKY_PLACES_GEOCODE_CACHE_DAYS = env.float(
    "SCRAPERSKY_PLACES_GEOCODE_CACHE_DAYS", _D.places_geocode_cache_days, minimum=0
)
SCRAPERSKY_PLACES_TIMEOUT = env.float("SCRAPERSKY_PLACES_TIMEOUT", _D.places_timeout, minimum=1)
SCRAPERSKY_PLACES_ALLOWED_NETWORKS = env.list("SCRAPERSKY_PLACES_ALLOWED_NETWORKS")
SCRAPERSKY_AUTO_QUEUE_BUSINESS_DOMAINS = env.bool(
    "SCRAPERSKY_AUTO_QUEUE_BUSINESS_DOMAINS", _D.auto_queue_business_domains
)
