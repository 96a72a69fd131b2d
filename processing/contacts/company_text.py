"""Company facts the visible text states: legal pages (Impressum, mentions légales, UK company
information) read whole, other pages for their copyright line and one-line addresses.

The facts are processing.contacts.company's (kinds, ranks, VAT checking); this module reads
them from text. Hand-written regular expressions: no package reads these legal-page forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import exceptions as stdnum_exceptions
from stdnum.de import handelsregisternummer
from stdnum.fr import siren as fr_siren

from processing.contacts.company import (
    ADDRESS,
    COMPANY_NUMBER,
    LEGAL_NAME,
    MAX_VALUE,
    RANK_COPYRIGHT,
    RANK_LEGAL_PAGE,
    REGISTER_ID,
    SIREN,
    VAT_ID,
    valid_vat,
)
from processing.contacts.results import FoundCompanyFact
from processing.contacts.shapes import may_hold_postcode

# --- the legal page ----------------------------------------------------------------------------

LEGAL_PAGE_RE = re.compile(
    r"impressum|imprint|mentions l[ée]gales|legal notice|legal information|angaben gem[äa](?:ß|ss)|"
    r"company information|registered office|si[èe]ge social|handelsregister|registergericht|"
    r"company (?:registration )?(?:number|no)|registered in (?:england|scotland|wales)|"
    r"\bsiren\b|\bsiret\b|\brcs\b|note legali|ragione sociale|dati societari",
    re.IGNORECASE,
)
# Literal pieces of LEGAL_PAGE_RE: a page holding none of them is not read with it.
_LEGAL_WORDS = (
    "impressum",
    "imprint",
    "mentions l",
    "legal",
    "angaben",
    "company ",
    "register",
    "siège",
    "siege",
    "handelsreg",
    "siren",
    "siret",
    "rcs",
    "note legali",
    "ragione",
    "dati societari",
)
_FORMS = (
    r"GmbH & Co\.? KG|GmbH|gGmbH|UG \(haftungsbeschränkt\)|AG|KG|OHG|e\.\s?K\.|e\.\s?V\.|"
    r"GbR|PartG(?: mbB)?|SARL|S\.A\.R\.L\.|SAS|SASU|SA|EURL|SCI|SNC|SELARL|Ltd\.?|Limited|LLP|"
    r"PLC|plc|LLC|Inc\.?|Co\.,? Ltd\.?|S\.r\.l\.s?|S\.R\.L\.|Srl|SRL|S\.p\.A\.|SpA|S\.a\.s\.|"
    r"S\.n\.c\.|B\.V\.|BV|N\.V\.|NV|BVBA|VOF|CommV"
)
_LEGAL_NAME_LINE_RE = re.compile(
    rf"^(?P<name>[A-ZÄÖÜÉÈ0-9][\w&.,'’ -]{{1,80}}?\s(?P<form>{_FORMS}))\.?$"
)
# Before a legal form: the words of a company's name (capitalised, or these joining words).
_NAME_JOINERS = frozenset(
    "& and und et de du des la le les of the für am an der die das im zum zur von y di".split()
)
# A name directly followed by a registration statement (also across a footer's "·" or "|"), or
# directly after a name label.
_REGISTERED_AFTER_RE = re.compile(
    r"\s*[.,·|•]?\s+(?:is\s+(?:a\s+(?:private\s+)?(?:limited\s+)?(?:liability\s+)?(?:company|"
    r"partnership)\s+)?)?(?:registered\s+in|company\s+(?:registration\s+)?(?:no|number)|"
    r"au\s+capital|immatricul|eingetragen)",
    re.IGNORECASE,
)
_NAME_LABEL_RE = re.compile(
    r"(?:raison\s+sociale|dénomination(?:\s+sociale)?|firmenname|firma|company\s+name|"
    r"registered\s+name|ragione\s+sociale|denominazione(?:\s+sociale)?|statutaire\s+naam|"
    r"handelsnaam)\s*:\s*$",
    re.IGNORECASE,
)
_FORM_RE = re.compile(rf"(?<![\w])(?:{_FORMS})(?![\w])")


def _legal_name(value: str) -> str:
    """A legal name as kept: "Ltd." at a sentence's end is the form "Ltd"."""
    value = " ".join(value.split()).strip(" ,")
    return value[:-1] if value.endswith(" Ltd.") else value


