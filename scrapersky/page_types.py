"""The guess of a page's type (contact, about, legal, ...) from its URL, and which types a crawl
reads first. The types themselves are scrapersky.vocabulary's ``PAGE_TYPES``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from scrapersky.vocabulary import PageTypeValue

#: Page types worth scraping for contacts first.
CONTACT_LIKE: frozenset[PageTypeValue] = frozenset({"contact", "about", "team", "legal"})

# Slugs ("|"-separated) are matched against path segments split into words (on "-", "_",
# "." and "/"), after lower-casing and stripping accents, so "Über-uns", "ueber_uns" and
# "uber-uns" all match.
# Order matters: the first type whose slug matches wins, most specific (contact) first,
# because "contact-our-team" is a contact page and "about-our-services" an about page.
_SLUGS: tuple[tuple[PageTypeValue, str], ...] = (
    (
        "contact",
        "contact|contacts|contact us|contactus|contact me|get in touch|kontakt|kontakty|"
        "kontaktformular|contacto|contactos|contactenos|contactanos|contatti|contatto|contato|"
        "contatos|contactez nous|nous contacter|contactez moi|me contacter|neem contact op|"
        "yhteystiedot|kontakta oss|kontakt oss|iletisim|reach us|write to us|enquiry|"
        "enquiries|inquiry|anfahrt|standort|standorte|locations|find us",
    ),
    (
        "team",
        "team|our team|the team|teams|meet the team|staff|people|leadership|management|board|"
        "founders|equipo|nuestro equipo|equipe|notre equipe|squadra|il team|mitarbeiter|"
        "ansprechpartner|unser team|das team|medewerkers|zespol|attorneys|lawyers|our people",
    ),
    (
        "about",
        "about|about us|aboutus|about me|who we are|our story|company|our company|history|"
        "mission|ueber uns|uber uns|uberuns|ueberuns|wir|wir uber uns|unternehmen|firma|"
        "philosophie|a propos|apropos|qui sommes nous|notre histoire|entreprise|quienes somos|"
        "sobre nosotros|nosotros|empresa|sobre|sobre nos|quem somos|chi siamo|azienda|"
        "over ons|om oss|o nas|hakkimizda",
    ),
    (
        "legal",
        "imprint|impressum|legal|legal notice|legal notices|privacy|privacy policy|"
        "privacy notice|data protection|datenschutz|datenschutzerklarung|"
        "datenschutzerklaerung|terms|terms of service|terms of use|terms and conditions|"
        "terms conditions|tos|conditions|cookie policy|cookies|gdpr|agb|nutzungsbedingungen|"
        "mentions legales|mentions|cgv|cgu|politique de confidentialite|aviso legal|"
        "politica de privacidad|privacidad|note legali|informativa privacy|colofon|disclaimer|"
        "avisos legales|aviso de privacidad|polityka prywatnosci|rechtliches",
    ),
    (
        "careers",
        "careers|career|jobs|job|vacancies|vacancy|join us|join our team|work with us|hiring|"
        "karriere|stellenangebote|stellen|jobboerse|empleo|empleos|trabaja con nosotros|"
        "carreras|carrieres|recrutement|emplois|lavora con noi|carriere|vacatures|werken bij|"
        "praca|kariera|openings",
    ),
    (
        "blog",
        "blog|blogs|news|articles|article|posts|post|press|magazine|journal|insights|stories|"
        "aktuelles|neuigkeiten|nachrichten|noticias|actualites|notizie|nieuws|category|tag|"
        "author|archive|archives",
    ),
    (
        "product",
        "product|products|shop|store|catalog|catalogue|produkt|produkte|producto|productos|"
        "produit|produits|prodotti|prodotto|producten|item|items|collections|collection|p|"
        "sortiment|tienda|boutique|negozio|winkel",
    ),
    (
        "service",
        "service|services|our services|what we do|solutions|solution|leistungen|"
        "dienstleistungen|leistung|angebot|servicios|servicio|soluciones|prestations|"
        "nos services|servizi|servizio|diensten|uslugi|offerings|expertise|practice areas",
    ),
)

_INDEX_FILES = re.compile(r"^(index|default|home|start|startseite|inicio|accueil)(\.\w+)?$")
_LANG_SEGMENT = re.compile(r"^[a-z]{2}([_-][a-z]{2})?$")
_WORD_SPLIT = re.compile(r"[-_.+~\s/]+|%20")

# Pre-split slugs into word tuples so matching is "slug words appear consecutively".
_SLUG_WORDS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = tuple(
    (kind, tuple(tuple(slug.split()) for slug in slugs.split("|"))) for kind, slugs in _SLUGS
)
_BLOG_SLUGS = dict(_SLUG_WORDS)["blog"]


# The same slugs as lookup tables, per type in order: classify_url runs once per sitemap URL
# (a million for a big index), so it does set lookups instead of a loop over ~300 slugs.
@dataclass(frozen=True, slots=True)
class _Lookup:
    kind: PageTypeValue
    whole: frozenset[tuple[str, ...]]  # the segment is exactly the slug
    joined: frozenset[str]  # the segment's words joined ("contactus") equal the slug joined
    multi: frozenset[tuple[str, ...]]  # multi-word slugs, found anywhere in the segment
    leading: frozenset[str]  # single-word slugs longer than 3 letters


_LOOKUPS: tuple[_Lookup, ...] = tuple(
    _Lookup(
        kind=kind,
        whole=frozenset(slugs),
        joined=frozenset("".join(slug) for slug in slugs),
        multi=frozenset(slug for slug in slugs if len(slug) > 1),
        leading=frozenset(slug[0] for slug in slugs if len(slug) == 1 and len(slug[0]) > 3),
    )
    for kind, slugs in _SLUG_WORDS
)
_MULTI_LENGTHS = sorted({len(slug) for lookup in _LOOKUPS for slug in lookup.multi})
_FILE_EXTENSIONS = {"html", "htm", "php", "asp", "aspx", "jsp", "cfm", "shtml"}


def _fold(text: str) -> str:
    # "Über" -> "uber", "Équipe" -> "equipe": accents vary between sites of one language.
    if text.isascii():
        return text.lower()  # the common case; NFKD changes nothing in ASCII
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ß", "ss")


def _segment_words(segment: str) -> list[str]:
    words = [w for w in _WORD_SPLIT.split(_fold(segment)) if w]
    if len(words) > 1 and words[-1] in _FILE_EXTENSIONS:
        words.pop()  # "kontakt.html" -> ["kontakt"]
    return words


def classify_url(url: str) -> PageTypeValue:
    """Page type of ``url`` from its path, one of vocabulary.PAGE_TYPES ("other": no match)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return "other"
    segments = [unquote(s) for s in path.split("/") if s]
    # Language prefixes ("/de/", "/en-us/") say nothing about the page itself.
    while segments and _LANG_SEGMENT.match(segments[0].lower()):
        segments.pop(0)
    if not segments or (len(segments) == 1 and _INDEX_FILES.match(segments[0].lower())):
        return "home"
    # The last segments describe the page best ("/company/contact" is a contact page), so
    # check segments from the end, but a type found anywhere in the path still counts
    # ("/blog/2024/some-title" is a blog post).
    seg_words = [_segment_words(s) for s in segments]
    # Anything under /blog/ or /news/ is a post, whatever its title says ("/blog/contact-tips").
    if any(len(words) == 1 and (words[0],) in _BLOG_SLUGS for words in seg_words[:-1]):
        return "blog"
    for words in reversed(seg_words):
        key = tuple(words)
        whole = "".join(words)
        ngrams = {key[i : i + n] for n in _MULTI_LENGTHS for i in range(len(key) - n + 1)}
        for lookup in _LOOKUPS:
            # Only exact matches for a whole segment, or multi-word slugs inside it, so that
            # "p" or "tag" do not match every segment with those letters.
            if key in lookup.whole or whole in lookup.joined:
                return lookup.kind
            if not lookup.multi.isdisjoint(ngrams):
                return lookup.kind
            # A segment led by a type word names that type: "contact-our-team".
            if key and key[0] in lookup.leading:
                return lookup.kind
    for words in reversed(seg_words):
        for lookup in _LOOKUPS:
            # Single-word slugs as a word of a longer segment: "kontakt-formular",
            # "privacy-policy-2024", "jobs-berlin". Skip the very short/generic ones.
            if not lookup.leading.isdisjoint(words):
                return lookup.kind
    return "other"
