"""The pipeline's tables, mapped by unmanaged models (the schema is hand-written in sql/)."""

from curation.models.audit import Channel, StatusChange
from curation.models.changes import ChangeLogEntry, ChangeLogHorizon
from curation.models.contacts import Contact, ContactKind, ContactSighting, ContactVerdict
from curation.models.deliveries import LeadDelivery, LeadRetraction, LeadRetractionKind
from curation.models.domains import (
    Domain,
    SitemapDiscoveryCurationStatus,
    SitemapDiscoveryProcessingStatus,
)
from curation.models.imports import ImportJob, ImportJobDomain, domains_of
from curation.models.pages import (
    Page,
    PageCurationCurationStatus,
    PageCurationProcessingStatus,
    PageSearch,
    PageType,
)
from curation.models.people import CompanyFact, CompanyFactKind, Person, PersonSighting, Seniority
from curation.models.places import (
    Business,
    BusinessSighting,
    GeocodeCache,
    PlaceSearch,
    RequestGate,
)
from curation.models.sitemap_files import (
    SitemapFile,
    SitemapImportCurationStatus,
    SitemapImportProcessingStatus,
    SitemapKind,
)

__all__ = [
    "Business",
    "BusinessSighting",
    "ChangeLogEntry",
    "ChangeLogHorizon",
    "Channel",
    "CompanyFact",
    "CompanyFactKind",
    "Contact",
    "ContactKind",
    "ContactSighting",
    "ContactVerdict",
    "Domain",
    "GeocodeCache",
    "ImportJob",
    "ImportJobDomain",
    "LeadDelivery",
    "LeadRetraction",
    "LeadRetractionKind",
    "Page",
    "PageCurationCurationStatus",
    "PageCurationProcessingStatus",
    "PageSearch",
    "PageType",
    "Person",
    "PersonSighting",
    "PlaceSearch",
    "RequestGate",
    "Seniority",
    "SitemapDiscoveryCurationStatus",
    "SitemapDiscoveryProcessingStatus",
    "SitemapFile",
    "SitemapImportCurationStatus",
    "SitemapImportProcessingStatus",
    "SitemapKind",
    "StatusChange",
    "domains_of",
]
