"""How a person's name is written: its titles, particles, first and last word, ASCII forms.

Shared by extraction (processing.contacts.names) and the read side (curation.leads' e-mail
pattern); plain Python.
"""

from __future__ import annotations

import re
import unicodedata

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ\u0386-\u03abЀ-Я"
_INITIAL_RE = re.compile(rf"[{_UPPER}]\.")
PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "du",
        "la",
        "le",
        "zu",
        "zur",
        "ten",
        "ter",
        "bin",
        "al",
        "el",
        "y",
        "st.",
        "ap",  # Welsh
        "ab",
        "ó",  # Irish
        "ní",
        "nic",
        "ibn",
        "bint",
    ]
)
TITLES = frozenset(
    [
        "dr",
        "dr.",
        "dra",
        "dra.",
        "prof",
        "prof.",
        "professor",
        "med.",
        "dent.",
        "rer.",
        "nat.",
        "jur.",
        "phil.",
        "dipl.",
        "dipl.-ing.",
        "dipl.-kfm.",
        "dipl.-ing",
        "dipl.-kfm",
        "ing.",
        "mag.",
        "univ.",  # Austrian "Dr. med. univ."
        "mmag.",
        "dott.",  # Italian
        "dott.ssa",
        "dr.ssa",
        "avv.",
        "arch.",
        "geom.",
        "rag.",
        "ir.",  # Dutch
        "drs.",
        "mba",
        "msc",
        "bsc",
        "phd",
        "ph.d.",
        "llm",
        "ll.m.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "mx",
        "sir",
        "dame",
        "herr",
        "frau",
        "mme",
        "mme.",
        "mlle",
        "m.",
        "monsieur",
        "madame",
        "maître",
        "me",
        "jr.",
        "jr",
        "sr.",
        "sr",
        "ii",
        "iii",
        "iv",
        "b.a.",
        "m.a.",
        "m.sc.",
        "b.sc.",
        "dds",
        "dmd",
        "rn",
        "cpa",
        "esq.",
        "esq",
    ]
)


# Letters after a name (degrees, licences, memberships): set aside only at the end, where
# they stand ("Dr. Emily Carter, DVM", "Sarah O'Neill MCSP"); never before a name. Short
# forms that are also surnames (Do, Ra, Pe) are not among them.
POST_NOMINALS = frozenset(
    """dvm vmd md m.d. dc od pharmd rph cfa cfp aia riba mrics frics aca fca acca cima mcsp bds
    mrcs frcs mrcp frcp mbbs dpt lmt lcsw lpc pa-c crna dnp fnp-c cpa jd j.d. mba msc bsc phd
    ph.d. llm ll.m. rgn rn rvn rmn bvsc bvms bvetmed mrcvs frcvs dds dmd np ea esq esq. pe ceng
    mnaea fnaea marla farla mcipd fcipd dipcii acii fcii mcibse fcibse llb beng meng
    mphil mpharm""".split()
)
# Post-nominal letters by their shape: membership or fellowship of a body (MRCVS, FNAEA, FCIPD),
# a degree written with its capitals (BVSc, MSc, MPhil), a registered nurse (RGN, RVN).
_POST_NOMINAL_RE = re.compile(
    r"[MFA](?:RC|NA|CI)[A-Z]{2,4}|[BM][A-Z]{0,3}(?:Sc|Phil|Ed|Eng|Vet|Pharm|Arch)|R[GMV]?N"
)


def split_name(text: str) -> tuple[list[str], list[str]]:
    """``text``'s words as (title words, name words); titles are only those before the name."""
    words = text.replace("\u00a0", " ").split()
    titles = []
    while words and (words[0].lower() in TITLES or words[0].lower().rstrip(",") in TITLES):
        titles.append(words.pop(0))
    while len(words) > 2 and (
        (last := words[-1].lower().strip(",")) in TITLES
        or last in POST_NOMINALS
        or _POST_NOMINAL_RE.fullmatch(words[-1].strip(",."))
    ):
        words.pop()
    return titles, [w.rstrip(",") for w in words]


def _ascii_forms(word: str) -> set[str]:
    lowered = word.lower()
    german = lowered.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(ch)
    )
    return {
        "".join(ch for ch in form if ch.isalnum() or ch == "-").replace("-", "")
        for form in (german, plain.replace("ß", "ss"))
    }


def first_last(name: str) -> tuple[set[str], set[str]]:
    """The ASCII forms of a name's first and last word (particles joined to the last)."""
    _, words = split_name(name)
    words = [w for w in words if not _INITIAL_RE.fullmatch(w)]
    if len(words) < 2:
        return set(), set()
    last = words[-1]
    particles = []
    for word in reversed(words[1:-1]):
        if word.lower() in PARTICLES:
            particles.insert(0, word)
        else:
            break
    lasts = _ascii_forms(last)
    if particles:
        lasts |= _ascii_forms("".join(particles) + last)
    return _ascii_forms(words[0]), lasts
