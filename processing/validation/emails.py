"""An email address's verdict: syntax (email-validator), disposable domains, mail exchangers."""

from __future__ import annotations

from collections.abc import Callable

from disposable_email_domains import blocklist as DISPOSABLE_DOMAINS
from email_validator import EmailNotValidError, validate_email

from processing.contacts.emails import classify_email
from processing.validation.mail_dns import MailRoute
from processing.validation.result import Check


def is_disposable(domain: str) -> bool:
    """True for a disposable-mail domain or a sub-domain of one (the maintained blocklist)."""
    labels = domain.lower().rstrip(".").split(".")
    return any(".".join(labels[i:]) in DISPOSABLE_DOMAINS for i in range(len(labels) - 1))


def check_email(address: str, *, mail_route: Callable[[str], MailRoute]) -> Check:
    """Syntax and normalisation first (no network), then the domain: disposable, then DNS.

    ``mail_route`` may raise ``DnsLookupError`` (retried by the engine); every answer DNS gives
    about the domain is a verdict.
    """
    try:
        # Deliverability is ours to check (cached, with our resolver and timeout).
        parsed = validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return Check("invalid", f"bad address: {exc}", "")
    classification = classify_email(parsed.normalized.lower())
    domain = parsed.ascii_domain
    if is_disposable(domain):
        return Check("risky", "disposable mail domain", classification)
    route = mail_route(domain)
    if route.outcome == "mx":
        return Check("valid", f"mail exchanger {route.hosts[0]}", classification)
    if route.outcome == "address":
        return Check(
            "risky",
            "no MX record; the domain's address would take mail",
            classification,
        )
    reasons = {
        "null_mx": "the domain accepts no mail (null MX)",
        "no_mail": "no mail exchanger (no MX, A or AAAA)",
        "nxdomain": "the domain does not exist (NXDOMAIN)",
    }
    return Check("invalid", reasons[route.outcome], classification)
