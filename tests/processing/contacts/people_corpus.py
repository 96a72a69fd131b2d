"""Pages written for the people and company-facts extractor, each with what it must yield.

``PAGES`` holds (name, url, html, people, company): ``people`` maps every person's name to the
role the page gives (``""`` for none); ``company`` maps a fact kind to a value that must be among
the page's facts. Decoy pages (testimonials, bylines, reviews, banners, headings, streets) expect
no person at all. Read by tests/processing/contacts/test_people_corpus.py and
bench/people_extraction.py.
"""

from __future__ import annotations


def _page(body: str, *, lang: str = "en", head: str = "", title: str = "Page") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body><header><nav><a href='/'>Home</a> <a href='/about'>About</a> "
        f"<a href='/contact'>Contact</a></nav></header><main>{body}</main>"
        "<footer><p>Call us any time.</p></footer></body></html>"
    )


def _ld(json_text: str) -> str:
    return f'<script type="application/ld+json">{json_text}</script>'


PAGES: list[tuple[str, str, str, dict[str, str], dict[str, str]]] = []


def page(name, url, html, people=None, company=None):
    PAGES.append((name, url, html, people or {}, company or {}))


# --- team grids ------------------------------------------------------------------------------

page(
    "grid-h3-p",
    "https://alliedauto69.com/team",
    _page("""
<h1>Meet the Team</h1>
<div class="team"><div class="member"><img src="lisa.jpg" alt=""><h3>Lisa Jackson</h3>
<p>Founder</p><a href="mailto:ljackson@alliedauto69.com">Email Lisa</a></div>
<div class="member"><img src="tom.jpg" alt=""><h3>Tom Baker</h3><p>Service Manager</p></div>
<div class="member"><img src="amy.jpg" alt=""><h3>Amy Chen</h3><p>Receptionist</p></div></div>"""),
    {"Lisa Jackson": "Founder", "Tom Baker": "Service Manager", "Amy Chen": "Receptionist"},
)

page(
    "grid-figure",
    "https://brightsmile-dental.com/about-us",
    _page("""
<h2>Our Team</h2>
<figure><img src="a.jpg" alt="Dr. Rachel Green"><figcaption><strong>Dr. Rachel Green</strong><br>
Dentist</figcaption></figure>
<figure><img src="b.jpg" alt="Monica Hall"><figcaption><strong>Monica Hall</strong><br>
Dental Hygienist</figcaption></figure>
<figure><img src="c.jpg" alt="Office"><figcaption>Our bright new reception area</figcaption>
</figure>"""),
    {"Rachel Green": "Dentist", "Monica Hall": "Dental Hygienist"},
)

page(
    "grid-role-above-name",
    "https://harborlaw.com/people",
    _page("""
<section><h2>Partners</h2>
<div><h4>James O'Connor</h4><span>Managing Partner</span>
<a href="mailto:joconnor@harborlaw.com">joconnor@harborlaw.com</a>
<a href="tel:+12125550143">(212) 555-0143</a></div>
<div><h4>Priya Natarajan</h4><span>Partner</span>
<a href="https://www.linkedin.com/in/priya-natarajan-law">LinkedIn</a></div>
<div><h4>Daniel Brooks</h4><span>Paralegal</span></div></section>"""),
    {
        "James O'Connor": "Managing Partner",
        "Priya Natarajan": "Partner",
        "Daniel Brooks": "Paralegal",
    },
)

page(
    "grid-dl",
    "https://northsidebikes.co.uk/team",
    _page("""
<h1>The people behind Northside Bikes</h1>
<dl><dt>Gareth Williams</dt><dd>Owner &amp; Head Mechanic</dd>
<dt>Siobhan Kelly</dt><dd>Workshop Manager</dd>
<dt>Owen Price</dt><dd>Bike Technician</dd></dl>"""),
    {
        "Gareth Williams": "Owner & Head Mechanic",
        "Siobhan Kelly": "Workshop Manager",
        "Owen Price": "Bike Technician",
    },
)

page(
    "grid-table",
    "https://greenleaf-accounting.com/staff",
    _page("""
<table><tr><th>Name</th><th>Position</th></tr>
<tr><td>Robert Hughes</td><td>Senior Accountant</td></tr>
<tr><td>Karen Whitfield</td><td>Bookkeeper</td></tr>
<tr><td>Marcus Lee</td><td>Tax Consultant</td></tr></table>"""),
    {
        "Robert Hughes": "Senior Accountant",
        "Karen Whitfield": "Bookkeeper",
        "Marcus Lee": "Tax Consultant",
    },
)

page(
    "grid-de",
    "https://baeckerei-hofmann.de/ueber-uns",
    _page(
        """
<h1>Unser Team</h1>
<div class="person"><h3>Johann Hofmann</h3><p>Inhaber und Bäckermeister</p></div>
<div class="person"><h3>Greta Hofmann</h3><p>Leiterin Verkauf</p>
<p><a href="mailto:g.hofmann@baeckerei-hofmann.de">g.hofmann@baeckerei-hofmann.de</a></p></div>
<div class="person"><h3>Lukas Braun</h3><p>Auszubildender Bäcker</p></div>""",
        lang="de",
    ),
    {
        "Johann Hofmann": "Inhaber und Bäckermeister",
        "Greta Hofmann": "Leiterin Verkauf",
        "Lukas Braun": "Auszubildender Bäcker",
    },
)

