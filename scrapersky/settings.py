"""Django settings, read from the environment (12-factor); see .env.example for every variable."""

from __future__ import annotations

from datetime import timedelta as _timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from scrapersky.conf import DEFAULTS as _D
from scrapersky.env import EnvReader

BASE_DIR = Path(__file__).resolve().parent.parent

env = EnvReader()
env.read_dotenv(BASE_DIR / ".env")


def env_bool(name: str, default: bool = False) -> bool:
    return env.bool(name, default)


def env_list(name: str, default: str = "") -> list[str]:
    return env.list(name, default)


DEBUG = env_bool("DEBUG", False)
DATABASE_URL = env.str("DATABASE_URL")


def _local_secret_key() -> str:
    """A key for a local install (embedded PostgreSQL): generated once, kept out of git."""
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        import secrets

        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY")
if not SECRET_KEY:
    if DATABASE_URL:
        # A deployment (it names its database) must name its secret too.
        env.error("SECRET_KEY is not set: set it in the environment")
    else:
        SECRET_KEY = _local_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served locally: no CDN needed
    # processing before django_q: its qcluster command (a clean stop) replaces django-q2's.
    "processing",
    "django_q",
    "curation",
    "insights",  # the read side: dashboard, health, statistics
    "ops",  # project-level commands (up, pg, demo, apply_sql, ...) and system checks
    "axes",  # failed admin logins counted, guessing locked out (docs/configuration.md)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out login attempt
]

ROOT_URLCONF = "scrapersky.urls"
WSGI_APPLICATION = "scrapersky.wsgi.application"
ASGI_APPLICATION = "scrapersky.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Every other variable is read here, before the embedded server starts: a mistake in any of them
# ends the start with one line per mistake (see scrapersky/env.py).
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
LOG_LEVEL = env.choice("LOG_LEVEL", "INFO", LOG_LEVELS).upper()
# django-q logs every schedule check and task at INFO: a screenful a minute under `up`.
Q_LOG_LEVEL = env.choice("Q_LOG_LEVEL", "WARNING", LOG_LEVELS).upper()
Q_TIMEOUT = env.int("Q_TIMEOUT", 300, minimum=1)
Q_WORKERS = env.int("Q_WORKERS", 2, minimum=1)
REDIS_URL = env.str("REDIS_URL")
_OBEY_ROBOTS = env_bool("SCRAPERSKY_OBEY_ROBOTS", True)
_KICK_CONSUMERS = env.int("SCRAPERSKY_KICK_CONSUMERS", 0, minimum=0)
_IMPORT_DIR = env.str("SCRAPERSKY_IMPORT_DIR")
_WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)
_SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
_CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
# The API and the HTTPS deployment (used in their block at the end).
_API_THROTTLE_ANON = env.rate("SCRAPERSKY_API_THROTTLE_ANON", "60/minute")
_API_THROTTLE_USER = env.rate("SCRAPERSKY_API_THROTTLE_USER", "1200/minute")
_API_TOKEN_FAILURES = env.rate("SCRAPERSKY_API_TOKEN_FAILURES", "20/minute")
_LOGIN_FAILURE_LIMIT = env.int("SCRAPERSKY_LOGIN_FAILURE_LIMIT", 5, minimum=1)
_LOGIN_COOLOFF_MINUTES = env.int("SCRAPERSKY_LOGIN_COOLOFF_MINUTES", 15, minimum=0)
_API_DOCS_PUBLIC = env_bool("SCRAPERSKY_API_DOCS_PUBLIC", _D.api_docs_public)
_SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
_SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 0, minimum=0)
_SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
_SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
_SECURE_PROXY_SSL_HEADER = env.pair("SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO,https")
_CSP = env.str("SCRAPERSKY_CSP")
_CSP_REPORT_ONLY = env_bool("SCRAPERSKY_CSP_REPORT_ONLY", False)

