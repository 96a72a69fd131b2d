"""Django's own settings: the project, its apps and middleware, logging, the task queue, the API.

The reader ``env`` (scrapersky/env.py) is created here and shared by the other settings modules.
"""

from __future__ import annotations

from pathlib import Path

from scrapersky.env import EnvReader

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = EnvReader()
env.read_dotenv(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", False)
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

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")

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
    # Every error under /api/ answers JSON; an unreachable database answers 503 with Retry-After.
    "curation.api.middleware.ApiErrorMiddleware",
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
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", True)

LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
LOG_LEVEL = env.choice("LOG_LEVEL", "INFO", LOG_LEVELS).upper()
# django-q logs every schedule check and task at INFO: a screenful a minute under `up`.
Q_LOG_LEVEL = env.choice("Q_LOG_LEVEL", "WARNING", LOG_LEVELS).upper()
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

# --- REST framework (its throttles and token authentication: security.py) ---------------------
REST_FRAMEWORK = {
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
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "curation.api.openapi.postprocess",
    ],
}

# --- django-q2 -----------------------------------------------------------------------------------
# One consumer run claims and processes whole batches, so a handful of workers is plenty.
# `retry` must exceed `timeout`, or the ORM broker hands a still-running task to a second worker.
Q_TIMEOUT = env.int("Q_TIMEOUT", 300, minimum=1)
Q_WORKERS = env.int("Q_WORKERS", 2, minimum=1)
REDIS_URL = env.str("REDIS_URL")
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