page(
    "grid-fr",
    "https://garage-martin.fr/equipe",
    _page(
        """
<h1>Notre équipe</h1>
<article><h3>Philippe Martin</h3><p>Gérant</p></article>
<article><h3>Sophie Lefèvre</h3><p>Responsable atelier</p></article>
<article><h3>Karim Benali</h3><p>Mécanicien</p></article>""",
        lang="fr",
    ),
    {
        "Philippe Martin": "Gérant",
        "Sophie Lefèvre": "Responsable atelier",
        "Karim Benali": "Mécanicien",
    },
)

page(
    "grid-with-testimonial",
    "https://cityplumbing.com/about",
    _page("""
<h2>Who we are</h2>
<div><h3>Mike Russo</h3><p>Owner, Master Plumber</p></div>
<div><h3>Jenny Russo</h3><p>Office Manager</p></div>
<section class="testimonials"><h2>What our customers say</h2>
<p>"Mike fixed our boiler in an hour."</p><p>Paul Anderson, Homeowner</p>
<p>Laura Smith</p><p>Property Manager</p></section>"""),
    {"Mike Russo": "Owner, Master Plumber", "Jenny Russo": "Office Manager"},
)

# --- name, role lines ---------------------------------------------------------------------

page(
    "lines-contact",
    "https://summitroofing.com/contact",
    _page("""
<h1>Contact Us</h1>
<p>David Park, Owner: <a href="mailto:david@summitroofing.com">david@summitroofing.com</a></p>
<p>Elena Rodriguez - Project Coordinator</p>
<p>Office: <a href="mailto:office@summitroofing.com">office@summitroofing.com</a></p>"""),
    {"David Park": "Owner", "Elena Rodriguez": "Project Coordinator"},
)

page(
    "lines-pipe",
    "https://lakeview-vets.com/contact",
    _page("""
<h2>Get in touch</h2>
<ul><li>Dr. Hannah Scott | Practice Owner</li><li>Ben Carter | Practice Manager</li>
<li>Reception: <a href="tel:+15035550188">503-555-0188</a></li></ul>"""),
    {"Hannah Scott": "Practice Owner", "Ben Carter": "Practice Manager"},
)

page(
    "lines-parens",
    "https://kanzlei-weber.de/kontakt",
    _page(
        """
<h1>Kontakt</h1><p>Ihre Ansprechpartner:</p>
<p>Dr. Klaus Weber (Rechtsanwalt)</p><p>Sabine Krüger (Sekretariat)</p>
<p>Martina Vogel (Kanzleileitung)</p>""",
        lang="de",
    ),
    {"Klaus Weber": "Rechtsanwalt", "Martina Vogel": "Kanzleileitung"},
)

page(
    "lines-role-colon",
    "https://fixit-hvac.com/contact",
    _page("""
<h1>Contact</h1><p>Sales Manager: Greg Turner</p><p>Service Coordinator: Alicia Gomez</p>
<p>Hours: Mon-Fri 8-5</p>"""),
    {"Greg Turner": "Sales Manager", "Alicia Gomez": "Service Coordinator"},
)

page(
    "mailto-text",
    "https://woodcraft-studio.com/contact",
    _page("""
<h1>Write to us</h1>
<p><a href="mailto:emma.thornton@woodcraft-studio.com">Emma Thornton</a> handles orders,
<a href="mailto:info@woodcraft-studio.com">General enquiries</a>,
<a href="mailto:jwalsh@woodcraft-studio.com">Jack Walsh</a>.</p>
<p><a href="mailto:hello@woodcraft-studio.com">Happy Customer</a></p>"""),
    {"Emma Thornton": "", "Jack Walsh": ""},
)

# --- microformats ----------------------------------------------------------------------------

page(
    "hcard-team",
    "https://pixelforge.io/team",
    _page("""
<div class="h-card"><img class="u-photo" src="n.jpg" alt=""><a class="p-name u-url"
href="https://www.linkedin.com/in/nina-patel-dev">Nina Patel</a>
<p class="p-job-title">CTO</p><a class="u-email" href="mailto:nina@pixelforge.io">Email</a></div>
<div class="h-card"><span class="p-name">Oliver Grant</span>
<span class="p-job-title">Lead Developer</span></div>
<div class="h-card"><span class="p-name p-org">Pixelforge Ltd</span></div>"""),
    {"Nina Patel": "CTO", "Oliver Grant": "Lead Developer"},
)

page(
    "vcard-classic",
    "https://smithsons-solicitors.co.uk/contact",
    _page(
        """
<div class="vcard"><span class="fn">Catherine Smithson</span>,
<span class="title">Senior Partner</span><br><span class="org">Smithsons Solicitors</span><br>
<span class="tel">020 7946 0321</span>
<a class="email" href="mailto:c.smithson@smithsons-solicitors.co.uk">Email</a></div>
<div class="vcard"><span class="fn org">Smithsons Solicitors</span>
<div class="adr"><span class="street-address">14 High Street</span></div></div>""",
        lang="en-GB",
    ),
    {"Catherine Smithson": "Senior Partner"},
)