# --- ScraperSky (read before env.check(): every mistake on one error line) ----------------
# App-level knobs live under SCRAPERSKY_*; scrapersky/conf.py declares each with its type and
# default (the _D reads above) and is how the code reads them (`from scrapersky.conf import conf`).
# Per-workflow knob/service overrides; SCRAPERSKY_WORKFLOWS_JSON (a JSON object) lets a
# deployment or a test's subprocesses set them from the environment.
SCRAPERSKY_WORKFLOWS: dict[str, dict] = env.json_object("SCRAPERSKY_WORKFLOWS_JSON")
SCRAPERSKY_FETCHER = {
    "ALLOWED_NETWORKS": env_list("SCRAPERSKY_FETCH_ALLOWED_NETWORKS"),
    "OBEY_ROBOTS": _OBEY_ROBOTS,
    "PROXY": env.str("SCRAPERSKY_PROXY") or None,
}
if env.str("SCRAPERSKY_USER_AGENT"):
    SCRAPERSKY_FETCHER["USER_AGENT"] = env.str("SCRAPERSKY_USER_AGENT")
if env.str("SCRAPERSKY_PER_HOST_CONCURRENCY"):
    # Requests in flight to one host across the deployment (claims keep a domain's rows under it).
    SCRAPERSKY_FETCHER["PER_HOST_CONCURRENCY"] = env.int(
        "SCRAPERSKY_PER_HOST_CONCURRENCY", 4, minimum=1
    )
SCRAPERSKY_DEFAULT_PHONE_REGION = env.str(
    "SCRAPERSKY_DEFAULT_PHONE_REGION", _D.default_phone_region
)
if env.str("SCRAPERSKY_FETCH_CONNECT_TO"):
    # "name:80=127.0.0.1:8401,other:80=127.0.0.1:8401": like curl --connect-to (demo, tests).
    SCRAPERSKY_FETCHER["CONNECT_TO"] = dict(
        pair.split("=", 1) for pair in env_list("SCRAPERSKY_FETCH_CONNECT_TO") if "=" in pair
    )
