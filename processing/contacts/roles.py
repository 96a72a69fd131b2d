"""Job titles in English, German and French, and the seniority each one implies.

A role is recognised only from this vocabulary (a line that names no known title is not a
role, so "happy customer" or "Homeowner" never make their line a person's). The seniority is
derived from the title the page wrote, never guessed from anything else:

* ``executive``: owners, founders, managing directors, partners, the legal representatives an
  Impressum or mentions légales name;
* ``manager``: heads of a team, a branch or a function;
* ``staff``: every other title in the vocabulary;
* ``""``: a role line the page labels (``Verantwortlich für den Inhalt``) that names no rank.

Hand-written: no maintained package maps job titles in these languages to a rank (the title
normalisers on PyPI are English-only classifiers trained on job ads, far slower than one
regular expression per line).
"""

from __future__ import annotations

import re
from typing import Final

EXECUTIVE: Final = "executive"
MANAGER: Final = "manager"
STAFF: Final = "staff"
SENIORITIES: Final = (EXECUTIVE, MANAGER, STAFF)

# Each list is a set of regular-expression fragments matched case-insensitively on word
# boundaries. Order of the checks: an assistant to anyone is staff, then executive, then manager.
_ASSISTANT = [
    r"assistant\w*",
    r"\w*assistent\w*",
    r"assistenz",
    r"stagiaire",
    r"intern",
    r"trainee",
    r"apprenti\w*",
    r"azubi",
    r"auszubildende\w?",
    r"werkstudent\w*",
]
_EXECUTIVE = [
    r"owner",
    r"co-?owner",
    r"founder",
    r"co-?founder",
    r"ceo",
    r"cfo",
    r"coo",
    r"cto",
    r"cmo",
    r"chief \w+(?: \w+)? officer",
    r"president",
    r"vice[- ]president",
    r"vp",
    r"chair(?:man|woman|person)?",
    r"managing director",
    r"executive director",
    r"director",
    r"managing partner",
    r"partner",
    r"senior partner",
    r"principal",
    r"proprietor",
    r"managing member",
    r"board member",
    r"inhaber(?:in)?",
    r"mitinhaber(?:in)?",
    r"geschäftsführer(?:in)?",
    r"geschäftsführung",
    r"gründer(?:in)?",
    r"mitgründer(?:in)?",
    r"vorstand\w*",
    r"vorsitzende\w?",
    r"gesellschafter(?:in)?",
    r"direktor(?:in)?",
    r"vertreten durch",
    r"vertretungsberechtigt\w*",
    r"represented by",
    r"gérante?",
    r"fondat(?:eur|rice)",
    r"co-?fondat(?:eur|rice)",
    r"présidente?",
    r"pdg",
    r"directeur(?: général)?",
    r"directrice(?: générale)?",
    r"directeur de la publication",
    r"directrice de la publication",
    r"associée?",
    r"représentant légal",
    r"praxisinhaber(?:in)?",
    r"kanzleiinhaber(?:in)?",
]
_MANAGER = [
    r"manager(?:in)?",
    r"general manager",
    r"head of \w+(?: \w+)?",
    r"head \w+",
    r"team lead(?:er)?",
    r"lead \w+",
    r"supervisor",
    r"foreman",
    r"forewoman",
    r"leiter(?:in)?",
    r"\w+leiter(?:in)?",
    r"leitung",
    r"\w+leitung",
    r"prokurist(?:in)?",
    r"responsable(?: \w+)?",
    r"cheffe? de \w+",
    r"chef d'équipe",
    r"gerente",
    r"office manager",
    r"practice manager",
]
_STAFF = [
    r"receptionist",
    r"technician",
    r"mechanic",
    r"engineer",
    r"accountant",
    r"bookkeeper",
    r"consultant",
    r"advisor",
    r"adviser",
    r"specialist",
    r"coordinator",
    r"administrator",
    r"secretary",
    r"clerk",
    r"associate",
    r"attorney",
    r"lawyer",
    r"solicitor",
    r"barrister",
    r"paralegal",
    r"dentist",
    r"hygienist",
    r"dental nurse",
    r"nurse",
    r"physician",
    r"therapist",
    r"physiotherapist",
    r"baker",
    r"pastry chef",
    r"head chef",
    r"chef",
    r"cook",
    r"plumber",
    r"electrician",
    r"designer",
    r"developer",
    r"architect",
    r"sales (?:representative|associate|consultant|executive|advisor|agent)",
    r"marketing (?:coordinator|specialist|executive|lead)",
    r"customer service (?:representative|agent|advisor)",
    r"officer",
    r"copywriter",
    r"analyst",
    r"photographer",
    r"stylist",
    r"hairdresser",
    r"surveyor",
    r"estimator",
    r"installer",
    r"dispatcher",
    r"representative",
    r"agent",
    r"\w*mitarbeiter(?:in)?",
    r"sachbearbeiter(?:in)?",
    r"\w*berater(?:in)?",
    r"\w*kauf(?:mann|frau)",
    r"\w*verkäufer(?:in)?",
    r"\w*fachangestellte\w?",
    r"techniker(?:in)?",
    r"mechaniker(?:in)?",
    r"\w*mechatroniker(?:in)?",
    r"meister(?:in)?",
    r"\w+meister(?:in)?",
    r"buchhalter(?:in)?",
    r"steuerberater(?:in)?",
    r"rechtsanwalt",
    r"rechtsanwältin",
    r"anwalt",
    r"anwältin",
    r"zahnarzt",
    r"zahnärztin",
    r"arzt",
    r"ärztin",
    r"empfang",
    r"verkauf",
    r"vertrieb",
    r"datenschutzbeauftragte\w?",
    r"\w+beauftragte\w?",
    r"bäcker(?:in)?",
    r"konditor(?:in)?",
    r"zahnmedizinische fachangestellte",
    r"secrétaire",
    r"technicien(?:ne)?",
    r"comptable",
    r"conseill(?:er|ère)(?: \w+)?",
    r"avocate?",
    r"commerciale?",
    r"chargée? de \w+",
    r"ingénieur\w?",
    r"employée?",
    r"mécanicien(?:ne)?",
    r"boulang(?:er|ère)",
    r"pâtissi(?:er|ère)",
    r"dentiste",
    r"médecin",
    r"kinésithérapeute",
    r"notaire",
    r"juriste",
    r"hygiéniste",
]
# Labels of legal pages that introduce a person without naming a rank.
_LABELS = [
    r"verantwortlich(?: für den inhalt| i\.s\.d\.)?[^:]{0,40}",
    r"v\.i\.s\.d\.p\.",
    r"responsable de la publication",
    r"content responsible",
    r"responsible for content",
]


