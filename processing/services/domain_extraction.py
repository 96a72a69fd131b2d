"""Workflow `domain_extraction`: Turn a business's website into a domain (de-duplicated, named after
the business) and its phone and e-mail into contacts; a social profile or listing-site link becomes
a contact, not a domain.

Source table: `businesses`; destination: `domains`. Estimated time per record: < 10 ms (no network).
Fields needed: website, name, phone, email, provider. Validation: the website normalised as imports
normalise; social, listing and shortener hosts refused as domains with the reason.

``extract(row)`` decides, without I/O: the website normalised as imports normalise it
(``scrapersky.normalize``); a host that is not a company's own (a social network, a listing or
review site, a maps link, a link shortener or link-in-bio page) makes no domain, and the row's
``domain_note`` says why (a social profile is kept, canonical, in ``social_profile``: a contact
row needs a domain); no website ends Complete with that reason. ``persist()`` then, in the
engine's transaction: the domain is found or created (unique on ``domain``, so the branches of a
chain sharing one website end on one domain, each business pointing at it), named after the
business when it has no name yet; the business's phone (E.164, in the business's country) and
e-mail become contacts of the domain recording the business they came from
(``contacts.business_id``); with ``SCRAPERSKY_AUTO_QUEUE_BUSINESS_DOMAINS`` the domain is
queued for sitemap discovery in the same transaction when it is new or still untouched
(discovery curation status New), never when a curator queued, skipped or finished it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from curation.models import Contact, Domain
from curation.models.places import Business
from curation.services import set_curation_status
from processing.contacts.emails import classify_email, normalize_email
from processing.contacts.phones import parse_phone
from processing.contacts.social import normalize_social_url, social_network
from scrapersky.conf import conf
from scrapersky.normalize import InvalidValue, normalize_domain
from scrapersky.status import Status

SOURCE = "places"

# Hosts that are not a company's own site: (pattern over the host without www., what it is).
NOT_COMPANY_HOSTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), what)
    for p, what in (
        (r"(?:.+\.)?google\.[a-z.]+|goo\.gl|maps\.app\.goo\.gl", "a Google Maps link"),
        (r"(?:.+\.)?yelp\.[a-z.]+", "a listing site (Yelp)"),
        (r"(?:.+\.)?tripadvisor\.[a-z.]+", "a listing site (Tripadvisor)"),
        (
            r"(?:.+\.)?(?:yell\.com|yellowpages\.[a-z.]+|foursquare\.com|booking\.com"
            r"|opentable\.[a-z.]+|thefork\.[a-z.]+|trustpilot\.com|nextdoor\.[a-z.]+"
            r"|checkatrade\.com|houzz\.[a-z.]+|thumbtack\.com|angi\.com|bark\.com"
            r"|airbnb\.[a-z.]+|ubereats\.com|deliveroo\.[a-z.]+|just-eat\.[a-z.]+)",
            "a listing site",
        ),
        (
            r"linktr\.ee|lnk\.bio|linkin\.bio|beacons\.ai|bio\.link|taplink\.cc"
            r"|bit\.ly|tinyurl\.com|t\.co|ow\.ly|buff\.ly|rebrand\.ly|cutt\.ly|is\.gd",
            "a link shortener or link-in-bio page",
        ),
        (
            r"(?:.+\.)?(?:facebook\.com|fb\.com|fb\.me|instagram\.com|twitter\.com|x\.com"
            r"|linkedin\.com|youtube\.com|youtu\.be|tiktok\.com|pinterest\.[a-z.]+"
            r"|wa\.me|whatsapp\.com|t\.me)",
            "a social network profile",
        ),
    )
]


@dataclass
class Extraction:
    """What a business gives: a domain (or why none), and contacts."""

    domain: str | None = None
    note: str = ""
    social_profile: str = ""
    #: (kind, value, display, classification)
    contacts: list[tuple[str, str, str, str]] = field(default_factory=list)


def _host(url: str) -> str:
    text = url.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        text = "http://" + text.lstrip("/")
    try:
        host = (urlsplit(text).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def not_a_company_site(url: str) -> str | None:
    """What the URL's host is when it is not a company's own site, else None."""
    host = _host(url)
    for pattern, what in NOT_COMPANY_HOSTS:
        if pattern.fullmatch(host):
            return what
    return None


def extract(row: Business) -> Extraction:
    """The domain and contacts ``row`` gives (pure: no I/O)."""
    result = Extraction()
    website = row.website.strip().split()[0] if row.website.strip() else ""
    if not website:
        result.note = f"no domain: {row.get_provider_display()} lists no website for it"
    elif (what := not_a_company_site(website)) is not None:
        social = normalize_social_url(website) if social_network(website) else None
        if social is not None:
            result.social_profile = social[1]
            result.note = (
                f"no domain: its website {website} is {what} ({social[0]}), not a company "
                "domain; kept as its social profile"
            )
        else:
            result.note = f"no domain: its website {website} is {what}, not a company domain"
    else:
        try:
            result.domain = normalize_domain(website)
        except InvalidValue as exc:
            result.note = f"no domain: its website {website!r} is not usable ({exc})"
    region = (row.country or "").upper() if len(row.country or "") == 2 else ""
    phone = parse_phone(row.phone, region or conf.default_phone_region) if row.phone else None
    if phone is not None:
        e164, national, line_type = phone
        result.contacts.append(("phone", e164, national, line_type))
    email = normalize_email(row.email) if row.email else None
    if email is not None:
        result.contacts.append(("email", email, "", classify_email(email)))
    return result


def process_single_business_for_domain_extraction(row: Business) -> Callable[[], None]:
    """Decide what the business gives; return the persist() that writes it."""
    extraction = extract(row)
    return lambda: persist(row, extraction)


def persist(row: Business, extraction: Extraction) -> None:
    domain_id = None
    if extraction.domain is not None:
        domain, created = Domain.objects.get_or_create(
            domain=extraction.domain, defaults={"company_name": row.name, "source": SOURCE}
        )
        if not created and not domain.company_name:
            Domain.objects.filter(pk=domain.pk, company_name__isnull=True).update(
                company_name=row.name
            )
        domain_id = domain.pk
        if extraction.contacts:
            Contact.objects.bulk_create(
                [
                    Contact(
                        domain_id=domain_id,
                        kind=kind,
                        value=value,
                        display=display,
                        classification=classification,
                        business_id=row.pk,
                    )
                    for kind, value, display, classification in sorted(extraction.contacts)
                ],
                ignore_conflicts=True,
            )
        # A known domain no curator has touched yet (curation status New, e.g. imported from a
        # list and never queued) is queued too: leaving it would leave this business's website
        # undiscovered. A domain a curator queued, skipped or saw finish is left as it is.
        untouched = created or domain.sitemap_discovery_curation_status == Status.NEW
        if untouched and conf.auto_queue_business_domains:
            set_curation_status(
                workflow="sitemap_discovery",
                status=Status.QUEUED,
                ids=[domain_id],
                actor="domain_extraction",
                channel="system",
            )
    note = extraction.note
    if domain_id is not None:
        note = ""
    elif extraction.contacts:
        kinds = " and ".join(sorted({kind for kind, *_ in extraction.contacts}))
        note += f"; its {kinds} stay on the business (a contact needs a domain)"
    Business.objects.filter(pk=row.pk).update(
        domain_id=domain_id, domain_note=note, social_profile=extraction.social_profile
    )
