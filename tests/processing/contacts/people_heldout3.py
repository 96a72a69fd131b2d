"""A third held-out set for the people extractor, written in issue 26's fourth session before
the extractor's code was read or run on any of it.

Same shape as people_corpus.PAGES: (name, url, html, people, company). Built from the markup
site builders emit, each page inside its builder's shell: Elementor image boxes and
heading/text widget pairs, Squarespace image-card captions, Wix rich-text components, Divi
team members, Bootstrap media objects and cards; Yoast's graph with a Person who ``worksFor``
the organisation, a dentist's JSON-LD with employees, reviews and hours, h-card and classic
vcard side by side; a German contact table, an Impressum under § 5 DDG for a GbR with
partners, an Impressum as a table, an Austrian Impressum (UID, Firmenbuch), French mentions
légales of a SASU (SIRET), an Elementor team in French; British footers with company and VAT
numbers, an LLP, appositions in prose, a mailto's link text, US attorney and realtor cards, a
charity's trustees listed title first. Decoys: a Google-reviews widget, a blog post with a
Yoast author and comments, an Elementor testimonial carousel with clients' job titles,
directions full of streets and a building named after a person, a menu whose dishes look like
names, a case study naming the client, an outside architect and the photographer, press quotes.

Expected people are the business's own staff with the title the page states (``""`` when it
states none); a pet, clients, reviewers, commenters, outside professionals, journalists and
photographers are never people. ``company`` lists facts a reader finds on the page.
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str, dict[str, str], dict[str, str]]] = []


def page(name, url, brand, lang="en", cms="wordpress", **site):
    """The page ``name`` at ``url`` inside the ``cms``'s shell with the site's brand, language
    and ``site`` (head, banner, footer): call the result with the body, the expected people and
    the expected company facts to add it to PAGES."""

    def add(body, people=None, company=None):
        html = _SHELLS[cms](body, brand=brand, lang=lang, **site)
        PAGES.append((name, url, html, people or {}, company or {}))

    return add


def _head(brand: str, lang: str, head: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{brand}</title>\n{head}\n</head>\n"
    )


def _wordpress(body, *, brand, lang, head="", banner="", footer=""):
    """Elementor / Divi on WordPress: header template, content, footer template."""
    menu = "".join(
        f'<li class="menu-item menu-item-type-post_type"><a href="/{s}/" class="elementor-item">'
        f"{label}</a></li>"
        for s, label in (
            ("", "Home"),
            ("services", "Services"),
            ("about", "About Us"),
            ("team", "Our Team"),
            ("contact", "Contact"),
        )
    )
    return (
        _head(brand, lang, head)
        + '<body class="page-template page-template-elementor_header_footer elementor-page">\n'
        f"{banner}\n"
        '<div data-elementor-type="header" class="elementor elementor-location-header">'
        '<div class="elementor-widget-theme-site-logo"><a href="/"><img src="/logo.png" '
        f'alt="{brand}"></a></div><nav class="elementor-nav-menu--main"><ul '
        f'class="elementor-nav-menu">{menu}</ul></nav></div>\n'
        f'<div data-elementor-type="wp-page" class="elementor elementor-42">\n{body}\n</div>\n'
        '<div data-elementor-type="footer" class="elementor elementor-location-footer">'
        f'<div class="elementor-widget-container">{footer}</div>'
        '<div class="elementor-widget-container"><p>Website by Pixel Forge Studio</p></div>'
        "</div>\n</body>\n</html>\n"
    )


def _squarespace(body, *, brand, lang, head="", banner="", footer=""):
    return (
        _head(brand, lang, head)
        + '<body class="tweak-global-animations-enabled header-overlay-alignment-center">\n'
        '<header class="header theme-col--primary"><div class="header-title-logo"><a href="/">'
        f'{brand}</a></div><nav class="header-nav-list"><div class="header-nav-item">'
        '<a href="/classes">Classes</a></div><div class="header-nav-item"><a href="/about">About'
        '</a></div><div class="header-nav-item"><a href="/contact">Contact</a></div></nav>'
        "</header>\n"
        f'<main id="page" class="container" role="main"><article class="sections">{body}'
        "</article></main>\n"
        f'<footer class="sections" id="footer-sections"><div class="sqs-block-content">{footer}'
        "</div></footer>\n"
        f"{banner}\n</body>\n</html>\n"
    )


def _wix(body, *, brand, lang, head="", banner="", footer=""):
    return (
        _head(brand, lang, head)
        + '<body class="responsive">\n<div id="SITE_CONTAINER"><div id="main_MF">'
        '<header id="SITE_HEADER" class="wixui-header"><div id="comp-kx1" '
        'class="wixui-rich-text" data-testid="richTextElement"><p class="font_7">'
        f'<span class="wixui-rich-text__text">{brand.upper()}</span></p></div>'
        '<nav id="comp-kx2" class="wixui-dropdown-menu"><ul><li><a href="/">HOME</a></li>'
        '<li><a href="/menu">MENU</a></li><li><a href="/about">ABOUT</a></li>'
        '<li><a href="/contact">CONTACT</a></li></ul></nav></header>\n'
        f'<main id="PAGES_CONTAINER"><div id="SITE_PAGES">{body}</div></main>\n'
        f'<footer id="SITE_FOOTER" class="wixui-footer">{footer}</footer></div></div>\n'
        f"{banner}\n</body>\n</html>\n"
    )


def _bootstrap(body, *, brand, lang, head="", banner="", footer=""):
    return (
        _head(brand, lang, head + '<link rel="stylesheet" href="/css/bootstrap.min.css">')
        + '<body>\n<nav class="navbar navbar-expand-lg navbar-light bg-light">'
        f'<a class="navbar-brand" href="/">{brand}</a><div class="collapse navbar-collapse">'
        '<ul class="navbar-nav ml-auto"><li class="nav-item"><a class="nav-link" href="/">Home'
        '</a></li><li class="nav-item"><a class="nav-link" href="/team">Our Team</a></li>'
        '<li class="nav-item"><a class="nav-link" href="/contact">Contact Us</a></li></ul>'
        "</div></nav>\n"
        f'<div class="container my-5">{body}</div>\n'
        f'<footer class="bg-dark text-white py-4"><div class="container">{footer}</div>'
        f"</footer>\n{banner}\n</body>\n</html>\n"
    )


_SHELLS = {
    "wordpress": _wordpress,
    "squarespace": _squarespace,
    "wix": _wix,
    "bootstrap": _bootstrap,
}


def _ld(json_text: str) -> str:
    return f'<script type="application/ld+json">{json_text}</script>'


_COOKIEYES = """<div class="cky-consent-container cky-banner-bottom"><div class="cky-consent-bar">
<div class="cky-notice"><p class="cky-title">We value your privacy</p><div class="cky-notice-des">
<p>We use cookies to enhance your browsing experience, serve personalised ads or content, and
analyse our traffic. By clicking "Accept All", you consent to our use of cookies.</p></div>
<div class="cky-notice-btn-wrapper"><button class="cky-btn cky-btn-customize">Customise</button>
<button class="cky-btn cky-btn-reject">Reject All</button>
<button class="cky-btn cky-btn-accept">Accept All</button></div></div></div></div>"""

_COOKIEBOT = """<div id="CybotCookiebotDialog" class="CybotCookiebotDialogActive">
<div id="CybotCookiebotDialogHeader"><div id="CybotCookiebotDialogPoweredbyCybot">Powered by
Cookiebot by Usercentrics</div></div><div id="CybotCookiebotDialogBody">
<h2 id="CybotCookiebotDialogBodyContentTitle">This website uses cookies</h2>
<div id="CybotCookiebotDialogBodyContentText">We use cookies to personalise content and ads, to
provide social media features and to analyse our traffic.</div>
<div class="CybotCookiebotDialogBodyLevelButtonWrapper"><label>Necessary</label>
<label>Preferences</label><label>Statistics</label><label>Marketing</label></div>
<a id="CybotCookiebotDialogBodyLevelDetailsButton" href="#">Show details</a></div>
<button id="CybotCookiebotDialogBodyButtonDecline">Deny</button>
<button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection">Allow selection
</button><button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll">Allow all</button>
</div>"""

_SQUARESPACE_COOKIES = """<div class="sqs-cookie-banner-v2-container"><div
class="sqs-cookie-banner-v2"><div class="sqs-cookie-banner-v2-text"><p>This website uses cookies
to improve your experience. By continuing to browse, you accept our Cookie Policy.</p></div>
<div class="sqs-cookie-banner-v2-cta-container"><button class="sqs-cookie-banner-v2-accept">
Accept</button><button class="sqs-cookie-banner-v2-deny">Decline</button>
<button class="sqs-cookie-banner-v2-manage">Manage cookies</button></div></div></div>"""

_BORLABS_DE = """<div id="BorlabsCookieBox"><div class="_brlbs-box"><div class="_brlbs-content">
<span class="_brlbs-h3">Datenschutzeinstellungen</span><p class="_brlbs-paragraph">Wir nutzen
Cookies auf unserer Website. Einige von ihnen sind essenziell, während andere uns helfen, diese
Website und Ihre Erfahrung zu verbessern.</p><p class="_brlbs-accept"><a class="_brlbs-btn">Alle
akzeptieren</a></p><p class="_brlbs-refuse"><a href="#">Nur essenzielle Cookies akzeptieren</a>
</p><p class="_brlbs-manage"><a href="#">Individuelle Datenschutzeinstellungen</a></p></div></div>
</div>"""

_AXEPTIO_FR = """<div id="axeptio_overlay"><div class="axeptio_widget"><div
class="axeptio-widget__title">Ce site utilise des cookies</div><p>Bonjour, nous utilisons des
cookies pour mesurer l'audience et améliorer votre expérience.</p><button
class="axeptio_btn_dismiss">Non merci</button><button class="axeptio_btn_configure">Je choisis
</button><button class="axeptio_btn_acceptAll">OK pour moi</button></div></div>"""


def _elementor_box(name: str, title: str, img: str) -> str:
    return (
        '<div class="elementor-column elementor-col-25"><div class="elementor-widget-wrap">'
        '<div class="elementor-element elementor-widget elementor-widget-image-box">'
        '<div class="elementor-widget-container"><div class="elementor-image-box-wrapper">'
        f'<figure class="elementor-image-box-img"><img src="/wp-content/uploads/2025/03/{img}" '
        'alt="" loading="lazy" width="400" height="400"></figure>'
        f'<div class="elementor-image-box-content"><h3 class="elementor-image-box-title">{name}'
        f'</h3><p class="elementor-image-box-description">{title}</p></div></div></div></div>'
        "</div></div>"
    )


def _heading_and_text(name: str, title: str) -> str:
    """Elementor's other common team layout: a heading widget, then a text-editor widget."""
    return (
        '<div class="elementor-column elementor-col-33"><div class="elementor-widget-wrap">'
        '<div class="elementor-element elementor-widget elementor-widget-image">'
        '<div class="elementor-widget-container"><img src="/wp-content/uploads/portrait.jpg" '
        'alt=""></div></div>'
        '<div class="elementor-element elementor-widget elementor-widget-heading">'
        f'<div class="elementor-widget-container"><h4 class="elementor-heading-title '
        f'elementor-size-default">{name}</h4></div></div>'
        '<div class="elementor-element elementor-widget elementor-widget-text-editor">'
        f'<div class="elementor-widget-container"><p>{title}</p></div></div></div></div>'
    )


