"""A second held-out set for the people extractor, written after issue 26's third session's
changes and before the extractor was run on any of it.

Same shape as people_corpus.PAGES. Built unlike both earlier corpora: Bootstrap cards,
Squarespace and Wix blocks, definition lists, department tables with the title first,
appositions in prose, Spanish and French team pages, a German contact box. Decoys: a client
testimonial that carries the client's own job title, blog authors and an author box, a
review widget, photo credits, areas and streets named like people. Expected people are the
business's own staff with the title the page states; customers, writers and photographers are
never people.
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str, dict[str, str], dict[str, str]]] = []


def _html(body: str, lang: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Site</title>'
        '<link rel="stylesheet" href="/css/bootstrap.min.css"></head><body>'
        '<nav class="navbar navbar-expand-lg"><a class="navbar-brand" href="/">Home</a>'
        '<ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="/about">About</a>'
        '</li><li class="nav-item"><a class="nav-link" href="/contact">Contact</a></li></ul></nav>'
        f'<div class="container py-5">{body}</div>'
        '<footer class="footer mt-auto"><p class="text-muted">Follow us on '
        '<a href="https://www.instagram.com/site">Instagram</a></p></footer></body></html>'
    )


def page(name, url, lang="en"):
    """The page ``name`` at ``url``: call the result with the body, the expected people and the
    expected company facts to add it to PAGES."""

    def add(body, people=None, company=None):
        PAGES.append((name, url, _html(body, lang), people or {}, company or {}))

    return add


# --- team pages -------------------------------------------------------------------------------

page("h2-bootstrap-cards", "https://fernhill-architects.com/studio")(
    """
<h1 class="display-4">The Studio</h1><div class="row row-cols-md-3 g-4">
<div class="col"><div class="card h-100"><img src="/img/priya.jpg" class="card-img-top" alt="">
<div class="card-body"><h5 class="card-title">Priya Raman</h5>
<p class="card-text">Lead Architect</p></div></div></div>
<div class="col"><div class="card h-100"><img src="/img/tom.jpg" class="card-img-top" alt="">
<div class="card-body"><h5 class="card-title">Tom Becker</h5>
<p class="card-text">Structural Engineer</p></div></div></div>
<div class="col"><div class="card h-100"><img src="/img/ana.jpg" class="card-img-top" alt="">
<div class="card-body"><h5 class="card-title">Ana Sousa</h5>
<p class="card-text">Office Manager</p></div></div></div></div>""",
    {
        "Priya Raman": "Lead Architect",
        "Tom Becker": "Structural Engineer",
        "Ana Sousa": "Office Manager",
    },
)

page("h2-definition-list", "https://fitch-motors.com/about")(
    """
<h1>About Fitch Motors</h1><p>Family-run since 1974.</p>
<dl class="people"><dt>Owner</dt><dd>Graham Fitch</dd>
<dt>Head Mechanic</dt><dd>Luis Ortega</dd>
<dt>Parts &amp; Accounts</dt><dd>Debbie Fitch</dd></dl>""",
    {"Graham Fitch": "Owner", "Luis Ortega": "Head Mechanic", "Debbie Fitch": "Parts & Accounts"},
)

page("h2-squarespace-blocks", "https://northlight-yoga.com/teachers")(
    """
<div class="sqs-block html-block"><div class="sqs-block-content"><h3>Nora Lindqvist</h3>
<p><em>Studio Owner &amp; Lead Instructor</em></p>
<p>Nora trained in Mysore and has taught for twelve years.</p></div></div>
<div class="sqs-block html-block"><div class="sqs-block-content"><h3>Ben Adler</h3>
<p><em>Yoga Teacher</em></p><p>Ben teaches our early morning classes.</p></div></div>""",
    {"Nora Lindqvist": "Studio Owner & Lead Instructor", "Ben Adler": "Yoga Teacher"},
)

page("h2-list-dashes", "https://hart-vets.co.uk/team")(
    """
