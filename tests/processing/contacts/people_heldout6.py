"""A sixth held-out set for the people extractor, written blind in issue 26's fifth session (after
the fixes that followed held-out 4 and 5) by a helper who never read the extractor's code,
before the extractor was run on any of it.

Same shape as people_corpus.PAGES: (name, url, html, people, company). Each page sits in a site
shell (WordPress/Elementor, Divi, Squarespace, Wix, a hand-written page) with a header,
navigation, a cookie banner and a footer. German: a dental practice's Elementor team grid with
titled names, an Impressum of a GmbH (Geschäftsführer, MStV), one whose plural label has two
Geschäftsführer below it, a sole trader's Impressum (Inhaberin), prose naming a master butcher,
a contact page with named contacts, a JSON-LD roastery with founder and employees; an Austrian
Impressum with ``Mag.``; a Swiss table with a ``Funktion`` column. English: a Squarespace
studio's image cards (and the studio dog), a Wix bakery's "our founder, ..." prose, a British
contact line, a US dentist's JSON-LD LocalBusiness with founder, employees and hours, an
h-card, a ``mailto:`` after a title label, a plural ``Directors:`` label with two names in
prose, a Divi law firm with apostrophes and double-barrelled names. French mentions légales
(with the host), a French agency team, a contact sentence with an apposition; Dutch colofon and
a physiotherapy team with particles; Spanish aviso legal and team; an Italian salon. Decoys:
driving-school reviews, a guest post with comments, directions full of streets and squares
named after people, landscaping testimonials, a coworking event's outside speakers, job ads, a
case study naming the client, furniture named like people, press quotes with journalists,
French and Italian reviews, an architect's references naming outside engineers and a
photographer, a menu, a wedding photographer's post naming the couple and suppliers.

Expected people are the business's own staff, owners and officers, named without honorifics or
letters after the name, with the title the page states (``""`` when it states none). Company
facts are only the kinds and forms docs/using.md and docs/lead-schema.md show (legal name,
one-line address as its country writes it, JSON-LD opening hours).
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str, dict[str, str], dict[str, str]]] = []

_BANNERS = {
    "de": (
        '<div id="cookie-notice" class="cn-banner" role="dialog"><p>Wir verwenden Cookies, '
        "um Ihnen die bestmögliche Nutzung unserer Website zu ermöglichen.</p>"
        '<button class="cn-accept">Alle akzeptieren</button>'
        '<button class="cn-settings">Einstellungen</button></div>'
    ),
    "en": (
        '<div class="cookie-banner" role="dialog"><p>We use cookies to improve your '
        'experience. <a href="/privacy">Privacy Policy</a></p><button>Accept all</button>'
        "<button>Manage preferences</button></div>"
    ),
    "fr": (
        '<div id="tarteaucitronAlertBig"><span>Ce site utilise des cookies et vous donne le '
        "contrôle sur ceux que vous souhaitez activer.</span><button>Tout accepter</button>"
        "<button>Personnaliser</button></div>"
    ),
    "nl": (
        '<div class="cookiebar"><p>Deze website maakt gebruik van cookies.</p>'
        "<button>Accepteren</button><button>Weigeren</button></div>"
    ),
    "es": (
        '<div id="cookie-law-info-bar"><span>Utilizamos cookies propias y de terceros para '
        "mejorar nuestros servicios.</span><a>Aceptar</a> <a>Configurar</a></div>"
    ),
    "it": (
        '<div class="iubenda-cs-container"><p>Questo sito utilizza cookie tecnici e, previo '
        "consenso, cookie di profilazione.</p><button>Accetta</button><button>Rifiuta</button>"
        "</div>"
    ),
}

_MENUS = {
    "de": ("Startseite", "Leistungen", "Über uns", "Team", "Kontakt", "Impressum"),
    "en": ("Home", "Services", "About", "Team", "Contact", "Privacy"),
    "fr": ("Accueil", "Services", "À propos", "Équipe", "Contact", "Mentions légales"),
    "nl": ("Home", "Diensten", "Over ons", "Team", "Contact", "Colofon"),
    "es": ("Inicio", "Servicios", "Nosotros", "Equipo", "Contacto", "Aviso legal"),
    "it": ("Home", "Servizi", "Chi siamo", "Team", "Contatti", "Privacy"),
}


def _head(brand, lang, head):
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{brand}</title>\n{head}\n</head>\n"
    )


def _menu(lang, item):
    return "".join(item.format(href=f"/{i}", label=label) for i, label in enumerate(_MENUS[lang]))


def _wordpress(body, brand, lang, head, footer):
    menu = _menu(
        lang,
        '<li class="menu-item menu-item-type-post_type"><a href="{href}" '
        'class="elementor-item">{label}</a></li>',
    )
    return (
        _head(brand, lang, head)
        + '<body class="page-template-default page elementor-default elementor-page">\n'
        + _BANNERS[lang]
        + '\n<header data-elementor-type="header" class="elementor elementor-location-header">'
        f'<div class="elementor-widget-theme-site-logo"><a href="/"><img src="/logo.png" '
        f'alt="{brand}"></a></div><nav class="elementor-nav-menu--main"><ul '
        f'class="elementor-nav-menu">{menu}</ul></nav></header>\n'
        f'<main data-elementor-type="wp-page" class="elementor elementor-17">\n{body}\n</main>\n'
        '<footer data-elementor-type="footer" class="elementor elementor-location-footer">'
        f'<div class="elementor-widget-container">{footer}</div>'
        f"<p>© 2025 {brand}</p></footer>\n</body>\n</html>\n"
    )


def _divi(body, brand, lang, head, footer):
    menu = _menu(lang, '<li class="menu-item"><a href="{href}">{label}</a></li>')
    return (
        _head(brand, lang, head)
        + '<body class="page et_pb_button_helper_class et_fullwidth_nav et_divi_theme">\n'
        + _BANNERS[lang]
        + '\n<div id="page-container"><header id="main-header"><div class="container">'
        f'<div class="logo_container"><a href="/"><img src="/logo.png" alt="{brand}" '
        f'id="logo"></a></div><nav id="top-menu-nav"><ul id="top-menu" class="nav">{menu}'
        '</ul></nav></div></header>\n<div id="et-main-area"><div id="main-content">'
        f'<div class="et_pb_section"><div class="et_pb_row">{body}</div></div></div>\n'
        f'<footer id="main-footer"><div id="footer-widgets">{footer}</div>'
        f'<div id="footer-bottom"><p id="footer-info">Designed by Elegant Themes | Powered by '
        f"WordPress</p></div></footer></div></div>\n</body>\n</html>\n"
    )


def _squarespace(body, brand, lang, head, footer):
    menu = _menu(lang, '<div class="header-nav-item"><a href="{href}">{label}</a></div>')
    return (
        _head(brand, lang, head)
        + '<body class="tweak-global-animations-enabled header-overlay-alignment-center">\n'
        + _BANNERS[lang]
        + '\n<header class="header theme-col--primary"><div class="header-title-logo">'
        f'<a href="/">{brand}</a></div><nav class="header-nav-list">{menu}</nav></header>\n'
        f'<main id="page" role="main"><article class="sections"><section class="page-section">'
        f'<div class="content-wrapper"><div class="sqs-layout">{body}</div></div></section>'
        f'</article></main>\n<footer class="sections" id="footer-sections"><section '
        f'class="page-section"><div class="sqs-block html-block"><div '
        f'class="sqs-block-content">{footer}</div></div></section></footer>\n</body>\n</html>\n'
    )


def _wix(body, brand, lang, head, footer):
    menu = _menu(
        lang,
        '<li data-testid="linkElement"><a href="{href}" class="StylableHorizontalMenu">'
        '<span class="label">{label}</span></a></li>',
    )
    return (
        _head(brand, lang, head)
        + '<body class="responsive">\n'
        + _BANNERS[lang]
        + '\n<div id="SITE_CONTAINER"><header id="SITE_HEADER" class="wixui-header">'
        f'<div data-testid="richTextElement" class="wixui-rich-text"><h2 '
        f'class="font_0">{brand}</h2></div><nav aria-label="Site"><ul>{menu}</ul></nav>'
        f'</header>\n<main id="PAGES_CONTAINER"><div id="SITE_PAGES"><section '
        f'class="wixui-section">{body}</section></div></main>\n'
        f'<footer id="SITE_FOOTER" class="wixui-footer"><div data-testid="richTextElement" '
        f'class="wixui-rich-text">{footer}</div></footer></div>\n</body>\n</html>\n'
    )


def _plain(body, brand, lang, head, footer):
    menu = " | ".join(f'<a href="/{i}">{label}</a>' for i, label in enumerate(_MENUS[lang]))
    return (
        _head(brand, lang, head)
        + "<body>\n"
        + _BANNERS[lang]
        + f'\n<div id="header"><h1>{brand}</h1><div id="nav">{menu}</div></div>\n'
        f'<div id="content">\n{body}\n</div>\n<div id="footer">{footer}</div>\n'
        "</body>\n</html>\n"
    )


_SHELLS = {
    "wordpress": _wordpress,
    "divi": _divi,
    "squarespace": _squarespace,
    "wix": _wix,
    "plain": _plain,
}


def add(
    name,
    url,
    brand,
    body,
    people=None,
    company=None,
    *,
    lang="en",
    cms="wordpress",
    head="",
    footer="",
):
    """Add the page ``name`` at ``url`` in the ``cms``'s shell with its expectations."""
    html = _SHELLS[cms](body, brand, lang, head, footer)
    PAGES.append((name, url, html, people or {}, company or {}))