def _sqs_card(name: str, title: str, img: str) -> str:
    return (
        '<div class="sqs-block image-block sqs-block-image"><div class="sqs-block-content">'
        '<div class="image-block-outer-wrapper layout-caption-below design-layout-card">'
        f'<figure class="sqs-block-image-figure image-block-card"><img data-src="/s/{img}" '
        f'alt=""><figcaption class="image-card-wrapper"><div class="image-title-wrapper">'
        f'<div class="image-title sqs-dynamic-text"><p>{name}</p></div></div>'
        '<div class="image-subtitle-wrapper"><div class="image-subtitle sqs-dynamic-text">'
        f"<p>{title}</p></div></div></figcaption></figure></div></div></div>"
    )


def _wix_text(comp: str, tag: str, css: str, text: str) -> str:
    return (
        f'<div id="comp-{comp}" class="wixui-rich-text" data-testid="richTextElement">'
        f'<{tag} class="{css} wixui-rich-text__text"><span class="wixui-rich-text__text">'
        f"{text}</span></{tag}></div>"
    )


def _divi_member(name: str, title: str, bio: str, linkedin: str = "") -> str:
    social = (
        f'<ul class="et_pb_member_social_links"><li><a href="{linkedin}" '
        'class="et_pb_font_icon et_pb_linkedin_icon"><span>LinkedIn</span></a></li></ul>'
        if linkedin
        else ""
    )
    return (
        '<div class="et_pb_module et_pb_team_member et_pb_bg_layout_light clearfix">'
        '<div class="et_pb_team_member_image et-waypoint"><img src="/wp-content/uploads/m.jpg" '
        f'alt="{name}"></div><div class="et_pb_team_member_description">'
        f'<h4 class="et_pb_module_header">{name}</h4><p class="et_pb_member_position">{title}</p>'
        f"<div><p>{bio}</p></div>{social}</div></div>"
    )


