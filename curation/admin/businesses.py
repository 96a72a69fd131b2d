"""Admin of the businesses place searches found: filter them, queue the good ones for domain
extraction. OpenStreetMap's data is ODbL: each row and page says "© OpenStreetMap contributors".
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Func, TextField
from django.utils.html import format_html, format_html_join

from curation import business_export
from curation.admin.base import PipelineAdmin
from curation.admin.columns import workflow_list_display, workflow_list_filter
from curation.admin.display import RELATED_SHOWN, change_link, truncated
from curation.admin.places import attribution
from curation.models import Business, PlaceSearch
from scrapersky.places import CATEGORIES, CATEGORY_CHOICES, PROVIDERS, category_labels


def stacked(first: str, second: str) -> str:
    """Two values in one list cell: the second small, below (beside it on a phone's card)."""
    if not second:
        return first
    return format_html('<span class="ss-stack">{}<br><small>{}</small></span>', first, second)


class CategoryFilter(admin.SimpleListFilter):
    title = "category"
    parameter_name = "category"

    def lookups(self, request, model_admin):
        """The categories the businesses have (not the whole vocabulary of a hundred)."""
        tag = Func("categories", function="unnest", output_field=TextField())
        tags = set(Business.objects.annotate(tag=tag).values_list("tag", flat=True).distinct())
        return [
            (key, label)
            for key, label in CATEGORY_CHOICES
            if tags & {*CATEGORIES[key].osm, CATEGORIES[key].google}
        ]

    def queryset(self, request, queryset):
        if self.value() not in CATEGORIES:
            return queryset
        cat = CATEGORIES[self.value()]
        return queryset.filter(
            categories__overlap=[*cat.osm, *([cat.google] if cat.google else [])]
        )


class WebsiteFilter(admin.SimpleListFilter):
    title = "website"
    parameter_name = "has_website"

    def lookups(self, request, model_admin):
        return [("yes", "Has a website"), ("no", "No website")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(website="")
        if self.value() == "no":
            return queryset.filter(website="")
        return queryset


class RatingFilter(admin.SimpleListFilter):
    title = "rating"
    parameter_name = "rating_at_least"

    def lookups(self, request, model_admin):
        return [("4.5", "4.5 and up"), ("4", "4 and up"), ("3", "3 and up"), ("none", "Not rated")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(rating__isnull=True)
        try:
            return queryset.filter(rating__gte=float(self.value())) if self.value() else queryset
        except ValueError:
            return queryset


class SearchFilter(admin.SimpleListFilter):
    title = "place search"
    parameter_name = "place_search"

    def lookups(self, request, model_admin):
        return [(str(s.pk), f"#{s.pk} {s}") for s in PlaceSearch.objects.order_by("-id")[:15]]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        return queryset.filter(sightings__place_search_id=int(self.value()))


class CityFilter(admin.SimpleListFilter):
    title = "city"
    parameter_name = "city"

    def lookups(self, request, model_admin):
        cities = (
            Business.objects.exclude(city="")
            .values_list("city", flat=True)
            .distinct()
            .order_by("city")
        )
        return [(c, c) for c in cities[:50]]

    def queryset(self, request, queryset):
        return queryset.filter(city=self.value()) if self.value() else queryset


@admin.register(Business)
class BusinessAdmin(PipelineAdmin):
    # Name and city, category and rating, phone and website share a cell, the attribution is
    # under the list: twelve columns do not fit 1,280 px.
    list_display = [
        "name_display",
        "category_display",
        "reach_display",
        *workflow_list_display(Business, compact=True),
        "domain_link",
    ]
    list_display_links = ["name_display"]
    list_select_related = ["domain"]
    list_filter = [
        *workflow_list_filter(Business),
        CategoryFilter,
        CityFilter,
        WebsiteFilter,
        RatingFilter,
        SearchFilter,
        "provider",
    ]
    search_fields = ["name__icontains", "city__icontains", "website__icontains"]
    search_help_text = "Name, city or website (contains)."
    fieldsets = [
        (None, {"fields": ["name", "categories", "address", "city", "postcode", "country"]}),
        (
            "Contact",
            {"fields": ["phone", "email", "website", "social_profile", "opening_hours"]},
        ),
        (
            "From the provider",
            {
                "fields": [
                    "provider",
                    "map_link",
                    "rating",
                    "rating_count",
                    "business_status",
                    "coordinates",
                    "attribution_display",
                    "found_by",
                    "first_seen_at",
                    "last_seen_at",
                ]
            },
        ),
        (
            "Domain",
            {
                "fields": ["domain_link", "domain_note"],
                "description": "A business without a company domain keeps its phone, e-mail "
                "and social profile here (a contact needs a domain): 'Export selected "
                "businesses' on the list carries them.",
            },
        ),
    ]
    # Nothing of a business is edited here: it is what its provider said (and what extraction made).
    readonly_fields = [field for _, options in fieldsets for field in options["fields"]]

    actions = ["export_businesses_csv"]

    @admin.action(permissions=["view"], description="Export selected businesses (CSV lead list)")
    def export_businesses_csv(self, request, queryset):
        """Every selected business with its own phone, e-mail and profile, domain or not."""
        return business_export.csv_response(queryset)

    def has_add_permission(self, request):
        return False  # businesses come from searches

    def changelist_view(self, request, extra_context=None):
        """The providers' attribution once, under the list (ODbL: where the data is shown)."""
        providers = Business.objects.values_list("provider", flat=True).distinct().order_by()
        shown = format_html_join(" · ", "{}", ((attribution(p),) for p in sorted(providers)))
        return super().changelist_view(request, {**(extra_context or {}), "attribution": shown})

    def get_queryset(self, request):
        return super().get_queryset(request).defer("raw")

    @admin.display(description="name", ordering="name")
    def name_display(self, obj):
        return stacked(truncated(obj.name, 28), obj.city)

    @admin.display(description="category, rating", ordering="rating")
    def category_display(self, obj):
        what = truncated(", ".join(category_labels(obj.categories)[:2]), 20) or "-"
        return stacked(what, self.rating_display(obj) if obj.rating is not None else "")

    @admin.display(description="phone, website", ordering="website")
    def reach_display(self, obj):
        website = truncated(obj.website, 24) if obj.website else "no website"
        return stacked(obj.phone or "no phone", website)

    @admin.display(description="rating", ordering="rating")
    def rating_display(self, obj):
        if obj.rating is None:
            return "-"
        return f"{obj.rating:g} ({obj.rating_count or 0:,})"

    @admin.display(description="domain", ordering="domain__domain")
    def domain_link(self, obj):
        if obj.domain_id is None:
            return truncated(obj.domain_note, 20) if obj.domain_note else "-"
        return change_link(obj.domain)

    @admin.display(description="on the map")
    def map_link(self, obj):
        if not obj.provider_url:
            return "-"
        label = f"{PROVIDERS.get(obj.provider, obj.provider)}: {obj.provider_id}"
        return format_html(
            '<a href="{}" rel="noopener" target="_blank">{}</a>', obj.provider_url, label
        )

    @admin.display(description="coordinates")
    def coordinates(self, obj):
        if obj.latitude is None:
            return "-"
        return f"{obj.latitude:.6f}, {obj.longitude:.6f}"

    @admin.display(description="data")
    def attribution_display(self, obj):
        return attribution(obj.provider)

    @admin.display(description="found by")
    def found_by(self, obj):
        searches = obj.searches.order_by("-id")[:RELATED_SHOWN]
        if not searches:
            return "-"
        return format_html_join(", ", "{}", ((change_link(s, f"#{s.pk} {s}"),) for s in searches))