def _stated_names(line: str) -> Iterator[str]:
    """Names before a legal form that a registration statement follows or a label precedes
    ("Harris Build Ltd. Registered in England", "Raison sociale : Garnier Menuiserie SAS")."""
    for m in _FORM_RE.finditer(line):
        registered = _REGISTERED_AFTER_RE.match(line, m.end())
        if not registered and not _NAME_LABEL_RE.search(_label_before(line, m.start())):
            continue
        words: list[str] = []
        for word in reversed(line[: m.start()].split()):
            if word.endswith((":", ".", ";", ",")) or word.isdigit():
                break
            if not (word[0].isupper() or word[0].isdigit() or word.lower() in _NAME_JOINERS):
                break
            words.insert(0, word)
        while words and words[0].lower() in _NAME_JOINERS and not words[0][0].isupper():
            words.pop(0)
        if words:
            yield _legal_name(f"{' '.join(words)} {m.group()}")


def _label_before(line: str, end: int) -> str:
    """The text before the name that ends at ``end`` (where a name label would stand)."""
    head = line[:end].rstrip()
    cut = head.rfind(":")
    return head[: cut + 1] if cut != -1 else ""


_COPYRIGHT_RE = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?\s*(?P<name>[A-ZÄÖÜÉÈ0-9]"
    rf"[\w&.,'’ -]{{1,80}}?\s(?:{_FORMS}))(?![\w])",
    re.IGNORECASE,
)
_STREET_RE = re.compile(
    r"^[^\d\n]{3,60}?\s\d{1,4}\s?[a-zA-Z]?(?:[-/]\d{1,4})?$|^\d{1,4}[a-z]?,?\s[^\d\n]{3,60}$"
)
# Postcodes before the city: four or five digits, Dutch "3521 AB", Swedish "211 45".
_POST = r"(?P<post>\d{4}\s?[A-Z]{2}(?=\s)|\d{3}\s\d{2}(?=\s)|\d{4,5})"
_POSTAL_CITY_RE = re.compile(
    rf"^(?:(?:D|F|A|CH|B|NL)-)?{_POST}\s+(?P<city>[A-ZÄÖÜÉÈ][\w .'’()/-]{{1,40}})$"
)
_GB_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
_GB_CITY_RE = re.compile(rf"^(?P<city>[A-Z][\w .'’-]{{1,40}}?),?\s+(?P<post>{_GB_POSTCODE})$")
_GB_POSTCODE_LINE_RE = re.compile(rf"^(?P<post>{_GB_POSTCODE})$")
_ONE_LINE_ADDRESS_RE = re.compile(
    r"(?P<street>[A-ZÄÖÜ][^\d\n,]{2,50}?\s(?P<number>\d{1,4})\s?[a-z]?|\d{1,4},?\s[^\d\n,]{3,50}?),"
    rf"\s*(?:(?:D|F|A|CH|B|NL)-)?{_POST}\s+(?P<city>[A-ZÄÖÜÉÈ][\w.'’-]+(?:\s(?:am|an der|im|"
    r"sur|en|de|upon|on)?\s?[A-ZÄÖÜÉÈ][\w.'’-]+)?)"
)
_GB_ONE_LINE_RE = re.compile(
    r"(?<![\w,])(?P<street>(?:(?:Unit|Flat|Suite) \d{1,4}[A-Z]?,? (?:\d{1,4}[a-z]?,? )?|"
    r"\d{1,4}[a-z]?,? )[A-Z][\w'’ -]{2,40}?(?:, [A-Z][\w'’ -]{2,40}?)?), "
    rf"(?P<city>[A-Z][\w'’ -]{{1,30}}?),? (?P<post>{_GB_POSTCODE})(?![\w])"
)
_US_UNIT = r"(?:,?\s(?:Suite|Ste\.?|Unit|Apt\.?|Floor|Fl\.?|#)\s?#?[\w-]{1,6})"
_US_ADDRESS_RE = re.compile(
    rf"(?P<street>\d{{1,6}}\s[A-Z][\w .'’-]{{2,50}}?{_US_UNIT}?),\s*"
    r"(?P<city>[A-Z][\w .'’-]{1,30}),\s*(?P<state>[A-Z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)"
)
# A US address on two lines: "2750 Harbor Blvd, Suite 300" over "Norfolk, VA 23510".
_US_STREET_RE = re.compile(rf"^\d{{1,6}}[A-Z]?\s[^\d\n,]{{3,50}}?{_US_UNIT}?$")
_US_CITY_RE = re.compile(
    r"^(?P<city>[A-Z][\w .'’-]{1,30}),\s*(?P<state>[A-Z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)$"
)
_GB_BARE_VAT_RE = re.compile(
    r"VAT(?:\s?(?:Reg(?:istration)?\.?|No\.?|Number|number))+\s*[:.]?\s*"
    r"(?P<number>\d{3}\s?\d{4}\s?\d{2})(?![\d\w])"
)
_HRB_RE = re.compile(r"(?P<type>HRB|HRA|GnR|PR|VR)\s?(?P<number>\d{1,6}(?:\s?[A-Z]{1,2})?)(?![\w])")
_COURT_RE = re.compile(
    r"(?:Amtsgericht|Registergericht:?\s*(?:Amtsgericht)?|AG)\s+(?P<court>[A-ZÄÖÜ][\w.\-/]+"
    r"(?:\s(?:am|an der|im|in der|i\.\s?d\.)\s[A-ZÄÖÜ][\w.\-/]+|\s\([A-Za-z]+\))?)"
)
_UK_COMPANY_RE = re.compile(
    r"(?:company\s(?:registration\s)?(?:no\.?|number)|registered\sin\s(?:england(?:\sand|\s&)\s"
    r"wales|scotland|wales|northern\sireland)[^.\n\d]{0,40}?|companies\shouse(?:\sno\.?)?|"
    r"\bcrn\b)\s*[:.]?\s*(?:no\.?|number)?\s*[:.]?\s*(?P<number>(?:SC|NI|OC|SO|NC|R0)?\d{6,8})"
    r"(?![\w])",
    re.IGNORECASE,
)
_SIREN_RE = re.compile(
    r"(?:SIREN|SIRET|RCS(?:\s(?:de\s|d['’])?[A-ZÉ][\w\-]+)?(?:\ssous\sle\s(?:numéro|n°))?)"
    r"\s*(?:n°|no\.?|:)?\s*:?\s*(?P<number>\d{3}\s?\d{3}"
    r"\s?\d{3})(?:\s?\d{5})?(?!\d)",
    re.IGNORECASE,
)


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]