# --- team pages from site builders -------------------------------------------------------------

page(
    "h3-elementor-image-boxes",
    "https://kestrel-landscapes.co.uk/about-us/",
    "Kestrel Landscapes",
    "en-GB",
    banner=_COOKIEYES,
    footer=(
        "<p>Kestrel Landscapes Ltd · Company No. 10456789 · Registered in England &amp; Wales"
        " · 3 Orchard Way, Tonbridge TN9 1QR</p><p>© 2026 All rights reserved.</p>"
    ),
)(
    '<section class="elementor-section"><div class="elementor-widget-heading">'
    '<h2 class="elementor-heading-title">The people behind your garden</h2></div>'
    '<div class="elementor-container elementor-column-gap-default">'
    + _elementor_box("Owen Hargreaves", "Founder &amp; Lead Designer", "owen.jpg")
    + _elementor_box("Priya Desai", "Garden Designer", "priya.jpg")
    + _elementor_box("Callum Frost", "Head Gardener", "callum.jpg")
    + _elementor_box("Bramble", "Site Dog &amp; Chief Morale Officer", "bramble.jpg")
    + "</div></section>",
    {
        "Owen Hargreaves": "Founder & Lead Designer",
        "Priya Desai": "Garden Designer",
        "Callum Frost": "Head Gardener",
    },
    {
        "legal_name": "Kestrel Landscapes Ltd",
        "company_number": "10456789",
        "address": "3 Orchard Way, Tonbridge TN9 1QR",
    },
)

page(
    "h3-squarespace-image-cards",
    "https://marlowpilates.com/about",
    "Marlow Pilates",
    cms="squarespace",
    banner=_SQUARESPACE_COOKIES,
    footer="<p>Marlow Pilates · 1420 Pearl Street, Boulder, CO 80302 · (303) 555-0117</p>",
)(
    '<section class="page-section"><div class="content-wrapper"><div class="sqs-layout">'
    '<div class="sqs-block html-block"><div class="sqs-block-content"><h2>Meet your '
    "instructors</h2><p>Small classes, big attention. Every instructor is comprehensively "
    "certified.</p></div></div>"
    + _sqs_card("Jessica Marlow", "Owner + Lead Instructor", "jess.jpg")
    + _sqs_card("Daniel Okafor", "Reformer Instructor", "daniel.jpg")
    + _sqs_card("Hana Sato", "Studio Coordinator", "hana.jpg")
    + "</div></div></section>",
    {
        "Jessica Marlow": "Owner + Lead Instructor",
        "Daniel Okafor": "Reformer Instructor",
        "Hana Sato": "Studio Coordinator",
    },
)

page(
    "h3-wix-components",
    "https://www.bellavistatrattoria.com/about",
    "Bellavista Trattoria",
    cms="wix",
    footer=_wix_text(
        "ft1", "p", "font_9", "© 2026 by Bellavista Trattoria. Proudly created with Wix.com"
    ),
)(
    _wix_text("a1", "h2", "font_2", "OUR FAMILY")
    + _wix_text(
        "a2",
        "p",
        "font_8",
        "Three generations of cooking from Campania, served on Main Street since 1987.",
    )
    + '<div id="comp-a3" class="wixui-image"><img src="https://static.wixstatic.com/media/m.jpg"'
    ' alt=""></div>'
    + _wix_text("a4", "h4", "font_4", "Marco Bellini")
    + _wix_text("a5", "p", "font_8", "Chef &amp; Owner")
    + '<div id="comp-a6" class="wixui-image"><img src="https://static.wixstatic.com/media/g.jpg"'
    ' alt=""></div>'
    + _wix_text("a7", "h4", "font_4", "Giulia Bellini")
    + _wix_text("a8", "p", "font_8", "Front of House Manager")
    + '<div id="comp-a9" class="wixui-image"><img src="https://static.wixstatic.com/media/t.jpg"'
    ' alt=""></div>'
    + _wix_text("b1", "h4", "font_4", "Tomasz Nowak")
    + _wix_text("b2", "p", "font_8", "Sous Chef"),
    {
        "Marco Bellini": "Chef & Owner",
        "Giulia Bellini": "Front of House Manager",
        "Tomasz Nowak": "Sous Chef",
    },
)

page(
    "h3-divi-team-members",
    "https://harlowfinch.co.uk/our-people/",
    "Harlow &amp; Finch",
    "en-GB",
    footer=(
        "<p>Harlow &amp; Finch LLP is a limited liability partnership registered in England "
        "and Wales, number OC412345. Registered office: 18 Market Street, Harlow CM17 0AH. "
        "VAT No. GB 334 4556 58.</p>"
    ),
)(
    '<div class="et_pb_section"><div class="et_pb_row"><h1>Our people</h1></div>'
    '<div class="et_pb_row et_pb_row_3col"><div class="et_pb_column et_pb_column_1_3">'
    + _divi_member(
        "Rebecca Harlow",
        "Managing Partner",
        "Rebecca qualified with a Big Four firm before co-founding the practice in 2009.",
        "https://www.linkedin.com/in/rebecca-harlow-aca",
    )
    + '</div><div class="et_pb_column et_pb_column_1_3">'
    + _divi_member(
        "Simon Finch",
        "Partner, Tax",
        "Simon advises owner-managed businesses on tax planning.",
        "https://www.linkedin.com/in/simonfinchtax",
    )
    + '</div><div class="et_pb_column et_pb_column_1_3">'
    + _divi_member(
        "Aaliyah Johnson", "Payroll Manager", "Aaliyah runs payroll for over 200 clients."
    )
    + "</div></div></div>",
    {
        "Rebecca Harlow": "Managing Partner",
        "Simon Finch": "Partner, Tax",
        "Aaliyah Johnson": "Payroll Manager",
    },
    {
        "legal_name": "Harlow & Finch LLP",
        "company_number": "OC412345",
        "vat_id": "GB334455658",
        "address": "18 Market Street, Harlow CM17 0AH",
    },
)

