"""Local-business searches, the businesses they found and which search found which (sql/020)."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models

from curation.fields import workflow_columns
from scrapersky.places import PROVIDERS

#: ("osm", "OpenStreetMap"), ("google", "Google Places")
PROVIDER_CHOICES = list(PROVIDERS.items())


# --- PlaceSearch Workflow Enums (workflow `place_search`) ---
class PlaceSearchCurationStatus(models.TextChoices):
    New = "New"
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"
    Skipped = "Skipped"


class PlaceSearchProcessingStatus(models.TextChoices):
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"


class PlaceSearch(
    workflow_columns(
        "place_search",
        PlaceSearchCurationStatus,
        PlaceSearchProcessingStatus,
        module=__name__,
    ),
):
    """What a curator asked a places service (what, where, which provider, how many) and what
    the last run found; processing it upserts ``businesses``."""

    provider = models.TextField(choices=PROVIDER_CHOICES, default="osm")
    category = models.TextField(default="", blank=True)
    query = models.TextField(default="", blank=True)
    tag_filter = models.TextField(default="", blank=True)
    place = models.TextField(default="", blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    radius_m = models.IntegerField(null=True, blank=True)
    south = models.FloatField(null=True, blank=True)
    west = models.FloatField(null=True, blank=True)
    north = models.FloatField(null=True, blank=True)
    east = models.FloatField(null=True, blank=True)
    result_limit = models.IntegerField(default=200)
    created_by = models.TextField(default="", blank=True)
    results_count = models.IntegerField(null=True, blank=True, editable=False)
    new_businesses = models.IntegerField(null=True, blank=True, editable=False)
    pages_read = models.IntegerField(null=True, blank=True, editable=False)
    queries_made = models.IntegerField(null=True, blank=True, editable=False)
    searched_area = models.JSONField(null=True, blank=True, editable=False)
    warnings = ArrayField(models.TextField(), default=list, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        managed = False
        db_table = "place_searches"
        verbose_name = "place search"
        verbose_name_plural = "place searches"
        ordering = ["-id"]
        indexes = [models.Index(fields=["created_at"], name="place_searches_created_at_idx")]

    def __str__(self) -> str:
        what = self.category or self.query or self.tag_filter
        if self.place:
            where = self.place
        elif self.radius_m is not None:
            where = f"{self.radius_m:,} m of {self.latitude:g},{self.longitude:g}"
        else:
            where = f"{self.south:g},{self.west:g},{self.north:g},{self.east:g}"
        return f"{what} in {where}"


# --- DomainExtraction Workflow Enums (workflow `domain_extraction`) ---
class DomainExtractionCurationStatus(models.TextChoices):
    New = "New"
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"
    Skipped = "Skipped"


class DomainExtractionProcessingStatus(models.TextChoices):
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"


def _text() -> models.TextField:
    """A text the provider may not give: '' when absent (the column is NOT NULL DEFAULT '')."""
    return models.TextField(default="", blank=True)


def _optional(field: type[models.Field]) -> models.Field:
    """A number the provider may not give (NULL)."""
    return field(null=True, blank=True)


class Business(
    workflow_columns(
        "domain_extraction",
        DomainExtractionCurationStatus,
        DomainExtractionProcessingStatus,
        module=__name__,
    ),
):
    """A local business as a provider describes it, once per provider and provider id."""

    provider = models.TextField(choices=PROVIDER_CHOICES)
    provider_id = models.TextField()
    provider_url = _text()
    name = models.TextField()
    categories = ArrayField(models.TextField(), default=list, blank=True)
    address = _text()
    street = _text()
    city = _text()
    postcode = _text()
    region = _text()
    country = _text()
    latitude = _optional(models.FloatField)
    longitude = _optional(models.FloatField)
    phone = _text()
    email = _text()
    website = _text()
    opening_hours = _text()
    rating = _optional(models.FloatField)
    rating_count = _optional(models.IntegerField)
    business_status = _text()
    raw = models.JSONField(default=dict, blank=True)
    #: the domain its website became (domain_extraction); ``domain_note`` says why there is none
    domain = models.ForeignKey(
        "curation.Domain",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="businesses",
    )
    domain_note = models.TextField(default="", blank=True)
    #: a "website" that is a social profile, canonical (a contact needs a domain, so it is here)
    social_profile = models.TextField(default="", blank=True)
    first_seen_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now_add=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    searches = models.ManyToManyField(
        PlaceSearch, through="curation.BusinessSighting", related_name="businesses"
    )

    class Meta:
        managed = False
        db_table = "businesses"
        verbose_name_plural = "businesses"
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_id"], name="businesses_provider_id_key"
            )
        ]
        indexes = [
            models.Index(fields=["city"], name="businesses_city_idx"),
            models.Index(fields=["created_at"], name="businesses_created_at_idx"),
        ]

    def __str__(self) -> str:
        return self.name


class BusinessSighting(models.Model):
    """A business found by a search."""

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="sightings")
    place_search = models.ForeignKey(
        PlaceSearch, on_delete=models.CASCADE, related_name="sightings"
    )
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        managed = False
        db_table = "business_sightings"
        constraints = [
            models.UniqueConstraint(
                fields=["business", "place_search"],
                name="business_sightings_business_search_key",
            )
        ]
        indexes = [models.Index(fields=["place_search"], name="business_sightings_search_idx")]

    def __str__(self) -> str:
        return f"{self.business} in search {self.place_search_id}"


class RequestGate(models.Model):
    """A provider's request gate shared by the deployment (``request_gate_take`` and
    ``request_gate_give``: processing/places/gate.py)."""

    name = models.TextField(primary_key=True)
    next_at = models.DateTimeField()

    class Meta:
        managed = False
        db_table = "request_gates"

    def __str__(self) -> str:
        return self.name


class GeocodeCache(models.Model):
    """A geocoding answer, reused for ``SCRAPERSKY_PLACES_GEOCODE_CACHE_DAYS``."""

    pk = models.CompositePrimaryKey("provider", "query")
    provider = models.TextField()
    query = models.TextField()
    answer = models.JSONField()
    fetched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        managed = False
        db_table = "geocode_cache"
        verbose_name_plural = "geocode cache"

    def __str__(self) -> str:
        return f"{self.provider}: {self.query}"