page(
    "hcard-given-family",
    "https://atelier-roux.fr/contact",
    _page(
        """
<div class="h-card"><span class="p-given-name">Camille</span>
<span class="p-family-name">Roux</span> — <span class="p-job-title">Fondatrice</span>
<a class="u-email" href="mailto:camille@atelier-roux.fr">camille@atelier-roux.fr</a></div>""",
        lang="fr",
    ),
    {"Camille Roux": "Fondatrice"},
)

page(
    "hcard-author-decoy",
    "https://pixelforge.io/blog/launch",
    _page("""
<article class="h-entry"><h1 class="p-name">We launched!</h1>
<div class="p-author h-card"><span class="p-name">Oliver Grant</span></div>
<time class="dt-published">2026-03-02</time><p>Today we shipped.</p></article>"""),
    {},
)

page(
    "hcard-role-missing",
    "https://greenthumb-gardens.com/about",
    _page("""
<div class="h-card"><span class="p-name">Rosa Delgado</span>
<span class="p-note">Loves roses.</span></div>"""),
    {"Rosa Delgado": ""},
)

page(
    "microformat-review-decoy",
    "https://greenthumb-gardens.com/reviews",
    _page("""
<div class="h-review"><span class="p-name">Great hedge work</span>
<div class="p-author h-card"><span class="p-name">Walter White</span></div>
<span class="p-rating">5</span></div>"""),
    {},
)

page(
    "microdata-team",
    "https://stone-masonry.com/team",
    _page("""
<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Victor Hale</span>
<span itemprop="jobTitle">Master Stonemason &amp; Owner</span>
<a itemprop="email" href="mailto:victor.hale@stone-masonry.com">Email</a></div>
<div itemscope itemtype="https://schema.org/Person"><meta itemprop="givenName" content="Iris">
<meta itemprop="familyName" content="Novak"><p>Iris Novak</p>
<p itemprop="jobTitle">Project Manager</p></div>"""),
    {"Victor Hale": "Master Stonemason & Owner", "Iris Novak": "Project Manager"},
)

page(
    "microdata-review-author",
    "https://stone-masonry.com/reviews",
    _page("""
<div itemscope itemtype="https://schema.org/Review"><span itemprop="reviewBody">Solid work.</span>
<div itemprop="author" itemscope itemtype="https://schema.org/Person">
<span itemprop="name">Gordon Blake</span></div></div>
<article itemscope itemtype="https://schema.org/BlogPosting"><h1 itemprop="headline">Walls</h1>
<span itemscope itemtype="https://schema.org/Person"><span itemprop="name">Nina Frost</span>
<span itemprop="jobTitle">Editor in Chief</span></span></article>"""),
    {},
)

# --- JSON-LD ----------------------------------------------------------------------------------

page(
    "jsonld-person",
    "https://coachkim.com/about",
    _page(
        "<h1>About</h1><p>Coaching.</p>",
        head=_ld("""{"@context":"https://schema.org","@type":"Person","name":"Kimberly Ross",
"jobTitle":"Founder & Head Coach","email":"kim@coachkim.com",
"sameAs":["https://www.linkedin.com/in/kimberly-ross-coach"]}"""),
    ),
    {"Kimberly Ross": "Founder & Head Coach"},
)

page(
    "jsonld-org-employees",
    "https://alliedauto69.de/team",
    _page(
        "<h1>Team</h1>",
        lang="de",
        head=_ld("""{"@context":"https://schema.org","@type":"AutoRepair",
"name":"Allied Auto Repair GmbH","legalName":"Allied Auto Repair GmbH",
"address":{"@type":"PostalAddress","streetAddress":"Gartenweg 52","postalCode":"60311",
"addressLocality":"Frankfurt","addressCountry":"DE"},
"openingHours":["Mo-Fr 08:00-18:00","Sa 09:00-13:00"],
"founder":{"@type":"Person","name":"Lisa Jackson","jobTitle":"Founder",
"email":"ljackson@alliedauto69.de"},
"employee":[{"@type":"Person","name":"Jonas Keller","jobTitle":"Kfz-Mechatroniker"},
{"@type":"Person","givenName":"Mia","familyName":"Schulz","jobTitle":"Serviceberaterin"}]}"""),
    ),
    {
        "Lisa Jackson": "Founder",
        "Jonas Keller": "Kfz-Mechatroniker",
        "Mia Schulz": "Serviceberaterin",
    },
    {
        "legal_name": "Allied Auto Repair GmbH",
        "address": "Gartenweg 52, 60311 Frankfurt, DE",
        "opening_hours": "Mo-Fr 08:00-18:00; Sa 09:00-13:00",
    },
)

page(
    "jsonld-graph",
    "https://bluewave-marketing.com/",
    _page(
        "<h1>Bluewave</h1>",
        head=_ld("""{"@context":"https://schema.org","@graph":[
{"@type":"Organization","@id":"#org","name":"Bluewave Marketing LLC",
"member":[{"@type":"Person","name":"Carlos Mendes","jobTitle":"CEO"},
{"@type":"Person","name":"Grace Liu","jobTitle":"Marketing Director"}]},
{"@type":"WebSite","name":"Bluewave","publisher":{"@id":"#org"}}]}"""),
    ),
    {"Carlos Mendes": "CEO", "Grace Liu": "Marketing Director"},
    {"legal_name": "Bluewave Marketing LLC"},
)

