"""The one URL and domain normaliser: what people paste, and the URLs sites list.

Plain Python (no Django), so every layer uses it: the import and the API validate what a curator
pastes with :func:`normalize_domain` / :func:`normalize_url`; the sitemap walker and discovery
key the URLs they have visited with :func:`canonical_url`, the same rules without the refusals.

Written on ``urllib.parse`` and ``idna`` (IDNA2008 + UTS #46, as browsers) rather than a URL
normalisation library (url-normalize, w3lib's ``canonicalize_url``): those also re-encode
percent-escapes, drop default ports and sort query arguments, so a page imported from a file
would no longer be stored under the URL its sitemap lists (sitemap URLs are stored as listed),
and the same page would be two rows. The rules here only touch what is case- or
spelling-insensitive by the URL standard: scheme, host, empty path, fragment.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

import idna

_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD_RE = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class InvalidValue(ValueError):
    """The input cannot be normalised; the message says why, in a few words."""


_CODEPOINT_RE = re.compile(r"U\+([0-9A-F]{4,6})")


def to_ascii(host: str) -> str:
    """The ASCII (punycode) form of a host name under IDNA2008 with UTS #46 mapping, as
    browsers and the ``idna`` library use it; names it refuses (emoji, symbols, invalid
    punycode) raise InvalidValue with a reason a person can act on.

    Plain ASCII names without ``xn--`` labels are returned as they are: the label rules in
    ``normalize_domain`` give clearer reasons for them than IDNA's code points.
    """
    if host.isascii() and "xn--" not in host:
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise InvalidValue(_idna_reason(exc)) from None
    except UnicodeError:
        raise InvalidValue("not a valid international domain name") from None


def _idna_reason(exc: idna.IDNAError) -> str:
    message = str(exc)
    codepoint = _CODEPOINT_RE.search(message)
    if isinstance(exc, idna.InvalidCodepointContext) and codepoint:
        return (
            f"not a valid international domain name: U+{codepoint.group(1)} "
            "cannot stand at that position"
        )
    if isinstance(exc, idna.InvalidCodepoint) and codepoint:
        char = chr(int(codepoint.group(1), 16))
        return (
            f"not a valid international domain name: {char} (U+{codepoint.group(1)}) "
            "is not allowed in domain names"
        )
    if isinstance(exc, idna.IDNABidiError):
        return (
            "not a valid international domain name: it mixes right-to-left and other "
            "characters in a way domain names do not allow"
        )
    if "too long" in message.lower():
        return "a part of the name is longer than 63 characters"
    if "empty label" in message.lower():
        return "contains an empty part (two dots in a row)"
    if "a-label" in message.lower() or "punycode" in message.lower():
        return "contains an invalid punycode (xn--) part"
    return f"not a valid international domain name ({message})"


def _bounded(value: str) -> str:
    if not value:
        raise InvalidValue("empty")
    if len(value) > 2000:
        raise InvalidValue("too long")
    return value


def _http_parts(value: str, *, invalid: str, port: bool = False) -> SplitResult:
    """``urlsplit`` of an http(s) URL; anything else raises InvalidValue (``invalid (why)``)."""
    try:
        parts = urlsplit(value)
        if port:
            _ = parts.port  # out of range or not a number
    except ValueError as exc:
        raise InvalidValue(f"{invalid} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidValue(f"unsupported scheme {parts.scheme}:")
    return parts


def normalize_domain(raw: str) -> str:
    """``"HTTPS://www.Example.com/contact?x=1"`` -> ``"example.com"``.

    Case, scheme, credentials, port, ``www.``, trailing dots and paths are dropped; international
    names are stored in their ASCII (punycode) form. IP addresses, e-mail addresses and names
    without a valid top-level domain are refused.
    """
    value = _bounded((raw or "").strip().strip("\ufeff").strip())
    if any(ch.isspace() for ch in value):
        raise InvalidValue("contains spaces")
    if "@" in value and not _SCHEME_RE.match(value) and "/" not in value:
        raise InvalidValue("looks like an e-mail address, not a domain")
    if value.startswith("//"):
        value = "http:" + value
    elif not _SCHEME_RE.match(value):
        value = "http://" + value
    parts = _http_parts(value, invalid="not a domain or URL")
    host = parts.hostname
    if not host:
        raise InvalidValue("no host name")
    host = host.strip(".").lower()
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        raise InvalidValue("an IP address is not a domain")
    host = to_ascii(host)
    if host.startswith("www.") and host.count(".") >= 2:
        host = host[4:]
    if len(host) > 253:
        raise InvalidValue("longer than 253 characters")
    labels = host.split(".")
    if len(labels) < 2:
        raise InvalidValue("no top-level domain (e.g. .com)")
    for label in labels:
        if not _LABEL_RE.match(label):
            raise InvalidValue(_label_problem(label))
    if not _TLD_RE.match(labels[-1]):
        raise InvalidValue(f"invalid top-level domain .{labels[-1]}")
    return host


def normalize_url(raw: str) -> tuple[str, str]:
    """An absolute http(s) URL, tidied; returns ``(url, domain)``.

    The scheme and host are lower-cased, the fragment dropped, an empty path becomes ``/``; the
    domain is the normalised host (so ``www.`` pages belong to the domain without it).
    """
    value = _bounded((raw or "").strip())
    if not _SCHEME_RE.match(value):
        raise InvalidValue("not an absolute URL (it must start with http:// or https://)")
    parts = _http_parts(value, invalid="not a valid URL", port=True)
    port = parts.port
    if parts.username or parts.password:
        raise InvalidValue("URLs with credentials are not accepted")
    domain = normalize_domain(parts.hostname or "")
    host = to_ascii((parts.hostname or "").lower().strip("."))
    return _canonical(parts, host, port), domain


def canonical_url(url: str) -> str:
    """The form under which two spellings of one URL are the same (for visited sets).

    The rules of :func:`normalize_url` (scheme and host lower-cased, host in ASCII, trailing dot,
    fragment and empty path tidied) without its refusals: an IP address, credentials or a host
    IDNA refuses are kept as they are (lower-cased). Never raises.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    try:
        host = to_ascii((parts.hostname or "").strip("."))
        port = parts.port
    except ValueError:  # a host IDNA refuses (InvalidValue), a port out of range
        netloc = parts.netloc.lower()
        return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
    return _canonical(parts, host, port)


def _canonical(parts: SplitResult, host: str, port: int | None) -> str:
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address (normalize_url refuses them before)
    netloc = f"{host}:{port}" if port else host
    if "@" in parts.netloc:
        netloc = f"{parts.netloc.rpartition('@')[0]}@{netloc}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def _label_problem(label: str) -> str:
    """Why one dot-separated part of a host name is refused, in the curator's words."""
    if not label:
        return "two dots in a row (an empty part between them)"
    if len(label) > 63:
        return f"the part {label[:20]}... is longer than 63 characters"
    if label.startswith("-") or label.endswith("-"):
        return f"the part {label!r} starts or ends with a hyphen"
    bad = next((c for c in label if not (c.isascii() and (c.isalnum() or c == "-"))), None)
    if bad is not None:
        return f"contains {bad!r}, which a domain cannot have"
    return "contains characters a domain cannot have"
