"""Admin of contacts: emails, phones and social profiles, with the pages they were seen on."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Count
from django.utils.html import format_html, format_html_join

from curation import search
from curation.admin.base import PipelineAdmin
from curation.admin.changelist import ValueFilter
from curation.admin.display import (
    badge,
    change_link,
    changelist_link,
    counted,
    display_url,
    truncated,
    when,
)
from curation.admin.domain_filters import ContactImportFilter
from curation.intake import exporting
from curation.models import Contact, ContactSighting, ContactVerdict, Page
from scrapersky.vocabulary import CLASSIFICATION_LABELS, CLASSIFICATIONS

SIGHTINGS_SHOWN = 20
VALUE_CHARS = 44  # a whole e-mail address or phone; a profile URL's start (all of it on hover)
# The kind as a short sign beside the classification ("✉ role address").
KIND_SIGNS = {"email": "\u2709", "phone": "\u260e", "social": "@"}


def classification_label(value: str | None) -> str:
    """The human label of a classification (the raw value when it is not a known one)."""
    if not value:
        return ""
    return CLASSIFICATION_LABELS.get(value, value.replace("_", " "))


def sighting_counts(contact_ids: list[int]) -> dict[int, int]:
    """Pages each of these contacts was seen on: one grouped query."""
    return dict(
        ContactSighting.objects.filter(contact_id__in=contact_ids)
        .order_by()
        .values_list("contact_id")
        .annotate(n=Count("pk"))
    )


class ClassificationFilter(ValueFilter):
    """The classifications the extractor assigns, listed without scanning the table."""

    title = "classification"
    parameter_name = "classification"
    CHOICES = CLASSIFICATIONS

    def lookups(self, request, model_admin):
        return self.CHOICES


class VerdictFilter(admin.SimpleListFilter):
    """Contact validation's verdict, and the contacts never checked."""

    title = "verdict"
    parameter_name = "verdict"
    NOT_CHECKED = "none"

    def lookups(self, request, model_admin):
        return [*ContactVerdict.choices, (self.NOT_CHECKED, "Not checked")]

    def queryset(self, request, queryset):
        if self.value() == self.NOT_CHECKED:
            return queryset.filter(verdict__isnull=True)
        if self.value() in ContactVerdict.values:
            return queryset.filter(verdict=self.value())
        if self.value() is not None:
            raise IncorrectLookupParameters(f"verdict: {self.value()!r} is not a verdict")
        return queryset