# --- German -------------------------------------------------------------------------------

add(
    "de-dental-elementor-team",
    "https://www.zahnarzt-albers.de/team/",
    "Zahnarztpraxis Dr. Albers",
    """
<section class="elementor-section"><div class="elementor-widget-heading"><h2
 class="elementor-heading-title">Unser Praxisteam</h2></div>
<div class="elementor-widget-text-editor"><p>Bei uns stehen Sie im Mittelpunkt. Lernen Sie
das Team kennen, das sich um Ihr Lächeln kümmert.</p></div></section>
<section class="elementor-section elementor-top-section"><div class="elementor-row">
 <div class="elementor-column elementor-col-25"><div class="elementor-widget-image-box">
  <figure class="elementor-image-box-img"><img src="/wp-content/uploads/albers.jpg" alt=""></figure>
  <div class="elementor-image-box-content"><h3 class="elementor-image-box-title">Dr. med. dent.
  Katrin Albers</h3><p class="elementor-image-box-description">Zahnärztin und Inhaberin</p></div>
 </div></div>
 <div class="elementor-column elementor-col-25"><div class="elementor-widget-image-box">
  <figure class="elementor-image-box-img"><img src="/wp-content/uploads/weber.jpg" alt=""></figure>
  <div class="elementor-image-box-content"><h3 class="elementor-image-box-title">Jonas Weber</h3>
  <p class="elementor-image-box-description">Zahnarzt</p></div>
 </div></div>
 <div class="elementor-column elementor-col-25"><div class="elementor-widget-image-box">
  <figure class="elementor-image-box-img"><img src="/wp-content/uploads/roth.jpg" alt=""></figure>
  <div class="elementor-image-box-content"><h3 class="elementor-image-box-title">Melanie Roth</h3>
  <p class="elementor-image-box-description">Praxismanagerin</p></div>
 </div></div>
 <div class="elementor-column elementor-col-25"><div class="elementor-widget-image-box">
  <figure class="elementor-image-box-img"><img src="/wp-content/uploads/demir.jpg" alt=""></figure>
  <div class="elementor-image-box-content"><h3 class="elementor-image-box-title">Aylin Demir</h3>
  <p class="elementor-image-box-description">Zahnmedizinische Fachangestellte</p></div>
 </div></div>
</div></section>
<section class="elementor-section"><div class="elementor-widget-button"><a
 href="/termin/" class="elementor-button">Jetzt Termin vereinbaren</a></div></section>
""",
    {
        "Katrin Albers": "Zahnärztin und Inhaberin",
        "Jonas Weber": "Zahnarzt",
        "Melanie Roth": "Praxismanagerin",
        "Aylin Demir": "Zahnmedizinische Fachangestellte",
    },
    lang="de",
    footer="<p>Zahnarztpraxis Dr. Albers · Lindenallee 3 · 48149 Münster · Tel. 0251 123456</p>",
)

add(
    "de-impressum-gmbh",
    "https://www.schreinerei-brandt.de/impressum/",
    "Schreinerei Brandt",
    """
<div class="elementor-widget-text-editor">
<h1>Impressum</h1>
<h2>Angaben gemäß § 5 DDG</h2>
<p>Schreinerei Brandt GmbH<br>Am Mühlbach 7<br>79098 Freiburg im Breisgau</p>
<p><strong>Vertreten durch den Geschäftsführer:</strong><br>Thomas Brandt</p>
<h2>Kontakt</h2>
<p>Telefon: 0761 4567890<br>E-Mail: info@schreinerei-brandt.de</p>
<h2>Registereintrag</h2>
<p>Eintragung im Handelsregister.<br>Registergericht: Amtsgericht Freiburg<br>
Registernummer: HRB 701234</p>
<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>
<p>Thomas Brandt<br>Am Mühlbach 7<br>79098 Freiburg im Breisgau</p>
<h2>Streitschlichtung</h2>
<p>Wir sind nicht bereit oder verpflichtet, an Streitbeilegungsverfahren vor einer
Verbraucherschlichtungsstelle teilzunehmen.</p>
<p>Bildnachweise: Adobe Stock, eigene Aufnahmen</p>
</div>
""",
    {"Thomas Brandt": "Geschäftsführer"},
    {
        "legal_name": "Schreinerei Brandt GmbH",
        "address": "Am Mühlbach 7, 79098 Freiburg im Breisgau",
    },
    lang="de",
    footer="<p>Schreinerei Brandt GmbH – Möbel nach Maß seit 1987</p>",
)

