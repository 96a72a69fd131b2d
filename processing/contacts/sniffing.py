"""Decide whether a body is HTML from its bytes, not just from its Content-Type."""

from __future__ import annotations

import re

# Magic numbers of common non-HTML bodies that servers mislabel as text/html.
_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"RIFF",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"\x00\x00\x01\x00",
    b"wOFF",
    b"wOF2",
    b"OggS",
    b"ID3",
    b"\x1a\x45\xdf\xa3",
)
_SNIFF_CHARS = 4096
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")
# The WHATWG "text/html" sniffing patterns plus tags that mark an HTML fragment.
_STRONG_HTML_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|script|iframe|h1|div|table|font|style"
    r"|p|a|br|b|!--|ul|li|span|form|section|header|footer|nav|link)[\s/>]",
    re.I,
)
_DOCUMENT_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s/>]", re.I)
_XML_RE = re.compile(r"<\?xml", re.I)
_XHTML_RE = re.compile(r"<html[\s>]|xmlns=[\"']http://www\.w3\.org/1999/xhtml", re.I)


def looks_like_html(body: bytes, text_prefix: str, content_type: str | None = None) -> bool:
    """True if the body is an HTML document; ``text_prefix`` is its decoded beginning."""
    if not body.startswith(_WIDE_BOMS):
        stripped = body[:_SNIFF_CHARS].lstrip()
        if stripped.startswith(_BINARY_MAGIC):
            return False
        # NUL bytes never occur in byte-oriented text, so outside markup they mean binary data
        # (a stray NUL inside an otherwise fine page is only cleaned up by the parser).
        if not stripped.startswith(b"<") and b"\x00" in stripped[:512]:
            return False
    head = text_prefix[:_SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    if head[:1] in ("{", "["):
        return False  # JSON (and JSON-with-HTML-strings) is data, not a page
    if _XML_RE.match(head):
        # RSS/Atom/sitemaps are XML; XHTML pages declare the xhtml namespace or <html>.
        return bool(_XHTML_RE.search(head))
    if head.startswith("<"):
        return bool(_STRONG_HTML_RE.search(head))
    # Text that merely mentions a tag ("the <b>quarterly</b> report") is not a page, but a
    # server-labelled HTML page may start with stray output (PHP warnings) before <html>.
    declared_html = "html" in (content_type or "").lower()
    return declared_html and bool(_DOCUMENT_RE.search(head))