page(
    "h3-bootstrap-media-mailto",
    "https://cedarridgevet.com/our-team",
    "Cedar Ridge Veterinary Clinic",
    cms="bootstrap",
    footer="<p>Cedar Ridge Veterinary Clinic &middot; 2210 Ridge Rd, Raleigh, NC 27612</p>",
)(
    """<h1 class="mb-4">Our Team</h1>
<div class="media mb-4"><img src="/img/team/carter.jpg" class="mr-3 rounded-circle" alt="">
<div class="media-body"><h5 class="mt-0 mb-1">Dr. Emily Carter, DVM</h5>
<small class="text-muted">Medical Director</small>
<p>Emily graduated from NC State and has led the clinic since 2015. She loves senior pets.</p>
<a href="mailto:ecarter@cedarridgevet.com">ecarter@cedarridgevet.com</a></div></div>
<div class="media mb-4"><img src="/img/team/patel.jpg" class="mr-3 rounded-circle" alt="">
<div class="media-body"><h5 class="mt-0 mb-1">Dr. Raj Patel</h5>
<small class="text-muted">Associate Veterinarian</small>
<p>Raj has a special interest in dentistry and exotic pets.</p>
<a href="mailto:rpatel@cedarridgevet.com">rpatel@cedarridgevet.com</a></div></div>
<div class="media mb-4"><img src="/img/team/mitchell.jpg" class="mr-3 rounded-circle" alt="">
<div class="media-body"><h5 class="mt-0 mb-1">Lauren Mitchell</h5>
<small class="text-muted">Practice Manager</small>
<p>Lauren keeps everything running and answers most of your calls.</p></div></div>""",
    {
        "Emily Carter": "Medical Director",
        "Raj Patel": "Associate Veterinarian",
        "Lauren Mitchell": "Practice Manager",
    },
)

page(
    "h3-bootstrap-realtor-cards",
    "https://summitrealtygroup.com/agents",
    "Summit Realty Group",
    cms="bootstrap",
    footer="<p>Summit Realty Group, Inc. &middot; Equal Housing Opportunity</p>",
)(
    """<h1>Our Agents</h1><div class="row">
<div class="col-md-4"><div class="card agent-card"><img class="card-img-top" src="/a/kl.jpg" alt="">
<div class="card-body"><h4 class="card-title">Karen Lopez</h4>
<h6 class="card-subtitle mb-2 text-muted">Broker/Owner</h6>
<p class="card-text small">DRE# 01234567</p>
<a href="tel:+19165550142" class="card-link">(916) 555-0142</a></div></div></div>
<div class="col-md-4"><div class="card agent-card"><img class="card-img-top" src="/a/jw.jpg" alt="">
<div class="card-body"><h4 class="card-title">Jason Whitfield</h4>
<h6 class="card-subtitle mb-2 text-muted">REALTOR®</h6>
<p class="card-text small">DRE# 02345678</p>
<a href="tel:+19165550178" class="card-link">(916) 555-0178</a></div></div></div>
<div class="col-md-4"><div class="card agent-card"><img class="card-img-top" src="/a/mc.jpg" alt="">
<div class="card-body"><h4 class="card-title">Mei Chen</h4>
<h6 class="card-subtitle mb-2 text-muted">Buyer's Agent</h6>
<p class="card-text small">DRE# 02456789</p>
<a href="mailto:mei@summitrealtygroup.com" class="card-link">Email Mei</a></div></div></div>
</div>""",
    {"Karen Lopez": "Broker/Owner", "Jason Whitfield": "REALTOR®", "Mei Chen": "Buyer's Agent"},
)

page(
    "h3-us-attorney-directory",
    "https://donovankim.com/attorneys/",
    "Donovan &amp; Kim LLP",
)(
    """<div class="elementor-section"><h1 class="elementor-heading-title">Attorneys</h1>
<div class="attorney-grid">
<div class="attorney"><a href="/attorneys/michael-donovan/"><img src="/md.jpg" alt="">
<h3>Michael R. Donovan</h3></a><p class="attorney-title">Founding Partner</p>
<p><a href="tel:+16175550190">617.555.0190</a> | <a href="mailto:mdonovan@donovankim.com">Email</a>
</p></div>
<div class="attorney"><a href="/attorneys/robert-kim/"><img src="/rk.jpg" alt="">
<h3>Robert T. Kim, Esq.</h3></a><p class="attorney-title">Partner</p>
<p><a href="tel:+16175550191">617.555.0191</a> | <a href="mailto:rkim@donovankim.com">Email</a>
</p></div>
<div class="attorney"><a href="/attorneys/alicia-gomez/"><img src="/ag.jpg" alt="">
<h3>Alicia Gómez</h3></a><p class="attorney-title">Associate Attorney</p></div>
<div class="attorney"><a href="/staff/denise-carter/"><img src="/dc.jpg" alt="">
<h3>Denise Carter</h3></a><p class="attorney-title">Paralegal</p></div>
</div></div>""",
    {
        "Michael R. Donovan": "Founding Partner",
        "Robert T. Kim": "Partner",
        "Alicia Gómez": "Associate Attorney",
        "Denise Carter": "Paralegal",
    },
)

