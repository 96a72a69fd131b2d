"""Admin of people: who a domain's pages name, their role and seniority, and their contacts.

People are written by page curation (sql/030); a curator reads, filters and deletes them (a
person that is not one), and follows links to their domain, contacts and pages.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Count, Exists, OuterRef
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

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
from curation.models import Contact, Page, Person, PersonSighting, Seniority

ROLES_LISTED = 20


class SeniorityFilter(admin.SimpleListFilter):
    title = "seniority"
    parameter_name = "seniority"
    NONE = "none"

    def lookups(self, request, model_admin):
        return [(v or self.NONE, v or "no rank") for v, _ in Seniority.choices]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.NONE:
            return queryset.filter(seniority="")
        if value in Seniority.values:
            return queryset.filter(seniority=value)
        if value is not None:
            raise IncorrectLookupParameters(f"unknown seniority {value!r}")
        return queryset


class RoleFilter(ValueFilter):
    """The most common roles (one grouped query over the people table)."""

    title = "role"
    parameter_name = "role"

    def lookups(self, request, model_admin):
        roles = (
            Person.objects.exclude(role="")
            .order_by()
            .values_list("role")
            .annotate(n=Count("pk"))
            .order_by("-n", "role")[:ROLES_LISTED]
        )
        return [(role, role) for role, _ in roles]


class HasEmailFilter(admin.SimpleListFilter):
    title = "has e-mail"
    parameter_name = "has_email"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        with_email = Exists(Contact.objects.filter(person_id=OuterRef("pk"), kind="email"))
        if self.value() == "yes":
            return queryset.filter(with_email)
        if self.value() == "no":
            return queryset.filter(~with_email)
        return queryset


@admin.register(Person)
class PersonAdmin(PipelineAdmin):
    # Fits 1,280 px: the sightings' times are on the change page.
    list_display = [
        "id",
        "name",
        "role_display",
        "seniority_badge",
        "contacts_display",
        "domain_link",
        "pages_link",
    ]
    list_display_links = ["id", "name"]
    list_select_related = ["domain"]
    list_filter = [SeniorityFilter, RoleFilter, HasEmailFilter]
    search_fields = ["name__icontains", "role__icontains", "domain__domain__startswith"]
    search_help_text = "Name or role (contains), domain (starts with)."
    date_hierarchy = "created_at"
    autocomplete_fields = ["domain"]
    readonly_fields = ["first_seen_at", "last_seen_at", "created_at", "contacts_table", "seen_on"]
    long_text_fields = set()
    bulk_delete = True  # a name that is not a person's is removed (its contacts stay, unlinked)
    fieldsets = [
        (None, {"fields": ["domain", "name", "role", "seniority"]}),
        ("Contacts", {"fields": ["contacts_table"]}),
        ("Seen", {"fields": ["seen_on", "first_seen_at", "last_seen_at", "created_at"]}),
    ]

    def has_add_permission(self, request):
        return False  # people come from pages

    def decorate_results(self, rows):
        ids = [row.pk for row in rows]
        contacts: dict[int, list[Contact]] = {}
        for contact in Contact.objects.filter(person_id__in=ids).order_by("kind", "value"):
            contacts.setdefault(contact.person_id, []).append(contact)
        pages = dict(
            PersonSighting.objects.filter(person_id__in=ids)
            .order_by()
            .values_list("person_id")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            row.listed_contacts = contacts.get(row.pk, [])
            row.page_count = pages.get(row.pk, 0)

    @admin.display(description="role", ordering="role")
    def role_display(self, obj: Person) -> str:
        return truncated(obj.role, 22)

    @admin.display(description="seniority", ordering="seniority")
    def seniority_badge(self, obj: Person) -> str:
        return badge(obj.seniority or None)

    @admin.display(description="contacts")
    def contacts_display(self, obj: Person) -> str:
        """The first two contacts (shortened, the whole value on hover) and how many more."""
        contacts = getattr(obj, "listed_contacts", None)
        if contacts is None:
            contacts = list(obj.contacts.order_by("kind", "value"))
        if not contacts:
            return "-"
        lines = [change_link(c, truncated(display_url(c.value), 24)) for c in contacts[:2]]
        if len(contacts) > 2:
            lines.append(f"+{len(contacts) - 2} more")
        return format_html(
            '<span class="ss-lines">{}</span>',
            format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines)),
        )

    @admin.display(description="domain", ordering="domain__domain")
    def domain_link(self, obj: Person) -> str:
        return change_link(obj.domain)

    @admin.display(description="seen on")
    def pages_link(self, obj: Person) -> str:
        count = getattr(obj, "page_count", None)
        label = "pages" if count is None else counted(count, "page")
        return changelist_link(Page, label, people__id__exact=obj.pk)

    @admin.display(description="last seen", ordering="last_seen_at")
    def last_seen(self, obj: Person) -> str:
        return when(obj.last_seen_at)

    @admin.display(description="contacts a page tied to this person")
    def contacts_table(self, obj: Person) -> str:
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (change_link(c, display_url(c.value)), c.kind, badge(c.verdict))
                for c in obj.contacts.order_by("kind", "value")
            ),
        )
        if not rows:
            return "-"
        return format_html(
            '<table class="ss-sightings"><tr><th>contact</th><th>kind</th><th>verdict</th></tr>'
            "{}</table><p>{}</p>",
            rows,
            changelist_link(
                Contact, "these contacts in the contacts list", person__id__exact=obj.pk
            ),
        )

    @admin.display(description="pages that name this person")
    def seen_on(self, obj: Person) -> str:
        sightings = obj.sightings.select_related("page").order_by("-seen_at")[:20]
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    change_link(s.page, truncated(display_url(s.page.url), 60)),
                    s.source,
                    truncated(s.role, 40),
                    when(s.seen_at),
                )
                for s in sightings
            ),
        )
        if not rows:
            return "-"
        return format_html(
            '<table class="ss-sightings"><tr><th>page</th><th>how</th><th>role there</th>'
            "<th>seen</th></tr>{}</table>",
            rows,
        )
