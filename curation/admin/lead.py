"""The lead sheet: one domain with its company facts, its people (each with their contacts) and
every contact, its kind, classification and where it was seen.

What a sales person opens: ``/admin/curation/domain/<id>/lead/`` in the browser, and the same
contacts as CSV with ``?format=csv`` or a workbook with ``?format=xlsx`` (the contacts export,
so the columns match).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from curation import leads
from curation.intake import exporting
from curation.models import Business, Contact, ContactSighting
from scrapersky.places import OSM_LICENCE_URL, PROVIDERS

BUSINESSES_SHOWN = 50  # the branches of a chain sharing the domain's website

CONTACTS_SHOWN = 1_000  # a lead sheet is read by a person; the CSV has them all
PAGES_PER_CONTACT = 3  # a footer address is on every page: the latest few, and a count
PEOPLE_SHOWN = 200


class LeadViewMixin:
    """Adds ``<id>/lead/`` to the domain admin."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.lead_view)
        return [
            path("<path:object_id>/lead/", view, name="curation_domain_lead"),
            *super().get_urls(),
        ]

    def lead_view(self, request, object_id):
        domain = get_object_or_404(self.model, pk=object_id)
        if not (
            self.has_view_permission(request, domain)
            and request.user.has_perm("curation.view_contact")
        ):
            raise PermissionDenied
        contacts_qs = Contact.objects.filter(domain_id=domain.pk)
        if request.GET.get("format") in ("csv", "xlsx"):
            return exporting.response(
                contacts_qs, file_format=request.GET["format"], stem=f"lead-{domain.domain}"
            )
        from curation.admin.contacts import classification_label, sighting_counts
        from curation.admin.display import badge, display_domain, display_url, when

        contacts = list(
            contacts_qs.select_related("person", "business").order_by("kind", "value")[
                : CONTACTS_SHOWN + 1
            ]
        )
        more = len(contacts) > CONTACTS_SHOWN
        contacts = contacts[:CONTACTS_SHOWN]
        ids = [c.pk for c in contacts]
        page_counts = sighting_counts(ids)
        latest: dict[int, list] = {}
        sightings = (
            ContactSighting.objects.filter(contact_id__in=ids)
            .annotate(
                rank=Window(RowNumber(), partition_by=F("contact_id"), order_by=F("seen_at").desc())
            )
            .filter(rank__lte=PAGES_PER_CONTACT)
            .select_related("page")
            .order_by("contact_id", "rank")
        )
        for sighting in sightings:
            latest.setdefault(sighting.contact_id, []).append(sighting.page)
        rows = [
            {
                "contact": c,
                "person": c.person,
                "value": display_url(c.value),
                "kind": c.kind,
                "classification": classification_label(c.classification),
                "verdict": badge(c.verdict),
                "display": c.display if c.display and c.display != c.value else "",
                "first_seen": when(c.first_seen_at),
                "last_seen": when(c.last_seen_at),
                "pages": [(p, display_url(p.url)) for p in latest.get(c.pk, [])],
                "page_count": page_counts.get(c.pk, 0),
                "more_pages": max(0, page_counts.get(c.pk, 0) - len(latest.get(c.pk, []))),
                "business": c.business,
            }
            for c in contacts
        ]
        people = (
            [
                {
                    "person": person,
                    "seniority": person.seniority,
                    "contacts": [(c, display_url(c.value)) for c in person.contacts.all()],
                }
                for person in leads.people_of(domain.pk)[:PEOPLE_SHOWN]
            ]
            if request.user.has_perm("curation.view_person")
            else []
        )
        facts = leads.company_facts(domain.pk)
        company = [
            (label, facts[kind]) for kind, label in leads.FACT_LABELS.items() if kind in facts
        ]
        by_kind: dict[str, int] = dict(
            contacts_qs.order_by().values_list("kind").annotate(n=Count("pk"))
        )
        businesses = list(
            Business.objects.filter(domain_id=domain.pk)
            .defer("raw")
            .order_by("name", "id")[:BUSINESSES_SHOWN]
        )
        providers = sorted({b.provider for b in businesses})
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": f"Lead: {display_domain(domain.domain)}",
            "domain": domain,
            "domain_display": display_domain(domain.domain),
            "rows": rows,
            "people": people,
            "company": company,
            "email_pattern": leads.domain_email_pattern(domain.pk, domain.domain),
            "people_url": reverse("admin:curation_person_changelist")
            + f"?domain__id__exact={domain.pk}",
            "more": more,
            "by_kind": by_kind,
            "total": sum(by_kind.values()),
            "businesses": [
                {
                    "business": b,
                    "category": ", ".join(b.categories[:2]),
                    "rating": f"{b.rating:g} ({b.rating_count or 0:,})" if b.rating else "",
                    "source": PROVIDERS.get(b.provider, b.provider),
                }
                for b in businesses
            ],
            "osm_data": "osm" in providers,
            "osm_licence_url": OSM_LICENCE_URL,
            "csv_url": f"{reverse('admin:curation_domain_lead', args=[domain.pk])}?format=csv",
            "xlsx_url": f"{reverse('admin:curation_domain_lead', args=[domain.pk])}?format=xlsx",
            "change_url": reverse("admin:curation_domain_change", args=[domain.pk]),
            "contacts_url": reverse("admin:curation_contact_changelist")
            + f"?domain__id__exact={domain.pk}",
        }
        return TemplateResponse(request, "admin/curation/lead.html", context)