page(
    "h3-og-site-name-physio",
    "https://riversidephysio.co.uk/team",
    "Team | Riverside Physio",
    "en-GB",
    cms="squarespace",
    head=(
        '<meta property="og:site_name" content="Riverside Physio">'
        '<meta property="og:title" content="Team — Riverside Physio">'
    ),
)(
    """<section class="page-section"><div class="sqs-block html-block"><div
class="sqs-block-content"><h1>Meet the team</h1>
<h2>Sarah O'Neill</h2><h3>Clinical Director</h3>
<p>MCSP, HCPC registered. Sarah founded the clinic after ten years in the NHS.</p>
<h2>Ben Ashworth</h2><h3>Physiotherapist</h3><p>BSc (Hons) Physiotherapy. Ben treats running
injuries and back pain.</p>
<h2>Ella Grant</h2><h3>Sports Massage Therapist</h3><p>Ella works with the county rugby side.</p>
</div></div></section>""",
    {
        "Sarah O'Neill": "Clinical Director",
        "Ben Ashworth": "Physiotherapist",
        "Ella Grant": "Sports Massage Therapist",
    },
    {"legal_name": "Riverside Physio"},
)

# --- JSON-LD and microformats ------------------------------------------------------------------

page(
    "h3-ld-yoast-person-worksfor",
    "https://northbeamsolar.co.uk/about/",
    "About - Northbeam Solar",
    "en-GB",
    head=_ld("""{"@context":"https://schema.org","@graph":[
{"@type":"WebPage","@id":"https://northbeamsolar.co.uk/about/","url":"https://northbeamsolar.co.uk/about/",
"name":"About - Northbeam Solar","isPartOf":{"@id":"https://northbeamsolar.co.uk/#website"},
"datePublished":"2024-02-01T09:00:00+00:00","inLanguage":"en-GB"},
{"@type":"WebSite","@id":"https://northbeamsolar.co.uk/#website","url":"https://northbeamsolar.co.uk/",
"name":"Northbeam Solar","publisher":{"@id":"https://northbeamsolar.co.uk/#organization"}},
{"@type":"Organization","@id":"https://northbeamsolar.co.uk/#organization","name":"Northbeam Solar",
"legalName":"Northbeam Solar Ltd","vatID":"GB481203963",
"address":{"@type":"PostalAddress","streetAddress":"Unit 7 Lowfield Business Park",
"addressLocality":"Elland","postalCode":"HX5 9DA","addressCountry":"GB"},
"logo":{"@type":"ImageObject","url":"https://northbeamsolar.co.uk/logo.png"}},
{"@type":"Person","@id":"https://northbeamsolar.co.uk/#/schema/person/7f3a","name":"Ian Castell",
"jobTitle":"Managing Director","worksFor":{"@id":"https://northbeamsolar.co.uk/#organization"},
"sameAs":["https://www.linkedin.com/in/iancastell"]}]}"""),
)(
    """<section class="elementor-section"><h1>About Northbeam</h1><p>We design and fit solar
panels and batteries for homes across West Yorkshire. MCS certified, RECC members.</p>
<p>Ian started Northbeam after twenty years as an electrician.</p></section>""",
    {"Ian Castell": "Managing Director"},
    {
        "legal_name": "Northbeam Solar Ltd",
        "vat_id": "GB481203963",
        "address": "Unit 7 Lowfield Business Park, HX5 9DA Elland, GB",
    },
)

page(
    "h3-ld-dentist-employees-reviews",
    "https://brooksidedental.ie/",
    "Brookside Dental Care",
    "en-IE",
    cms="bootstrap",
    head=_ld("""{"@context":"https://schema.org","@type":"Dentist","name":"Brookside Dental Care",
"telephone":"+353 1 555 0134","priceRange":"€€",
"openingHours":["Mo-Th 08:30-17:30","Fr 08:30-15:00"],
"employee":[{"@type":"Person","honorificPrefix":"Dr","name":"Dr Sophie Grant",
"jobTitle":"Principal Dentist"},{"@type":"Person","name":"Tom Reilly",
"jobTitle":"Dental Hygienist"}],
"aggregateRating":{"@type":"AggregateRating","ratingValue":"4.9","reviewCount":"212"},
"review":[{"@type":"Review","author":{"@type":"Person","name":"Megan Walsh"},
"reviewRating":{"@type":"Rating","ratingValue":"5"},"reviewBody":"Painless and friendly."},
{"@type":"Review","author":{"@type":"Person","name":"Chris Doyle"},
"reviewRating":{"@type":"Rating","ratingValue":"5"}}]}"""),
)(
    """<div class="jumbotron"><h1 class="display-4">Brookside Dental Care</h1><p class="lead">
Gentle family dentistry in Dundrum.</p><a class="btn btn-primary" href="/book">Book online</a>
</div><div class="row"><div class="col"><h3>Rated 4.9 by 212 patients</h3>
<blockquote class="blockquote"><p>Painless and friendly.</p><footer class="blockquote-footer">Megan
Walsh</footer></blockquote></div></div>""",
    {"Sophie Grant": "Principal Dentist", "Tom Reilly": "Dental Hygienist"},
    {
        "legal_name": "Brookside Dental Care",
        "opening_hours": "Mo-Th 08:30-17:30; Fr 08:30-15:00",
    },
)

page(
    "h3-hcard-and-vcard-contacts",
    "https://altair-robotics.com/contact",
    "Altair Robotics",
)(
    """<main><h1>Talk to a person</h1><ul class="contacts">
<li class="h-card"><img class="u-photo" src="/c/chiara.jpg" alt="">
<span class="p-name">Chiara Conti</span> · <span class="p-job-title">Head of Operations</span>
· <a class="u-email" href="mailto:chiara.conti@altair-robotics.com">chiara.conti@altair-robotics.com</a>
· <span class="p-org">Altair Robotics</span></li>
<li class="h-card"><img class="u-photo" src="/c/felix.jpg" alt="">
<span class="p-name">Felix Wagner</span> · <span class="p-job-title">Sales Engineer</span>
· <a class="u-email" href="mailto:felix.wagner@altair-robotics.com">felix.wagner@altair-robotics.com</a>
</li></ul>
<h2>Support</h2><div class="vcard"><span class="fn">Ruth Adeyemi</span>,
<span class="title">Customer Success Lead</span>, <span class="org">Altair Robotics</span>,
<a class="email" href="mailto:support@altair-robotics.com">support@altair-robotics.com</a></div>
</main>""",
    {
        "Chiara Conti": "Head of Operations",
        "Felix Wagner": "Sales Engineer",
        "Ruth Adeyemi": "Customer Success Lead",
    },
)

