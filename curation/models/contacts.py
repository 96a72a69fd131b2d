"""Contacts (emails, phones, social profiles) of a domain and the pages they were seen on."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper

from curation.fields import workflow_columns
from scrapersky.vocabulary import CONTACT_KINDS, VERDICTS

# The values are scrapersky.vocabulary's (pure, shared with extraction and validation).
ContactKind = models.TextChoices(
    "ContactKind", [(value.upper(), value) for value in CONTACT_KINDS], module=__name__
)
#: What contact validation concluded (``contacts.verdict``; NULL until checked).
ContactVerdict = models.TextChoices(
    "ContactVerdict", [(value.upper(), value) for value in VERDICTS], module=__name__
)


# --- ContactValidation Workflow Enums (workflow `contact_validation`) ---
class ContactValidationCurationStatus(models.TextChoices):
    New = "New"
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"
    Skipped = "Skipped"


class ContactValidationProcessingStatus(models.TextChoices):
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"


class Contact(
    workflow_columns(
        "contact_validation",
        ContactValidationCurationStatus,
        ContactValidationProcessingStatus,
        module=__name__,
    ),
):
    """A contact value, once per domain; ``sightings`` say where it was seen."""

    domain = models.ForeignKey("curation.Domain", on_delete=models.CASCADE, related_name="contacts")
    kind = models.TextField(choices=ContactKind.choices)
    value = models.TextField()
    display = models.TextField(default="", blank=True)
    classification = models.TextField(default="", blank=True)
    #: the person a page tied this contact to (sql/030), if any
    person = models.ForeignKey(
        "curation.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    verdict = models.TextField(choices=ContactVerdict.choices, null=True, blank=True)
    verdict_reason = models.TextField(default="", blank=True)
    verdict_checked_at = models.DateTimeField(null=True, blank=True)
    first_seen_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now_add=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    #: the business listing that gave it (domain_extraction); NULL for what a website gave
    business = models.ForeignKey(
        "curation.Business",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    pages = models.ManyToManyField(
        "curation.Page", through="curation.ContactSighting", related_name="contacts"
    )

    class Meta:
        managed = False
        db_table = "contacts"
        indexes = [
            models.Index(fields=["kind", "classification"], name="contacts_kind_idx"),
            models.Index(fields=["created_at"], name="contacts_created_at_idx"),
            models.Index(fields=["verdict", "kind"], name="contacts_verdict_idx"),
            models.Index(
                fields=["value"], name="contacts_value_prefix_idx", opclasses=["text_pattern_ops"]
            ),
            # The search (curation/search.py, sql/061): icontains on UPPER(column).
            GinIndex(OpClass(Upper("value"), name="gin_trgm_ops"), name="contacts_value_trgm_idx"),
            GinIndex(
                OpClass(Upper("display"), name="gin_trgm_ops"), name="contacts_display_trgm_idx"
            ),
        ]
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["domain", "kind", "value"], name="contacts_domain_kind_value_key"
            )
        ]

    def __str__(self) -> str:
        return self.value


class ContactSighting(models.Model):
    """A contact seen on a page, with how it was found and a short text context."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="sightings")
    page = models.ForeignKey("curation.Page", on_delete=models.CASCADE, related_name="sightings")
    source = models.TextField(default="", blank=True)
    context = models.TextField(default="", blank=True)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        managed = False
        db_table = "contact_sightings"
        indexes = [models.Index(fields=["page"], name="contact_sightings_page_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "page"], name="contact_sightings_contact_page_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact} on {self.page}"
