"""factory-boy factories for every model."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from curation.models import (
    Business,
    Channel,
    CompanyFact,
    Contact,
    ContactKind,
    ContactSighting,
    Domain,
    LeadDelivery,
    LeadRetraction,
    Page,
    Person,
    PlaceSearch,
    SitemapFile,
    StatusChange,
)
from processing.models import WorkerHeartbeat


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"curator{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@scrapersky.test")
    is_staff = True
    password = factory.django.Password("correct horse battery")

    @factory.post_generation
    def perms(self, create, extracted, **kwargs):
        """``UserFactory(perms=["curation.change_page", ...])``."""
        if not create or not extracted:
            return
        for perm in extracted:
            app_label, codename = perm.split(".")
            self.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        self.save()


class DomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Domain

    domain = factory.Sequence(lambda n: f"company{n}.example")
    company_name = factory.Sequence(lambda n: f"Company {n}")


class SitemapFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SitemapFile

    domain = factory.SubFactory(DomainFactory)
    url = factory.LazyAttributeSequence(lambda o, n: f"https://{o.domain.domain}/sitemap-{n}.xml")
    source = "well_known"
    kind = "urlset"


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    domain = factory.SubFactory(DomainFactory)
    url = factory.LazyAttributeSequence(lambda o, n: f"https://{o.domain.domain}/page-{n}")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    domain = factory.SubFactory(DomainFactory)
    kind = ContactKind.EMAIL
    value = factory.LazyAttributeSequence(lambda o, n: f"person{n}@{o.domain.domain}")
    classification = "company"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    domain = factory.SubFactory(DomainFactory)
    name = factory.Sequence(lambda n: f"Person Number{chr(65 + n % 26)}")
    name_key = factory.LazyAttribute(lambda o: o.name.casefold())
    role = "Founder"
    seniority = "executive"


class CompanyFactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanyFact

    domain = factory.SubFactory(DomainFactory)
    kind = "legal_name"
    value = "Acme GmbH"
    source = "legal_page"
    rank = 0


class ContactSightingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactSighting

    contact = factory.SubFactory(ContactFactory)
    page = factory.SubFactory(PageFactory, domain=factory.SelfAttribute("..contact.domain"))
    source = "mailto"
    context = "Write to us"


class StatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusChange

    workflow = "page_curation"
    table_name = "pages"
    to_status = "Queued"
    channel = Channel.ADMIN
    actor = "curator"


class WorkerHeartbeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkerHeartbeat

    worker = factory.Sequence(lambda n: f"worker-host:{1000 + n}")
    hostname = "worker-host"
    pid = factory.Sequence(lambda n: 1000 + n)
    started_at = factory.LazyFunction(timezone.now)
    seen_at = factory.LazyFunction(timezone.now)


class PlaceSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlaceSearch

    provider = "osm"
    category = "plumber"
    place = "Demo City"


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business

    provider = "osm"
    provider_id = factory.Sequence(lambda n: f"node/{n + 1}")
    name = factory.Sequence(lambda n: f"Business {n}")
    website = factory.Sequence(lambda n: f"https://business{n}.example/")


class LeadRetractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeadRetraction

    kind = "resync"  # of a domain deleted since: nothing left to send
    domain_id = factory.Sequence(lambda n: 10_000_000 + n)
    domain = factory.Sequence(lambda n: f"gone{n}.example")


class LeadDeliveryFactory(factory.django.DjangoModelFactory):
    """A lead a destination accepted."""

    class Meta:
        model = LeadDelivery

    domain = factory.SubFactory(DomainFactory)
    destination = "webhook:n8n"
    lead_hash = "ab" * 32
    summary = "company + 2 contacts"
    calls = 1
    sends = 1
    sent_at = factory.LazyFunction(timezone.now)