# --- German, Austrian and French pages ---------------------------------------------------------

page(
    "h3-de-ansprechpartner-table",
    "https://metallbau-krueger.de/kontakt/",
    "Metallbau Krüger",
    "de",
    banner=_BORLABS_DE,
    footer="<p>Metallbau Krüger GmbH · Industriestraße 12 · 33607 Bielefeld</p>",
)(
    """<h1>Kontakt</h1><p>Sie erreichen uns Montag bis Freitag von 7 bis 16 Uhr.</p>
<h2>Ihre Ansprechpartner</h2><figure class="wp-block-table"><table><thead><tr><th>Name</th>
<th>Funktion</th><th>Telefon</th><th>E-Mail</th></tr></thead><tbody>
<tr><td>Jens Krüger</td><td>Geschäftsführer</td><td>0521 987654-10</td>
<td><a href="mailto:j.krueger@metallbau-krueger.de">j.krueger@metallbau-krueger.de</a></td></tr>
<tr><td>Monika Schäfer</td><td>Auftragsabwicklung</td><td>0521 987654-12</td>
<td><a href="mailto:m.schaefer@metallbau-krueger.de">m.schaefer@metallbau-krueger.de</a></td></tr>
<tr><td>Piotr Zieliński</td><td>Werkstattmeister</td><td>0521 987654-20</td><td></td></tr>
</tbody></table></figure>""",
    {
        "Jens Krüger": "Geschäftsführer",
        "Monika Schäfer": "Auftragsabwicklung",
        "Piotr Zieliński": "Werkstattmeister",
    },
)

page(
    "h3-de-impressum-ddg-gbr",
    "https://maler-schulz-kassel.de/impressum/",
    "Malerbetrieb Schulz &amp; Partner",
    "de",
    banner=_BORLABS_DE,
)(
    """<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2>
<p>Malerbetrieb Schulz &amp; Partner GbR<br>Ringstraße 18<br>34117 Kassel</p>
<p><strong>Vertretungsberechtigte Gesellschafter:</strong><br>Uwe Schulz, Petra Schulz-Berger</p>
<h2>Kontakt</h2><p>Telefon: 0561 7654321<br>E-Mail: info@maler-schulz-kassel.de</p>
<h2>Umsatzsteuer-ID</h2><p>Umsatzsteuer-Identifikationsnummer gemäß § 27 a
Umsatzsteuergesetz: DE 273 456 782</p>
<h2>Berufsbezeichnung und berufsrechtliche Regelungen</h2><p>Berufsbezeichnung: Maler- und
Lackierermeister<br>Zuständige Kammer: Handwerkskammer Kassel<br>Verliehen in: Deutschland</p>
<h2>Angaben zur Berufshaftpflichtversicherung</h2><p>Name und Sitz des Versicherers:<br>
Allianz Versicherungs-AG<br>Königinstraße 28<br>80802 München</p>
<h2>Verbraucherstreitbeilegung</h2><p>Wir sind nicht bereit oder verpflichtet, an
Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.</p>
<p>Bildnachweis: Adobe Stock / Thomas Reimer, Pexels / Anna Shvets</p>""",
    {
        "Uwe Schulz": "Vertretungsberechtigte Gesellschafter",
        "Petra Schulz-Berger": "Vertretungsberechtigte Gesellschafter",
    },
    {
        "legal_name": "Malerbetrieb Schulz & Partner GbR",
        "address": "Ringstraße 18, 34117 Kassel",
        "vat_id": "DE273456782",
    },
)

page(
    "h3-de-impressum-table",
    "https://baeckerei-hofmann.de/impressum",
    "Bäckerei Hofmann",
    "de",
    cms="wix",
)(
    _wix_text("i1", "h1", "font_2", "Impressum")
    + """<div id="comp-i2" class="wixui-table"><table><tbody>
<tr><th>Firma</th><td>Bäckerei Hofmann GmbH</td></tr>
<tr><th>Anschrift</th><td>Kirchgasse 4, 97070 Würzburg</td></tr>
<tr><th>Geschäftsführer</th><td>Florian Hofmann</td></tr>
<tr><th>Telefon</th><td>0931 445566</td></tr>
<tr><th>Handelsregister</th><td>Amtsgericht Würzburg, HRB 11223</td></tr>
<tr><th>USt-IdNr.</th><td>DE 811 234 565</td></tr>
<tr><th>Verantwortlich i.S.d. § 18 Abs. 2 MStV</th><td>Florian Hofmann</td></tr>
</tbody></table></div>""",
    {"Florian Hofmann": "Geschäftsführer"},
    {
        "legal_name": "Bäckerei Hofmann GmbH",
        "address": "Kirchgasse 4, 97070 Würzburg",
        "register_id": "HRB 11223, Amtsgericht Würzburg",
        "vat_id": "DE811234565",
    },
)

page(
    "h3-at-impressum",
    "https://tischlerei-huber.at/impressum",
    "Tischlerei Huber",
    "de-AT",
)(
    """<h1>Impressum</h1><p>Informationspflicht laut § 5 E-Commerce Gesetz, § 14
Unternehmensgesetzbuch und § 25 Mediengesetz.</p>
<p>Tischlerei Huber GmbH<br>Linzer Straße 22<br>4600 Wels<br>Österreich</p>
<p><strong>Unternehmensgegenstand:</strong> Tischlerei<br>
<strong>UID-Nummer:</strong> ATU13579242<br>
<strong>Firmenbuchnummer:</strong> FN 412345 t<br>
<strong>Firmenbuchgericht:</strong> Landesgericht Wels<br>
<strong>Firmensitz:</strong> Wels</p>
<p><strong>Geschäftsführerin:</strong> Mag. Katharina Huber</p>
<p>Tel.: +43 7242 123456<br>E-Mail: office@tischlerei-huber.at</p>
<p>Mitglied der WKÖ, Landesinnung Tischler Oberösterreich</p>""",
    {"Katharina Huber": "Geschäftsführerin"},
    {
        "legal_name": "Tischlerei Huber GmbH",
        "address": "Linzer Straße 22, 4600 Wels",
        "vat_id": "ATU13579242",
    },
)