_LABEL_RE = re.compile(r"^[^:\d]{2,40}:\s*")
# Each opens with the character class it scans for (a look-behind first would stop the regular
# expression engine from skipping ahead to candidates in C).
_POSTCODE_HINT_RE = re.compile(r"\d(?<!\d\d)\d{4}(?!\d)")
# A four-digit postcode (Austria, Belgium, Switzerland, the Netherlands) where a line or a
# footer's part begins: "2018 Antwerpen", "· 4710 Grieskirchen", ", 3521 AB Utrecht".
_POSTCODE4_HINT_RE = re.compile(
    r"\d(?:(?<=\n\d)|(?<=[·|–—,]\s\d))(?:\d{3}(?:\s?[A-Z]{2})?|\d\d\s\d\d)\s[A-ZÄÖÜÉÈ]"
)
# Where a footer's line divides into parts ("Firm · Street 1 · 1234 City · VAT …").
_PART_RE = re.compile(r"\s[–—·|•]\s")
_GB_POSTCODE_HINT_RE = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Z]?\d[A-Z\d]?\s?\d[A-Z]{2}")


def _addresses(lines: list[str], source: str, rank: int) -> Iterator[FoundCompanyFact]:
    # A footer's parts are lines of their own (the firm's name or "Titolare: Name" before the
    # street is no part of the address).
    lines = [
        _LABEL_RE.sub("", part)
        for line in lines
        for part in (_PART_RE.split(line) if _PART_RE.search(line) else (line,))
    ]
    for i, line in enumerate(lines):
        if (m := _POSTAL_CITY_RE.match(line)) and i and _STREET_RE.match(lines[i - 1]):
            value = f"{lines[i - 1]}, {m.group('post')} {m.group('city')}"
            yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
        elif (m := _GB_CITY_RE.match(line)) and i and _STREET_RE.match(lines[i - 1]):
            value = f"{lines[i - 1]}, {m.group('city')} {m.group('post')}"
            yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
        elif (m := _US_CITY_RE.match(line)) and i and _US_STREET_RE.match(lines[i - 1]):
            value = f"{lines[i - 1]}, {m.group('city')}, {m.group('state')} {m.group('zip')}"
            yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
        elif (m := _GB_POSTCODE_LINE_RE.match(line)) and i > 1 and _STREET_RE.match(lines[i - 2]):
            value = f"{lines[i - 2]}, {lines[i - 1]} {m.group('post')}"
            yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
        else:
            for m in _ONE_LINE_ADDRESS_RE.finditer(line):
                if len(m.group("post")) == 4 and len(m.group("number") or "") == 4:
                    continue  # "Seit 1961, 2020 …": a year, no street number
                city = m.group("city").rstrip(".")
                value = f"{m.group('street').strip()}, {m.group('post')} {city}"
                yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
            for m in _GB_ONE_LINE_RE.finditer(line):
                value = f"{m.group('street')}, {m.group('city')} {m.group('post')}"
                yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)
            for m in _US_ADDRESS_RE.finditer(line):
                value = (
                    f"{m.group('street')}, {m.group('city')}, {m.group('state')} {m.group('zip')}"
                )
                yield FoundCompanyFact(ADDRESS, value[:MAX_VALUE], source, rank)