add(
    "de-impressum-inhaberin",
    "https://www.blumen-krueger.de/impressum",
    "Blumen Krüger",
    """
<div class="sqs-block html-block"><div class="sqs-block-content">
<h2>Impressum</h2>
<p>Blumen Krüger<br>Inhaberin: Sabine Krüger<br>Bahnhofstraße 21<br>34117 Kassel</p>
<p>Telefon: 0561 7781234<br>E-Mail: hallo@blumen-krueger.de</p>
<p>Umsatzsteuer-Identifikationsnummer gemäß § 27a UStG: auf Anfrage</p>
<p>Inhaltlich verantwortlich: Sabine Krüger (Anschrift wie oben)</p>
</div></div>
""",
    {"Sabine Krüger": "Inhaberin"},
    {"address": "Bahnhofstraße 21, 34117 Kassel"},
    lang="de",
    cms="squarespace",
    footer="<p>Blumen Krüger · Frische Sträuße, Hochzeitsfloristik &amp; Trauerbinderei</p>",
)

add(
    "de-metzgerei-prose",
    "https://www.metzgerei-fuchs.de/ueber-uns.html",
    "Metzgerei Fuchs",
    """
<h2>Über uns</h2>
<p>Seit 1962 steht die Metzgerei Fuchs in Bamberg für ehrliches Handwerk. Heute führt
Metzgermeister Andreas Fuchs den Familienbetrieb in dritter Generation. Unsere Wurst machen
wir noch immer nach den Rezepten seines Großvaters.</p>
<p>Unser Fleisch stammt von Bauernhöfen aus der Fränkischen Schweiz, die wir persönlich
kennen. Kurze Wege, artgerechte Haltung und eigene Schlachtung sind uns wichtig.</p>
<h3>Öffnungszeiten</h3>
<p>Di–Fr 7:30–18:00 Uhr, Sa 7:00–12:30 Uhr</p>
""",
    {"Andreas Fuchs": "Metzgermeister"},
    lang="de",
    cms="plain",
    footer="<p>Metzgerei Fuchs · Obere Königstraße 18 · 96052 Bamberg</p>",
)

add(
    "de-kontakt-ansprechpartner",
    "https://www.schulz-haustechnik.de/kontakt/",
    "Schulz Haustechnik",
    """
<div class="et_pb_column et_pb_column_1_2"><div class="et_pb_text"><div class="et_pb_text_inner">
<h2>Ihre Ansprechpartner</h2>
<p><strong>Michael Schulz</strong><br>Vertriebsleiter<br>Tel. 0231 998877-10<br>
<a href="mailto:m.schulz@schulz-haustechnik.de">m.schulz@schulz-haustechnik.de</a></p>
<p><strong>Julia Neumann</strong><br>Büroleiterin<br>Tel. 0231 998877-0<br>
<a href="mailto:j.neumann@schulz-haustechnik.de">j.neumann@schulz-haustechnik.de</a></p>
</div></div></div>
<div class="et_pb_column et_pb_column_1_2"><div class="et_pb_text"><div class="et_pb_text_inner">
<h2>Kontaktformular</h2>
<form><label>Ihr Name</label><input name="name"><label>Ihre Nachricht</label>
<textarea name="msg"></textarea><button>Absenden</button></form>
</div></div></div>
""",
    {"Michael Schulz": "Vertriebsleiter", "Julia Neumann": "Büroleiterin"},
    lang="de",
    cms="divi",
    footer="<p>Schulz Haustechnik GmbH &amp; Co. KG · Heizung · Sanitär · Solar</p>",
)

add(
    "de-roesterei-jsonld",
    "https://www.roesterei-hoffmann.de/",
    "Rösterei Hoffmann",
    """
<h1>Frisch gerösteter Kaffee aus Leipzig</h1>
<p>In unserer kleinen Rösterei rösten wir jede Woche frische Bohnen im Trommelröster.</p>
<p><a href="/shop">Zum Shop</a></p>
""",
    {"Lukas Hoffmann": "Inhaber", "Mira Schneider": "Röstmeisterin"},
    {
        "legal_name": "Rösterei Hoffmann",
        "address": "Karl-Heine-Straße 64, 04229 Leipzig",
        "opening_hours": "Mo-Fr 09:00-18:00",
    },
    lang="de",
    cms="wix",
    head="""<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "CafeOrCoffeeShop", "name": "Rösterei Hoffmann",
 "url": "https://www.roesterei-hoffmann.de/",
 "address": {"@type": "PostalAddress", "streetAddress": "Karl-Heine-Straße 64",
   "postalCode": "04229", "addressLocality": "Leipzig", "addressCountry": "DE"},
 "openingHours": "Mo-Fr 09:00-18:00",
 "founder": {"@type": "Person", "name": "Lukas Hoffmann", "jobTitle": "Inhaber"},
 "employee": [{"@type": "Person", "name": "Mira Schneider", "jobTitle": "Röstmeisterin"}]}
</script>""",
    footer="<p>Rösterei Hoffmann · Karl-Heine-Straße 64 · Leipzig</p>",
)

add(
    "at-impressum-mag",
    "https://www.gruber-immobilien.at/impressum",
    "Gruber Immobilien",
    """
<div class="elementor-widget-text-editor">
<h1>Impressum</h1>
<p>Informationspflicht laut § 5 E-Commerce Gesetz, § 14 Unternehmensgesetzbuch und § 25
Mediengesetz.</p>
<p>Gruber Immobilien GmbH<br>Mariahilfer Straße 45<br>1060 Wien<br>Österreich</p>
<p>Unternehmensgegenstand: Immobilienmakler<br>Firmenbuchnummer: FN 412345 x<br>
Firmenbuchgericht: Handelsgericht Wien</p>
<p>Geschäftsführerin: Mag. Eva Gruber</p>
<p>Tel.: +43 1 5234567<br>E-Mail: office@gruber-immobilien.at</p>
<p>Mitglied der WKÖ, Fachgruppe Immobilien- und Vermögenstreuhänder</p>
</div>
""",
    {"Eva Gruber": "Geschäftsführerin"},
    {"legal_name": "Gruber Immobilien GmbH", "address": "Mariahilfer Straße 45, 1060 Wien"},
    lang="de",
)

