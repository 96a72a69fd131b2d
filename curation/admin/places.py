"""Admin of place searches: the front of the funnel (businesses: curation/admin/businesses.py).

A curator creates a search (what, where, provider, limit; queued on save unless told not to),
watches it complete, filters the businesses (category, city, website, rating, search, status)
and queues the good ones for domain extraction. OpenStreetMap's data is ODbL: every list and
page showing it carries "© OpenStreetMap contributors" with a link to the licence.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join

from curation.admin.base import PipelineAdmin
from curation.admin.columns import (
    workflow_fieldsets,
    workflow_list_display,
    workflow_list_filter,
)
from curation.admin.display import (
    RELATED_SHOWN,
    change_link,
    changelist_link,
    related_table,
    truncated,
)
from curation.models import Business, PlaceSearch
from curation.place_searches import (
    FIELDS,
    PlaceSearchError,
    check_search,
    create_place_search,
)
from curation.services import CurationError
from scrapersky.places import (
    ATTRIBUTIONS,
    CATEGORY_CHOICES,
    OSM_ATTRIBUTION,
    OSM_LICENCE_URL,
)


def attribution(provider: str) -> str:
    """The provider's attribution (OpenStreetMap's links to its licence, as ODbL asks)."""
    if provider == "osm":
        return format_html(
            '<a href="{}" class="ss-attribution">{}</a>', OSM_LICENCE_URL, OSM_ATTRIBUTION
        )
    return ATTRIBUTIONS.get(provider, provider)


# --- place searches ------------------------------------------------------------------------------
class PlaceSearchForm(forms.ModelForm):
    """What and where, checked here so the database's CHECKs never meet a curator's typo."""

    category = forms.ChoiceField(
        choices=[("", "(none: free text or tags)"), *CATEGORY_CHOICES], required=False
    )
    queue_now = forms.BooleanField(
        required=False,
        initial=True,
        label="Queue it now",
        help_text="Search as soon as it is saved.",
    )

    class Meta:
        model = PlaceSearch
        fields = list(FIELDS)  # what the one write path (curation.place_searches) takes
        help_texts = {
            "query": "Free text (Google: the words searched; OpenStreetMap: the name contains it).",
            "tag_filter": "OpenStreetMap tags, e.g. craft=plumber; shop=bakery (any of them).",
            "place": "A place name such as 'Leeds, UK'; or give a point and radius, or a box.",
            "radius_m": "Metres around the point (up to 100,000).",
            "result_limit": "At most this many businesses (1 to 10,000).",
        }

    def clean(self):
        data = super().clean()
        for field, messages_ in check_search(data).items():
            for message in messages_:
                self.add_error(field or None, message[0].upper() + message[1:] + ".")
        return data


#: what the search's last run recorded, shown read-only on its page
LAST_RUN = (
    "results_count",
    "new_businesses",
    "pages_read",
    "queries_made",
    "area_display",
    "warnings_display",
    "attribution_display",
)


@admin.register(PlaceSearch)
class PlaceSearchAdmin(PipelineAdmin):
    form = PlaceSearchForm
    list_display = [
        "id",
        "search_display",
        "provider",
        *workflow_list_display(PlaceSearch),
        "results",
    ]
    list_display_links = ["id", "search_display"]
    list_filter = [*workflow_list_filter(PlaceSearch), "provider"]
    search_fields = ["place__icontains", "query__icontains", "category"]
    search_help_text = "Place, text or category."
    readonly_fields = [*LAST_RUN, "created_by", "created_at", "found_businesses"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            ("What", {"fields": ["provider", "category", "query", "tag_filter"]}),
            (
                "Where",
                {
                    "fields": [
                        "place",
                        ("latitude", "longitude", "radius_m"),
                        ("south", "west", "north", "east"),
                    ],
                    "description": "A place name, or a point and a radius, or a box.",
                },
            ),
            (None, {"fields": ["result_limit", *(["queue_now"] if obj is None else [])]}),
        ]
        if obj is not None:
            fieldsets += [
                (
                    "Last run",
                    {"fields": list(LAST_RUN)},
                ),
                ("Businesses found", {"fields": ["found_businesses"]}),
                ("Created", {"fields": ["created_by", "created_at"], "classes": ["collapse"]}),
            ]
            fieldsets += workflow_fieldsets(PlaceSearch)
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:  # what ran is what the record says: a new question is a new search
            fields += [f for f in PlaceSearchForm.Meta.fields if f not in fields]
        return fields

    def save_model(self, request, obj, form, change):
        if change:  # nothing of a search is editable: see get_readonly_fields
            return super().save_model(request, obj, form, change)
        queue = bool(form.cleaned_data.get("queue_now"))
        try:
            created = create_place_search(
                values=form.cleaned_data, actor=request.user, channel="admin", queue=queue
            )
        except (PlaceSearchError, CurationError) as exc:
            self.message_user(request, str(exc), messages.ERROR)
            raise
        obj.pk = created.pk
        obj._state.adding = False
        if queue:
            self.message_user(request, "Queued: the workers search it now.")
        return None

    @admin.display(description="search")
    def search_display(self, obj):
        return truncated(str(obj), 48)

    @admin.display(description="businesses", ordering="results_count")
    def results(self, obj):
        """How many it found (how many new), linked to them."""
        if obj.results_count is None:
            return "-"
        label = f"{obj.results_count:,} ({obj.new_businesses:,} new)"
        return changelist_link(Business, label, place_search=obj.pk)

    @admin.display(description="area searched")
    def area_display(self, obj):
        area = obj.searched_area or {}
        if not area:
            return "-"
        box = f"{area['south']}, {area['west']} - {area['north']}, {area['east']}"
        return format_html("{}<br><small>box {}</small>", area.get("label") or "", box)

    @admin.display(description="warnings")
    def warnings_display(self, obj):
        if not obj.warnings:
            return "-"
        return format_html_join("", "<p>{}</p>", ((w,) for w in obj.warnings))

    @admin.display(description="data")
    def attribution_display(self, obj):
        return attribution(obj.provider)

    @admin.display(description="businesses")
    def found_businesses(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        latest = list(
            Business.objects.filter(sightings__place_search_id=obj.pk).order_by("name")[
                :RELATED_SHOWN
            ]
        )
        if not latest:
            return "-"
        rows = ((change_link(b, b.name), b.city, b.website or "-") for b in latest)
        more = changelist_link(Business, "all businesses of this search", place_search=obj.pk)
        return format_html("{}<p>{}</p>", related_table("businesses", rows), more)


__all__ = ["PlaceSearchAdmin", "attribution"]