page(
    "jsonld-article-author",
    "https://bluewave-marketing.com/blog/seo-tips",
    _page(
        "<article><h1>10 SEO tips</h1><p>Text.</p></article>",
        head=_ld("""{"@context":"https://schema.org","@type":"BlogPosting","headline":"10 SEO tips",
"author":{"@type":"Person","name":"Grace Liu"},"datePublished":"2026-01-04"}"""),
    ),
    {},
)

page(
    "jsonld-review-author",
    "https://alliedauto69.com/reviews",
    _page(
        "<h1>Reviews</h1>",
        head=_ld("""{"@context":"https://schema.org","@type":"LocalBusiness","name":"Allied Auto",
"review":[{"@type":"Review","author":{"@type":"Person","name":"Steve Miller"},
"reviewRating":{"@type":"Rating","ratingValue":5}}],
"aggregateRating":{"@type":"AggregateRating","ratingValue":4.8,"reviewCount":112}}"""),
    ),
    {},
    {"legal_name": "Allied Auto"},
)

page(
    "jsonld-hours-spec",
    "https://cornerbakery.com/visit",
    _page(
        "<h1>Visit us</h1>",
        head=_ld("""{"@context":"https://schema.org","@type":"Bakery","name":"Corner Bakery",
"address":{"@type":"PostalAddress","streetAddress":"88 Elm Street","addressLocality":"Portland",
"addressRegion":"OR","postalCode":"97205","addressCountry":"US"},
"openingHoursSpecification":[{"@type":"OpeningHoursSpecification",
"dayOfWeek":["https://schema.org/Monday","https://schema.org/Tuesday",
"https://schema.org/Wednesday","https://schema.org/Thursday","https://schema.org/Friday"],
"opens":"07:00","closes":"17:00"},{"@type":"OpeningHoursSpecification","dayOfWeek":"Saturday",
"opens":"08:00","closes":"14:00"}]}"""),
    ),
    {},
    {
        "address": "88 Elm Street, Portland, OR 97205, US",
        "opening_hours": "Mo-Fr 07:00-17:00; Sa 08:00-14:00",
    },
)

page(
    "jsonld-contactpoint",
    "https://cloudnine-it.com/contact",
    _page(
        "<h1>Contact</h1>",
        head=_ld("""{"@context":"https://schema.org","@type":"Organization","name":"CloudNine IT",
"contactPoint":{"@type":"ContactPoint","telephone":"+1-415-555-0100","contactType":"sales"},
"founder":[{"@type":"Person","name":"Aisha Rahman","jobTitle":"Co-Founder"},
{"@type":"Person","name":"Ethan Cole","jobTitle":"Co-Founder & CTO"}]}"""),
    ),
    {"Aisha Rahman": "Co-Founder", "Ethan Cole": "Co-Founder & CTO"},
)

page(
    "jsonld-person-no-title",
    "https://studio-lumen.com/about",
    _page(
        "<h1>Studio</h1>",
        head=_ld("""{"@context":"https://schema.org","@type":"ProfessionalService",
"name":"Studio Lumen","employee":{"@type":"Person","name":"Nora Lindqvist"}}"""),
    ),
    {"Nora Lindqvist": ""},
)

page(
    "jsonld-broken",
    "https://studio-lumen.com/broken",
    _page(
        "<h1>Oops</h1>", head=_ld("""{"@type":"Person","name":"Broken Json","jobTitle":"CEO",""")
    ),
    {},
)

# --- German legal pages --------------------------------------------------------------------------

page(
    "impressum-gmbh",
    "https://alliedauto69.de/impressum",
    _page(
        """
<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p>
<p>Allied Auto Repair GmbH<br>Gartenweg 52<br>60311 Frankfurt am Main</p>
<p>Vertreten durch:<br>Lisa Jackson<br>Peter Wolf</p>
<p>Kontakt<br>Telefon: 069 1234567<br>E-Mail: info@alliedauto69.de</p>
<p>Registereintrag<br>Eintragung im Handelsregister.<br>Registergericht: Amtsgericht Frankfurt am
Main<br>Registernummer: HRB 12345</p>
<p>Umsatzsteuer-ID<br>Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz:<br>
DE136695976</p>""",
        lang="de",
    ),
    {"Lisa Jackson": "Vertreten durch", "Peter Wolf": "Vertreten durch"},
    {
        "legal_name": "Allied Auto Repair GmbH",
        "address": "Gartenweg 52, 60311 Frankfurt am Main",
        "vat_id": "DE136695976",
        "register_id": "HRB 12345, Amtsgericht Frankfurt am Main",
    },
)