add(
    "ch-treuhand-tabelle",
    "https://www.meier-treuhand.ch/team",
    "Meier Treuhand AG",
    """
<h2>Unser Team</h2>
<table class="team">
<thead><tr><th>Name</th><th>Funktion</th><th>Telefon</th></tr></thead>
<tbody>
<tr><td>Reto Meier</td><td>Geschäftsführer</td><td>+41 44 321 45 60</td></tr>
<tr><td>Claudia Frei</td><td>Treuhänderin mit eidg. Fachausweis</td><td>+41 44 321 45 61</td></tr>
<tr><td>Nicolas Baumann</td><td>Sachbearbeiter Lohnbuchhaltung</td><td>+41 44 321 45 62</td></tr>
</tbody></table>
""",
    {
        "Reto Meier": "Geschäftsführer",
        "Claudia Frei": "Treuhänderin mit eidg. Fachausweis",
        "Nicolas Baumann": "Sachbearbeiter Lohnbuchhaltung",
    },
    lang="de",
    cms="plain",
    footer="<p>Meier Treuhand AG · Seestrasse 112 · 8002 Zürich</p>",
)

add(
    "de-decoy-fahrschule-bewertungen",
    "https://www.fahrschule-kurve.de/bewertungen",
    "Fahrschule Kurve",
    """
<h2>Das sagen unsere Fahrschüler</h2>
<div class="testimonials">
<blockquote><p>„Super geduldige Fahrlehrer, ich habe im ersten Anlauf bestanden!“</p>
<footer>– Lena M., Führerschein Klasse B</footer></blockquote>
<blockquote><p>„Theorieunterricht war nie langweilig. Danke für alles!“</p>
<footer>– Tobias Hartmann, Schüler</footer></blockquote>
<blockquote><p>„Top Organisation, flexible Fahrstunden auch am Samstag.“</p>
<footer>– Familie Yılmaz</footer></blockquote>
</div>
<div class="google-reviews"><h3>Google Bewertungen</h3>
<div class="review"><span class="author">Jana Becker</span><span class="stars">★★★★★</span>
<p>Sehr empfehlenswert.</p></div>
<div class="review"><span class="author">Kevin S.</span><span class="stars">★★★★☆</span>
<p>Alles gut, nur die Parkplätze sind knapp.</p></div></div>
""",
    lang="de",
    cms="wix",
    footer="<p>Fahrschule Kurve · Anmeldung Mo–Do 16–18 Uhr</p>",
)

add(
    "de-decoy-gastbeitrag",
    "https://www.steuerberatung-lang.de/blog/grundsteuer-2025/",
    "Steuerberatung Lang",
    """
<article class="post type-post">
<header class="entry-header"><h1 class="entry-title">Grundsteuer 2025: Was Eigentümer jetzt
wissen müssen</h1>
<div class="entry-meta">Ein Gastbeitrag von <span class="author vcard"><a class="url fn n"
 href="/author/gast/">Dr. Felix Wagner</a></span>, Fachanwalt für Steuerrecht bei Wagner
Rechtsanwälte · <time datetime="2025-03-12">12. März 2025</time></div></header>
<div class="entry-content"><p>Seit dem 1. Januar 2025 gilt die neue Grundsteuer. Viele
Eigentümer haben ihre Bescheide bereits erhalten …</p></div>
</article>
<section id="comments"><h2>3 Kommentare</h2>
<ol class="comment-list">
<li class="comment"><div class="comment-author vcard"><b class="fn">Heike Sommer</b>
<span class="says">sagt:</span></div><p>Danke, sehr hilfreich!</p></li>
<li class="comment"><div class="comment-author vcard"><b class="fn">Rainer Voigt</b>
<span class="says">sagt:</span></div><p>Gilt das auch für Erbbaurechte?</p></li>
</ol></section>
""",
    lang="de",
    footer="<p>Steuerberatung Lang · Ihre Kanzlei in Kiel</p>",
)

add(
    "de-decoy-anfahrt",
    "https://www.physio-am-rhein.de/anfahrt",
    "Physiotherapie am Rhein",
    """
<h2>Anfahrt</h2>
<p>Sie finden uns im Ärztehaus am Willy-Brandt-Platz, direkt gegenüber dem
Max-Planck-Gymnasium.</p>
<h3>Mit dem Auto</h3>
<p>Von der A565 kommend nehmen Sie die Ausfahrt Bonn-Poppelsdorf, folgen der
Konrad-Adenauer-Allee Richtung Zentrum und biegen nach der zweiten Ampel rechts in die
Friedrich-Ebert-Straße ein. Parken können Sie im Parkhaus Beethovenhalle.</p>
<h3>Mit Bus und Bahn</h3>
<p>Linien 16, 63 und 66 bis Haltestelle Heussallee/Museumsmeile, dann 5 Minuten zu Fuß
über die Kurt-Schumacher-Straße.</p>
<p>Physiotherapie am Rhein<br>Willy-Brandt-Platz 2<br>53113 Bonn</p>
""",
    company={"address": "Willy-Brandt-Platz 2, 53113 Bonn"},
    lang="de",
    cms="squarespace",
    footer="<p>Termine nach Vereinbarung · Alle Kassen und privat</p>",
)

add(
    "de-decoy-architekt-referenzen",
    "https://www.kessler-architektur.de/projekte/einfamilienhaus-tuebingen",
    "Kessler Architektur",
    """
<h1>Einfamilienhaus in Tübingen</h1>
<p>Neubau eines Holzhauses mit 180 m² Wohnfläche am Hang, KfW-Effizienzhaus 40.</p>
<dl class="projektdaten">
<dt>Bauherr</dt><dd>Familie Schneider, privat</dd>
<dt>Tragwerksplanung</dt><dd>Dipl.-Ing. Klaus Weber, Weber Statik GmbH</dd>
<dt>Fotos</dt><dd>Anna Lang Fotografie</dd>
<dt>Fertigstellung</dt><dd>2024</dd>
</dl>
<p>„Wir fühlen uns vom ersten Tag an zu Hause.“ – Jens Schneider, Bauherr</p>
""",
    lang="de",
    cms="plain",
    footer="<p>Kessler Architektur · Projekte · Büro · Kontakt</p>",
)

add(
    "de-decoy-speisekarte",
    "https://www.gasthaus-zur-linde.de/speisekarte",
    "Gasthaus zur Linde",
    """
<h2>Speisekarte</h2>
<h3>Hauptgerichte</h3>
<ul class="menu">
<li>Forelle Müllerin Art mit Petersilienkartoffeln – 18,50 €</li>
<li>Schnitzel Wiener Art mit Bratkartoffeln – 16,90 €</li>
<li>Pasta Alfredo mit Waldpilzen – 13,50 €</li>
<li>Toast Hawaii (Kindergericht) – 7,50 €</li>
</ul>
<h3>Desserts</h3>
<ul class="menu"><li>Kaiserschmarrn mit Apfelmus – 8,90 €</li>
<li>Pfirsich Melba – 6,50 €</li></ul>
<p>Alle Preise inkl. MwSt. Allergene auf Nachfrage.</p>
""",
    lang="de",
    footer="<p>Gasthaus zur Linde · Mi–So ab 11:30 Uhr · Montag und Dienstag Ruhetag</p>",
)