page(
    "h3-fr-mentions-sasu",
    "https://atelier-lefevre.fr/mentions-legales/",
    "Atelier Lefèvre",
    "fr",
    banner=_AXEPTIO_FR,
)(
    """<h1>Mentions légales</h1><h2>Éditeur du site</h2>
<p>Le site atelier-lefevre.fr est édité par Atelier Lefèvre SASU, au capital de 1 000 €,
immatriculée au RCS de Rennes.<br>SIRET : 512 345 679 00018<br>
N° TVA intracommunautaire : FR75512345679<br>
Siège social : 22 boulevard de la Liberté, 35000 Rennes</p>
<p>Directrice de la publication : Mme Sophie Lefèvre</p>
<h2>Hébergement</h2><p>o2switch, Chemin des Pardiaux, 63000 Clermont-Ferrand</p>
<h2>Crédits</h2><p>Crédits photos : Julien Perrin<br>Réalisation : Agence Pixel Ouest</p>""",
    {"Sophie Lefèvre": "Directrice de la publication"},
    {
        "legal_name": "Atelier Lefèvre SASU",
        "siren": "512345679",
        "vat_id": "FR75512345679",
        "address": "22 boulevard de la Liberté, 35000 Rennes",
    },
)

page(
    "h3-fr-equipe-elementor",
    "https://cabinet-dentaire-du-parc.fr/equipe/",
    "Cabinet dentaire du Parc",
    "fr",
    banner=_AXEPTIO_FR,
)(
    '<section class="elementor-section"><h2 class="elementor-heading-title">Notre équipe</h2>'
    '<div class="elementor-container">'
    + _heading_and_text("Dr Marc Olivier", "Chirurgien-dentiste")
    + _heading_and_text("Élodie Faure", "Assistante dentaire")
    + _heading_and_text("Nathalie Roux", "Secrétaire médicale")
    + "</div></section>",
    {
        "Marc Olivier": "Chirurgien-dentiste",
        "Élodie Faure": "Assistante dentaire",
        "Nathalie Roux": "Secrétaire médicale",
    },
)

# --- British and American prose, lines and footers ---------------------------------------------

page(
    "h3-uk-apposition-footer",
    "https://whitakerjoinery.co.uk/about/",
    "Whitaker Joinery",
    "en-GB",
    footer=(
        "<p>Whitaker Joinery Ltd. Registered in England and Wales. Company No. 04812039. "
        "VAT Reg. No. GB 123 4567 82.</p>"
    ),
)(
    """<section class="elementor-section"><h1>About us</h1>
<p>We have made windows, doors and staircases in Skipton since 1998.</p>
<p>The workshop is run by our Managing Director, Daniel Whitaker, and our Workshop Foreman,
Lee Barnes, who between them have more than fifty years at the bench.</p>
<p>Every piece is made to measure in our own workshop on Keighley Road.</p></section>""",
    {"Daniel Whitaker": "Managing Director", "Lee Barnes": "Workshop Foreman"},
    {
        "legal_name": "Whitaker Joinery Ltd",
        "company_number": "04812039",
        "vat_id": "GB123456782",
    },
)

page(
    "h3-uk-contact-mailto-names",
    "https://fletcher-roofing.co.uk/contact/",
    "Fletcher Roofing",
    "en-GB",
    cms="bootstrap",
    footer="<p>Fletcher Roofing Ltd &middot; Company No. 09123456</p>",
)(
    """<h1>Contact us</h1><p>Call the office on <a href="tel:01132345678">0113 234 5678</a>.</p>
<p>For quotes, email <a href="mailto:tom@fletcher-roofing.co.uk">Tom Fletcher</a>, our
Estimating Manager.</p>
<p><strong>Accounts:</strong> Jill Morgan, <a
href="mailto:accounts@fletcher-roofing.co.uk">accounts@fletcher-roofing.co.uk</a></p>
<p>Site visits are arranged by <a href="mailto:rachel@fletcher-roofing.co.uk">Rachel Adams</a>.
</p>""",
    {"Tom Fletcher": "Estimating Manager", "Jill Morgan": "Accounts", "Rachel Adams": ""},
    {"legal_name": "Fletcher Roofing Ltd", "company_number": "09123456"},
)

page(
    "h3-charity-trustees-title-first",
    "https://riversidecommunitygarden.org.uk/who-we-are",
    "Riverside Community Garden",
    "en-GB",
    cms="squarespace",
    footer="<p>Registered charity no. 1187654</p>",
)(
    """<section class="page-section"><div class="sqs-block html-block"><div
class="sqs-block-content"><h1>Who we are</h1><p>The garden is run by volunteers and a small
board of trustees.</p><h2>Trustees</h2><ul>
<li><p>Chair – Margaret Ellison</p></li><li><p>Treasurer – Dev Patel</p></li>
<li><p>Secretary – Owen Price</p></li></ul><h2>Staff</h2><ul>
<li><p>Volunteer Coordinator – Siân Roberts</p></li></ul></div></div></section>""",
    {
        "Margaret Ellison": "Chair",
        "Dev Patel": "Treasurer",
        "Owen Price": "Secretary",
        "Siân Roberts": "Volunteer Coordinator",
    },
)

# --- decoy pages --------------------------------------------------------------------------------

page(
    "h3-decoy-google-reviews-widget",
    "https://cedarridgevet.com/reviews",
    "Cedar Ridge Veterinary Clinic",
    cms="bootstrap",
)(
    """<h1>What pet parents say</h1><div class="eapps-widget eapps-google-reviews">
<div class="es-review-container"><div class="es-review-author-name">Karen W.</div>
<div class="es-review-author-caption">Local Guide · 42 reviews</div>
<div class="es-review-date">3 weeks ago</div><div class="es-review-text">Dr. Carter was so
gentle with our old lab.</div></div>
<div class="es-review-container"><div class="es-review-author-name">Dave Thompson</div>
<div class="es-review-author-caption">8 reviews</div><div class="es-review-date">a month ago
</div><div class="es-review-text">Great front desk team.</div></div>
<div class="es-review-container"><div class="es-review-author-name">Jennifer Alvarez</div>
<div class="es-review-author-caption">Local Guide · 130 reviews</div></div>
<a class="es-button" href="https://g.page/r/cedarridgevet/review">Write a review</a></div>""",
)

