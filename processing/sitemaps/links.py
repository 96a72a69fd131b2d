"""Links in a site's HTML as a person reads them: which say "site map", and which are its pages."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from processing.contacts.encoding import decode_body
from scrapersky.page_types import CONTACT_LIKE, classify_url

#: A home page listing more sitemap links than this is a spam trap, not a site map.
MAX_HOMEPAGE_LINKS = 10

# What a link to a site map says, in the languages sites commonly use (accents folded):
# "Site map", "Sitemap", "Plan du site", "Seitenübersicht", "Mapa del sitio", "Mappa del sito".
_SITEMAP_WORDS = re.compile(
    r"\b(?:site\s*-?\s*map|sitemap|plan du site|seitenubersicht|seitenuebersicht|"
    r"mapa del sitio|mapa do site|mappa del sito|sitemappe|mapa strony|sitemapa)\b"
)
# ... and what its path says: /sitemap, /site-map, /site_map, /plan-du-site, ...
_SITEMAP_PATH = re.compile(
    r"(?:sitemap|site-map|site_map|plan-du-site|plan_du_site|seitenuebersicht|"
    r"mapa-del-sitio|mappa-del-sito)",
    re.IGNORECASE,
)
# lxml refuses str input that declares its own encoding.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")
# Files that are not pages: a contact page is never a .pdf or a .jpg.
_NOT_PAGES = re.compile(
    r"\.(?:pdf|jpe?g|png|gif|webp|svg|ico|css|js|json|xml|gz|zip|rar|7z|mp[34]|mov|avi|"
    r"docx?|xlsx?|pptx?|txt|woff2?|ttf|eot|exe|dmg|apk)$",
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(folded.replace("ß", "ss").split())


def parse_html(html: bytes, content_type: str | None = None) -> lxml.html.HtmlElement | None:
    """The document, or None for an empty or unparseable body.

    Decoded as the page extractor decodes pages (header charset, BOM, meta, UTF-8, cp1252):
    lxml alone would read an undeclared UTF-8 "Seitenübersicht" as Latin-1.
    """
    if not html or not html.strip():
        return None
    text, _codec = decode_body(html, content_type)
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError):
        return None


def site_host(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def same_site(url: str, page_url: str, domain: str) -> bool:
    """The domain itself, one of its subdomains (www. ignored), or the host the page is on."""
    # Without a public-suffix list, "same site" is the domain and its subdomains.
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    host = site_host(parts.hostname)
    named = urlsplit(domain).hostname if "://" in domain else domain.split(":")[0]
    allowed = {site_host(named or ""), site_host(urlsplit(page_url).hostname or "")}
    return any(host == a or host.endswith("." + a) for a in allowed if a)


def says_sitemap(element: lxml.html.HtmlElement) -> bool:
    """Whether a link's text, title or path says it leads to a site map."""
    href = element.get("href") or ""
    if _SITEMAP_PATH.search(urlsplit(href).path or ""):
        return True
    words = " ".join(
        part
        for part in (element.text_content(), element.get("title"), element.get("aria-label"))
        if part
    )
    return bool(words) and _SITEMAP_WORDS.search(_fold(words)) is not None


def homepage_sitemap_links(
    html: bytes | lxml.html.HtmlElement | None, page_url: str, domain: str
) -> list[str]:
    """``<link rel="sitemap">`` and links whose text, title or path says site map; same site."""
    doc = parse_html(html) if isinstance(html, bytes) else html
    if doc is None:
        return []
    hrefs: list[str] = []
    for element in doc.iter("link", "a"):
        href = (element.get("href") or "").strip()
        if not href:
            continue
        if element.tag == "link":
            if "sitemap" not in (element.get("rel") or "").lower().split():
                continue
        elif not says_sitemap(element):
            continue
        url = urljoin(page_url, href).split("#", 1)[0]
        if same_site(url, page_url, domain) and url not in hrefs:
            hrefs.append(url)
        if len(hrefs) >= MAX_HOMEPAGE_LINKS:
            break
    return hrefs


def page_links(doc: lxml.html.HtmlElement | None, page_url: str, domain: str) -> list[str]:
    """Same-site links to pages (not files), in document order, contact-like ones first."""
    if doc is None:
        return []
    seen: set[str] = set()
    first: list[str] = []
    rest: list[str] = []
    base = page_url
    for element in doc.iter("base"):
        base = urljoin(page_url, element.get("href") or "")
        break
    for element in doc.iter("a"):
        href = (element.get("href") or "").strip()
        if not href or href.startswith(("mailto:", "tel:", "javascript:", "#")):
            continue
        url = urljoin(base, href).split("#", 1)[0]
        if not same_site(url, page_url, domain) or _NOT_PAGES.search(urlsplit(url).path):
            continue
        if url in seen:
            continue
        seen.add(url)
        (first if classify_url(url) in CONTACT_LIKE else rest).append(url)
    return first + rest
