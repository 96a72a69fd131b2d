"""extract_page: decode a fetched body, parse it once and collect every contact on it."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HtmlProcessingInstruction,
    document_fromstring,
)

from processing.contacts import company as company_facts
from processing.contacts import company_text, ties
from processing.contacts import people as people_module
from processing.contacts.collector import Collector
from processing.contacts.encoding import decode_body
from processing.contacts.forms import has_contact_form
from processing.contacts.layout import Layout
from processing.contacts.results import (
    FoundCompanyFact,
    FoundContact,
    FoundPerson,
    PageExtraction,
)
from processing.contacts.roles import may_name_roles
from processing.contacts.shapes import letter_words
from processing.contacts.sniffing import looks_like_html

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")
# libxml2 refuses NULs and C0 controls in str input; they carry no text anyway.
_CONTROL_CHARS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)], " ")
# The same for latin-1 text, as bytes: str.translate looks each character up in the dict
# (5 us on a 1 KB page), bytes.translate and the two latin-1 conversions cost 1 us together.
_CONTROL_BYTES = bytes(ord(" ") if b in _CONTROL_CHARS else b for b in range(256))
# lxml.html's parser, with its classes chosen in C: lxml.html's own lookup is a Python call per
# element (for form/input/label classes, which extraction never uses), about 5% of its time.
# Like lxml.html's module-level parser, it is shared by threads (lxml keeps a context per thread).
_PARSER = etree.HTMLParser()
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)


def _clean(value: str | None, limit: int = 1000) -> str | None:
    if value is None:
        return None
    collapsed = " ".join(value.split())[:limit]
    return collapsed or None


def _title(root: HtmlElement) -> str | None:
    title = next(root.iter("title"), None)
    return _clean(title.text_content()) if title is not None else None


def _meta(root: HtmlElement, attribute: str, name: str) -> str | None:
    for meta in root.iter("meta"):
        if meta.get(attribute, "").strip().lower() == name:
            return _clean(meta.get("content"))
    return None


def _language(root: HtmlElement) -> str | None:
    # The HTML parser keeps XHTML's xml:lang as a plain attribute name.
    lang = root.get("lang") or root.get("xml:lang")
    return _clean(lang) or _meta(root, "http-equiv", "content-language")


def _parse(text: str) -> HtmlElement | None:
    text = _XML_DECL_RE.sub("", text, count=1)
    try:
        text = text.encode("latin-1").translate(_CONTROL_BYTES).decode("latin-1")
    except UnicodeEncodeError:
        text = text.translate(_CONTROL_CHARS)
    try:
        return document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None  # an empty or hopelessly broken document has nothing to extract


def extract_page(
    body: bytes,
    *,
    url: str,
    content_type: str | None = None,
    default_region: str = "US",
    content_language: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> PageExtraction:
    """Extract page metadata and every email, phone and social profile from ``body``.

    ``url`` is the address the body was fetched from (its country-code TLD is one hint of the
    page's country). Numbers without a country code are read in the region the page points to
    (processing.contacts.region: language, ``content_language``, TLD, addresses, e-mail
    domains, international numbers on it), ``default_region`` when it does not say.
    Bodies over ``max_bytes`` are truncated before parsing and flagged ``truncated``.
    """
    content_hash = hashlib.sha256(body).hexdigest()
    truncated = len(body) > max_bytes
    if truncated:
        body = body[:max_bytes]
    text, encoding = decode_body(body, content_type)
    if not looks_like_html(body, text[:4096], content_type):
        return PageExtraction(False, encoding, content_hash, truncated)
    root = _parse(text)
    if root is None:
        return PageExtraction(True, encoding, content_hash, truncated)
    collector = Collector(default_region.upper())
    collector.walk(root)
    collector.scan_emails()
    language = _language(root)
    words = letter_words(collector.text.lower())  # (region and roles read them)
    region = collector.resolve_region(url=url, languages=[language, content_language], words=words)
    collector.scan_phones()
    contacts = collector.contacts()
    host = urlsplit(url).hostname or ""
    people, company = _people_and_company(collector, root, contacts, host, words)
    return PageExtraction(
        is_html=True,
        encoding=encoding,
        content_hash=content_hash,
        truncated=truncated,
        title=_title(root),
        meta_description=_meta(root, "name", "description"),
        language=language,
        phone_region=region,
        has_contact_form=has_contact_form(root),
        schema_types=sorted(collector.schema_types),
        contacts=contacts,
        people=people,
        company=company,
    )


def _people_and_company(
    collector: Collector,
    root: HtmlElement,
    contacts: list[FoundContact],
    host: str,
    words: set[str],
) -> tuple[list[FoundPerson], list[FoundCompanyFact]]:
    """People the page names, their contacts, and the company facts it states (``host``: the
    page's, which tells the business's own name from other organisations'; ``words``: the
    text's shapes.letter_words)."""
    text = collector.text
    people: list[FoundPerson] = []
    facts: list[FoundCompanyFact] = []
    for data in collector.json_ld:
        people.extend(people_module.people_from_json_ld(data))
        facts.extend(company_facts.company_from_json_ld(data))
    for card in collector.hcards:
        if (person := people_module.person_from_hcard(card)) is not None:
            people.append(person)
    for scope in collector.microdata_people:
        if (person := people_module.person_from_microdata(scope)) is not None:
            people.append(person)
    if collector.title_ranges or may_name_roles(text, words):
        emails = [c.value for c in contacts if c.kind == "email"]
        layout = Layout(text, collector.blocks, collector.seams, collector.title_ranges)
        people.extend(
            people_module.people_from_lines(text, collector.decoy_ranges, emails, layout, site=host)
        )
    chrome = [(start, end) for start, end, _ in collector.chrome_ranges]
    chrome += collector.decoy_ranges  # a testimonial ends the block of the person before it
    if people:
        positions = [(f.position, f.contact) for f in collector.found]
        ties.tie_contacts(people, contacts, positions, chrome)
    known = {p.key for p in people}
    people.extend(ties.people_from_mailto(collector.mailto_links, known))
    found = [(f.position, f.contact) for f in collector.found if f.contact.kind == "email"]
    people.extend(ties.people_before_addresses(text, found, known, collector.decoy_ranges))
    people = ties.merge(people)
    if people:
        ties.tie_by_name(people, contacts)
    facts.extend(company_text.company_from_text(text))
    if site_name := _meta(root, "property", "og:site_name"):
        facts.append(
            FoundCompanyFact(
                company_facts.LEGAL_NAME,
                site_name[: company_facts.MAX_VALUE],
                "og",
                company_facts.RANK_OG,
            )
        )
    return people, company_facts.dedupe(facts)