<h1>Meet the practice</h1><ul class="wp-block-list">
<li>Martha Quinn — Practice Manager</li>
<li>Dr. Oliver Hart — Veterinary Surgeon</li>
<li>Kezia Bloom — Registered Veterinary Nurse</li></ul>""",
    {
        "Martha Quinn": "Practice Manager",
        "Oliver Hart": "Veterinary Surgeon",
        "Kezia Bloom": "Registered Veterinary Nurse",
    },
)

page("h2-prose-apposition", "https://mendes-florist.com/about")(
    """
<h1>Our story</h1><p>Our owner, Carla Mendes, opened the shop on the high street in 2009 after
ten years at Covent Garden market.</p><p>Today she works with a small team of three florists.</p>
""",
    {"Carla Mendes": "Owner"},
)

page("h2-department-table", "https://parkside-honda.com/contact")(
    """
<h1>Contact us</h1><table class="table table-striped"><tbody>
<tr><td>Sales Manager</td><td>Jenny Park</td>
<td><a href="mailto:jenny.park@parkside-honda.com">jenny.park@parkside-honda.com</a></td></tr>
<tr><td>Service Advisor</td><td>Omar Haddad</td>
<td><a href="tel:+15035550188">(503) 555-0188</a></td></tr>
<tr><td>Finance</td><td>finance@parkside-honda.com</td><td></td></tr></tbody></table>""",
    {"Jenny Park": "Sales Manager", "Omar Haddad": "Service Advisor"},
)

page("h2-french-equipe", "https://garage-dubois.fr/equipe", "fr")(
    """
<h1>Notre équipe</h1><div class="equipe">
<div class="membre"><h4>Camille Dubois</h4><span class="fonction">Gérante</span></div>
<div class="membre"><h4>Julien Marchand</h4><span class="fonction">Mécanicien</span></div>
<div class="membre"><h4>Inès Benali</h4><span class="fonction">Carrossière</span></div></div>""",
    {"Camille Dubois": "Gérante", "Julien Marchand": "Mécanicien", "Inès Benali": "Carrossière"},
)

page("h2-spanish-equipo", "https://clinica-sonrisa.es/equipo", "es")(
    """
<h1>Nuestro equipo</h1><div class="wp-block-columns">
<div class="wp-block-column"><h3>María José García</h3><p>Directora Médica</p></div>
<div class="wp-block-column"><h3>Javier Ruiz</h3><p>Odontólogo</p></div>
<div class="wp-block-column"><h3>Lucía Fernández</h3><p>Recepcionista</p></div></div>""",
    {
        "María José García": "Directora Médica",
        "Javier Ruiz": "Odontólogo",
        "Lucía Fernández": "Recepcionista",
    },
)

page("h2-german-contact-box", "https://vogel-baustoffe.de/kontakt", "de")(
    """
<h1>Kontakt</h1><div class="kontaktbox"><strong>Ihr Ansprechpartner</strong><br>
Herr Markus Vogel<br>Vertriebsleiter<br>Tel. <a href="tel:+49301234567">030 1234567</a><br>
<a href="mailto:m.vogel@vogel-baustoffe.de">m.vogel@vogel-baustoffe.de</a></div>""",
    {"Markus Vogel": "Vertriebsleiter"},
)

page("h2-hcard-footer", "https://pricecandles.co.uk/")(
    """
<h1>Hand-poured candles</h1><p>Made in Whitby.</p>
<div class="h-card"><span class="p-name">Ellen Price</span>,
<span class="p-job-title">Proprietor</span>, <span class="p-locality">Whitby</span></div>""",
    {"Ellen Price": "Proprietor"},
)

page("h2-jsonld-bakery", "https://olsen-bakery.com/")(
    """
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Bakery",
"name":"Olsen Bakery","address":{"@type":"PostalAddress","streetAddress":"9 Mill Lane",
"addressLocality":"Cambridge","postalCode":"CB2 1RX","addressCountry":"GB"},
"employee":[{"@type":"Person","name":"Sven Olsen","jobTitle":"Head Baker"}],
"review":{"@type":"Review","author":{"@type":"Person","name":"Linda Gray"},
"reviewBody":"The best cardamom buns in town."}}</script>
<h1>Olsen Bakery</h1><p>Fresh bread every morning.</p>""",
    {"Sven Olsen": "Head Baker"},
    {"legal_name": "Olsen Bakery"},
)

page("h2-branches-areas", "https://fenn-estates.co.uk/branches")(
    """
