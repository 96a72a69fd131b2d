"""The Collector: one walk over a page's tree building the visible-text stream and the contacts
carried by attributes and text (with their positions), plus what people extraction reads next
(JSON-LD, h-cards, microdata people, mailto links, decoy and header/footer ranges). Written for
speed (it runs for every element of every page): lxml's ``tail`` (a new string at each read) is
read once, a link without child elements gives its text without lxml's (costly) text iterator."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, islice

from lxml import etree
from lxml.html import HtmlElement

from processing.contacts.emails import classify_email, find_emails, normalize_email, parse_mailto
from processing.contacts.layout import title_cell
from processing.contacts.obfuscation import (
    cfemail_from_href,
    decode_cfemail,
    find_obfuscated_emails,
)
from processing.contacts.people import (
    CHROME_TAGS,
    DECOY_CLASS_RE,
    DECOY_TAGS,
    TEAM_CLASS_RE,
    TITLE_CLASS_RE,
    is_decoy_class,
)
from processing.contacts.phones import find_phones, parse_phone
from processing.contacts.region import choose_region
from processing.contacts.results import FoundContact
from processing.contacts.social import normalize_social_url
from processing.contacts.structured_data import (
    StructuredValue,
    microdata_contacts,
    microdata_types,
    parse_json_ld,
    walk_json_ld,
)
from processing.contacts.visible_text import (
    BLOCK_TAGS,
    HIDDEN_TAGS,
    SEPARATOR_TAGS,
    SKIPPED_SUBTREES,
    snippet,
)

_ATTRIBUTE_PHASE, _TEXT_PHASE = 0, 1
_REGION_TAGS = DECOY_TAGS | CHROME_TAGS


@dataclass(slots=True)
class _Found:
    """A contact plus where it was seen, for ordering by first appearance."""

    contact: FoundContact
    position: int
    phase: int
    sequence: int


def _email_contact(address: str, source: str, context: str) -> FoundContact:
    return FoundContact("email", address, address, classify_email(address), source, context)


class Collector:
    """Walks the tree once, building the visible-text stream and attribute-borne contacts."""

    def __init__(self, region: str) -> None:
        # The configured default, until the page says where it is (see resolve_region).
        self.default_region = self.region = region
        # Numbers from tel: links and structured data, parsed once the region is known.
        self.pending_phones: list[tuple[str, str, str, int, int]] = []
        self._sequence = 0  # order of discovery, kept for phones parsed later
        self.parts: list[str] = []
        self.length = 0
        self.found: list[_Found] = []
        self.schema_types: set[str] = set()
        self.seen_links: set[str] = set()
        self.text = ""
        # For people and company facts: regions by (start, end) in the text stream.
        self.regions_open: list[tuple[HtmlElement, str, int]] = []
        self.decoy_ranges: list[tuple[int, int]] = []
        self.chrome_ranges: list[tuple[int, int, str]] = []
        self.hcards: list[HtmlElement] = []
        self.microdata_people: list[HtmlElement] = []
        self.json_ld: list = []
        self.mailto_links: list[tuple[str, str, int]] = []
        # Page layout for people's lines (processing.contacts.layout): where each block element
        # starts, and where an inline element ends before whitespace or another element (the
        # seam in "<strong>Name</strong> <em>Title</em>", one rendered line).
        self.blocks: list[tuple[int, HtmlElement]] = []
        self.seams: list[int] = []
        self.title_ranges: list[tuple[int, int]] = []  # elements whose class marks a job title
        self.title_columns: dict[HtmlElement, set[int]] = {}  # a table's title columns

    # -- building blocks -------------------------------------------------------------------

    def add_text(self, value: str | None) -> None:
        if value:
            self.parts.append(value)
            self.length += len(value)

    def _add(
        self,
        contact: FoundContact,
        position: int,
        phase: int = _ATTRIBUTE_PHASE,
        sequence: int | None = None,
    ) -> None:
        if sequence is None:
            sequence = self._next_sequence()
        self.found.append(_Found(contact, position, phase, sequence))

    def _next_sequence(self) -> int:
        self._sequence += 1
        return self._sequence

    def add_email(self, raw: str, source: str, context: str = "") -> None:
        address = normalize_email(raw)
        if address is None:
            # Structured values sometimes wrap the address in prose ("Email: a@b.com").
            address = next((m.address for m in find_emails(raw)), None)
        if address:
            self._add(_email_contact(address, source, context), self.length)

    def add_phone(self, raw: str, source: str, context: str = "") -> None:
        self.pending_phones.append((raw, source, context, self.length, self._next_sequence()))

    def _parse_phone(self, raw: str) -> tuple[str, str, str] | None:
        for region in self._regions():
            parsed = parse_phone(raw, region)
            if parsed is None:
                match = next(find_phones(raw, region), None)
                parsed = (match.e164, match.national, match.number_type) if match else None
            if parsed:
                return parsed
        return None

    def _regions(self) -> tuple[str, ...]:
        # The page's region first; the default still reads what it read before, so a wrong
        # guess can lose no number that is valid only in the default region.
        if self.region == self.default_region:
            return (self.region,)
        return (self.region, self.default_region)

    def resolve_region(self, *, url: str, languages: list[str | None], words: set[str]) -> str:
        """Choose the region from the page (after walk and scan_emails), then parse phones
        (``words``: the text's shapes.letter_words)."""
        self.region = choose_region(
            default=self.default_region,
            text=self.text,
            url=url,
            languages=languages,
            emails=[f.contact.value for f in self.found if f.contact.kind == "email"],
            raw_numbers=[raw for raw, *_ in self.pending_phones],
            words=words,
        )
        for raw, source, context, position, sequence in self.pending_phones:
            parsed = self._parse_phone(raw)
            if parsed:
                e164, national, number_type = parsed
                contact = FoundContact("phone", e164, national, number_type, source, context)
                self._add(contact, position, sequence=sequence)
        return self.region

    def add_social(self, url: str, source: str, context: str = "") -> None:
        normalised = normalize_social_url(url)
        if normalised:
            network, canonical = normalised
            self._add(
                FoundContact("social", canonical, canonical, network, source, context), self.length
            )

    def add_structured(self, value: StructuredValue, source: str) -> None:
        if value.kind == "email":
            raw = value.raw[7:] if value.raw.lower().startswith("mailto:") else value.raw
            self.add_email(raw, source, value.context)
        elif value.kind == "phone":
            self.add_phone(value.raw, source, value.context)
        else:
            self.add_social(value.raw, source, value.context)

    # -- the walk --------------------------------------------------------------------------

    def on_start(self, el: HtmlElement) -> None:
        tag = el.tag
        if tag in BLOCK_TAGS:
            self.add_text("\n")
            self.blocks.append((self.length, el))
        elif tag in SEPARATOR_TAGS:
            self.add_text(" ")
        if tag in _REGION_TAGS:
            self.regions_open.append((el, "decoy" if tag in DECOY_TAGS else tag, self.length))
        elif (cls := el.get("class")) is not None:
            if (DECOY_CLASS_RE.search(cls) and is_decoy_class(cls)) or (
                DECOY_CLASS_RE.search(ident := el.get("id", "")) and is_decoy_class(ident)
            ):
                self.regions_open.append((el, "decoy", self.length))
            elif ("h-card" in cls or "vcard" in cls) and not self._in_decoy():
                self.hcards.append(el)
            elif (
                (
                    "posi" in cls
                    or "titl" in cls
                    or "role" in cls
                    or "desig" in cls
                    or "fonc" in cls
                    or "funk" in cls
                )
                and TITLE_CLASS_RE.search(cls)
                and self._in_team(el)
            ):
                self.regions_open.append((el, "title", self.length))
        if (tag == "th" or (tag == "td" and self.title_columns)) and not (
            self.regions_open and self.regions_open[-1][0] is el
        ):
            self._on_cell(el)
        if el.get("itemtype"):
            types = microdata_types(el)
            self.schema_types.update(types)
            if "Person" in types and not self._in_decoy():
                self.microdata_people.append(el)
        if el.get("itemprop"):
            for value in microdata_contacts(el):
                self.add_structured(value, "microdata")
        if el.get("data-cfemail"):
            decoded = decode_cfemail(el.get("data-cfemail", ""))
            if decoded:
                self.add_email(decoded, "cfemail")
        if tag in ("a", "area"):
            self._on_link(el.get("href", "").strip(), el)
        elif tag == "script" and "ld+json" in el.get("type", "").lower():
            data = parse_json_ld(el.text or "")
            if data is not None:
                self.json_ld.append(data)
                types, values = walk_json_ld(data)
                self.schema_types.update(types)
                for value in values:
                    self.add_structured(value, "jsonld")

    def _on_cell(self, el: HtmlElement) -> None:
        if title_cell(el, self.title_columns):  # (processing.contacts.layout)
            self.regions_open.append((el, "title", self.length))

    @staticmethod
    def _in_team(el: HtmlElement) -> bool:
        return any(
            TEAM_CLASS_RE.search(node.get("class") or "") for node in (el, *el.iterancestors())
        )

    def _in_decoy(self) -> bool:
        return any(kind == "decoy" for _, kind, _ in self.regions_open)

    def close_region(self) -> None:
        _, kind, start = self.regions_open.pop()
        if kind == "decoy":
            self.decoy_ranges.append((start, self.length))
        elif kind == "title":
            self.title_ranges.append((start, self.length))
        else:
            self.chrome_ranges.append((start, self.length, kind))

    def _on_link(self, href: str, el: HtmlElement) -> None:
        if not href or href in self.seen_links:
            return  # a repeated link can only repeat a contact already recorded earlier
        self.seen_links.add(href)
        lowered = href[:10].lower()
        if lowered.startswith("mailto:"):
            addresses = parse_mailto(href)
            for address in addresses:
                self.add_email(address, "mailto")
            if addresses and not (self.regions_open and self._in_decoy()):
                text = " ".join(islice(el.itertext(), 8)) if len(el) else el.text or ""
                for address in addresses:
                    if normalised := normalize_email(address):
                        self.mailto_links.append((normalised, text[:120], self.length))
        elif lowered.startswith(("tel:", "callto:")):
            self.add_phone(href, "tel")
        elif (decoded := cfemail_from_href(href)) is not None:
            self.add_email(decoded, "cfemail")
        else:
            self.add_social(href, "href")

    def walk(self, root: HtmlElement) -> None:
        # The hot loop of extraction (every element twice): add_text is inlined, and the
        # running length is kept in self.length only where on_start reads it (positions).
        # A newline inside a run of words is a space as the browser renders it (only <pre>
        # keeps its lines), so "Associate\nDentist" in one paragraph stays one line. A run of
        # only whitespace between two elements keeps its newline: that is markup layout, and
        # such inline elements (a card's <span>title</span> then its <a>) are usually styled
        # as blocks. The replacement keeps every length, and so every position, unchanged.
        hidden = pre = 0
        parts = self.parts
        on_start = self.on_start
        regions_open = self.regions_open
        seams = self.seams
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if not isinstance(tag, str):  # comments and processing instructions
                if event == "end" and not hidden and (tail := el.tail):
                    parts.append(
                        tail.replace("\n", " ")
                        if "\n" in tail and not pre and not tail.isspace()
                        else tail
                    )
                    self.length += len(tail)
                continue
            if event == "start":
                on_start(el)
                if tag in HIDDEN_TAGS:
                    hidden += 1
                elif tag == "pre":
                    pre += 1
                if tag in SKIPPED_SUBTREES:
                    walker.skip_subtree()
                if not hidden and (text := el.text):
                    parts.append(
                        text.replace("\n", " ")
                        if "\n" in text and not pre and not text.isspace()
                        else text
                    )
                    self.length += len(text)
            else:
                if regions_open and el is regions_open[-1][0]:
                    self.close_region()
                if tag in HIDDEN_TAGS:
                    hidden -= 1
                elif tag == "pre":
                    pre -= 1
                tail = None if hidden else el.tail  # (lxml builds the string at each access)
                if tag in BLOCK_TAGS:
                    parts.append("\n")
                    self.length += 1
                else:
                    if tag in SEPARATOR_TAGS:
                        parts.append(" ")
                        self.length += 1
                    if not hidden and (tail is None or tail[:1].isspace()):
                        seams.append(self.length)
                if tail:
                    parts.append(
                        tail.replace("\n", " ")
                        if "\n" in tail and not pre and not tail.isspace()
                        else tail
                    )
                    self.length += len(tail)
        self.text = "".join(parts)

    def scan_emails(self) -> None:
        """Find addresses written out in the visible text."""
        text = self.text
        for match in chain(find_emails(text), find_obfuscated_emails(text)):
            source = "obfuscated" if match.obfuscated else "text"
            context = snippet(text, match.start, match.end)
            self._add(_email_contact(match.address, source, context), match.start, _TEXT_PHASE)

    def scan_phones(self) -> None:
        """Find numbers written out in the visible text (after resolve_region)."""
        text = self.text
        taken: list[tuple[int, int]] = []
        for region in self._regions():
            for phone in find_phones(text, region):
                if any(phone.start < end and start < phone.end for start, end in taken):
                    continue  # already read in the page's own region
                taken.append((phone.start, phone.end))
                context = snippet(text, phone.start, phone.end)
                contact = FoundContact(
                    "phone", phone.e164, phone.national, phone.number_type, "text", context
                )
                self._add(contact, phone.start, _TEXT_PHASE)

    def contacts(self) -> list[FoundContact]:
        """Deduplicated by (kind, value), in order of first appearance on the page."""
        seen: set[tuple[str, str]] = set()
        result: list[FoundContact] = []
        for found in sorted(self.found, key=lambda f: (f.position, f.phase, f.sequence)):
            contact = found.contact
            key = (contact.kind, contact.value)
            if key in seen:
                continue
            seen.add(key)
            if not contact.context:
                # Links sit before their anchor text in the stream, so look mostly ahead.
                context = snippet(self.text, found.position, found.position, 60, 140)
                contact = FoundContact(
                    contact.kind,
                    contact.value,
                    contact.display,
                    contact.classification,
                    contact.source,
                    context,
                )
            result.append(contact)
        return result