# --- English ------------------------------------------------------------------------------

add(
    "en-yoga-squarespace-team",
    "https://www.stillwateryoga.co.uk/teachers",
    "Stillwater Yoga",
    """
<div class="sqs-block html-block"><div class="sqs-block-content"><h2>Meet the Teachers</h2>
</div></div>
<div class="sqs-block image-block"><figure class="design-layout-card"><img
 src="/s/hannah.jpg" alt="Hannah smiling in the studio"><figcaption class="image-card-wrapper">
<div class="image-title-wrapper"><div class="image-title"><p>Hannah Price</p></div></div>
<div class="image-subtitle-wrapper"><div class="image-subtitle"><p>Founder &amp; Lead Teacher</p>
</div></div></figcaption></figure></div>
<div class="sqs-block image-block"><figure class="design-layout-card"><img
 src="/s/owen.jpg" alt=""><figcaption class="image-card-wrapper">
<div class="image-title-wrapper"><div class="image-title"><p>Owen Lewis</p></div></div>
<div class="image-subtitle-wrapper"><div class="image-subtitle"><p>Yoga Teacher</p></div></div>
</figcaption></figure></div>
<div class="sqs-block image-block"><figure class="design-layout-card"><img
 src="/s/biscuit.jpg" alt=""><figcaption class="image-card-wrapper">
<div class="image-title-wrapper"><div class="image-title"><p>Biscuit</p></div></div>
<div class="image-subtitle-wrapper"><div class="image-subtitle"><p>Studio Dog &amp; Chief
Cuddle Officer</p></div></div></figcaption></figure></div>
""",
    {"Hannah Price": "Founder & Lead Teacher", "Owen Lewis": "Yoga Teacher"},
    cms="squarespace",
    footer="<p>Stillwater Yoga · 3 Mill Lane · Hebden Bridge</p>",
)

add(
    "en-bakery-wix-about",
    "https://www.crumbandco.com/about",
    "Crumb & Co. Bakery",
    """
<div data-testid="richTextElement" class="wixui-rich-text"><h1 class="font_2">Our Story</h1>
<p class="font_8">Crumb &amp; Co. started in a home kitchen in 2016. Our founder, Rosie Turner,
baked sourdough for friends until the queue outside her door got too long for the street.</p>
<p class="font_8">Today the bakery has a team of eight, and our Head Baker, Sam Okafor, starts
the ovens at 4am every morning so the first loaves are out by seven.</p>
<p class="font_8">Pop in, say hello, and try the cardamom buns.</p></div>
""",
    {"Rosie Turner": "Founder", "Sam Okafor": "Head Baker"},
    cms="wix",
    footer="<p>Crumb &amp; Co. · Open Tue–Sun 7am–2pm</p>",
)

add(
    "en-uk-plumber-contact",
    "https://www.hughesheating.co.uk/contact",
    "Hughes Heating",
    """
<h1>Contact Us</h1>
<p>For quotes and boiler servicing call 029 2034 5678 or email
<a href="mailto:office@hughesheating.co.uk">office@hughesheating.co.uk</a>.</p>
<p>Gareth Hughes, Director<br>Gas Safe registered engineer no. 123456</p>
<p>We cover Cardiff, Penarth, Barry and the Vale of Glamorgan.</p>
""",
    {"Gareth Hughes": "Director"},
    cms="plain",
    footer=(
        "<p>Hughes Heating Ltd. Registered in England and Wales, company no. 08123456. "
        "Registered office: 14 Heol y Deri, Cardiff.</p>"
    ),
)

add(
    "en-us-dentist-jsonld",
    "https://www.riversidesmiles.com/",
    "Riverside Smiles",
    """
<section class="hero"><h1>Gentle family dentistry in Portland</h1>
<p>New patients welcome. Most insurance accepted.</p><a class="btn" href="/book">Book now</a>
</section>
""",
    {"Priya Shah": "Principal Dentist", "Mark Ellis": "Dental Hygienist"},
    {
        "legal_name": "Riverside Smiles PC",
        "address": "2210 NE Broadway St, Portland, OR 97232",
        "opening_hours": "Mo-Th 08:00-17:00",
    },
    head="""<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Dentist", "name": "Riverside Smiles PC",
 "telephone": "+1-503-555-0142",
 "address": {"@type": "PostalAddress", "streetAddress": "2210 NE Broadway St",
   "addressLocality": "Portland", "addressRegion": "OR", "postalCode": "97232",
   "addressCountry": "US"},
 "openingHours": "Mo-Th 08:00-17:00",
 "founder": {"@type": "Person", "name": "Dr. Priya Shah", "jobTitle": "Principal Dentist"},
 "employee": [{"@type": "Person", "name": "Mark Ellis", "jobTitle": "Dental Hygienist"}],
 "review": {"@type": "Review", "author": {"@type": "Person", "name": "Tom Becker"},
   "reviewBody": "Best dentist in town."}}
</script>""",
    footer="<p>Riverside Smiles · 2210 NE Broadway St · Portland, OR</p>",
)

add(
    "en-us-cpa-hcard",
    "https://www.chencpa.com/contact",
    "Chen & Associates CPA",
    """
<h1>Get in touch</h1>
<div class="h-card">
 <img class="u-photo" src="/img/laura.jpg" alt="">
 <p><span class="p-name">Laura Chen</span>, <span class="p-job-title">Managing Partner</span></p>
 <p><a class="u-email" href="mailto:laura@chencpa.com">laura@chencpa.com</a> ·
 <span class="p-tel">(512) 555-0187</span></p>
</div>
<p>Tax season hours: Monday–Saturday, 9am–6pm.</p>
""",
    {"Laura Chen": "Managing Partner"},
    cms="plain",
    footer="<p>Chen &amp; Associates CPA · Austin, Texas</p>",
)

add(
    "en-mailto-after-label",
    "https://www.northfieldlogistics.com/contact/",
    "Northfield Logistics",
    """
<div class="et_pb_text_inner">
<h2>Talk to us</h2>
<p>General enquiries: <a href="mailto:hello@northfieldlogistics.com">hello@northfieldlogistics.com</a></p>
<p>Operations Manager: <a href="mailto:daniel.reyes@northfieldlogistics.com">Daniel Reyes</a></p>
<p>Accounts: <a href="mailto:accounts@northfieldlogistics.com">accounts@northfieldlogistics.com</a></p>
</div>
""",
    {"Daniel Reyes": "Operations Manager"},
    cms="divi",
    footer="<p>Northfield Logistics · Warehousing &amp; same-day courier</p>",
)