<h1>Our branches</h1><div class="branch"><h3>Mill Hill</h3><p>Manager: Sarah Fenn</p>
<p>Open Mon-Sat</p></div><div class="branch"><h3>Crouch End</h3><p>Manager: Tom Reyes</p></div>
<div class="branch"><h3>Muswell Hill</h3><p>Opening in spring</p></div>""",
    {"Sarah Fenn": "Manager", "Tom Reyes": "Manager"},
)

page("h2-uk-legal-directors", "https://patel-wu.co.uk/legal")(
    """
<h1>Legal information</h1><p>Patel &amp; Wu Consulting Ltd is registered in England and Wales,
company number 08123456. Registered office: 4 Castle Street, Chester CH1 2DS.</p>
<p>Directors: Sam Patel and Helen Wu.</p>""",
    {"Sam Patel": "Director", "Helen Wu": "Director"},
    {
        "legal_name": "Patel & Wu Consulting Ltd",
        "company_number": "08123456",
        "address": "4 Castle Street, Chester CH1 2DS",
    },
)

# --- decoy pages ------------------------------------------------------------------------------

page("h2-decoy-client-testimonials", "https://clearflow-plumbing.com/")(
    """
<h1>ClearFlow Plumbing</h1><section id="kind-words" class="bg-light py-5"><h2>What clients say</h2>
<div class="carousel-item active"><p>They replaced every radiator in the school over half-term
and left the site spotless.</p><p><strong>James Holden</strong> <em>Facilities Manager,
Northgate Schools</em></p></div>
<div class="carousel-item"><p>Fast, tidy and fairly priced. We use them for all our sites.</p>
<p><strong>Aisha Khan</strong> <em>Operations Director, Brightside Homes</em></p></div></section>
""",
)

page("h2-decoy-blog-list", "https://clearflow-plumbing.com/blog")(
    """
<h1>Blog</h1><article class="entry"><h2><a href="/blog/boiler">Five signs your boiler needs a
service</a></h2><div class="meta">Tom Baxter · 3 March 2026</div><p>Strange noises, a yellow
flame...</p></article><article class="entry"><h2><a href="/blog/frozen">What to do about
frozen pipes</a></h2><div class="meta">Written by Laura Chen, Marketing Lead</div></article>""",
)

page("h2-decoy-author-box", "https://clearflow-plumbing.com/blog/boiler")(
    """
<article><h1>Five signs your boiler needs a service</h1><p>Strange noises are the first.</p>
</article><aside class="about-the-writer"><img src="/ryan.jpg" alt=""><h4>Ryan Cole</h4>
<p>Guest Contributor</p><p>Ryan writes about home energy.</p></aside>
<aside class="about-the-writer"><h4>Mia Torres</h4><p>Staff Writer</p></aside>""",
)

page("h2-decoy-review-widget", "https://olsen-bakery.com/reviews")(
    """
<h1>Reviews</h1><div class="ti-widget"><div class="ti-review-item"><div class="ti-name">Paul
Walker</div><div class="ti-date">2 weeks ago</div><div class="ti-text">Lovely sourdough.</div>
</div><div class="ti-review-item"><div class="ti-name">Grace Li</div>
<div class="ti-date">1 month ago</div></div></div>""",
)

page("h2-decoy-photo-credits", "https://northlight-yoga.com/gallery")(
    """
<h1>Gallery</h1><figure><img src="/g1.jpg" alt=""><figcaption>Photo: Daniel Kim</figcaption>
</figure><figure><img src="/g2.jpg" alt=""><figcaption>Photograph by Hannah Moore</figcaption>
</figure><p class="small">Stock images: Unsplash / Marcus Wallis, Photographer</p>""",
)

page("h2-decoy-streets", "https://fenn-estates.co.uk/areas")(
    """
<h1>Areas we cover</h1><div class="area"><h3>Abbey Road</h3><p>Lettings Manager on call</p></div>
<div class="area"><h3>Harley Grove</h3><p>Senior Negotiator available</p></div>
<div class="area"><h3>Elgin Crescent</h3><p>New instructions weekly</p></div>""",
)