page(
    "impressum-gf-line",
    "https://schreinerei-bauer.de/impressum",
    _page(
        """
<h2>Impressum</h2><p>Schreinerei Bauer GmbH<br>Lindenstraße 7<br>80331 München</p>
<p>Geschäftsführer: Markus Bauer, Stefanie Bauer</p>
<p>Amtsgericht München HRB 98765</p><p>USt-IdNr.: DE 129 273 398</p>
<p>Inhaltlich verantwortlich gemäß § 18 Abs. 2 MStV: Markus Bauer</p>""",
        lang="de",
    ),
    {"Markus Bauer": "Geschäftsführer", "Stefanie Bauer": "Geschäftsführer"},
    {
        "legal_name": "Schreinerei Bauer GmbH",
        "address": "Lindenstraße 7, 80331 München",
        "register_id": "HRB 98765, Amtsgericht München",
        "vat_id": "DE129273398",
    },
)

page(
    "impressum-inhaber",
    "https://friseur-sonne.de/impressum",
    _page(
        """
<h1>Impressum</h1><p>Friseursalon Sonne<br>Inhaberin: Claudia Neumann<br>Marktplatz 3<br>
01067 Dresden</p><p>Telefon: 0351 4567890</p>""",
        lang="de",
    ),
    {"Claudia Neumann": "Inhaberin"},
    {"address": "Marktplatz 3, 01067 Dresden"},
)

page(
    "impressum-ek",
    "https://elektro-fischer.de/impressum",
    _page(
        """
<h1>Impressum</h1><p>Elektro Fischer e.K.</p><p>Inh. Andreas Fischer</p>
<p>Hauptstraße 120, 50667 Köln</p><p>Handelsregister: HRA 4567, Amtsgericht Köln</p>
<p>Verantwortlich für den Inhalt nach § 55 Abs. 2 RStV: Andreas Fischer</p>""",
        lang="de",
    ),
    {"Andreas Fischer": "Verantwortlich für den Inhalt nach § 55 Abs. 2 RStV"},
    {
        "legal_name": "Elektro Fischer e.K.",
        "address": "Hauptstraße 120, 50667 Köln",
        "register_id": "HRA 4567, Amtsgericht Köln",
    },
)

page(
    "impressum-praxis",
    "https://zahnarzt-dr-lang.de/impressum",
    _page(
        """
<h1>Impressum</h1><p>Zahnarztpraxis Dr. Julia Lang<br>Bahnhofstraße 15<br>70173 Stuttgart</p>
<p>Praxisinhaberin: Dr. med. dent. Julia Lang</p><p>Zuständige Kammer: Landeszahnärztekammer
Baden-Württemberg</p>""",
        lang="de",
    ),
    {"Julia Lang": "Praxisinhaberin"},
    {"address": "Bahnhofstraße 15, 70173 Stuttgart"},
)

page(
    "impressum-ug",
    "https://webagentur-nord.de/impressum",
    _page(
        """
<h1>Impressum</h1><p>Webagentur Nord UG (haftungsbeschränkt)<br>Am Hafen 9<br>20457 Hamburg</p>
<p>Geschäftsführerin: Lea Hansen</p><p>Registergericht: Amtsgericht Hamburg, HRB 154321</p>
<p>Datenschutzbeauftragter: Tim Petersen</p>""",
        lang="de",
    ),
    {"Lea Hansen": "Geschäftsführerin", "Tim Petersen": "Datenschutzbeauftragter"},
    {
        "legal_name": "Webagentur Nord UG (haftungsbeschränkt)",
        "register_id": "HRB 154321, Amtsgericht Hamburg",
        "address": "Am Hafen 9, 20457 Hamburg",
    },
)

page(
    "impressum-vertreten-inline",
    "https://hausverwaltung-krause.de/impressum",
    _page(
        """
<h1>Impressum</h1><p>Hausverwaltung Krause GmbH &amp; Co. KG</p><p>Schillerweg 4<br>
04109 Leipzig</p><p>Vertreten durch: Thomas Krause und Ingrid Krause</p>
<p>USt-IdNr.: DE 136 695 976</p>""",
        lang="de",
    ),
    {"Thomas Krause": "Vertreten durch", "Ingrid Krause": "Vertreten durch"},
    {
        "legal_name": "Hausverwaltung Krause GmbH & Co. KG",
        "vat_id": "DE136695976",
        "address": "Schillerweg 4, 04109 Leipzig",
    },
)

page(
    "impressum-no-people",
    "https://verein-sportfreunde.de/impressum",
    _page(
        """
<h1>Impressum</h1><p>Sportfreunde Musterstadt e.V.<br>Sportplatzweg 1<br>12345 Musterstadt</p>
<p>Registergericht: Amtsgericht Berlin (Charlottenburg), VR 12345</p>
<p>Haftung für Inhalte: Die Inhalte unserer Seiten wurden mit größter Sorgfalt erstellt.</p>""",
        lang="de",
    ),
    {},
    {
        "legal_name": "Sportfreunde Musterstadt e.V.",
        "address": "Sportplatzweg 1, 12345 Musterstadt",
    },
)

# --- French legal pages ----------------------------------------------------------------------

page(
    "mentions-sarl",
    "https://garage-martin.fr/mentions-legales",
    _page(
        """
<h1>Mentions légales</h1><p>Garage Martin SARL<br>12 rue des Lilas<br>69003 Lyon</p>
<p>SIREN : 732 829 320</p><p>N° TVA intracommunautaire : FR40303265045</p>
<p>Directeur de la publication : Philippe Martin</p><p>Hébergeur : OVH SAS, 2 rue Kellermann,
59100 Roubaix</p>""",
        lang="fr",
    ),
    {"Philippe Martin": "Directeur de la publication"},
    {
        "legal_name": "Garage Martin SARL",
        "address": "12 rue des Lilas, 69003 Lyon",
        "siren": "732829320",
        "vat_id": "FR40303265045",
    },
)

