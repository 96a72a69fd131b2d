"""The verdict of one stored contact, by its kind."""

from __future__ import annotations

from collections.abc import Callable

from processing.validation import emails, mail_dns, phones, social
from processing.validation.result import Check


def validate_contact(
    *,
    kind: str,
    value: str,
    default_region: str,
    mail_route: Callable[[str], mail_dns.MailRoute] | None = None,
) -> Check:
    """The verdict for one contact as stored (``contacts.kind`` and ``contacts.value``).

    ``mail_route(domain)`` looks up a domain's mail exchangers (default: DNS through the
    configured resolver, cached per domain); it raises ``DnsLookupError`` when DNS fails.
    ``default_region`` is the region of phone numbers stored without a country code.
    """
    if kind == "email":
        return emails.check_email(value, mail_route=mail_route or mail_dns.cached_mail_route)
    if kind == "phone":
        return phones.check_phone(value, default_region=default_region)
    if kind == "social":
        return social.check_social(value)
    return Check("unknown", f"unknown contact kind {kind!r}")