# Chain the workflows without a curator in between: queue the sitemaps a discovery found, and
# the pages an import created.
SCRAPERSKY_AUTO_QUEUE_SITEMAPS = env_bool("SCRAPERSKY_AUTO_QUEUE_SITEMAPS", _D.auto_queue_sitemaps)
# Which pages an import queues for page_curation: none, contact (contact, about, team, legal)
# or all.
SCRAPERSKY_AUTO_QUEUE_PAGES = env.choice(
    "SCRAPERSKY_AUTO_QUEUE_PAGES", _D.auto_queue_pages, ("none", "contact", "all")
)
# Contact validation (processing/validation/): queue the contacts page curation creates, and
# the DNS resolver for mail exchanger lookups: "ip" or "ip:port" entries (default: the system
# resolver, /etc/resolv.conf), a timeout per lookup and how long a domain's answer is reused.
SCRAPERSKY_AUTO_QUEUE_CONTACT_VALIDATION = env_bool(
    "SCRAPERSKY_AUTO_QUEUE_CONTACT_VALIDATION", _D.auto_queue_contact_validation
)
SCRAPERSKY_DNS_NAMESERVERS = env_list("SCRAPERSKY_DNS_NAMESERVERS")
SCRAPERSKY_DNS_TIMEOUT = env.float("SCRAPERSKY_DNS_TIMEOUT", _D.dns_timeout, minimum=0)
SCRAPERSKY_DNS_CACHE_SECONDS = env.float(
    "SCRAPERSKY_DNS_CACHE_SECONDS", _D.dns_cache_seconds, minimum=0
)
SCRAPERSKY_HEARTBEAT_MAX_AGE = env.int(
    "SCRAPERSKY_HEARTBEAT_MAX_AGE", _D.heartbeat_max_age, minimum=1
)
SCRAPERSKY_KICK_ON_QUEUE = env_bool("SCRAPERSKY_KICK_ON_QUEUE", _D.kick_on_queue)
# Consumer tasks one kick enqueues (default 1: every worker loop serves every workflow).
SCRAPERSKY_KICK_CONSUMERS = _KICK_CONSUMERS or None
# An idle lane's own look for rows while its worker listens for notifications (the fallback).
SCRAPERSKY_IDLE_POLL_SECONDS = env.float(
    "SCRAPERSKY_IDLE_POLL_SECONDS", _D.idle_poll_seconds, minimum=0.05
)
# Seconds the dashboard figures are cached (the same for every viewer); 0 disables the cache.
SCRAPERSKY_DASHBOARD_CACHE_SECONDS = env.float(
    "SCRAPERSKY_DASHBOARD_CACHE_SECONDS", _D.dashboard_cache_seconds, minimum=0
)
# Imports (curation/intake/import_jobs/): uploads and their reports live here (shared by the web
# server and the workers); files up to INLINE_BYTES are imported in the request, bigger ones by
# a worker.
SCRAPERSKY_IMPORT_DIR = Path(_IMPORT_DIR) if _IMPORT_DIR else BASE_DIR / "var" / "imports"
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
SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS = env_list("SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS")
SCRAPERSKY_DELIVERY_TIMEOUT = env.float(
    "SCRAPERSKY_DELIVERY_TIMEOUT", _D.delivery_timeout, minimum=0.1
)
SCRAPERSKY_AUTO_QUEUE_LEAD_SYNC = env_bool(
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
SCRAPERSKY_PLACES_ALLOWED_NETWORKS = env_list("SCRAPERSKY_PLACES_ALLOWED_NETWORKS")
SCRAPERSKY_AUTO_QUEUE_BUSINESS_DOMAINS = env_bool(
    "SCRAPERSKY_AUTO_QUEUE_BUSINESS_DOMAINS", _D.auto_queue_business_domains
)
env.check()

# --- Database -----------------------------------------------------------------------------------
# With DATABASE_URL, use that server. Without it, start (or join) the project's own PostgreSQL in
# SCRAPERSKY_PGDATA (default .pgdata/ under the project): see scrapersky/embedded_pg.py.
# SCRAPERSKY_PG_START=false (set by `manage.py pg`) only locates the server: `pg status` and
# `pg stop` must not start it.
if not DATABASE_URL:
    from scrapersky.embedded_pg import ensure_server, locate_server

    EMBEDDED_PGDATA = Path(env.str("SCRAPERSKY_PGDATA") or BASE_DIR / ".pgdata")
    if env_bool("SCRAPERSKY_PG_START", True):
        _server = ensure_server(EMBEDDED_PGDATA)
    else:
        _server = locate_server(EMBEDDED_PGDATA)
    DATABASE_URL = _server.url(env.str("SCRAPERSKY_DB_NAME") or "scrapersky")
    EMBEDDED_POSTGRES = True
else:
    EMBEDDED_POSTGRES = False
    EMBEDDED_PGDATA = None

try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://...)")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {})
DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 5)
DATABASES["default"]["TEST"] = {"NAME": env.str("SCRAPERSKY_TEST_DB_NAME") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the apps' static folders when collectstatic has not been run (local use).
WHITENOISE_USE_FINDERS = _WHITENOISE_USE_FINDERS

SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = _SESSION_COOKIE_SECURE
CSRF_COOKIE_SECURE = _CSRF_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django-q": {"level": Q_LOG_LEVEL},
    },
}

# --- REST framework ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: an anonymous request gets 401 with `WWW-Authenticate: Token`, not a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["curation.api.permissions.ModelPermissions"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "curation.api.pagination.IdCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "curation.api.errors.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "ScraperSky API",
    "DESCRIPTION": "Curate domains, sitemap files, pages and contacts; queue them for workflows.",
    "VERSION": "3.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "SitemapKindEnum": "curation.models.SitemapKind",
        "ContactKindEnum": "curation.models.ContactKind",
        "CuratorStatusEnum": "curation.api.serializers.CURATOR_STATUSES",
        "CurationStatusEnum": "scrapersky.status.CURATION_VALUES",
        "ProcessingStatusEnum": "scrapersky.status.PROCESSING_VALUES",
    },
}

