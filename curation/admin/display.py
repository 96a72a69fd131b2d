"""How the admin shows values: status badges, truncated text, international names, links, tables.

Plain functions over values and rows (no admin class): every admin module and the lead sheet use
them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from urllib.parse import urlencode

import idna
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

ERROR_PREVIEW_CHARS = 60
RELATED_SHOWN = 10  # rows of each related table listed on a change page
RELATED_COUNT_CAP = 10_000  # related rows counted at most (a domain may have a million pages)


def badge(value: str | None, label: str | None = None) -> str:
    """A coloured status badge; the colour comes from the value (see change_list.html)."""
    if not value:
        return format_html('<span class="ss-badge ss-badge--none">{}</span>', "-")
    return format_html(
        '<span class="ss-badge ss-badge--{}">{}</span>', value.lower(), label or value
    )


def truncated(text: str | None, chars: int = ERROR_PREVIEW_CHARS) -> str:
    """The start of a long text; the whole of it on hover."""
    if not text:
        return ""
    return format_html(
        '<span class="ss-truncated" title="{}">{}</span>', text, Truncator(text).chars(chars)
    )


def display_domain(name: str | None) -> str:
    """An international domain as people write it (bücher.de), not its punycode."""
    if not name:
        return ""
    if "xn--" not in name:
        return name
    try:
        return idna.decode(name)
    except idna.IDNAError:
        return name


def display_url(url: str | None) -> str:
    """A URL or e-mail address with its international host shown in Unicode."""
    if not url or "xn--" not in url:
        return url or ""
    return re.sub(r"xn--[a-z0-9-]+(?:\.[a-z0-9-]+)*", lambda m: display_domain(m.group(0)), url)


def when(value: datetime | None) -> str:
    """A timestamp in the site's time zone, to the second (no microseconds, no offset)."""
    if value is None:
        return "-"
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``1 sitemap``, ``3 sitemaps``, ``1,200 pages``."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


def changelist_link(model: type[models.Model], label: str, **filters: object) -> str:
    """A link to ``model``'s changelist with ``filters`` applied (query-string lookups)."""
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return format_html('<a href="{}?{}">{}</a>', url, urlencode(filters), label)


def change_link(obj: models.Model | None, label: str | None = None) -> str:
    """A link to ``obj``'s change page."""
    if obj is None:
        return "-"
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    if label is None:
        label = display_domain(obj.domain) if opts.model_name == "domain" else str(obj)
    return format_html('<a href="{}">{}</a>', url, label)


def related_table(name: str, rows: Iterable[Iterable[object]]) -> str:
    """A change page's table of related rows (``name``: what they are), one cell per value."""
    body = format_html_join(
        "",
        "<tr>{}</tr>",
        ((format_html_join("", "<td>{}</td>", ((cell,) for cell in row)),) for row in rows),
    )
    return format_html('<table class="ss-related" data-related="{}">{}</table>', name, body)


def page_cells(page: models.Model) -> tuple[str, str, str]:
    """A page's cells in a related table: link to it, page type, page curation status."""
    return (
        change_link(page, truncated(display_url(page.url), 70)),
        page.page_type,
        badge(page.page_curation_processing_status),
    )