page(
    "h3-decoy-blog-post-comments",
    "https://northbeamsolar.co.uk/blog/battery-sizing/",
    "How big a battery? - Northbeam Solar",
    "en-GB",
    head=_ld("""{"@context":"https://schema.org","@graph":[
{"@type":"Article","@id":"https://northbeamsolar.co.uk/blog/battery-sizing/#article",
"headline":"How big a battery do you need?","datePublished":"2026-03-12T08:00:00+00:00",
"author":{"@id":"https://northbeamsolar.co.uk/#/schema/person/7f3a"}},
{"@type":"Person","@id":"https://northbeamsolar.co.uk/#/schema/person/7f3a","name":"Ian Castell",
"description":"Ian writes about home energy.","url":"https://northbeamsolar.co.uk/author/ian/"}]}"""),
)(
    """<article class="post"><h1 class="entry-title">How big a battery do you need?</h1>
<div class="entry-meta">Posted by <a href="/author/ian/" rel="author">Ian Castell</a> on
<time datetime="2026-03-12">12 March 2026</time> in <a href="/category/tips/">Tips</a></div>
<div class="entry-content"><p>Start with your evening usage.</p></div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on "How big a
battery do you need?"</h2><ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta"><div
class="comment-author vcard"><b class="fn">Mark Evans</b> <span class="says">says:</span></div>
<div class="comment-metadata"><time>14 March 2026 at 9:12 am</time></div></footer>
<div class="comment-content"><p>Very helpful, thanks.</p></div><a class="comment-reply-link"
href="#">Reply</a></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><div
class="comment-author vcard"><b class="fn">Lucy Hammond</b> <span class="says">says:</span></div>
</footer><div class="comment-content"><p>What about heat pumps?</p></div></article></li></ol></div>
""",
)

page(
    "h3-decoy-elementor-testimonials",
    "https://kestrel-landscapes.co.uk/",
    "Kestrel Landscapes",
    "en-GB",
    banner=_COOKIEYES,
)(
    """<section class="elementor-section"><h2 class="elementor-heading-title">Kind words</h2>
<div class="elementor-testimonial-wrapper"><div class="elementor-testimonial-content">Owen and
the team transformed our sloping garden into something we use every day.</div>
<div class="elementor-testimonial-meta"><div class="elementor-testimonial-details">
<div class="elementor-testimonial-name">Gemma Clarke</div>
<div class="elementor-testimonial-job">Homeowner, Sevenoaks</div></div></div></div>
<div class="elementor-testimonial-wrapper"><div class="elementor-testimonial-content">They
maintain our grounds all year and the patients notice.</div>
<div class="elementor-testimonial-meta"><div class="elementor-testimonial-details">
<div class="elementor-testimonial-name">Nigel Forsyth</div>
<div class="elementor-testimonial-job">Practice Manager, Oakwood Surgery</div></div></div></div>
</section>""",
)

page(
    "h3-decoy-find-us-streets",
    "https://www.bellavistatrattoria.com/find-us",
    "Bellavista Trattoria",
    "en-GB",
    cms="wix",
    banner=_COOKIEBOT,
)(
    _wix_text("f1", "h2", "font_2", "FIND US")
    + _wix_text("f2", "h4", "font_4", "Victoria Road")
    + _wix_text("f3", "p", "font_8", "Coming from the station")
    + _wix_text(
        "f4",
        "p",
        "font_8",
        "Turn left onto Albert Street, then right at Cecil Avenue. We are opposite Robert "
        "Peel House.",
    )
    + _wix_text("f5", "h4", "font_4", "Grace Lane")
    + _wix_text("f6", "p", "font_8", "Free parking after 6 pm")
    + _wix_text("f7", "p", "font_8", "Monday – Friday 5 pm – 11 pm, Saturday – Sunday 12 – 11 pm"),
)

page(
    "h3-decoy-menu-dishes",
    "https://www.bellavistatrattoria.com/menu",
    "Bellavista Trattoria",
    cms="wix",
)(
    _wix_text("m1", "h2", "font_2", "MENU")
    + _wix_text("m2", "h4", "font_4", "Beef Wellington")
    + _wix_text("m3", "p", "font_8", "Head Chef's Special · $34")
    + _wix_text("m4", "h4", "font_4", "Pasta alla Norma")
    + _wix_text("m5", "p", "font_8", "Aubergine, ricotta salata · $19")
    + _wix_text("m6", "h4", "font_4", "Earl Grey Panna Cotta")
    + _wix_text("m7", "p", "font_8", "Pastry Chef's Choice · $9")
    + _wix_text("m8", "h4", "font_4", "Caesar Salad")
    + _wix_text("m9", "p", "font_8", "Sous Chef's Favourite · $12"),
)

page(
    "h3-decoy-case-study-credits",
    "https://whitakerjoinery.co.uk/projects/oak-staircase-lewes/",
    "Whitaker Joinery",
    "en-GB",
)(
    """<article class="project"><h1>Oak staircase, Lewes</h1>
<p>A floating oak staircase for a Victorian villa, made and fitted in six weeks.</p>
<ul class="project-details"><li>Client: Harriet Ashworth</li>
<li>Architect: Jane Dowell, Dowell Design Studio</li>
<li>Structural Engineer: Paul Meeks, Meeks Associates</li>
<li>Photography: Ben Carter</li></ul></article>""",
)

page(
    "h3-decoy-press-quotes",
    "https://marlowpilates.com/press",
    "Marlow Pilates",
    cms="squarespace",
)(
    """<section class="page-section"><div class="sqs-block quote-block"><div
class="sqs-block-content"><figure><blockquote>"The most welcoming reformer studio in Boulder."
</blockquote><figcaption class="source">— Emma Hughes, Editor, Wellness Weekly</figcaption>
</figure></div></div><div class="sqs-block quote-block"><div class="sqs-block-content"><figure>
<blockquote>"Worth every penny."</blockquote><figcaption class="source">— Ryan Cho, Staff
Writer, Daily Camera</figcaption></figure></div></div>
<div class="sqs-block html-block"><div class="sqs-block-content"><h3>Best Pilates Studio
2025</h3><p>Readers' Choice Awards</p></div></div></section>""",
)