@admin.register(Contact)
class ContactAdmin(PipelineAdmin):
    # Made for reading: the contact first and widest (one line, never wrapped mid-address),
    # then what it is, whether it holds, who it belongs to (the person it was tied to, with
    # their role), the company and where it was seen. The id, the national format and the first
    # sighting are on the change page. Fits 1,280 px beside the filters; on a phone each row is
    # a card headed by the value.
    list_display = [
        "value_preview",
        "kind_display",
        "verdict_badge",
        "person_display",
        "company_display",
        "seen_display",
    ]
    list_display_links = ["value_preview"]
    list_select_related = ["domain", "person"]
    list_filter = ["kind", ClassificationFilter, VerdictFilter, ContactImportFilter]
    search_fields = ["value"]  # shows the box; get_search_results is curation.search's
    search_help_text = search.HELP_TEXT[Contact]
    date_hierarchy = "created_at"
    autocomplete_fields = ["domain"]
    readonly_fields = [
        "person",
        "first_seen_at",
        "last_seen_at",
        "created_at",
        "updated_at",
        "sightings",
        "verdict",
        "verdict_reason",
        "verdict_checked_at",
    ]
    long_text_fields = set()
    # Bulk delete stays: removing junk contacts is curation, and it cascades to sightings only.
    bulk_delete = True
    actions = ["export_csv", "export_xlsx"]
    fieldsets = [
        (None, {"fields": ["domain", "kind", "value", "display", "classification", "person"]}),
        ("Validation", {"fields": ["verdict", "verdict_reason", "verdict_checked_at"]}),
        (
            "Seen",
            {"fields": ["first_seen_at", "last_seen_at", "sightings", "created_at", "updated_at"]},
        ),
    ]

    @admin.action(permissions=["view"], description="Export selected as CSV")
    def export_csv(self, request, queryset):
        """Streams the selection ("select all" across pages included) from a server cursor."""
        return exporting.response(queryset, file_format="csv")

    @admin.action(permissions=["view"], description="Export selected as Excel (.xlsx)")
    def export_xlsx(self, request, queryset):
        return exporting.response(queryset, file_format="xlsx")

    def get_search_results(self, request, queryset, search_term):
        """The API's search (``?search=``), word for word."""
        return search.search(queryset, search_term), False

    def decorate_results(self, rows):
        counts = sighting_counts([row.pk for row in rows])
        for row in rows:
            row.page_count = counts.get(row.pk, 0)

    @admin.display(description="contact", ordering="value")
    def value_preview(self, obj: Contact) -> str:
        """The value (a long profile URL truncated, all of it on hover)."""
        return truncated(display_url(obj.value), VALUE_CHARS)

    @admin.display(description="kind", ordering="kind")
    def kind_display(self, obj: Contact) -> str:
        """A short label: the kind's sign and the classification in words."""
        return format_html(
            '<span class="ss-kind ss-kind--{}" title="{}">{}</span> {}',
            obj.kind,
            obj.kind,
            KIND_SIGNS.get(obj.kind, obj.kind),
            classification_label(obj.classification),
        )

    @admin.display(description="verdict", ordering="verdict")
    def verdict_badge(self, obj: Contact):
        """The verdict, its reason on hover."""
        if not obj.verdict:
            return badge(None)
        return format_html('<span title="{}">{}</span>', obj.verdict_reason, badge(obj.verdict))

    @admin.display(description="who", ordering="person__name")
    def person_display(self, obj):
        """The person the contact was tied to, linked, their role below ("-" for none)."""
        person = obj.person
        if person is None:
            return "-"
        name = change_link(person, truncated(person.name, 24))
        if not person.role:
            return name
        return format_html(
            '<span class="ss-stack">{}<br><small class="ss-quiet">{}</small></span>',
            name,
            truncated(person.role, 24),
        )

    @admin.display(description="company", ordering="domain__domain")
    def company_display(self, obj):
        """The company's name (when known) over its domain, linked to the domain."""
        name = obj.domain.company_name
        link = change_link(obj.domain)
        if not name:
            return link
        return format_html(
            '<span class="ss-stack">{}<br><small class="ss-quiet">{}</small></span>',
            truncated(name, 24),
            link,
        )

    @admin.display(description="where seen", ordering="last_seen_at")
    def seen_display(self, obj):
        count = getattr(obj, "page_count", None)
        label = "pages" if count is None else counted(count, "page")
        return format_html(
            '<span class="ss-stack">{}<br><small class="ss-quiet" title="last seen {}">{}</small>'
            "</span>",
            changelist_link(Page, label, contacts__id__exact=obj.pk),
            when(obj.last_seen_at),
            when(obj.last_seen_at)[:10],
        )

    @admin.display(description=f"latest sightings (at most {SIGHTINGS_SHOWN})")
    def sightings(self, obj):
        # A footer address is seen on every page of a site: show the latest few, link the rest.
        latest = obj.sightings.select_related("page").order_by("-seen_at")[:SIGHTINGS_SHOWN]
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (change_link(s.page), s.source, truncated(s.context, 80), when(s.seen_at))
                for s in latest
            ),
        )
        if not rows:
            return "-"
        return format_html(
            '<table class="ss-sightings"><tr><th>page</th><th>source</th><th>context</th>'
            "<th>seen</th></tr>{}</table><p>{}</p>",
            rows,
            changelist_link(Page, "all pages with this contact", contacts__id__exact=obj.pk),
        )