def _alternation(fragments: list[str]) -> str:
    # Longest first, so "managing director" wins over "director".
    return "|".join(sorted(fragments, key=len, reverse=True))


# A title may close a German compound (Kfz-Mechatroniker) and be plural (Directors).
_B = r"(?<!\w)(?:{})s?(?![\w-])"
_ASSISTANT_RE = re.compile(_B.format(_alternation(_ASSISTANT)), re.IGNORECASE)
_EXECUTIVE_RE = re.compile(_B.format(_alternation(_EXECUTIVE)), re.IGNORECASE)
_MANAGER_RE = re.compile(_B.format(_alternation(_MANAGER)), re.IGNORECASE)
_STAFF_RE = re.compile(_B.format(_alternation(_STAFF)), re.IGNORECASE)
_LABEL_RE = re.compile(_B.format(_alternation(_LABELS)), re.IGNORECASE)
#: Any title of the vocabulary (for a quick "does this page name roles at all").
ANY_ROLE_RE = re.compile(
    _B.format(_alternation(_ASSISTANT + _EXECUTIVE + _MANAGER + _STAFF + _LABELS)), re.IGNORECASE
)
# Words that make a line something other than a role: a customer's words, a byline, a date.
_NOT_A_ROLE_RE = re.compile(
    r"(?<!\w)(?:homeowner|happy|satisfied|verified|reviewer|review|posted|published|written|"
    r"zufriedene\w?|avis|bewertung|read more|"
    r"weiterlesen|lire la suite|\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|★|☆|stars?)(?!\w)",
    re.IGNORECASE,
)
ROLE_MAX_CHARS = 70


def is_role(text: str) -> bool:
    """Whether ``text`` (a line, a cell, a JSON-LD ``jobTitle``) is a title of the vocabulary."""
    text = text.strip()
    if not text or len(text) > ROLE_MAX_CHARS or _NOT_A_ROLE_RE.search(text):
        return False
    return bool(ANY_ROLE_RE.search(text))


def seniority(role: str) -> str:
    """``executive``, ``manager``, ``staff`` or ``""`` for ``role`` as the page wrote it."""
    if not role:
        return ""
    if _ASSISTANT_RE.search(role):
        return STAFF
    if _EXECUTIVE_RE.search(role):
        return EXECUTIVE
    if _MANAGER_RE.search(role):
        return MANAGER
    if _STAFF_RE.search(role):
        return STAFF
    return ""


def clean_role(text: str) -> str:
    """A title as shown: whitespace collapsed, surrounding punctuation dropped."""
    return " ".join(text.split()).strip(" ,;:|–—-()[]·•/")[:ROLE_MAX_CHARS]


def _gate_words() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Words whose presence lets a text hold a title: (exact, prefixes, compound suffixes)."""
    exact, prefixes, suffixes = set(), set(), set()
    for fragment in _ASSISTANT + _EXECUTIVE + _MANAGER + _STAFF + _LABELS:
        if fragment.startswith(("\\w*", "\\w+")):
            suffixes.add(re.match(r"\\w[*+]([^\W\d_]+)", fragment).group(1))
            continue
        required = re.sub(r"\(\?:[^)]*\)\?|.\?", "", fragment)  # optional parts dropped
        first = re.match(r"[^\W\d_]+", required)
        if first:
            (exact if len(first.group()) < 4 else prefixes).add(first.group())
    return frozenset(exact), tuple(sorted(prefixes)), tuple(sorted(suffixes))


_GATE_EXACT, _GATE_PREFIXES, _GATE_SUFFIXES = _gate_words()
_GATE_BY_HEAD = {p[:3]: tuple(q for q in _GATE_PREFIXES if q[:3] == p[:3]) for p in _GATE_PREFIXES}
_WORDS_RE = re.compile(r"[^\W\d_]{2,}")


def may_name_roles(text: str) -> bool:
    """A quick test (a set lookup per distinct word) that ``text`` may hold a title at all.

    Cheaper than ANY_ROLE_RE on a whole page by an order of magnitude; a page that passes is
    read line by line with the full vocabulary.
    """
    for word in set(_WORDS_RE.findall(text.lower())):
        if word in _GATE_EXACT or word.endswith(_GATE_SUFFIXES):
            return True
        heads = _GATE_BY_HEAD.get(word[:3])
        if heads and word.startswith(heads):
            return True
    return False