page(
    "mentions-sas",
    "https://boulangerie-dubois.fr/mentions-legales",
    _page(
        """
<h1>Mentions légales</h1><p>Boulangerie Dubois SAS</p><p>Siège social : 5 place du Marché,
33000 Bordeaux</p><p>Présidente : Isabelle Dubois</p>
<p>Responsable de la publication : Julien Dubois</p>""",
        lang="fr",
    ),
    {"Isabelle Dubois": "Présidente", "Julien Dubois": "Responsable de la publication"},
    {"legal_name": "Boulangerie Dubois SAS"},
)

page(
    "mentions-gerant",
    "https://plomberie-petit.fr/mentions-legales",
    _page(
        """
<h1>Mentions légales</h1><p>Plomberie Petit EURL</p><p>Gérant : Nicolas Petit</p>
<p>RCS Nantes 732 829 320</p><p>Adresse : 8 avenue Jean Jaurès, 44000 Nantes</p>""",
        lang="fr",
    ),
    {"Nicolas Petit": "Gérant"},
    {"legal_name": "Plomberie Petit EURL", "siren": "732829320"},
)

page(
    "equipe-fr-lines",
    "https://cabinet-moreau.fr/contact",
    _page(
        """
<h1>Contact</h1><p>Maître Anne Moreau, Avocate associée</p>
<p>Lucas Bernard, Juriste</p><p>Chloé Garnier - Secrétaire</p>""",
        lang="fr",
    ),
    {"Anne Moreau": "Avocate associée", "Lucas Bernard": "Juriste", "Chloé Garnier": "Secrétaire"},
)

page(
    "mentions-hebergeur-only",
    "https://petit-cafe.fr/mentions-legales",
    _page(
        """
<h1>Mentions légales</h1><p>Le Petit Café</p><p>Hébergement : OVH SAS</p>
<p>Conception : Agence Web Sud</p>""",
        lang="fr",
    ),
    {},
)

page(
    "fr-fondateurs",
    "https://atelier-bois.fr/a-propos",
    _page(
        """
<h1>À propos</h1><h3>Hugo Lambert</h3><p>Fondateur</p><h3>Léa Fontaine</h3><p>Co-fondatrice</p>
""",
        lang="fr",
    ),
    {"Hugo Lambert": "Fondateur", "Léa Fontaine": "Co-fondatrice"},
)

# --- British legal pages ---------------------------------------------------------------------

page(
    "uk-company-info",
    "https://northsidebikes.co.uk/legal",
    _page(
        """
<h1>Company information</h1><p>Northside Bikes Ltd</p>
<p>Registered in England and Wales, company number 01234567.</p>
<p>Registered office: 21 Mill Lane<br>Leeds LS1 4AB</p><p>VAT Reg No: GB 980 7806 84</p>
<p>Director: Gareth Williams</p>""",
        lang="en-GB",
    ),
    {"Gareth Williams": "Director"},
    {
        "legal_name": "Northside Bikes Ltd",
        "company_number": "01234567",
        "vat_id": "GB980780684",
        "address": "21 Mill Lane, Leeds LS1 4AB",
    },
)

page(
    "uk-footer-legal",
    "https://smithsons-solicitors.co.uk/legal-notice",
    _page(
        """
<h1>Legal notice</h1><p>Smithsons Solicitors LLP is a limited liability partnership registered
in England and Wales under number OC123456.</p>
<p>Registered office:<br>14 High Street<br>Bristol<br>BS1 2AA</p>
<p>A list of members is available at our registered office.</p>""",
        lang="en-GB",
    ),
    {},
    {"company_number": "OC123456", "address": "14 High Street, Bristol BS1 2AA"},
)

page(
    "uk-directors",
    "https://greenleaf-accounting.co.uk/about",
    _page(
        """
<h1>Company information</h1><p>Greenleaf Accounting Limited</p><p>Company No. 09876543</p>
<p>Directors: Robert Hughes and Karen Whitfield</p>""",
        lang="en-GB",
    ),
    {"Robert Hughes": "Director", "Karen Whitfield": "Director"},
    {"legal_name": "Greenleaf Accounting Limited", "company_number": "09876543"},
)

page(
    "uk-scotland",
    "https://highland-joinery.co.uk/terms",
    _page(
        """
<h1>Terms</h1><p>Highland Joinery Ltd, registered in Scotland No. SC654321.
Registered office: 3 Castle Road, Inverness IV2 3HQ.</p>
<p>Managing Director: Fiona MacLeod</p>""",
        lang="en-GB",
    ),
    {"Fiona MacLeod": "Managing Director"},
    {"company_number": "SC654321"},
)

page(
    "uk-team-lines",
    "https://thamesdental.co.uk/our-team",
    _page(
        """
<h2>Our team</h2><p>Dr Amir Hussain – Principal Dentist</p><p>Dr Sarah Collins – Associate
Dentist</p><p>Emily Ward – Dental Nurse</p><p>Jake Morris – Practice Manager</p>""",
        lang="en-GB",
    ),
    {
        "Amir Hussain": "Principal Dentist",
        "Sarah Collins": "Associate Dentist",
        "Emily Ward": "Dental Nurse",
        "Jake Morris": "Practice Manager",
    },
)

