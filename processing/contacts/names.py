"""Whether a string is a person's full name, and the forms of it that e-mail addresses use.

Precision first: a name is two to four words, each capitalised as names are (``McDonald``,
``O'Brien``, ``Lisa-Marie``, ``DUPONT``), with the particles names carry (``von``, ``de la``,
``van der``), after academic and courtesy titles (``Dr. med.``, ``Mme``, ``Herr``) are set
aside. A word that headings, navigation, addresses, companies, calendars or job titles use
(``Contact Us``, ``Meet the Team``, ``Gartenweg``, ``GmbH``, ``Monday``, ``Managing Director``)
makes the string not a name, and so does a last word that is an initial (``Sarah K.``).

Hand-written: nameparser (PyPI) splits a string it is told is a name into its parts but does
not say whether it is one, and takes about 140 us a call; the checks here are one regular
expression and a set lookup per word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from processing.contacts.roles import ANY_ROLE_RE
from scrapersky.person_names import PARTICLES, TITLES, first_last, split_name

__all__ = [
    "PARTICLES",
    "TITLES",
    "clean_name",
    "first_last",
    "local_matches_name",
    "local_spells_name",
    "name_key",
    "split_name",
]

# Latin (with Extended-A and the Vietnamese letters of Extended Additional, whose cases
# alternate and so stand in both classes), Greek and Cyrillic.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ\u0386-\u03abЀ-Я"
_LOWER = "a-zß-öø-ÿā-ſḀ-ỿ\u03ac-\u03ceа-џ"
# One word of a name: capitalised (with Mc/Mac/O'/d' forms and hyphenated parts) or all caps.
_WORD = (
    rf"(?:(?:O['’]|D['’]|Mc|Mac)?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
    rf"|(?:O['’]|D['’])?[{_UPPER}]{{2,}})"
)
_WORD_RE = re.compile(rf"{_WORD}(?:-{_WORD})*")
_INITIAL_RE = re.compile(rf"[{_UPPER}]\.")
# Words that are never part of a person's name on a small-business site. Months that are also
# given names (April, May, June, August, Mai) are not among them: a date has digits, no name has.
# Title words that qualify a title and are never a name ("Founding Partner", "Travel Agent",
# "Pastry Cook": the title is also a surname, so the qualifier tells them apart), words of
# firms' names ("Dowell Design Studio", "Meeks Associates") and of memberships ("Mitglied der
# WKÖ") are among them.
NOT_NAME_WORDS = frozenset(
    """
    contact contacts us our team meet the about home services service welcome opening hours
    hour street straße strasse str road rd avenue ave lane ln drive way weg platz allee gasse
    ring rue boulevard chemin place impasse quai gmbh ltd limited inc llc ag kg ug ohg gbr sarl
    sas sa eurl plc llp company group holding privacy policy cookie cookies accept settings
    impressum imprint legal notice mentions légales datenschutz kontakt über uns read more
    learn news blog posts post january february march september
    october november december monday tuesday wednesday thursday friday saturday sunday
    montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi
    vendredi samedi dimanche januar februar märz juni juli oktober dezember janvier février
    mars avril juin juillet août septembre octobre novembre décembre customer customers
    client clients happy review reviews photo image stock free quote request book call email
    e-mail phone telefon téléphone fax follow find new get our your call now click here menu
    page pages site website copyright rights reserved terms conditions shop store cart login
    sign register search office offices location locations branch hq headquarters department
    sales support billing info help faq gallery portfolio projects project careers jobs job
    press media partners clients testimonials mission vision values story history
    auto repair dental bakery law firm plumbing bikes bike garage werkstatt bäckerei kanzlei
    praxis cabinet boulangerie garage équipe notre nos unser unsere mon ma vos votre the and
    und et of für pour with mit avec at bei chez all alle tous thank thanks danke merci
    north south east west nord süd ost sud est ouest city stadt ville centre center zentrum
    downtown uptown square bridge market station airport university college school
    hospital clinic klinik hotel restaurant café cafe bar pub apartment suite floor building
    ihre ihr ansprechpartner ansprechpartnerin open positions position vacancies apply
    installation repair cleaning heater water boiler drain prices sale offer offers
    road bike gravel catalog product products specials daily weekly emergency licensed
    founding senior equity salaried estate travel lettings insurance pastry sous commis
    property booking bookings area areas
    studio studios design designs associates partners architects consulting consultants
    consultancy solutions agency builders construction landscapes landscaping interiors
    estates properties realty motors systems technologies digital creative
    member members mitglied mitglieder membre membres miembro
    """.split()
)
# Particles that never open a name: a name read from its surname on ("Ní Bhriain" of "Aoife Ní
# Bhriain") is not the person's whole name. (Van, Del, De, Al are also given names.)
_PARTICLES_ONLY = frozenset("ní nic ó von zu zur ter ten der den ibn bint della dos".split())
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_LOCAL_NOISE_RE = re.compile(r"[._\-+0-9]")  # what an address's local part adds to a name
MAX_NAME_CHARS = 60
# Titles that are also common surnames (Tom Baker, Sam Cook).
_SURNAME_TITLES = frozenset({"baker", "cook", "clerk", "agent", "meister", "partner"})


# The functions below depend on their strings alone, and a site's pages ask them the same
# questions (its footer's mailto link text, its team's names, their addresses): each answer is
# remembered, like emails.normalize_email's.
_MEMORY = 4096


@lru_cache(maxsize=_MEMORY)
def clean_name(text: str) -> str | None:
    """The person's name in ``text`` (titles set aside), or None when ``text`` is not a name."""
    text = " ".join(text.split()).strip(" ,;:|–—-·•")
    if not text or len(text) > MAX_NAME_CHARS + 30:
        return None
    _, words = split_name(text)
    if not 2 <= len(words) <= 5:
        return None
    name_words = 0
    for i, word in enumerate(words):
        lowered = word.lower()
        if i == 0 and lowered in _PARTICLES_ONLY:
            return None
        if lowered in PARTICLES and 0 < i < len(words) - 1:
            if lowered == "der" and words[i - 1].lower() not in PARTICLES:
                return None  # "van der", "von der"; a lone "der" is German prose
            continue
        if lowered in NOT_NAME_WORDS or lowered.strip(".") in NOT_NAME_WORDS:
            return None
        if _INITIAL_RE.fullmatch(word):
            if i == 0 or i == len(words) - 1:
                return None  # "J. Smith" is too little to go on; "Sarah K." is a reviewer
            continue
        if not _WORD_RE.fullmatch(word):
            return None
        name_words += 1
    if not 2 <= name_words <= 4:
        return None
    shouted = [w for w in words if len(w) > 2 and w.lower() not in PARTICLES]
    if shouted and all(w.isupper() for w in shouted):
        words = _title_case(words)
    name = " ".join(words)
    if len(name) > MAX_NAME_CHARS:
        return None
    role = ANY_ROLE_RE.search(name)
    if role and role.group().lower() not in _SURNAME_TITLES:
        return None
    return name


