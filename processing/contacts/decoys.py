"""Strings that look like email addresses but are not contacts (assets, DSNs, placeholders)."""

from __future__ import annotations

import re

# "logo@2x.png" and friends: the "TLD" is really a file extension.
FILE_EXTENSIONS = frozenset(
    [
        "png",
        "jpg",
        "jpeg",
        "gif",
        "webp",
        "svg",
        "ico",
        "bmp",
        "tif",
        "tiff",
        "avif",
        "heic",
        "css",
        "js",
        "mjs",
        "cjs",
        "ts",
        "map",
        "json",
        "xml",
        "pdf",
        "mp4",
        "webm",
        "mp3",
        "wav",
        "ogg",
        "mov",
        "avi",
        "woff",
        "woff2",
        "ttf",
        "eot",
        "otf",
        "zip",
        "gz",
        "tgz",
        "rar",
        "php",
        "html",
        "htm",
        "asp",
        "aspx",
        "jsp",
        "txt",
        "csv",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "exe",
        "dmg",
        "apk",
        "vue",
        "jsx",
        "tsx",
        "scss",
        "less",
    ]
)
# Error-tracking and platform-internal hosts whose "user@host" strings are API keys.
_TRACKER_SUFFIXES = (
    "sentry.io",
    "sentry-next.wixpress.com",
    "wixpress.com",
    "sentry.wixpress.com",
    "ingest.sentry.io",
    "bugsnag.com",
    "rollbar.com",
)
_PLACEHOLDER_DOMAINS = frozenset(
    {
        "domain.com",
        "domain.tld",
        "yourdomain.com",
        "your-domain.com",
        "yoursite.com",
        "your-site.com",
        "yourcompany.com",
        "your-company.com",
        "yourwebsite.com",
        "mysite.com",
        "mydomain.com",
        "website.com",
        "sample.com",
        "email.tld",
        "beispiel.de",
        "musterfirma.de",
        "mustermann.de",
    }
)
_PLACEHOLDER_ADDRESSES = frozenset(
    {
        "email@domain.com",
        "name@email.com",
        "you@company.com",
        "test@test.com",
        "test@test.de",
        "your@email.com",
        "email@email.com",
        "user@email.com",
        "mail@mail.com",
        "name@company.com",
        "me@company.com",
        "someone@somewhere.com",
        "info@company.com",
    }
)
_PLACEHOLDER_LOCALS = frozenset(
    {
        "yourname",
        "your.name",
        "youremail",
        "your.email",
        "your-email",
        "your_email",
        "firstname.lastname",
        "first.last",
        "firstname",
        "name.surname",
        "vorname.nachname",
        "max.mustermann",
        "maxmustermann",
        "john.doe",
        "johndoe",
        "jane.doe",
        "janedoe",
        "john.smith",
    }
)
_RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost", "local", "lan"})
_HEX_KEY_RE = re.compile(r"[0-9a-f]{16,}")
_RETINA_LABEL_RE = re.compile(r"\d+(?:\.\d+)?x")


def is_decoy_email(local: str, domain: str) -> bool:
    """True if ``local@domain`` (both lower-case) is not a real contact address."""
    labels = domain.split(".")
    if labels[-1] in FILE_EXTENSIONS or labels[-1] in _RESERVED_TLDS:
        return True
    if _RETINA_LABEL_RE.fullmatch(labels[0]):
        return True  # icon@2x.webp even when the extension slipped past
    if any(domain == s or domain.endswith("." + s) for s in _TRACKER_SUFFIXES):
        return True
    if _HEX_KEY_RE.fullmatch(local):
        return True  # Sentry/analytics public keys are long hex strings
    if "example" in labels[:-1] or domain in _PLACEHOLDER_DOMAINS:
        return True
    if f"{local}@{domain}" in _PLACEHOLDER_ADDRESSES:
        return True
    return local in _PLACEHOLDER_LOCALS