add(
    "en-law-divi-team",
    "https://www.oneillmorgan.co.uk/our-people/",
    "O'Neill Morgan Solicitors",
    """
<div class="et_pb_team_member et_pb_module"><div class="et_pb_team_member_image"><img
 src="/wp-content/uploads/siobhan.jpg" alt="Siobhan O'Neill"></div>
 <div class="et_pb_team_member_description"><h4 class="et_pb_module_header">Siobhan O'Neill</h4>
 <p class="et_pb_member_position">Senior Partner</p><div><p>Siobhan qualified in 1998 and leads
 our private client team.</p></div></div></div>
<div class="et_pb_team_member et_pb_module"><div class="et_pb_team_member_image"><img
 src="/wp-content/uploads/rhys.jpg" alt=""></div>
 <div class="et_pb_team_member_description"><h4 class="et_pb_module_header">Rhys Morgan-Davies</h4>
 <p class="et_pb_member_position">Partner</p><div><p>Rhys heads the conveyancing
 department.</p></div></div></div>
<div class="et_pb_team_member et_pb_module"><div class="et_pb_team_member_image"><img
 src="/wp-content/uploads/amira.jpg" alt=""></div>
 <div class="et_pb_team_member_description"><h4 class="et_pb_module_header">Amira Haddad</h4>
 <p class="et_pb_member_position">Paralegal</p></div></div>
""",
    {
        "Siobhan O'Neill": "Senior Partner",
        "Rhys Morgan-Davies": "Partner",
        "Amira Haddad": "Paralegal",
    },
    cms="divi",
    footer="<p>Authorised and regulated by the Solicitors Regulation Authority.</p>",
)

add(
    "en-decoy-landscaping-testimonials",
    "https://www.greenleaf-landscapes.co.uk/reviews",
    "Greenleaf Landscapes",
    """
<div class="elementor-widget-testimonial-carousel"><div class="swiper-wrapper">
<div class="swiper-slide"><div class="elementor-testimonial"><div
 class="elementor-testimonial__content"><div class="elementor-testimonial__text">"Our new patio
 is stunning and the team left the garden spotless."</div></div><div
 class="elementor-testimonial__footer"><cite class="elementor-testimonial__cite"><span
 class="elementor-testimonial__name">Sarah K.</span><span
 class="elementor-testimonial__title">Leeds</span></cite></div></div></div>
<div class="swiper-slide"><div class="elementor-testimonial"><div
 class="elementor-testimonial__content"><div class="elementor-testimonial__text">"Professional
 from quote to finish. Would recommend to anyone."</div></div><div
 class="elementor-testimonial__footer"><cite class="elementor-testimonial__cite"><span
 class="elementor-testimonial__name">James Whitfield</span><span
 class="elementor-testimonial__title">Homeowner</span></cite></div></div></div>
<div class="swiper-slide"><div class="elementor-testimonial"><div
 class="elementor-testimonial__content"><div class="elementor-testimonial__text">"They turned a
 muddy field into a school garden the children love."</div></div><div
 class="elementor-testimonial__footer"><cite class="elementor-testimonial__cite"><span
 class="elementor-testimonial__name">Helen Marsh</span><span
 class="elementor-testimonial__title">Head Teacher, Oakwood Primary</span></cite></div></div></div>
</div></div>
""",
    footer="<p>Greenleaf Landscapes · Patios · Fencing · Garden design</p>",
)

add(
    "en-decoy-coworking-event",
    "https://www.thehivecowork.com/events/founders-breakfast",
    "The Hive Coworking",
    """
<h1>Founders' Breakfast: Raising Your First Round</h1>
<p>Thursday 14 May, 8:00–9:30 · Free for members</p>
<h2>Speakers</h2>
<div class="speakers">
<div class="speaker"><h3>Emma Clarke</h3><p>CEO, Brightwave Media</p></div>
<div class="speaker"><h3>Raj Patel</h3><p>Partner at Northstar Ventures</p></div>
<div class="speaker"><h3>Chloe Dupont</h3><p>Head of Growth, Loopwise</p></div>
</div>
<p>Hosted in the Atrium. Coffee and pastries from the café downstairs.</p>
<a class="btn" href="/events/rsvp">RSVP</a>
""",
    cms="squarespace",
    footer="<p>The Hive Coworking · Hot desks from £150/month</p>",
)

add(
    "en-decoy-jobs",
    "https://www.brightsparkelectrical.com/careers",
    "Bright Spark Electrical",
    """
<h1>Join Our Team</h1>
<p>We're a growing electrical contractor and we're hiring.</p>
<div class="job"><h2>Office Manager</h2><p>Full time · Manchester</p><p>Running the office,
scheduling engineers and keeping customers happy. Experience with Xero an advantage.</p></div>
<div class="job"><h2>Approved Electrician</h2><p>Full time · Van supplied</p><p>JIB Approved
status and 18th Edition required.</p></div>
<div class="job"><h2>Apprentice Electrician</h2><p>Level 3 apprenticeship with college day
release.</p></div>
<p>Send your CV to <a href="mailto:jobs@brightsparkelectrical.com">jobs@brightsparkelectrical.com</a>.</p>
""",
    cms="wix",
    footer="<p>Bright Spark Electrical · NICEIC Approved Contractor</p>",
)

add(
    "en-decoy-case-study",
    "https://www.cleanlinefm.co.uk/case-studies/northgate-academy",
    "Cleanline Facilities",
    """
<article><h1>Case study: Northgate Academy</h1>
<p>Northgate Academy needed a contract cleaning partner for a 1,200-pupil site across three
buildings. We took over in September 2023.</p>
<blockquote><p>"Cleanline have been reliable from day one, and the site has never looked
better."</p><cite>Ben Foster, Facilities Manager, Northgate Academy</cite></blockquote>
<h2>Other clients</h2>
<ul class="clients"><li>St Mary's Primary School</li><li>Hartley Dental Group</li>
<li>Kingsway Business Park</li></ul>
</article>
""",
    footer="<p>Cleanline Facilities Ltd · Commercial cleaning across the North West</p>",
)

