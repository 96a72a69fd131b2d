"""Whether a phrase of a page's text is a person's title: a title alone on its line, a title at
another organisation (a client's, a guest's), a firm's name after a person's name (an
outsider's), the title a plural label gives each person it names, a title in prose; a contact
label, and a heading that makes a page a directory of other firms.

Read by processing.contacts.people and processing.contacts.people_prose; plain Python over the
vocabulary of processing.contacts.roles and the name test of processing.contacts.names.
"""

from __future__ import annotations

import re

from processing.contacts.layout import Layout
from processing.contacts.names import clean_name
from processing.contacts.roles import ANY_ROLE_RE, is_role

NAME_ROLE_RE = re.compile(
    r"^(?P<name>[^,–—|(:]{3,70}?)\s*(?:,|–|—|\||\(| - | / )\s*(?P<role>[^()]{2,70}?)\)?"
    r"(?:(?<!\.\w)\.)?$"  # a closing full stop, not an abbreviation's ("Kinésithérapeute D.E.")
)
# "Contact: Linda Park": a person the page names as its contact, with no title.
CONTACT_LABEL_RE = re.compile(
    r"contact(?: person)?|ansprechpartner(?:in)?|kontaktperson|contactpersoon|interlocuteur|"
    r"referente|persona di contatto|persona de contacto",
    re.IGNORECASE,
)
# A heading over a list of other firms (dealers, stockists, retailers) with their contacts: the
# people such a page names work for them, not for the site's business.
_DIRECTORY_RE = re.compile(
    r"(?:find an? |our |authori[sz]ed |local )?(?:dealers?|stockists?|retailers?|resellers?|"
    r"distributors?)(?: near you| locator| map)?|where to buy|store locator|händler(?:suche|"
    r"verzeichnis)?|unsere händler|points de vente|nos revendeurs|rivenditori(?: autorizzati)?|"
    r"verkooppunten|dealers in uw buurt",
    re.IGNORECASE,
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_AFFILIATION_RE = re.compile(r"(?:,|\s(?:at|bei|chez)\s)\s*(?P<org>[^,]+)$")
_ORG_JOINERS = frozenset({"&", "and", "of", "the", "und", "et", "de", "du", "des"})
# A collective noun is no title ("our team of three florists, Anna Lee and Bob Ray").
_COLLECTIVES = frozenset("team staff crew family group équipe mannschaft".split())
# The last word of a firm's name ("Dowell Design Studio", "Meeks Associates"), legal forms too.
_FIRM_WORDS = frozenset(
    """associates partners studio studios design designs architects consulting consultants
    consultancy solutions agency builders construction group ltd limited llp llc inc plc gmbh
    ag kg sarl sas""".split()
)


def affiliated(role: str) -> bool:
    """Whether a title names another organisation ("Facilities Manager, Northgate Schools",
    "Operations Director at Brightside Homes"): a client's or a speaker's, not the team's."""
    m = _AFFILIATION_RE.search(role)
    if m is None:
        return False
    words = m.group("org").split()
    return (
        len(words) >= 2
        and all(w[:1].isupper() or w.lower() in _ORG_JOINERS for w in words)
        and not is_role(m.group("org"))
    )


# "Head of Growth at Loopwise": a title at a named organisation (one capitalised word is enough
# after "at"; after a comma, affiliated() asks for two).
_AT_ORG_RE = re.compile(
    r"\s(?:at|bei|chez|presso|bij)\s+(?P<org>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|of|and|"
    r"the|und|de)){0,4})$"
)
# "directeur Ondernemershuis Utrecht": a title written in lower case, then a firm's name.
_TITLE_ORG_RE = re.compile(
    r"(?P<title>[a-zß-ÿ][\w-]*(?:\s+[a-zß-ÿ][\w-]*){0,2})\s+"
    r"(?P<org>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|van|de|der)){1,3})$"
)
# An organisation's words that say where in the business, not which business ("at Head Office").
_PLACE_WORDS = frozenset(
    "head office branch home store shop clinic practice studio site hq headquarters".split()
)


def works_elsewhere(role: str, site: str) -> bool:
    """Whether a title names an organisation that is not the site's business ("CEO, Brightpath
    Analytics" or "Head of Growth at Loopwise" on a podcast's page): a guest's or a speaker's
    title, not the team's. ``site`` is the page's host; an organisation whose name it carries
    ("Office Manager at Smith Plumbing" on smithplumbing.com) is the site's own."""
    m = _AT_ORG_RE.search(role) or _TITLE_ORG_RE.match(role)
    if m is not None and ("title" not in m.groupdict() or is_role(m.group("title"))):
        org = m.group("org")
    elif affiliated(role):
        org = _AFFILIATION_RE.search(role).group("org")
    else:
        return False
    words = [w.strip(".,'’").casefold() for w in org.split()]
    if _PLACE_WORDS.intersection(words) or is_role(org):
        return False
    host = "".join(ch for ch in site.casefold() if ch.isalnum())
    own = "".join(ch for word in words for ch in word if ch.isalnum())
    return not (
        host
        and (own in host or any(len(w) >= 4 and w not in _FIRM_WORDS and w in host for w in words))
    )


def grid_role(line: str) -> bool:
    """A line that is a title and nothing else (not "Name, Title", not "Label: ...", not a
    title at another organisation)."""
    if ":" in line or not is_role(line) or clean_name(line) or affiliated(line):
        return False
    inner = NAME_ROLE_RE.match(line)
    return not (inner and clean_name(inner.group("name")))


def firm(text: str, names: list[str]) -> bool:
    """Whether ``text`` after a name is a firm's name, not the person's title: it carries the
    person's surname ("Paul Meeks, Meeks Associates") or ends with a firm's word and is no
    title ("Jane Dowell, Dowell Design Studio"): the person works for another organisation."""
    words = [w.strip(",.").casefold() for w in text.split()]
    if not words:
        return False
    surnames = {n.split()[-1].casefold() for n in names if n}
    if surnames.intersection(words):
        return True
    return words[-1] in _FIRM_WORDS and not is_role(text)


# "Vertreten durch die Geschäftsführer:", "Represented by the directors:": the title follows.
_REPRESENTED_BY_RE = re.compile(
    r"(?:vertreten durch|represented by|représentée? par|rappresentat[ao] da|"
    r"vertegenwoordigd door)\s+(?:(?:die|den|der|the|les?|la|il|i|dal|dalla|de)\s+)?",
    re.IGNORECASE,
)


def singular(label: str) -> str:
    """A label's title for each person it names: "Directors: Sam Patel and Helen Wu" makes each
    a "Director" (an English or French plural of a title of the vocabulary; German plurals
    stay as written); "Vertreten durch die Geschäftsführer" names them by the title."""
    if (by := _REPRESENTED_BY_RE.match(label.strip())) and is_role(label.strip()[by.end() :]):
        label = label.strip()[by.end() :]
    head, _, last = label.strip().rpartition(" ")
    if last[-1:] in "sS" and last[-2:-1] not in "sS" and ANY_ROLE_RE.fullmatch(last[:-1]):
        return f"{head} {last[:-1]}".strip()
    return label


def title_phrase(text: str) -> bool:
    """A short phrase of prose that is a title and ends with one ("Managing Director",
    "owner"; not "team of three florists")."""
    text = text.strip()
    words = text.casefold().split()
    return (
        0 < len(words) <= 5
        and not _COLLECTIVES.intersection(words)
        and grid_role(text)
        and any(m.end() == len(text) for m in ANY_ROLE_RE.finditer(text))
    )


def directory(lines: list[tuple[int, str, int]], layout: Layout) -> bool:
    """Whether a heading of the page says it lists dealers, stockists or retailers ("Find a
    dealer", "Our stockists"; a menu's link to such a page is no heading)."""
    return any(
        len(line) <= 40 and _DIRECTORY_RE.fullmatch(line) and layout.tag(start) in _HEADINGS
        for start, line, _ in lines
    )