# A VAT id's shape: a country prefix (two letters, Switzerland's CHE), then eight to fourteen
# letters and digits with single separators ("BE 0471.823.044", "CHE-114.532.686 MWST"). Opens
# with the class it scans for (a look-behind first would stop the engine skipping ahead in C).
_VAT_SHAPE_RE = re.compile(
    r"[A-Z](?<![\w.][A-Z])[A-Z]E?[\s.-]?[A-Z]{0,2}\d(?:[\s.-]?[0-9A-Z]){6,13}"
    r"(?:\s(?:MWST|TVA|IVA))?"
)
_VAT_PREFIXES = frozenset(
    "AT BE BG CY CZ DE DK EE EL ES FI FR GB HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI".split()
)
# The labels VAT ids stand after, in the languages of the countries that issue them, as pages
# write them ("Ust-IdNr.", "UST-ID", "N° Tva" too): case-sensitive literals, each opening with
# a capital or "btw" (one pass that skips ahead in C; a lower-case "vat"/"tva" would stop it at
# every "t" and "v" of the text, and costs 8 us a page).
_VAT_LABEL_RE = re.compile(
    "Umsatzsteuer|Mehrwertsteuer|VAT|Vat|BTW|Btw|btw|IVA|TVA|Tva|MWST|MwSt|Mwst|USt|Ust|UST|UID|"
    "NIF|CIF|NIP|DIČ|DPH|ALV|Moms|MOMS|AFM|ΑΦΜ|ДДС|PVM|KMKR|PVN|DDV|PDV|ÁFA|FPA"
)
# Off the legal page a VAT id is the footer's: only the text's last characters are read.
FOOTER_CHARS = 2_000
_VAT_REACH = 60  # characters from the label's end to the id


def labelled_vat_ids(text: str, rank: int) -> Iterator[FoundCompanyFact]:
    """VAT ids of any EU member state (and Switzerland's) that a label stands just before
    ("P.IVA IT02548710165", "BTW NL854190326B01", "TVA BE 0736.251.972") and whose check
    digits hold (python-stdnum): the one reader of prefixed VAT ids, on the legal page (read
    whole) and in any other page's footer (its last FOOTER_CHARS: a footer states them on
    every page). A British number without its prefix is _register_ids' (legal pages only)."""
    seen = set()
    for label in _VAT_LABEL_RE.finditer(text):
        m = _VAT_SHAPE_RE.search(text, label.end(), label.end() + _VAT_REACH)
        if m is None or m.start() in seen:
            continue
        seen.add(m.start())
        raw = m.group()
        if raw[:2] not in _VAT_PREFIXES and not raw.startswith("CHE"):
            continue
        while raw:  # the shape may run on into the next word ("IT02548710165 REA")
            if vat := valid_vat(raw):
                yield FoundCompanyFact(VAT_ID, vat, "text", rank)
                break
            raw = raw.rpartition(" ")[0]


def _register_ids(text: str) -> Iterator[FoundCompanyFact]:
    for m in _GB_BARE_VAT_RE.finditer(text):  # "VAT No: 167 4191 49" on a British page
        if vat := valid_vat("GB" + m.group("number").replace(" ", "")):
            yield FoundCompanyFact(VAT_ID, vat, "text", RANK_LEGAL_PAGE)
    for m in _HRB_RE.finditer(text):
        window = text[max(0, m.start() - 120) : m.end() + 120]
        court = _COURT_RE.search(window)
        number = f"{m.group('type')} {m.group('number').replace(' ', '')}"
        if court:
            court_name = " ".join(court.group("court").split())
            value = f"{number}, Amtsgericht {court_name}"
            try:
                handelsregisternummer.validate(f"{court_name} {number}")
            except stdnum_exceptions.ValidationError:
                continue
            yield FoundCompanyFact(REGISTER_ID, value[:MAX_VALUE], "text", RANK_LEGAL_PAGE)
    for m in _UK_COMPANY_RE.finditer(text):
        number = m.group("number").upper()
        number = number if not number.isdigit() else number.zfill(8)
        yield FoundCompanyFact(COMPANY_NUMBER, number, "text", RANK_LEGAL_PAGE)
    for m in _SIREN_RE.finditer(text):
        number = m.group("number").replace(" ", "")
        if fr_siren.is_valid(number):
            yield FoundCompanyFact(SIREN, number, "text", RANK_LEGAL_PAGE)