add(
    "en-decoy-furniture-products",
    "https://www.oakandfern.com/collections/living-room",
    "Oak & Fern Furniture",
    """
<h1>Living Room</h1>
<div class="product-grid">
<div class="product-card"><h3 class="product-card__title">The Eleanor Armchair</h3>
<span class="price">£649</span></div>
<div class="product-card"><h3 class="product-card__title">Hugo Sideboard</h3>
<span class="price">£899</span></div>
<div class="product-card"><h3 class="product-card__title">Margot Coffee Table</h3>
<span class="price">£329</span></div>
<div class="product-card"><h3 class="product-card__title">Arthur Three-Seater Sofa</h3>
<span class="price">£1,450</span></div>
</div>
<p>Free delivery on orders over £500.</p>
""",
    cms="plain",
    footer="<p>Oak &amp; Fern · Handmade in Yorkshire</p>",
)

add(
    "en-decoy-press",
    "https://www.wildflourpizza.com/press",
    "Wildflour Pizza",
    """
<h1>In the Press</h1>
<blockquote><p>"The best Neapolitan crust outside Naples."</p><footer>— Kate Morrison,
<cite>The Guardian</cite></footer></blockquote>
<blockquote><p>"A neighbourhood gem with a wood oven to die for."</p><footer>— Oliver Grant,
food critic, <cite>Evening Standard</cite></footer></blockquote>
<p>For press enquiries email <a href="mailto:press@wildflourpizza.com">press@wildflourpizza.com</a>.</p>
""",
    cms="squarespace",
    footer="<p>Wildflour Pizza · Walk-ins only · Open daily from noon</p>",
)

# --- French -------------------------------------------------------------------------------

add(
    "fr-mentions-legales",
    "https://www.atelier-moreau.fr/mentions-legales/",
    "Atelier Moreau",
    """
<div class="elementor-widget-text-editor">
<h1>Mentions légales</h1>
<h2>Éditeur du site</h2>
<p>Atelier Moreau SARL au capital de 10 000 €<br>8 rue des Tanneurs, 67000 Strasbourg<br>
RCS Strasbourg 812 345 678<br>Téléphone : 03 88 12 34 56</p>
<p>Directeur de la publication : Julien Moreau</p>
<h2>Hébergement</h2>
<p>OVH SAS, 2 rue Kellermann, 59100 Roubaix, France</p>
<h2>Crédits</h2>
<p>Photographies : Studio Lumière</p>
</div>
""",
    {"Julien Moreau": "Directeur de la publication"},
    {"legal_name": "Atelier Moreau SARL", "address": "8 rue des Tanneurs, 67000 Strasbourg"},
    lang="fr",
    footer="<p>Atelier Moreau · Ébénisterie et restauration de meubles</p>",
)

add(
    "fr-agence-equipe",
    "https://www.immo-dubois.fr/notre-equipe",
    "Dubois Immobilier",
    """
<h1>Notre équipe</h1>
<div class="team-grid">
<div class="team-member"><img src="/img/claire.jpg" alt=""><h3>Claire Dubois</h3>
<p class="position">Gérante</p></div>
<div class="team-member"><img src="/img/thomas.jpg" alt=""><h3>Thomas Lefèvre</h3>
<p class="position">Négociateur immobilier</p></div>
<div class="team-member"><img src="/img/sophie.jpg" alt=""><h3>Sophie Martin</h3>
<p class="position">Assistante commerciale</p></div>
</div>
""",
    {
        "Claire Dubois": "Gérante",
        "Thomas Lefèvre": "Négociateur immobilier",
        "Sophie Martin": "Assistante commerciale",
    },
    lang="fr",
    cms="wix",
    footer="<p>Dubois Immobilier · Carte professionnelle CPI 6901 2020 000 045 678</p>",
)

add(
    "fr-decoy-avis",
    "https://www.boulangerie-le-fournil.fr/avis",
    "Le Fournil",
    """
<h1>Vos avis</h1>
<div class="avis"><p class="auteur">Marie L.</p><p class="note">★★★★★</p>
<p>Les meilleurs croissants du quartier, et un accueil toujours souriant.</p></div>
<div class="avis"><p class="auteur">Jean-Pierre Rousseau</p><p class="note">★★★★☆</p>
<p>Très bon pain de campagne, un peu d'attente le dimanche.</p></div>
<div class="avis"><p class="auteur">Nathalie G.</p><p class="note">★★★★★</p>
<p>La tarte aux fraises est incroyable !</p></div>
""",
    lang="fr",
    cms="plain",
    footer="<p>Le Fournil · Ouvert du mardi au dimanche</p>",
)

# --- Dutch --------------------------------------------------------------------------------

add(
    "nl-colofon",
    "https://www.devries-installatie.nl/colofon",
    "De Vries Installatietechniek",
    """
<h1>Colofon</h1>
<p>De Vries Installatietechniek B.V.<br>Stationsstraat 22<br>3811 MH Amersfoort</p>
<p>KvK-nummer: 32145678<br>Telefoon: 033 456 7890</p>
<p>Directeur: Pieter de Vries</p>
<p>Ontwerp en realisatie: Webbureau Pixelzee</p>
""",
    {"Pieter de Vries": "Directeur"},
    {
        "legal_name": "De Vries Installatietechniek B.V.",
        "address": "Stationsstraat 22, 3811 MH Amersfoort",
    },
    lang="nl",
    cms="plain",
    footer="<p>De Vries Installatietechniek · CV-ketels, warmtepompen en sanitair</p>",
)

add(
    "nl-fysio-team",
    "https://www.fysio-deberg.nl/ons-team/",
    "Fysiotherapie De Berg",
    """
<div class="elementor-widget-heading"><h2 class="elementor-heading-title">Ons team</h2></div>
<div class="elementor-row">
<div class="elementor-widget-image-box"><div class="elementor-image-box-content"><h3
 class="elementor-image-box-title">Sanne Jansen</h3><p
 class="elementor-image-box-description">Praktijkhouder en fysiotherapeut</p></div></div>
<div class="elementor-widget-image-box"><div class="elementor-image-box-content"><h3
 class="elementor-image-box-title">Femke van den Berg</h3><p
 class="elementor-image-box-description">Fysiotherapeut</p></div></div>
<div class="elementor-widget-image-box"><div class="elementor-image-box-content"><h3
 class="elementor-image-box-title">Daan Bakker</h3><p
 class="elementor-image-box-description">Manueel therapeut</p></div></div>
</div>
""",
    {
        "Sanne Jansen": "Praktijkhouder en fysiotherapeut",
        "Femke van den Berg": "Fysiotherapeut",
        "Daan Bakker": "Manueel therapeut",
    },
    lang="nl",
    footer="<p>Fysiotherapie De Berg · Aangesloten bij het KNGF</p>",
)

# --- Spanish ------------------------------------------------------------------------------

