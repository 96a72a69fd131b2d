"""Template tag of the admin index: the dashboard figures the current user may see."""

from __future__ import annotations

from django import template

from insights.admin_views import visible_figures

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_figures(context) -> dict:
    """``{% dashboard_figures as data %}``: rendered inline, so the first paint needs no fetch."""
    return visible_figures(context["request"].user)
