"""Serializers: read-only rows of every table, and the status update request and response.

The row serializers are one per table; the status requests are built per table from the
workflow registry (the workflows a table hosts), as their routes are."""

from __future__ import annotations

from functools import cache

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from curation import leads
from curation.api.fields import StrictBooleanField, StrictIntegerField
from curation.api.filter_body import filters_field
from curation.lead_status import LEAD_STATUS_LABELS
from curation.models import Business, Contact, Domain, Page, Person, PlaceSearch, SitemapFile
from curation.place_searches import MAX_TEXT
from curation.services import MAX_IDS
from scrapersky.places import ATTRIBUTIONS, CATEGORY_CHOICES, PROVIDERS
from scrapersky.status import CURATION_VALUES, Status
from scrapersky.workflows import Workflow, workflows_for_model

# Processing is the engine's; a curator may set every other curation status.
CURATOR_STATUSES = [value for value in CURATION_VALUES if value != Status.PROCESSING]
MAX_ID_VALUE = 2**63 - 1  # bigint


STATUS_FIELD_KWARGS = {
    "choices": CURATOR_STATUSES,
    "help_text": "The curation status to set. Queued also queues the rows for processing.",
    "error_messages": {
        "invalid_choice": (
            '"{input}" is not a status a curator can set (one of: '
            + ", ".join(CURATOR_STATUSES)
            + "; Processing is set by the workers only)."
        )
    },
}


def status_workflows(model: type[models.Model]) -> list[Workflow]:
    """The workflows curated through a table's status routes (background-only ones have none)."""
    return [workflow for workflow in workflows_for_model(model) if workflow.ui]


def _workflow_field(model: type[models.Model]) -> serializers.ChoiceField:
    # The table's own workflows only, inline in the schema: a client (or a schema fuzzer) offered
    # every workflow would pick ones this route refuses.
    names = [wf.name for wf in status_workflows(model)]
    table = model._meta.db_table
    if len(names) == 1:
        help_text = f"Optional: this table hosts {names[0]} only."
    else:
        help_text = f"Required: this table hosts {', '.join(names)}."
    # A pattern rather than an enum: spectacular would hoist one enum per table into colliding
    # "WorkflowEnum" components.
    pattern = "^(" + "|".join(names) + ")$"
    field_class = extend_schema_field({"type": "string", "pattern": pattern})(
        type(f"{model.__name__}WorkflowField", (serializers.ChoiceField,), {})
    )
    return field_class(
        choices=names,
        required=len(names) > 1,
        help_text=help_text,
        error_messages={
            "invalid_choice": (
                f'workflow "{{input}}" does not run on {table} (known: {", ".join(names)})'
            )
        },
    )


@cache
def status_request_serializer(model: type[models.Model]) -> type[serializers.Serializer]:
    """``{"ids": [...], "status": "Queued", "workflow": ...}`` for one table."""
    attrs = {
        "ids": serializers.ListField(
            child=StrictIntegerField(min_value=1, max_value=MAX_ID_VALUE),
            allow_empty=False,
            min_length=1,
            max_length=MAX_IDS,
            help_text=f"Ids of the rows to change: 1 to {MAX_IDS} per request "
            "(use the filtered variant for more).",
        ),
        "status": serializers.ChoiceField(**STATUS_FIELD_KWARGS),
        "workflow": _workflow_field(model),
        "__module__": __name__,
    }
    name = f"{model.__name__}StatusUpdateRequest"
    return type(name, (serializers.Serializer,), attrs)


@cache
def filtered_status_request_serializer(model: type[models.Model]) -> type[serializers.Serializer]:
    """``{"status": ..., "workflow": ..., "filters": {...}, "all": false}`` for one table."""
    attrs = {
        "status": serializers.ChoiceField(**STATUS_FIELD_KWARGS),
        "workflow": _workflow_field(model),
        "filters": filters_field(model)(
            required=False,
            default=dict,
            help_text=f"The query parameters of GET /api/v3/{model._meta.db_table}/ as an object; "
            "a list value is a multiple choice (or several ids).",
        ),
        "all": StrictBooleanField(
            required=False,
            default=False,
            help_text="Must be true to apply the change to every row (empty filters).",
        ),
        "__module__": __name__,
    }
    name = f"{model.__name__}FilteredStatusUpdateRequest"
    return type(name, (serializers.Serializer,), attrs)


class StatusUpdateResponseSerializer(serializers.Serializer):
    """What a status update did (``curation.services.StatusChangeResult``)."""

    message = serializers.CharField()
    workflow = serializers.CharField()
    status = serializers.CharField()
    requested = serializers.IntegerField()
    updated_ids = serializers.ListField(child=serializers.IntegerField())
    queued_ids = serializers.ListField(child=serializers.IntegerField())
    skipped = serializers.DictField(
        child=serializers.ListField(child=serializers.IntegerField()),
        help_text='Ids left unchanged, by reason: {"processing": [...]} (a worker holds them).',
    )
    missing_ids = serializers.ListField(child=serializers.IntegerField())
    updated_count = serializers.IntegerField()
    queued_count = serializers.IntegerField()
    audit_id = serializers.IntegerField(allow_null=True)


def columns(model: type[models.Model]) -> list[str]:
    """Every column of ``model``; rows of a domain also carry its name after ``domain``."""
    fields = [f.name for f in model._meta.concrete_fields]
    if "domain" in fields and model._meta.get_field("domain").is_relation:
        fields.insert(fields.index("domain") + 1, "domain_name")
    return fields