add(
    "es-aviso-legal",
    "https://www.clinicafernandez.es/aviso-legal/",
    "Clínica Dental Fernández",
    """
<h1>Aviso legal</h1>
<p>En cumplimiento de la Ley 34/2002, de Servicios de la Sociedad de la Información y de
Comercio Electrónico, se informa:</p>
<p>Titular: Clínica Dental Fernández S.L.<br>CIF: B12345674<br>Domicilio: Calle Mayor 14,
28013 Madrid<br>Correo electrónico: info@clinicafernandez.es</p>
<p>Administradora única: Lucía Fernández García</p>
<p>Inscrita en el Registro Mercantil de Madrid, Tomo 12345, Folio 67, Hoja M-123456.</p>
""",
    {"Lucía Fernández García": "Administradora única"},
    {"legal_name": "Clínica Dental Fernández S.L.", "address": "Calle Mayor 14, 28013 Madrid"},
    lang="es",
    footer="<p>Clínica Dental Fernández · Implantología · Ortodoncia</p>",
)

add(
    "es-fisio-equipo",
    "https://www.fisiosalud-valencia.es/equipo",
    "FisioSalud Valencia",
    """
<h1>Nuestro equipo</h1>
<div class="team-member"><h3>Carlos Ruiz</h3><p class="job-title">Director y fisioterapeuta</p>
<p>Más de 15 años de experiencia en lesiones deportivas.</p></div>
<div class="team-member"><h3>Elena Navarro</h3><p class="job-title">Fisioterapeuta</p></div>
<div class="team-member"><h3>Pablo Ortega</h3><p class="job-title">Recepcionista</p></div>
""",
    {
        "Carlos Ruiz": "Director y fisioterapeuta",
        "Elena Navarro": "Fisioterapeuta",
        "Pablo Ortega": "Recepcionista",
    },
    lang="es",
    cms="squarespace",
    footer="<p>FisioSalud Valencia · Cita previa por teléfono o WhatsApp</p>",
)

# --- Italian ------------------------------------------------------------------------------

add(
    "it-salone-chi-siamo",
    "https://www.salonerossi.it/chi-siamo",
    "Salone Rossi",
    """
<h1>Chi siamo</h1>
<p>Dal 2005 il Salone Rossi è il punto di riferimento per capelli e benessere a Bologna.</p>
<div class="staff">
<div class="staff-card"><h3>Marco Rossi</h3><span class="role">Titolare e hair stylist</span></div>
<div class="staff-card"><h3>Giulia Bianchi</h3><span class="role">Colorista</span></div>
<div class="staff-card"><h3>Francesca Greco</h3><span class="role">Estetista</span></div>
</div>
""",
    {
        "Marco Rossi": "Titolare e hair stylist",
        "Giulia Bianchi": "Colorista",
        "Francesca Greco": "Estetista",
    },
    lang="it",
    cms="wix",
    footer="<p>Salone Rossi · Via dell'Indipendenza 30 · Bologna</p>",
)

add(
    "it-decoy-recensioni",
    "https://www.trattoriadamario.it/recensioni",
    "Trattoria da Mario",
    """
<h1>Dicono di noi</h1>
<div class="recensione"><p>"Tagliatelle al ragù come quelle della nonna."</p>
<p class="autore">— Alessandro P., Tripadvisor</p></div>
<div class="recensione"><p>"Servizio cordiale e prezzi onesti."</p>
<p class="autore">— Chiara Conti</p></div>
<div class="recensione"><p>"Il tiramisù merita il viaggio."</p>
<p class="autore">— Luca M.</p></div>
""",
    lang="it",
    cms="plain",
    footer="<p>Trattoria da Mario · Chiuso il lunedì</p>",
)

# --- More legal and contact lines, one more decoy ------------------------------------------

add(
    "de-impressum-zwei-geschaeftsfuehrer",
    "https://www.keller-dachbau.de/impressum",
    "Keller Dachbau",
    """
<h1>Impressum</h1>
<p>Keller Dachbau GmbH<br>Industriestraße 9<br>73760 Ostfildern</p>
<p>Vertreten durch die Geschäftsführer:<br>Anna Keller<br>Stefan Keller</p>
<p>Handelsregister: Amtsgericht Stuttgart, HRB 765432</p>
<p>Telefon: 0711 3456780 · E-Mail: info@keller-dachbau.de</p>
<p>Webdesign: Agentur Blauweiß, Esslingen</p>
""",
    {"Anna Keller": "Geschäftsführer", "Stefan Keller": "Geschäftsführer"},
    {"legal_name": "Keller Dachbau GmbH", "address": "Industriestraße 9, 73760 Ostfildern"},
    lang="de",
    cms="plain",
    footer="<p>Keller Dachbau · Steildach · Flachdach · Spenglerei</p>",
)

add(
    "fr-contact-responsable",
    "https://www.caves-fournier.fr/contact",
    "Caves Fournier",
    """
<h1>Contact</h1>
<p>Pour toute commande professionnelle, contactez Isabelle Fournier, responsable
commerciale, au 04 78 56 12 34 ou par courriel à
<a href="mailto:isabelle.fournier@caves-fournier.fr">isabelle.fournier@caves-fournier.fr</a>.</p>
<p>La cave est ouverte du mardi au samedi, de 10 h à 19 h.</p>
""",
    {"Isabelle Fournier": "responsable commerciale"},
    lang="fr",
    cms="squarespace",
    footer="<p>Caves Fournier · L'abus d'alcool est dangereux pour la santé.</p>",
)

add(
    "en-uk-about-directors",
    "https://www.bennettjoinery.co.uk/about-us/",
    "Bennett Joinery",
    """
<h1>About Bennett Joinery</h1>
<p>We are a family-run joinery workshop in Harrogate making bespoke staircases, windows and
kitchens since 1994.</p>
<p><strong>Directors:</strong> Paul Bennett and Karen Bennett</p>
<p>Every project is made in our own workshop and fitted by our own joiners.</p>
""",
    {"Paul Bennett": "Director", "Karen Bennett": "Director"},
    footer="<p>Bennett Joinery Ltd · Bespoke joinery since 1994</p>",
)

add(
    "en-decoy-wedding-blog",
    "https://www.lumenandlace.co.uk/blog/sophie-and-james-aynhoe-park",
    "Lumen &amp; Lace Photography",
    """
<article class="post"><h1 class="entry-title">Sophie &amp; James | Aynhoe Park Wedding</h1>
<p class="post-meta"><time datetime="2025-06-21">21 June 2025</time> in Weddings</p>
<p>What a day! Sophie and James said their vows in the orangery, followed by drinks on the
lawn and a ceilidh that went on well past midnight.</p>
<h3>Suppliers</h3>
<ul><li>Venue: Aynhoe Park</li><li>Flowers: Petal &amp; Stem</li>
<li>Dress: Charlotte Balbier</li><li>Hair and make-up: Emily Rose Bridal</li>
<li>Band: The Jukebox Jam</li></ul>
</article>
""",
    cms="squarespace",
    footer="<p>Lumen &amp; Lace Photography · Weddings across the Cotswolds</p>",
)