def company_from_text(text: str) -> list[FoundCompanyFact]:
    """Facts the visible text states: all of them on a legal page, else copyright and address."""
    facts: list[FoundCompanyFact] = []
    lowered = text.lower()
    legal = any(word in lowered for word in _LEGAL_WORDS) and bool(LEGAL_PAGE_RE.search(text))
    if legal:
        lines = _lines(text)
        for line in lines:
            m = _LEGAL_NAME_LINE_RE.match(line)
            if (
                m
                and all(  # a name, not a sentence that ends in one
                    w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_JOINERS
                    for w in m.group("name")[: m.start("form") - m.start("name")].split()
                )
            ):
                name = _legal_name(m.group("name"))
                facts.append(FoundCompanyFact(LEGAL_NAME, name, "legal_page", RANK_LEGAL_PAGE))
            elif _FORM_RE.search(line):
                for name in _stated_names(line):
                    facts.append(FoundCompanyFact(LEGAL_NAME, name, "legal_page", RANK_LEGAL_PAGE))
        facts.extend(_addresses(lines, "legal_page", RANK_LEGAL_PAGE))
        facts.extend(labelled_vat_ids(text, RANK_LEGAL_PAGE))
        facts.extend(_register_ids(text))
    elif may_hold_postcode(text) and (
        _POSTCODE_HINT_RE.search(text)
        or _GB_POSTCODE_HINT_RE.search(text)
        or _POSTCODE4_HINT_RE.search(text)
    ):
        facts.extend(_addresses(_lines(text), "text", RANK_COPYRIGHT))
    if not legal:
        facts.extend(labelled_vat_ids(text[-FOOTER_CHARS:], RANK_COPYRIGHT))
    for m in _copyright_matches(text, lowered):
        facts.append(
            FoundCompanyFact(LEGAL_NAME, _legal_name(m.group("name")), "copyright", RANK_COPYRIGHT)
        )
    return facts


def _copyright_matches(text: str, lowered: str) -> Iterator[re.Match]:
    # The pattern tried only where a copyright sign or word stands (a case-insensitive
    # alternation scanned over the whole page costs more than the rest of company_from_text),
    # and only where a word within its reach may open a legal form (_may_name_form).
    for marker in ("©", "(c)", "copyright"):
        start = lowered.find(marker)
        while start != -1:
            if _may_name_form(text, start) and (m := _COPYRIGHT_RE.match(text, start)):
                yield m
            start = lowered.find(marker, start + 1)


# _COPYRIGHT_RE up to its name: the marker, then the year's characters (digits, dashes, spaces).
_COPYRIGHT_HEAD_RE = re.compile(r"(?:©|\(c\)|copyright)(?P<year>[\s\d\-–]*)", re.IGNORECASE)
# The first two characters of each legal form, lower-cased (every form opens with two literals).
_FORM_HEADS = frozenset(form.replace("\\", "")[:2].lower() for form in _FORMS.split("|"))


def _may_name_form(text: str, start: int) -> bool:
    """False when _COPYRIGHT_RE cannot match at ``start``: no word within its reach opens with a
    legal form's first two letters. The pattern fails slowly (12 us on "© 2026 Business 0":
    its lazy name tries every form after every space), the common case off a company's site.

    The name starts within or right after the year's characters and runs 2 to 81 characters to
    the space before the form, so the form is a word starting before ``head.end() + 83``. A word
    with a non-ASCII character in its first two may match a form case-insensitively in ways
    ``lower`` does not tell (re folds the long s to s, the Kelvin sign to k): it is let through.
    """
    head = _COPYRIGHT_HEAD_RE.match(text, start)
    if head is None:
        return False
    for word in text[head.start("year") : head.end() + 84].split():
        first = word[:2]
        if not first.isascii() or first.lower() in _FORM_HEADS:
            return True
    return False
