"""Email address finding, validation and classification."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from processing.contacts.decoys import is_decoy_email
from processing.contacts.scanning import finditer_windows, literal_anchors, windows

_LOCAL_CHARS = r"A-Za-z0-9._%+\-"
# The negative lookbehind makes every position inside a run of address characters fail in
# O(1), so each run is scanned once (bounded to 64 chars): the search is linear overall.
EMAIL_RE = re.compile(
    rf"(?<![{_LOCAL_CHARS}])(?P<local>[{_LOCAL_CHARS}]{{1,64}})"
    r"(?P<at>@|%40|\uff20)"
    r"(?P<domain>[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8})"
)
_LOCAL_RE = re.compile(r"[a-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~\-]+)*")
_LABEL_RE = re.compile(r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?")
_TLD_RE = re.compile(r"[a-z]{2,24}")
# Per page and pattern: a page with more address-shaped strings than this is a data dump,
# and validating each in Python would make the run time depend on the attacker's input.
MAX_CANDIDATES = 20_000
_LOCAL_MAX, _DOMAIN_MAX = 64, 600

ROLE_LOCALS = frozenset(
    [
        "info",
        "information",
        "sales",
        "contact",
        "contacts",
        "contactus",
        "support",
        "hello",
        "hi",
        "hey",
        "office",
        "admin",
        "administrator",
        "team",
        "jobs",
        "job",
        "careers",
        "career",
        "recruiting",
        "recruitment",
        "hr",
        "press",
        "media",
        "pr",
        "billing",
        "accounts",
        "accounting",
        "invoice",
        "invoices",
        "finance",
        "marketing",
        "service",
        "services",
        "help",
        "helpdesk",
        "enquiries",
        "enquiry",
        "inquiries",
        "inquiry",
        "mail",
        "email",
        "webmaster",
        "postmaster",
        "hostmaster",
        "abuse",
        "noreply",
        "no-reply",
        "donotreply",
        "do-not-reply",
        "privacy",
        "legal",
        "compliance",
        "security",
        "feedback",
        "orders",
        "order",
        "booking",
        "bookings",
        "reservations",
        "reservation",
        "reception",
        "kontakt",
        "buero",
        "bureau",
        "verkauf",
        "vertrieb",
        "anfrage",
        "anfragen",
        "datenschutz",
        "bewerbung",
        "bewerbungen",
        "presse",
        "partners",
        "partner",
        "newsletter",
        "customerservice",
        "customercare",
        "care",
        "general",
        "studio",
        "shop",
        "store",
        "welcome",
        "frontdesk",
        "appointments",
        "dispatch",
        "estimates",
        "quotes",
        "quote",
        "hallo",
        "contacto",
        "ventas",
        "bonjour",
        "accueil",
        "commercial",
        "soporte",
        "team",
        "management",
        "mailbox",
        "post",
        "customer",
        "customers",
        "members",
        "membership",
        "events",
        "editor",
        "editorial",
        "news",
    ]
)
_FREE_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "web.de",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "mail.ru",
        "inbox.ru",
        "list.ru",
        "bk.ru",
        "t-online.de",
        "freenet.de",
        "online.de",
        "arcor.de",
        "posteo.de",
        "mailbox.org",
        "zoho.com",
        "zohomail.com",
        "fastmail.com",
        "tutanota.com",
        "tuta.io",
        "qq.com",
        "163.com",
        "126.com",
        "naver.com",
        "daum.net",
        "seznam.cz",
        "wp.pl",
        "o2.pl",
        "libero.it",
        "orange.fr",
        "laposte.net",
        "free.fr",
        "sfr.fr",
        "wanadoo.fr",
        "rediffmail.com",
        "mail.com",
        "email.com",
        "hushmail.com",
        "comcast.net",
        "verizon.net",
        "att.net",
        "sbcglobal.net",
        "bigpond.com",
        "btinternet.com",
        "sky.com",
        "bluewin.ch",
        "gmx.net",
    }
)
# Providers that run the same free service under many country TLDs (yahoo.co.uk, gmx.at).
_FREE_FAMILIES = frozenset(
    {"yahoo", "ymail", "hotmail", "outlook", "live", "msn", "gmx", "yandex", "ya", "rocketmail"}
)


@dataclass(frozen=True, slots=True)
class EmailMatch:
    """A validated address found in a text, with its span there."""

    address: str
    start: int
    end: int
    obfuscated: bool


@lru_cache(maxsize=4096)  # pages repeat the same address in header, body and footer
def normalize_email(raw: str) -> str | None:
    """Return the lower-cased address if ``raw`` is a plausible real contact, else None."""
    address = raw.strip().strip(".,;:<>()[]\"'").lower()
    local, sep, domain = address.rpartition("@")
    local = local.lstrip(".")
    if not sep or not local or len(local) > 64 or len(domain) > 253:
        return None
    domain = domain.rstrip(".")
    if not _LOCAL_RE.fullmatch(local):
        return None
    labels = domain.split(".")
    if len(labels) < 2 or not all(_LABEL_RE.fullmatch(label) for label in labels):
        return None
    if not _TLD_RE.fullmatch(labels[-1]):
        return None  # jquery@3.6.0 and friends end in a number
    if is_decoy_email(local, domain):
        return None
    return f"{local}@{domain}"


def classify_email(address: str) -> str:
    """'role' for shared mailboxes, 'free' for webmail providers, else 'company'."""
    local, _, domain = address.partition("@")
    head = re.split(r"[.\-_+]", local, maxsplit=1)[0]
    if local in ROLE_LOCALS or head in ROLE_LOCALS:
        return "role"
    labels = domain.split(".")
    if domain in _FREE_DOMAINS or (labels[0] in _FREE_FAMILIES and len(labels) <= 3):
        return "free"
    return "company"


def parse_mailto(href: str) -> list[str]:
    """Addresses in a mailto: URL (query dropped, percent-decoded, comma separated)."""
    target = href.strip()[len("mailto:") :].split("?", 1)[0]
    target = unquote(target)
    return [part.strip() for part in re.split(r"[,;]", target) if part.strip()]


def find_emails(text: str) -> Iterator[EmailMatch]:
    """Plain, full-width-@ and percent-encoded addresses in ``text``, in order."""
    anchors = literal_anchors(text, ("@", "%40", "\uff20"))
    spans = windows(anchors, len(text), _LOCAL_MAX + 1, _DOMAIN_MAX, MAX_CANDIDATES)
    for match in finditer_windows(EMAIL_RE, text, spans):
        domain = match.group("domain")
        labels = domain.split(".")
        if labels[-1][:1].isupper() and domain[: -len(labels[-1])].islower() and len(labels) > 2:
            # "info@example.com.Next sentence": a missing space glued a word on as a TLD.
            domain = ".".join(labels[:-1])
        # A hyphen can't end a domain; trim it so "info@x.com-" still yields an address.
        address = normalize_email(f"{match.group('local')}@{domain.rstrip('-')}")
        if address:
            yield EmailMatch(address, match.start(), match.end(), match.group("at") != "@")
