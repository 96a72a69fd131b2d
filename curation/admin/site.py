"""The admin index's order: the pipeline's tables first, in pipeline order, then the rest."""

from __future__ import annotations

from types import MethodType

from django.contrib.admin import AdminSite

# Apps by label; an app not listed comes after these, alphabetically.
APP_ORDER = ("curation", "processing", "django_q", "auth", "authtoken")
# Models of an app by object name, in the order a row travels through the pipeline; the audit
# trail after the tables it records.
MODEL_ORDER = ("Domain", "SitemapFile", "Page", "Contact", "StatusChange")


def _rank(order: tuple[str, ...], key: str, name: str) -> tuple[int, str]:
    return (order.index(key) if key in order else len(order), name)


def get_app_list(self: AdminSite, request, app_label: str | None = None) -> list[dict]:
    """Django's app list, re-ordered (Django sorts apps and models alphabetically)."""
    apps = sorted(
        self._build_app_dict(request, app_label).values(),
        key=lambda app: _rank(APP_ORDER, app["app_label"], app["name"].lower()),
    )
    for app in apps:
        app["models"].sort(key=lambda m: _rank(MODEL_ORDER, m["object_name"], m["name"].lower()))
    return apps


def install(site: AdminSite) -> None:
    """Give ``site`` the pipeline order (the default site is created by django.contrib.admin)."""
    site.get_app_list = MethodType(get_app_list, site)
