"""People a domain's pages name, where they were seen, and what the pages say of the company."""

from __future__ import annotations

from django.db import models

#: Derived from the role with processing.contacts.roles' vocabulary ("" when it names no rank).
Seniority = models.TextChoices(
    "Seniority",
    [("NONE", ""), ("EXECUTIVE", "executive"), ("MANAGER", "manager"), ("STAFF", "staff")],
    module=__name__,
)
CompanyFactKind = models.TextChoices(
    "CompanyFactKind",
    [
        ("LEGAL_NAME", "legal_name"),
        ("ADDRESS", "address"),
        ("OPENING_HOURS", "opening_hours"),
        ("VAT_ID", "vat_id"),
        ("REGISTER_ID", "register_id"),
        ("COMPANY_NUMBER", "company_number"),
        ("SIREN", "siren"),
    ],
    module=__name__,
)


class Person(models.Model):
    """A person, once per domain (by name_key); their contacts point at them (contacts.person)."""

    domain = models.ForeignKey("curation.Domain", on_delete=models.CASCADE, related_name="people")
    name = models.TextField()
    name_key = models.TextField()
    role = models.TextField(default="", blank=True)
    seniority = models.TextField(choices=Seniority.choices, default="", blank=True)
    first_seen_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now_add=True)
    created_at = models.DateTimeField(auto_now_add=True)
    pages = models.ManyToManyField(
        "curation.Page", through="curation.PersonSighting", related_name="people"
    )

    class Meta:
        managed = False
        db_table = "people"
        verbose_name_plural = "people"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["seniority"], name="people_seniority_idx"),
            models.Index(fields=["created_at"], name="people_created_at_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["domain", "name_key"], name="people_domain_name_key")
        ]

    def __str__(self) -> str:
        return self.name


class PersonSighting(models.Model):
    """A person named on a page, with how they were found and the role that page gave."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sightings")
    page = models.ForeignKey(
        "curation.Page", on_delete=models.CASCADE, related_name="person_sightings"
    )
    source = models.TextField(default="", blank=True)
    role = models.TextField(default="", blank=True)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        managed = False
        db_table = "person_sightings"
        indexes = [models.Index(fields=["page"], name="person_sightings_page_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "page"], name="person_sightings_person_page_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.page}"


class CompanyFact(models.Model):
    """A fact a page states about the company; per kind the lowest ``rank`` is the best."""

    domain = models.ForeignKey(
        "curation.Domain", on_delete=models.CASCADE, related_name="company_facts"
    )
    kind = models.TextField(choices=CompanyFactKind.choices)
    value = models.TextField()
    source = models.TextField(default="", blank=True)
    rank = models.SmallIntegerField(default=0)
    page = models.ForeignKey(
        "curation.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        managed = False
        db_table = "company_facts"
        indexes = [
            models.Index(fields=["domain", "kind", "rank", "id"], name="company_facts_best_idx")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["domain", "kind", "value"], name="company_facts_domain_kind_value_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"