# --- django-q2 -----------------------------------------------------------------------------------
# One consumer run claims and processes whole batches, so a handful of workers is plenty.
# `retry` must exceed `timeout`, or the ORM broker hands a still-running task to a second worker.
Q_CLUSTER = {
    "name": "scrapersky",
    "workers": Q_WORKERS,
    "timeout": Q_TIMEOUT,
    "retry": Q_TIMEOUT + 60,
    "max_attempts": 1,
    "queue_limit": 50,
    "bulk": 10,
    "poll": 0.2,
    "catch_up": False,
    "save_limit": 1000,
    "ack_failures": True,
    "orm": "default",
    "label": "Task queue",
    "log_level": Q_LOG_LEVEL,
}
if REDIS_URL:
    Q_CLUSTER.pop("orm")
    Q_CLUSTER["redis"] = REDIS_URL

# --- API errors, throttling, docs and deployment security (one block; docs/configuration.md) -
# Kept together and self-contained: everything the API and the HTTPS deployment read from the
# environment. `manage.py check --deploy` is clean once a deployment sets the HTTPS variables.

# Every error under /api/ answers JSON; an unreachable database answers 503 with Retry-After.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "curation.api.middleware.ApiErrorMiddleware",
)
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = [
    "curation.api.throttling.AnonThrottle",
    "curation.api.throttling.UserThrottle",
]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    "anon": _API_THROTTLE_ANON,
    "user": _API_THROTTLE_USER,
    # Wrong API tokens per client address: past it, 429 before the token is even looked up
    # (DRF authenticates before any throttle runs, so the anon rate never saw a bad token).
    "token_failures": _API_TOKEN_FAILURES,
}
REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] = [
    "curation.api.authentication.CountedTokenAuthentication",
    "rest_framework.authentication.SessionAuthentication",
]

# Login guessing (django-axes, database handler: counted across web processes): after
# AXES_FAILURE_LIMIT wrong passwords for one user name from one address, that pair is locked out
# for the cool-off time (429), also with the right password; a success resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = _LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = _timedelta(minutes=_LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The schema (/api/schema/) and the docs (/api/docs/) need a login unless opened here.
SCRAPERSKY_API_DOCS_PUBLIC = _API_DOCS_PUBLIC
SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"] = [
    "drf_spectacular.hooks.postprocess_schema_enums",
    "curation.api.openapi.postprocess",
]

# HTTPS: off by default (local use over http); a deployment behind TLS turns them on.
SECURE_SSL_REDIRECT = _SECURE_SSL_REDIRECT
# A load balancer's health probe speaks plain http to the web server behind it.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = _SECURE_HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = _SECURE_HSTS_INCLUDE_SUBDOMAINS
SECURE_HSTS_PRELOAD = _SECURE_HSTS_PRELOAD
# Behind a TLS-terminating proxy: "HTTP_X_FORWARDED_PROTO,https" (the header and its value).
if _SECURE_PROXY_SSL_HEADER:
    SECURE_PROXY_SSL_HEADER = _SECURE_PROXY_SSL_HEADER

# Content-Security-Policy (django-csp): the admin, the dashboard and the Swagger UI load only
# their own scripts and styles; an inline script runs only with the request's nonce
# (`<script nonce="{{ request.csp_nonce }}">`, the `'nonce'` source). SCRAPERSKY_CSP replaces
# the policy ("directive value ...; ..."), SCRAPERSKY_CSP=off removes it,
# SCRAPERSKY_CSP_REPORT_ONLY=true only reports violations. Inline styles stay allowed: the
# admin templates and the Swagger UI set them, and a style cannot run code.
_DEFAULT_CSP = (
    "default-src 'self'; script-src 'self' 'nonce'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def _csp_directives(policy: str) -> dict[str, list]:
    from csp.constants import NONCE

    directives: dict[str, list] = {}
    for part in policy.split(";"):
        if part.strip():
            name, *values = part.split()
            directives[name.lower()] = [NONCE if v == "'nonce'" else v for v in values]
    return directives


_csp = _CSP or _DEFAULT_CSP
if _csp.lower() != "off":
    INSTALLED_APPS.append("csp")
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "csp.middleware.CSPMiddleware",
    )
    _policy = {"DIRECTIVES": _csp_directives(_csp)}
    if _CSP_REPORT_ONLY:
        CONTENT_SECURITY_POLICY_REPORT_ONLY = _policy
    else:
        CONTENT_SECURITY_POLICY = _policy