class DomainSerializer(serializers.ModelSerializer):
    lead_status = serializers.ChoiceField(
        choices=list(LEAD_STATUS_LABELS.items()),
        read_only=True,
        help_text="Where the lead is: new, failed, discovering, importing, curating_pages or "
        "done (curation/lead_status.py). Filter with ?lead_status=done.",
    )
    contact_count = serializers.IntegerField(
        read_only=True, help_text="Contacts found for the domain so far."
    )

    class Meta:
        model = Domain
        fields = read_only_fields = [*columns(Domain), "lead_status", "contact_count"]


# No docstring: drf-spectacular would publish it as each component's description.
class DomainRowSerializer(serializers.ModelSerializer):
    # A row of a domain: its columns and the domain's name (see columns()).
    domain_name = serializers.CharField(source="domain.domain", read_only=True)


class SitemapFileSerializer(DomainRowSerializer):
    class Meta:
        model = SitemapFile
        fields = read_only_fields = columns(SitemapFile)


class PageSerializer(DomainRowSerializer):
    class Meta:
        model = Page
        fields = read_only_fields = columns(Page)


class ContactSerializer(DomainRowSerializer):
    class Meta:
        model = Contact
        fields = read_only_fields = columns(Contact)


class PersonContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contact
        fields = read_only_fields = ["id", "kind", "value", "display", "classification", "verdict"]


class PersonSerializer(DomainRowSerializer):
    # A person (sql/030) with the contacts a page tied to them.
    contacts = PersonContactSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = read_only_fields = [*columns(Person), "contacts"]


class CompanyFactSerializer(serializers.Serializer):
    value = serializers.CharField()
    source = serializers.CharField(help_text="jsonld, legal_page, text, copyright, og, ...")
    page = serializers.IntegerField(source="page_id", allow_null=True)


class CompanySerializer(serializers.Serializer):
    # The best-ranked fact of each kind the domain's pages state (null when none does).
    legal_name = CompanyFactSerializer(allow_null=True)
    address = CompanyFactSerializer(allow_null=True)
    opening_hours = CompanyFactSerializer(allow_null=True)
    vat_id = CompanyFactSerializer(allow_null=True)
    register_id = CompanyFactSerializer(allow_null=True)
    company_number = CompanyFactSerializer(allow_null=True)
    siren = CompanyFactSerializer(allow_null=True)


class EmailPatternSerializer(serializers.Serializer):
    pattern = serializers.CharField(help_text="e.g. {first}.{last}; reported, never applied")
    addresses = serializers.IntegerField(help_text="named people's addresses that follow it")
    people = serializers.IntegerField(help_text="named people with an address on the domain")


class DomainDetailSerializer(DomainSerializer):
    # One domain with its people (executives first), its company facts and its e-mail pattern.
    people = serializers.SerializerMethodField()
    company = serializers.SerializerMethodField()
    email_pattern = serializers.SerializerMethodField()

    class Meta:
        model = Domain
        fields = read_only_fields = [
            *columns(Domain),
            "lead_status",
            "contact_count",
            "people",
            "company",
            "email_pattern",
        ]

    @extend_schema_field(PersonSerializer(many=True))
    def get_people(self, domain: Domain) -> list:
        request = self.context.get("request")
        if request is not None and not request.user.has_perm("curation.view_person"):
            return []  # people are read with their own permission
        return PersonSerializer(leads.people_of(domain.pk).select_related("domain"), many=True).data

    @extend_schema_field(CompanySerializer)
    def get_company(self, domain: Domain) -> dict:
        facts = leads.company_facts(domain.pk)
        return {
            field: CompanyFactSerializer(facts[field]).data if field in facts else None
            for field in CompanySerializer().fields
        }

    @extend_schema_field(EmailPatternSerializer(allow_null=True))
    def get_email_pattern(self, domain: Domain) -> dict | None:
        pattern = leads.domain_email_pattern(domain.pk, domain.domain)
        return EmailPatternSerializer(pattern).data if pattern else None


class PlaceSearchSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlaceSearch
        fields = read_only_fields = columns(PlaceSearch)


class PlaceSearchCreateSerializer(serializers.Serializer):
    # What, where, provider, limit; checked again as a whole by curation.place_searches.
    provider = serializers.ChoiceField(choices=list(PROVIDERS.items()), default="osm")
    category = serializers.ChoiceField(
        choices=[key for key, _label in CATEGORY_CHOICES], required=False, allow_blank=True
    )
    query = serializers.CharField(required=False, allow_blank=True, max_length=MAX_TEXT)
    tag_filter = serializers.CharField(required=False, allow_blank=True, max_length=MAX_TEXT)
    place = serializers.CharField(required=False, allow_blank=True, max_length=MAX_TEXT)
    latitude = serializers.FloatField(required=False, min_value=-90, max_value=90)
    longitude = serializers.FloatField(required=False, min_value=-180, max_value=180)
    radius_m = StrictIntegerField(required=False, min_value=1, max_value=100_000)
    south = serializers.FloatField(required=False, min_value=-90, max_value=90)
    west = serializers.FloatField(required=False, min_value=-180, max_value=180)
    north = serializers.FloatField(required=False, min_value=-90, max_value=90)
    east = serializers.FloatField(required=False, min_value=-180, max_value=180)
    result_limit = StrictIntegerField(default=200, min_value=1, max_value=10_000)
    queue = StrictBooleanField(
        default=True, help_text="Queue the search at once (needs the change permission)."
    )


class BusinessSerializer(serializers.ModelSerializer):
    domain_name = serializers.CharField(source="domain.domain", read_only=True, default=None)
    attribution = serializers.SerializerMethodField()

    class Meta:
        model = Business
        fields = read_only_fields = [
            *(c for c in columns(Business) if c != "raw"),
            "attribution",
        ]

    def get_attribution(self, obj) -> str:
        return ATTRIBUTIONS.get(obj.provider, obj.provider)