def _title_case(words: list[str]) -> list[str]:
    """A name that a heading writes in capitals ("JAMES O'REILLY") as a name is written
    ("James O'Reilly"); its particles in lower case ("Jan van der Berg")."""
    last = len(words) - 1
    return [
        word.lower()
        if word.lower() in PARTICLES and 0 < i < last
        else _LETTERS_RE.sub(lambda m: m.group().capitalize(), word)
        for i, word in enumerate(words)
    ]


@lru_cache(maxsize=_MEMORY)
def name_key(name: str) -> str:
    """How one person is told apart on a domain: case, accents and punctuation folded."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in folded if ch.isalnum() or ch == " ").split())


@lru_cache(maxsize=_MEMORY)
def local_matches_name(local: str, name: str) -> bool:
    """Whether an address's local part is built from the name (``ljackson``, ``lisa.jackson``)."""
    firsts, lasts = first_last(name)
    if not firsts:
        return False
    local = _LOCAL_NOISE_RE.sub("", local.lower())
    if len(local) < 3:
        return False
    if any(last in local for last in lasts if len(last) >= 3):
        return True
    return any(local == first or (len(first) >= 4 and local.startswith(first)) for first in firsts)


@lru_cache(maxsize=_MEMORY)
def local_spells_name(local: str, name: str) -> bool:
    """Whether an address's local part is the whole name (``ben.hollis``, ``bhollis``,
    ``hollis.ben``): both its first and its last word, as a name read from prose needs."""
    firsts, lasts = first_last(name)
    local = _LOCAL_NOISE_RE.sub("", local.lower())
    return any(
        local in (first + last, first[:1] + last, last + first)
        for first in firsts
        for last in lasts
    )
