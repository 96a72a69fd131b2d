"""Decoding of hidden addresses: "name [at] domain [dot] com" and Cloudflare email protection."""

from __future__ import annotations

import re
from collections.abc import Iterator

from processing.contacts.emails import MAX_CANDIDATES, EmailMatch, normalize_email
from processing.contacts.scanning import finditer_windows, pattern_anchors, windows

_LOCAL = r"(?<![A-Za-z0-9._%+\-])(?P<local>[A-Za-z0-9._%+\-]{1,64})"
_LABEL = r"[A-Za-z0-9\-]{1,63}"
# Bracketed tokens are unambiguous, so any case and a plain "." are allowed with them.
_B_OPEN, _B_CLOSE = r"[\[\(\{<]", r"[\]\)\}>]"
_AT_BRACKETED = rf"\s{{0,2}}{_B_OPEN}\s{{0,2}}(?:at|AT|At|@|ät)\s{{0,2}}{_B_CLOSE}\s{{0,2}}"
_DOT_BRACKETED = (
    rf"\s{{0,2}}{_B_OPEN}\s{{0,2}}(?:dot|DOT|Dot|punkt|Punkt|PUNKT|point|\.)\s{{0,2}}{_B_CLOSE}"
    r"\s{0,2}|\."
)
BRACKETED_RE = re.compile(
    rf"{_LOCAL}{_AT_BRACKETED}(?P<domain>{_LABEL}(?:(?:{_DOT_BRACKETED}){_LABEL}){{1,6}})"
)
_DOT_BRACKETED_RE = re.compile(_DOT_BRACKETED)
# Bare words are ambiguous in prose ("meet us at noon"), so only upper-case AT/DOT with
# at least one DOT are accepted: "name AT domain DOT com".
BARE_RE = re.compile(
    rf"{_LOCAL}\s{{1,3}}AT\s{{1,3}}(?P<domain>{_LABEL}(?:\s{{1,3}}DOT\s{{1,3}}{_LABEL}){{1,6}})"
    r"(?![A-Za-z0-9])"
)
# Cheap anchors: where an obfuscated "at" token is; the full patterns run only near them.
_AT_ANCHOR_RE = re.compile(rf"{_B_OPEN}\s{{0,2}}(?:at|AT|At|@|ät)\s{{0,2}}{_B_CLOSE}")
_BARE_ANCHOR_RE = re.compile(r"\sAT\s")
_BEFORE, _AFTER = 70, 700
_BARE_DOT_RE = re.compile(r"\s{1,3}DOT\s{1,3}")
_CF_HEX_RE = re.compile(r"(?:[0-9a-fA-F]{2}){2,256}")
CF_PROTECTION_PATH = "/cdn-cgi/l/email-protection"


def find_obfuscated_emails(text: str) -> Iterator[EmailMatch]:
    """Addresses written with [at]/(at)/AT and [dot]/(dot)/DOT tokens."""
    anchors = pattern_anchors(_AT_ANCHOR_RE, text)
    spans = windows(anchors, len(text), _BEFORE, _AFTER, MAX_CANDIDATES)
    for match in finditer_windows(BRACKETED_RE, text, spans):
        domain = _DOT_BRACKETED_RE.sub(".", match.group("domain"))
        address = normalize_email(f"{match.group('local')}@{domain}")
        if address:
            yield EmailMatch(address, match.start(), match.end(), True)
    spans = windows(
        pattern_anchors(_BARE_ANCHOR_RE, text), len(text), _BEFORE, _AFTER, MAX_CANDIDATES
    )
    for match in finditer_windows(BARE_RE, text, spans):
        local, domain_raw = match.group("local"), match.group("domain")
        labels = _BARE_DOT_RE.split(domain_raw)
        # "CALL US AT HOME DOT..." is shouting prose; real addresses here are lower-case.
        if not any(c.islower() for c in local) or not labels[-1].islower():
            continue
        address = normalize_email(f"{local}@{'.'.join(labels)}")
        if address:
            yield EmailMatch(address, match.start(), match.end(), True)


def decode_cfemail(hex_data: str) -> str | None:
    """Decode Cloudflare's XOR-obfuscated hex: first byte is the key for the rest."""
    hex_data = hex_data.strip()
    if not _CF_HEX_RE.fullmatch(hex_data):
        return None
    raw = bytes.fromhex(hex_data)
    key = raw[0]
    try:
        return bytes(b ^ key for b in raw[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None


def cfemail_from_href(href: str) -> str | None:
    """The decoded address of an ``/cdn-cgi/l/email-protection#<hex>`` link, if any."""
    if CF_PROTECTION_PATH not in href or "#" not in href:
        return None
    return decode_cfemail(href.rsplit("#", 1)[1])
