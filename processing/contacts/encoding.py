"""Choose the character encoding of a page body and decode it to text."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

# Labels that browsers (WHATWG Encoding Standard) map to a superset codec; decoding with
# the strict legacy codec would turn real-world pages into replacement characters.
_SUPERSETS = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "shift_jis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "tis-620": "cp874",
    "iso8859-9": "cp1254",
}

_CT_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)
# Bounded lazy run inside the tag keeps this linear over the sniffed prefix.
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I
)
_META_SNIFF_BYTES = 8192

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def normalize_label(label: str | None) -> str | None:
    """Return the Python codec name for an encoding label, or None if it is unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return _SUPERSETS.get(name, name)


@lru_cache(maxsize=256)  # a crawl meets few distinct headers, each on many pages
def charset_from_content_type(content_type: str | None) -> str | None:
    """The codec named by a Content-Type header's charset parameter, if valid."""
    if not content_type:
        return None
    match = _CT_CHARSET_RE.search(content_type)
    return normalize_label(match.group(1)) if match else None


def charset_from_bom(body: bytes) -> str | None:
    """The codec implied by a byte-order mark at the start of the body."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    return None


def charset_from_meta(body: bytes) -> str | None:
    """The codec declared by <meta charset> or <meta http-equiv=content-type> in the head."""
    match = _META_CHARSET_RE.search(body[:_META_SNIFF_BYTES])
    if not match:
        return None
    name = normalize_label(match.group(1).decode("ascii", "replace"))
    # A byte-oriented document cannot really be UTF-16 if we could read ASCII "<meta";
    # browsers treat such declarations as UTF-8.
    if name and name.startswith("utf-16"):
        return "utf-8"
    return name


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode ``body`` and return ``(text, codec_name)``.

    Order: Content-Type charset, BOM, meta declaration, strict UTF-8, then windows-1252.
    """
    declared = charset_from_content_type(content_type) or charset_from_bom(body)
    declared = declared or charset_from_meta(body)
    if declared:
        text = body.decode(declared, errors="replace")
        return text.removeprefix("\ufeff"), declared
    try:
        return body.decode("utf-8").removeprefix("\ufeff"), "utf-8"
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace"), "cp1252"
