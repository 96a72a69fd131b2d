"""The API's throttles and tokens, login lock-out, HTTPS and Content-Security-Policy.

Everything the API and the HTTPS deployment read from the environment (docs/configuration.md),
each variable read once under the name Django (or django-axes, django-csp) reads.
`manage.py check --deploy` is clean once a deployment sets the HTTPS variables.
"""

from __future__ import annotations

from datetime import timedelta

from scrapersky.conf import DEFAULTS
from scrapersky.settings.base import DEBUG, INSTALLED_APPS, MIDDLEWARE, REST_FRAMEWORK, env

# --- The API -------------------------------------------------------------------------------------
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = [
    "curation.api.throttling.AnonThrottle",
    "curation.api.throttling.UserThrottle",
]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    "anon": env.rate("SCRAPERSKY_API_THROTTLE_ANON", "60/minute"),
    "user": env.rate("SCRAPERSKY_API_THROTTLE_USER", "1200/minute"),
    # Wrong API tokens per client address: past it, 429 before the token is even looked up
    # (DRF authenticates before any throttle runs, so the anon rate never saw a bad token).
    "token_failures": env.rate("SCRAPERSKY_API_TOKEN_FAILURES", "20/minute"),
}
# Token first: an anonymous request gets 401 with `WWW-Authenticate: Token`, not a bare 403.
REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] = [
    "curation.api.authentication.CountedTokenAuthentication",
    "rest_framework.authentication.SessionAuthentication",
]
# The schema (/api/schema/) and the docs (/api/docs/) need a login unless opened here.
SCRAPERSKY_API_DOCS_PUBLIC = env.bool("SCRAPERSKY_API_DOCS_PUBLIC", DEFAULTS.api_docs_public)

# --- Login guessing ------------------------------------------------------------------------------
# django-axes, database handler (counted across web processes): after AXES_FAILURE_LIMIT wrong
# passwords for one user name from one address, that pair is locked out for the cool-off time
# (429), also with the right password; a success resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("SCRAPERSKY_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("SCRAPERSKY_LOGIN_COOLOFF_MINUTES", 15, minimum=0))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- HTTPS: off by default (local use over http); a deployment behind TLS turns them on ----------
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", False)
# A load balancer's health probe speaks plain http to the web server behind it.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", False)
# Behind a TLS-terminating proxy: "HTTP_X_FORWARDED_PROTO,https" (the header and its value);
# None (Django's default) when unset.
SECURE_PROXY_SSL_HEADER = env.pair("SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO,https")

# --- Content-Security-Policy (django-csp) --------------------------------------------------------
# The admin, the dashboard and the Swagger UI load only their own scripts and styles; an inline
# script runs only with the request's nonce (`<script nonce="{{ request.csp_nonce }}">`, the
# `'nonce'` source). SCRAPERSKY_CSP replaces the policy ("directive value ...; ..."),
# SCRAPERSKY_CSP=off removes it, SCRAPERSKY_CSP_REPORT_ONLY=true only reports violations. Inline
# styles stay allowed: the admin templates and the Swagger UI set them, and a style cannot run
# code.
_DEFAULT_CSP = (
    "default-src 'self'; script-src 'self' 'nonce'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SCRAPERSKY_CSP = env.str("SCRAPERSKY_CSP") or _DEFAULT_CSP
SCRAPERSKY_CSP_REPORT_ONLY = env.bool("SCRAPERSKY_CSP_REPORT_ONLY", False)


def _csp_directives(policy: str) -> dict[str, list]:
    from csp.constants import NONCE

    directives: dict[str, list] = {}
    for part in policy.split(";"):
        if part.strip():
            name, *values = part.split()
            directives[name.lower()] = [NONCE if v == "'nonce'" else v for v in values]
    return directives


if SCRAPERSKY_CSP.lower() != "off":
    INSTALLED_APPS.append("csp")
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "csp.middleware.CSPMiddleware",
    )
    if SCRAPERSKY_CSP_REPORT_ONLY:
        CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _csp_directives(SCRAPERSKY_CSP)}
    else:
        CONTENT_SECURITY_POLICY = {"DIRECTIVES": _csp_directives(SCRAPERSKY_CSP)}