page(
    "uk-invalid-vat",
    "https://fake-vat.co.uk/legal",
    _page(
        """
<h1>Legal notice</h1><p>Fake Vat Ltd</p><p>VAT No: GB 123 4567 89</p>""",
        lang="en-GB",
    ),
    {},
    {"legal_name": "Fake Vat Ltd"},
)

# --- decoys: testimonials, bylines, reviews, banners, headings, streets, captions ------------

page(
    "testimonials-block",
    "https://cityplumbing.com/testimonials",
    _page("""
<h1>Testimonials</h1>
<blockquote><p>Fast and friendly!</p><footer>— Sarah K., happy customer</footer></blockquote>
<blockquote><p>Best plumber in town.</p><cite>John Miller, Homeowner</cite></blockquote>
<div class="testimonial"><p>"They saved our restaurant."</p><p>Mark Thompson</p>
<p>Restaurant Owner</p></div>"""),
    {},
)

page(
    "testimonials-unmarked",
    "https://summitroofing.com/reviews-page",
    _page("""
<h1>What clients say</h1><p>“The new roof looks amazing and the crew was great.”</p>
<p>— Patricia Evans, Owner of Evans Bakery</p>
<p>"Professional from start to finish."</p><p>Henry Ford III, CEO</p>"""),
    {},
)

page(
    "blog-bylines",
    "https://bluewave-marketing.com/blog",
    _page("""
<h1>Blog</h1><article><h2>Five growth hacks</h2><p>By Grace Liu | March 3, 2026</p></article>
<article><h2>Local SEO</h2><p>Posted by Carlos Mendes on 12/02/2026</p></article>
<article><h2>Email tips</h2><p class="byline">Written by Daniel Brooks</p>
<p>Daniel Brooks</p><p>2026-01-15</p></article>"""),
    {},
)

page(
    "blog-de-autor",
    "https://baeckerei-hofmann.de/blog/sauerteig",
    _page(
        """
<article><h1>Sauerteig richtig ansetzen</h1><p>Von Johann Hofmann, 12. März 2026</p>
<p>Autor: Greta Hofmann</p><p>Lesezeit 5 Minuten</p></article>""",
        lang="de",
    ),
    {},
)

page(
    "review-widget",
    "https://alliedauto69.com/",
    _page("""
<div class="reviews-widget"><div class="review"><span class="stars">★★★★★</span>
<p>Steve Miller</p><p>Great service, fair price.</p></div>
<div class="review"><p>Anna Lopez</p><p>Verified Customer</p></div></div>"""),
    {},
)

page(
    "google-reviews",
    "https://cornerbakery.com/",
    _page("""
<section id="google-reviews"><h2>Google Reviews</h2><div><b>Tina Marsh</b><p>5 stars</p>
<p>Love the croissants.</p></div><div><b>Oscar Reyes</b><p>Local Guide</p></div></section>"""),
    {},
)

page(
    "cookie-banner",
    "https://pixelforge.io/",
    _page("""
<div id="cookie-consent"><p>We use cookies.</p><p>Accept All</p><p>Cookie Settings</p>
<p>Privacy Manager</p></div><h1>Pixelforge</h1><p>We build apps.</p>"""),
    {},
)

page(
    "headings-only",
    "https://woodcraft-studio.com/about",
    _page("""
<h1>Meet the Team</h1><h2>Contact Us</h2><p>Customer Service</p><h2>Our Story</h2>
<p>Opening Hours</p><h3>Sales Team</h3><p>Sales Manager</p><h3>Read More</h3>"""),
    {},
)

page(
    "streets-cities",
    "https://northsidebikes.co.uk/find-us",
    _page(
        """
<h1>Find us</h1><p>Meadow Lane</p><p>Workshop Manager on site daily</p>
<p>Kings Road</p><p>Station Square</p><p>New York</p><p>Sales Office</p>""",
        lang="en-GB",
    ),
    {},
)

page(
    "stock-captions",
    "https://cloudnine-it.com/services",
    _page("""
<figure><img src="s.jpg"><figcaption>Photo: Shutterstock / Andrey Popov</figcaption></figure>
<figure><img src="t.jpg"><figcaption>Smiling Engineer At Work</figcaption></figure>
<p>Image credit: Getty Images</p>"""),
    {},
)

page(
    "comments-section",
    "https://bluewave-marketing.com/blog/post",
    _page("""
<h1>Post</h1><p>Body.</p><section class="comments"><div><p>Rebecca Stone</p>
<p>Marketing Manager</p><p>Great post!</p></div></section>"""),
    {},
)

page(
    "de-kundenstimmen",
    "https://friseur-sonne.de/",
    _page(
        """
<h2>Kundenstimmen</h2><div class="kundenstimme"><p>„Tolle Beratung!“</p><p>Petra Lorenz</p>
<p>Geschäftsführerin einer Boutique</p></div>""",
        lang="de",
    ),
    {},
)

