"""Contact validation: a verdict for an email, phone or social profile, without contacting it.

``validate_contact(kind=..., value=...)`` returns a :class:`Check` (verdict, reason,
classification). Emails are checked by email-validator (syntax and normalisation, no network),
a maintained list of disposable-mail domains and the domain's mail exchangers in DNS
(dnspython, cached per domain); phones by libphonenumber; social profiles by their URL's shape.
Nothing connects to a mail server or a social network. A DNS failure (timeout, SERVFAIL) raises
:class:`DnsLookupError`, a ``TransientError`` the engine retries.
"""

from __future__ import annotations

from processing.validation.checks import validate_contact
from processing.validation.mail_dns import DnsLookupError
from processing.validation.result import Check

__all__ = ["Check", "DnsLookupError", "validate_contact"]