page(
    "fr-avis",
    "https://garage-martin.fr/avis",
    _page(
        """
<h2>Avis clients</h2><div class="avis"><p>« Très bon garage »</p><p>Jean Dupont</p>
<p>Directeur</p></div><p>— Marie Curie, cliente fidèle</p>""",
        lang="fr",
    ),
    {},
)

page(
    "services-page",
    "https://cityplumbing.com/services",
    _page("""
<h1>Services</h1><h3>Boiler Repair</h3><p>Technician visit within 24 hours</p>
<h3>Water Heater Installation</h3><p>Licensed Installer</p><h3>Drain Cleaning</h3>
<p>Emergency Service</p>"""),
    {},
)

page(
    "team-heading-roles-only",
    "https://summitroofing.com/careers",
    _page("""
<h1>Careers</h1><h3>Open Positions</h3><p>Roofing Technician</p><p>Project Manager</p>
<p>Office Assistant</p><h3>Apply Now</h3>"""),
    {},
)

page(
    "event-speakers-decoy",
    "https://events-hub.com/schedule",
    _page("""
<h1>Schedule</h1><p>09:00 Keynote</p><p>Monday, June 3, 2026</p>
<p>Posted by Admin on 2026-05-01</p>"""),
    {},
)

page(
    "product-names",
    "https://bikes-shop.com/catalog",
    _page("""
<h1>Catalog</h1><h3>Trek Domane</h3><p>Road Bike</p><h3>Specialized Allez</h3>
<p>Sales Price</p><h3>Canyon Grail</h3><p>Gravel Bike</p>"""),
    {},
)

# --- mixed pages ------------------------------------------------------------------------------

page(
    "about-founder-story",
    "https://greenthumb-gardens.com/our-story",
    _page("""
<h1>Our story</h1><p>Greenthumb Gardens was started in 2009.</p>
<h3>Rosa Delgado</h3><p>Founder &amp; Lead Gardener</p>
<p><a href="mailto:rosa@greenthumb-gardens.com">rosa@greenthumb-gardens.com</a></p>
<blockquote>“Rosa transformed our backyard.” — Kevin Hart, customer</blockquote>
<p>Copyright © 2026 Greenthumb Gardens LLC</p>"""),
    {"Rosa Delgado": "Founder & Lead Gardener"},
    {"legal_name": "Greenthumb Gardens LLC"},
)

page(
    "contact-with-ld-and-grid",
    "https://harborlaw.com/contact",
    _page(
        """
<h1>Contact</h1><p>Harbor Law Group, 450 Lexington Ave, New York, NY 10017</p>
<h3>James O'Connor</h3><p>Managing Partner</p>
<p><a href="mailto:joconnor@harborlaw.com">joconnor@harborlaw.com</a></p>""",
        head=_ld("""{"@context":"https://schema.org","@type":"LegalService","name":"Harbor Law Group",
"telephone":"+1-212-555-0100"}"""),
    ),
    {"James O'Connor": "Managing Partner"},
    {"legal_name": "Harbor Law Group", "address": "450 Lexington Ave, New York, NY 10017"},
)

page(
    "team-many",
    "https://bigteam-agency.com/team",
    _page(
        "".join(
            f"<div><h3>{n}</h3><p>{r}</p></div>"
            for n, r in (
                ("Alice Morgan", "Account Manager"),
                ("Brian Walsh", "Designer"),
                ("Chloe Adams", "Developer"),
                ("Derek Hunt", "Sales Director"),
                ("Fatima Zahra", "Project Manager"),
                ("George Baxter", "Copywriter Assistant"),
            )
        )
    ),
    {
        "Alice Morgan": "Account Manager",
        "Brian Walsh": "Designer",
        "Chloe Adams": "Developer",
        "Derek Hunt": "Sales Director",
        "Fatima Zahra": "Project Manager",
        "George Baxter": "Copywriter Assistant",
    },
)

page(
    "de-team-lines",
    "https://autohaus-keller.de/ansprechpartner",
    _page(
        """
<h1>Ihre Ansprechpartner</h1><p>Stefan Keller – Geschäftsführer</p>
<p>Birgit Roth – Serviceleiterin</p><p>Ali Yilmaz – Kfz-Meister</p>
<p>Telefon: <a href="tel:+4989123456">089 123456</a></p>""",
        lang="de",
    ),
    {
        "Stefan Keller": "Geschäftsführer",
        "Birgit Roth": "Serviceleiterin",
        "Ali Yilmaz": "Kfz-Meister",
    },
)

page(
    "accents-particles",
    "https://kanzlei-von-der-heide.de/team",
    _page(
        """
<h3>Dr. Friedrich von der Heide</h3><p>Partner</p>
<h3>Zoë Müller-Lüdenscheidt</h3><p>Rechtsanwältin</p>""",
        lang="de",
    ),
    {"Friedrich von der Heide": "Partner", "Zoë Müller-Lüdenscheidt": "Rechtsanwältin"},
)

page(
    "plain-home-no-people",
    "https://tidyhome-cleaning.com/",
    _page("""
<h1>Tidy Home Cleaning</h1><p>Quality cleaning for busy families.</p>
<p>Book online or call today.</p><p>Serving Austin since 2015.</p>"""),
    {},
)
