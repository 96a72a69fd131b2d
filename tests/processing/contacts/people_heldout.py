"""Held-out pages for the people and company-facts extractor: written after it was built.

Same shape as people_corpus.PAGES: (name, url, html, people, company). These pages and their
expectations were written before the extractor was run on any of them (issue 26, second
session), so bench/people_extraction.py's figures on them are not figures on tuning data. They
are built differently from the tuning corpus on purpose: a site template with a logo, a long
navigation, cookie banners of real consent managers and footers that carry the company's
details; WordPress/Elementor markup, Yoast's JSON-LD graph, schema.org OrganizationRole,
microdata businesses, h-cards with p-role, names with particles, hyphens and non-Latin letters.

Expected people are the business's own staff a curator would want as a lead, with the role the
page states (``""`` when it states none); customers, reviewers, blog authors, quoted outsiders
and photographers are never people. ``company`` lists facts a reader finds on the page.
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str, dict[str, str], dict[str, str]]] = []


def page(name, url, brand, lang="en", **site):
    """The page ``name`` at ``url``, its body wrapped by ``_site`` with the site's brand,
    language and ``site`` (head, banner, footer): call the result with the body, the expected
    people and the expected company facts to add it to PAGES."""

    def add(body, people=None, company=None):
        html = _site(body, brand=brand, lang=lang, **site)
        PAGES.append((name, url, html, people or {}, company or {}))

    return add


def _site(
    body: str,
    *,
    brand: str = "Site",
    lang: str = "en",
    head: str = "",
    banner: str = "",
    footer: str = "",
) -> str:
    nav = "".join(
        f'<li class="menu-item"><a href="/{slug}">{label}</a></li>'
        for slug, label in (
            ("", "Home"),
            ("services", "Services"),
            ("about", "About"),
            ("team", "Team"),
            ("blog", "News"),
            ("contact", "Contact"),
        )
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="UTF-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{brand}</title>\n{head}\n</head>\n<body class="page-template-default">\n'
        f"{banner}\n"
        f'<div id="page" class="site"><header id="masthead" class="site-header">\n'
        f'<div class="site-branding"><a href="/" rel="home">{brand}</a></div>\n'
        f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu">{nav}</ul>'
        f"</nav>\n</header>\n"
        f'<div id="content" class="site-content">\n{body}\n</div>\n'
        f'<footer id="colophon" class="site-footer">\n{footer}\n'
        f'<div class="site-info"><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a>'
        f"</div>\n</footer></div>\n</body>\n</html>\n"
    )


def _ld(json_text: str) -> str:
    return f'<script type="application/ld+json">{json_text}</script>'


_COMPLIANZ = """<div class="cmplz-cookiebanner cmplz-show" role="dialog" aria-live="polite">
<div class="cmplz-header"><div class="cmplz-title">Manage Cookie Consent</div></div>
<div class="cmplz-body"><div class="cmplz-message"><p>To provide the best experiences, we use
technologies like cookies to store and/or access device information.</p></div>
<div class="cmplz-categories"><details class="cmplz-category cmplz-functional"><summary>
<span class="cmplz-category-title">Functional</span><span class="cmplz-always-active">Always
active</span></summary></details><details class="cmplz-category cmplz-statistics"><summary>
<span class="cmplz-category-title">Statistics</span></summary></details></div></div>
<div class="cmplz-buttons"><button class="cmplz-btn cmplz-accept">Accept</button>
<button class="cmplz-btn cmplz-deny">Deny</button><button class="cmplz-btn cmplz-view-preferences">
View Preferences</button></div></div>"""

_KLARO_DE = """<div class="klaro"><div class="cookie-notice"><div class="cn-body">
<p>Hallo! Könnten wir bitte einige zusätzliche Dienste für Google Maps und Matomo Analytics
aktivieren?</p><p class="cn-ok"><a class="cm-link cn-learn-more" href="#">Lassen Sie mich
wählen</a><span class="cn-buttons"><button class="cm-btn cm-btn-danger cn-decline">Ich lehne
ab</button><button class="cm-btn cm-btn-success">Das ist ok</button></span></p></div></div></div>
"""

_TARTEAUCITRON = """<div id="tarteaucitronRoot"><div id="tarteaucitronAlertBig">
<span id="tarteaucitronDisclaimerAlert">Ce site utilise des cookies et vous donne le contrôle sur
ceux que vous souhaitez activer</span><button id="tarteaucitronPersonalize2">Tout accepter</button>
<button id="tarteaucitronAllDenied2">Tout refuser</button>
<button id="tarteaucitronCloseAlert">Personnaliser</button></div></div>"""


# --- English team pages -----------------------------------------------------------------------

page(
    "ho-elementor-dental-team",
    "https://riversidedentalcare.co.uk/our-team/",
    "Riverside Dental Care",
    "en-GB",
    banner=_COMPLIANZ,
    footer="<p>Riverside Dental Care, 3 Quay Street, Bristol BS1 4DB</p>"
    "<p>© 2026 Riverside Dental Care Ltd</p>",
)(
    """
<div data-elementor-type="wp-page" class="elementor elementor-112">
<section class="elementor-section"><div class="elementor-container">
<div class="elementor-widget-heading"><h2 class="elementor-heading-title">Meet Our Team</h2></div>
</div></section>
<section class="elementor-section elementor-top-section"><div class="elementor-container">
<div class="elementor-column elementor-col-33"><div class="elementor-widget-image">
<img src="/wp-content/uploads/2024/03/olivia.jpg" alt="Dr Olivia Bennett"></div>
<div class="elementor-widget-heading"><h4 class="elementor-heading-title">Dr Olivia Bennett</h4>
</div><div class="elementor-widget-text-editor"><p>Principal Dentist</p>
<p>BDS (Lond) GDC No. 81234</p></div></div>
<div class="elementor-column elementor-col-33"><div class="elementor-widget-image">
<img src="/wp-content/uploads/2024/03/marcus.jpg" alt="Dr Marcus Reid"></div>
<div class="elementor-widget-heading"><h4 class="elementor-heading-title">Dr Marcus Reid</h4>
</div><div class="elementor-widget-text-editor"><p>Associate
                Dentist</p><p>BDS (Glasg) GDC No. 90876</p></div></div>
<div class="elementor-column elementor-col-33"><div class="elementor-widget-image">
<img src="/wp-content/uploads/2024/03/hannah.jpg" alt="Hannah Price"></div>
<div class="elementor-widget-heading"><h4 class="elementor-heading-title">Hannah Price</h4>
</div><div class="elementor-widget-text-editor"><p>Dental Nurse</p></div></div>
<div class="elementor-column elementor-col-33"><div class="elementor-widget-image">
<img src="/wp-content/uploads/2024/03/sophie.jpg" alt="Sophie Turner"></div>
<div class="elementor-widget-heading"><h4 class="elementor-heading-title">Sophie Turner</h4>
</div><div class="elementor-widget-text-editor"><p>Treatment Coordinator</p></div></div>
</div></section></div>""",
    {
        "Olivia Bennett": "Principal Dentist",
        "Marcus Reid": "Associate Dentist",
        "Hannah Price": "Dental Nurse",
        "Sophie Turner": "Treatment Coordinator",
    },
    {"legal_name": "Riverside Dental Care Ltd"},
)

page(
    "ho-law-cards-particles",
    "https://vanderberg-partners.com/people",
    "Van der Berg &amp; Partners",
    "en-GB",
)(
    """
<main id="main"><h1 class="entry-title">Our People</h1>
<div class="people-list">
<div class="card person-card"><img src="/img/pvdb.jpg" alt="">
<h3 class="card-title"><a href="/people/pieter-van-der-berg">Pieter van der Berg</a></h3>
<div class="position">Senior Partner</div>
<a href="mailto:p.vanderberg@vanderberg-partners.com">Email</a>
<a href="tel:+442079460812">+44 20 7946 0812</a></div>
<div class="card person-card"><img src="/img/mds.jpg" alt="">
<h3 class="card-title"><a href="/people/maria-de-souza">Maria de Souza</a></h3>
<div class="position">Associate Solicitor</div>
<a href="mailto:m.desouza@vanderberg-partners.com">Email</a></div>
<div class="card person-card"><img src="/img/sonj.jpg" alt="">
<h3 class="card-title"><a href="/people/sian-oneill-jones">Siân O'Neill-Jones</a></h3>
<div class="position">Head of Family Law</div></div>
</div></main>""",
    {
        "Pieter van der Berg": "Senior Partner",
        "Maria de Souza": "Associate Solicitor",
        "Siân O'Neill-Jones": "Head of Family Law",
    },
)

page(
    "ho-agency-strong-br",
    "https://northlight-creative.com/about",
    "Northlight Creative",
    footer="<p>Copyright © 2026 Northlight Creative Ltd. All rights reserved.</p>",
)(
    """
<main><h1>About Northlight</h1>
<p>Northlight started in a spare bedroom in 2014 and now works with brands across the north.</p>
<h2>The founders</h2>
<div class="wp-block-columns">
<div class="wp-block-column"><figure class="wp-block-image"><img src="/jess.jpg" alt=""></figure>
<p><strong>Jessica Albright</strong><br>Co-Founder &amp; Creative Director</p></div>
<div class="wp-block-column"><figure class="wp-block-image"><img src="/tom.jpg" alt=""></figure>
<p><strong>Tom Hargreaves</strong><br>Co-Founder &amp; Managing Director</p></div>
</div>
<h2>Kind words</h2>
<div class="swiper"><div class="swiper-wrapper">
<div class="swiper-slide"><p>“Northlight rebuilt our brand from the ground up.”</p>
<h4>Rachel Adams</h4><span>Business Owner</span></div>
<div class="swiper-slide"><p>“On time, on budget and a joy to work with.”</p>
<h4>Daniel Kerr</h4><span>Marketing Manager, Kerr Foods</span></div></div></div>
</main>""",
    {
        "Jessica Albright": "Co-Founder & Creative Director",
        "Tom Hargreaves": "Co-Founder & Managing Director",
    },
    {"legal_name": "Northlight Creative Ltd"},
)

page(
    "ho-builder-contact-uk",
    "https://harrisbuild.co.uk/contact-us",
    "Harris Build",
    "en-GB",
    footer="<p>Harris Build Ltd. Registered in England &amp; Wales. Company No. 08123456.</p>"
    "<p>Unit 4, Riverside Industrial Estate, Leeds LS10 1AB</p>",
)(
    """
<main><h1>Contact Us</h1>
<p>Get in touch for a free, no-obligation quote.</p>
<p>Steve Harris (Site Manager)<br>Mobile: <a href="tel:07700900456">07700 900456</a></p>
<p>Office: <a href="tel:01132496000">0113 249 6000</a><br>
Email: <a href="mailto:enquiries@harrisbuild.co.uk">enquiries@harrisbuild.co.uk</a></p>
<form class="wpcf7-form"><label>Your name<input name="your-name"></label>
<label>Your email<input name="your-email"></label><button>Send</button></form></main>""",
    {"Steve Harris": "Site Manager"},
    {"company_number": "08123456", "legal_name": "Harris Build Ltd"},
)

page(
    "ho-uk-home-footer-only",
    "https://brightwaterplumbing.co.uk/",
    "Brightwater Plumbing",
    "en-GB",
    banner=_COMPLIANZ,
    footer="<p>© 2026 Brightwater Plumbing Ltd. Registered in England and Wales. "
    "Company No. 11223344. VAT No. GB 226 4784 48.</p>"
    "<p>Registered office: 12 Station Road, Guildford GU1 4AA</p>",
)(
    """
<main><section class="hero"><h1>Emergency Plumbers in Guildford</h1>
<p>Gas Safe registered engineers, 24 hours a day.</p><a class="btn" href="/contact">Book Now</a>
</section><section><h2>Why choose us</h2><ul><li>No call-out charge</li><li>Fixed prices</li>
<li>12-month guarantee</li></ul></section></main>""",
    {},
    {
        "legal_name": "Brightwater Plumbing Ltd",
        "company_number": "11223344",
        "vat_id": "GB226478448",
        "address": "12 Station Road, Guildford GU1 4AA",
    },
)

page(
    "ho-uk-vat-without-prefix",
    "https://kellysflorist.co.uk/terms-and-conditions",
    "Kelly's Florist",
    "en-GB",
)(
    """
<main><h1>Terms and Conditions</h1>
<p>These terms apply to every order placed with Kelly's Florist Ltd.</p>
<h2>1. About us</h2>
<p>Kelly's Florist Ltd is a company registered in England and Wales.</p>
<p>Company No: 08765432 | VAT No: 167 4191 49</p>
<p>Registered office: 7 Church Street, Bath BA1 1NL</p>
<h2>2. Orders</h2><p>Orders placed before 1pm are delivered the same day.</p></main>""",
    {},
    {
        "company_number": "08765432",
        "vat_id": "GB167419149",
        "address": "7 Church Street, Bath BA1 1NL",
    },
)

page(
    "ho-uk-directors-hyphen-welsh",
    "https://cambrian-surveyors.co.uk/about-us",
    "Cambrian Surveyors",
    "en-GB",
)(
    """
<main><h1>About Cambrian Surveyors</h1>
<p>Chartered surveyors serving Cardiff and the Vale since 1998.</p>
<h2>Meet the directors</h2>
<div class="team-grid">
<div class="team-member"><img src="/c.jpg" alt="Charlotte Hughes-Whitaker">
<h3>Charlotte Hughes-Whitaker</h3><p class="job">Managing Director, MRICS</p></div>
<div class="team-member"><img src="/r.jpg" alt="Rhys ap Gruffydd">
<h3>Rhys ap Gruffydd</h3><p class="job">Director of Building Surveying</p></div>
<div class="team-member"><img src="/d.jpg" alt="Dara Ó Sé"><h3>Dara Ó Sé</h3>
<p class="job">Senior Surveyor</p></div></div>
<p>Cambrian Surveyors Limited, Company Registration Number 03456789</p></main>""",
    {
        "Charlotte Hughes-Whitaker": "Managing Director, MRICS",
        "Rhys ap Gruffydd": "Director of Building Surveying",
        "Dara Ó Sé": "Senior Surveyor",
    },
    {"company_number": "03456789", "legal_name": "Cambrian Surveyors Limited"},
)

page(
    "ho-locations-street-headings", "https://brewco-coffee.com/locations", "BrewCo Coffee", "en-GB"
)(
    """
<main><h1>Our Locations</h1>
<div class="location"><h3>Baker Street</h3><p>112 Baker Street, London</p>
<p>Branch Manager: Alan Wright</p><p>Open 7am - 6pm</p></div>
<div class="location"><h3>King's Cross</h3><p>Unit 2, Granary Square</p>
<p>Branch Manager: Nadia Hussain</p></div>
<div class="location"><h3>Camden Lock</h3><p>Opening Soon</p></div></main>""",
    {"Alan Wright": "Branch Manager", "Nadia Hussain": "Branch Manager"},
)

page("ho-inline-strong-em", "https://theolivetree-kitchen.com/our-story", "The Olive Tree")(
    """
<main><h1>Our Story</h1><p>A family kitchen since 1987.</p>
<h2>Who's cooking</h2>
<p><strong>Alan Pierce</strong> <em>Head Chef</em></p>
<p><strong>Giulia Romano</strong> <em>Pastry Chef</em></p>
<p><strong>Sam Okafor</strong> <em>Restaurant Manager</em></p></main>""",
    {
        "Alan Pierce": "Head Chef",
        "Giulia Romano": "Pastry Chef",
        "Sam Okafor": "Restaurant Manager",
    },
)

page("ho-role-above-name", "https://pricepets-grooming.com/team", "Price Pets Grooming")(
    """
<main><h1>The Team</h1>
<div class="staff"><span class="role">Owner</span><h3>Megan Price</h3>
<p>Megan has been grooming dogs for fifteen years.</p></div>
<div class="staff"><span class="role">Senior Groomer</span><h3>Lewis Grant</h3>
<p>Lewis loves a challenging coat.</p></div></main>""",
    {"Megan Price": "Owner", "Lewis Grant": "Senior Groomer"},
)

page(
    "ho-table-position-first",
    "https://oakfield-school.org.uk/staff",
    "Oakfield Primary School",
    "en-GB",
)(
    """
<main><h1>Staff List</h1><table class="staff-table"><thead><tr><th>Position</th><th>Name</th>
</tr></thead><tbody>
<tr><td>Headteacher</td><td>Mrs Susan J. Miller</td></tr>
<tr><td>Deputy Headteacher</td><td>Mr David Okoro</td></tr>
<tr><td>School Business Manager</td><td>Mrs Linda Frost</td></tr>
<tr><td>Office</td><td>Reception Desk</td></tr></tbody></table></main>""",
    {
        "Susan J. Miller": "Headteacher",
        "David Okoro": "Deputy Headteacher",
        "Linda Frost": "School Business Manager",
    },
)

page("ho-caps-names", "https://ironworks-gym.com/coaches", "Ironworks Gym")(
    """
<main><h1>OUR COACHES</h1>
<div class="coach"><h3>SARAH CONNOR</h3><p>Head Coach</p></div>
<div class="coach"><h3>MIKE TYSON-LEE</h3><p>Strength Coach</p></div>
<h2>MEMBERSHIP</h2><p>JOIN TODAY</p></main>""",
    {"Sarah Connor": "Head Coach", "Mike Tyson-Lee": "Strength Coach"},
)

page("ho-prose-contact-email", "https://hollis-signs.co.uk/contact", "Hollis Signs", "en-GB")(
    """
<main><h1>Contact</h1>
<p>For quotes and sales enquiries contact Ben Hollis:
<a href="mailto:ben.hollis@hollis-signs.co.uk">ben.hollis@hollis-signs.co.uk</a>.</p>
<p>For accounts, write to <a href="mailto:accounts@hollis-signs.co.uk">accounts@hollis-signs.co.uk
</a>.</p></main>""",
    {"Ben Hollis": ""},
)

page(
    "ho-cookie-banner-with-team",
    "https://greenway-landscapes.com/about",
    "Greenway Landscapes",
    banner="""<div id="CybotCookiebotDialog" role="dialog"><div id="CybotCookiebotDialogBody">
<h2 id="CybotCookiebotDialogBodyContentTitle">This website uses cookies</h2>
<div id="CybotCookiebotDialogBodyLevelButtonWrapper"><label>Necessary</label>
<label>Preferences</label><label>Statistics</label><label>Marketing</label></div>
<div><p>Google Analytics</p><p>Hotjar Ltd</p><p>Meta Platforms</p></div>
<button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll">Allow all</button>
</div></div>""",
)(
    """
<main><h1>About Greenway</h1>
<div class="team"><div class="member"><h3>Paul Greenway</h3><p>Founder</p></div>
<div class="member"><h3>Laura Mills</h3><p>Garden Designer</p></div></div></main>""",
    {"Paul Greenway": "Founder", "Laura Mills": "Garden Designer"},
)

page("ho-non-latin-grid", "https://bridge-translations.co.uk/team", "Bridge Translations", "en-GB")(
    """
<main><h1>Our Translators</h1>
<div class="grid"><div class="cell"><h3>Олена Коваленко</h3><p>Ukrainian Translator</p></div>
<div class="cell"><h3>Γιώργος Παπαδόπουλος</h3><p>Greek Translator</p></div>
<div class="cell"><h3>Łukasz Wróbel</h3><p>Polish Translator</p></div>
<div class="cell"><h3>Nguyễn Thị Mai</h3><p>Project Manager</p></div></div></main>""",
    {
        "Олена Коваленко": "Ukrainian Translator",
        "Γιώργος Παπαδόπουλος": "Greek Translator",
        "Łukasz Wróbel": "Polish Translator",
        "Nguyễn Thị Mai": "Project Manager",
    },
)

# --- JSON-LD ----------------------------------------------------------------------------------

page(
    "ho-ld-founder-string",
    "https://ellis-joinery.com/",
    "Ellis Joinery",
    head=_ld("""{"@context":"https://schema.org","@type":"HomeAndConstructionBusiness",
"name":"Ellis Joinery","founder":"Mark Ellis","foundingDate":"2006",
"telephone":"+44 1223 555010","url":"https://ellis-joinery.com/"}"""),
)(
    "<main><h1>Ellis Joinery</h1><p>Bespoke kitchens and staircases.</p></main>",
    {"Mark Ellis": "Founder"},
)

page(
    "ho-ld-dentist-hours-role",
    "https://smilestudio-austin.com/",
    "Smile Studio",
    head=_ld("""{"@context":"https://schema.org","@type":"Dentist","name":"Smile Studio PLLC",
"address":{"@type":"PostalAddress","streetAddress":"2400 Guadalupe St","addressLocality":"Austin",
"addressRegion":"TX","postalCode":"78705","addressCountry":"US"},
"openingHoursSpecification":[{"@type":"OpeningHoursSpecification",
"dayOfWeek":["Monday","Tuesday","Wednesday","Thursday"],"opens":"08:00","closes":"17:00"},
{"@type":"OpeningHoursSpecification","dayOfWeek":"Friday","opens":"08:00","closes":"13:00"}],
"employee":[{"@type":"Person","name":"Dr. Priya Shah","jobTitle":["Dentist","Owner"]},
{"@type":"Person","name":"Carlos Vega","jobTitle":"Office Manager",
"email":"mailto:carlos@smilestudio-austin.com"}]}"""),
)(
    "<main><h1>Smile Studio</h1><p>Family and cosmetic dentistry.</p></main>",
    {"Priya Shah": "Dentist, Owner", "Carlos Vega": "Office Manager"},
    {
        "address": "2400 Guadalupe St, Austin, TX 78705, US",
        "opening_hours": "Mo-Th 08:00-17:00; Fr 08:00-13:00",
    },
)

page(
    "ho-ld-organization-role",
    "https://riverside-rowing.org.uk/committee",
    "Riverside Rowing Club",
    "en-GB",
    head=_ld("""{"@context":"https://schema.org","@type":"SportsClub",
"name":"Riverside Rowing Club","member":[
{"@type":"OrganizationRole","roleName":"Club Captain",
"member":{"@type":"Person","name":"Harriet Lowe"}},
{"@type":"OrganizationRole","roleName":"Treasurer",
"member":{"@type":"Person","name":"Kwame Mensah"}}]}"""),
)(
    "<main><h1>Committee</h1></main>",
    {"Harriet Lowe": "Club Captain", "Kwame Mensah": "Treasurer"},
    {"legal_name": "Riverside Rowing Club"},
)

page(
    "ho-ld-yoast-author-graph",
    "https://ellis-joinery.com/blog/choosing-oak/",
    "Ellis Joinery",
    head=_ld("""{"@context":"https://schema.org","@graph":[
{"@type":"Article","@id":"https://ellis-joinery.com/blog/choosing-oak/#article",
"isPartOf":{"@id":"https://ellis-joinery.com/blog/choosing-oak/"},
"author":{"name":"Jamie Cole","@id":"https://ellis-joinery.com/#/schema/person/4f1a"},
"headline":"Choosing oak for a staircase","datePublished":"2026-02-11T09:12:00+00:00"},
{"@type":"WebPage","@id":"https://ellis-joinery.com/blog/choosing-oak/",
"name":"Choosing oak for a staircase - Ellis Joinery"},
{"@type":"Person","@id":"https://ellis-joinery.com/#/schema/person/4f1a","name":"Jamie Cole",
"image":{"@type":"ImageObject","url":"https://secure.gravatar.com/avatar/x"},
"url":"https://ellis-joinery.com/author/jamie/"}]}"""),
)(
    """<main><article class="post"><h1 class="entry-title">Choosing oak for a staircase</h1>
<div class="entry-content"><p>Oak is hard-wearing and takes a finish well.</p></div>
</article></main>""",
    {},
)

page(
    "ho-ld-founder-sameas-email",
    "https://lumen-physio.com/about",
    "Lumen Physio",
    head=_ld("""{"@context":"https://schema.org","@type":"MedicalBusiness",
"name":"Lumen Physiotherapy LLC","founder":{"@type":"Person","name":"Erin McAllister",
"jobTitle":"Founder & Lead Physiotherapist","email":"mailto:erin@lumen-physio.com",
"sameAs":"https://www.linkedin.com/in/erin-mcallister-physio"}}"""),
)(
    "<main><h1>About Lumen Physio</h1><p>Sports injury clinic.</p></main>",
    {"Erin McAllister": "Founder & Lead Physiotherapist"},
    {"legal_name": "Lumen Physiotherapy LLC"},
)

page(
    "ho-ld-chinese-chef",
    "https://goldenlotus-manchester.co.uk/",
    "Golden Lotus",
    "en-GB",
    head=_ld("""{"@context":"https://schema.org","@type":"Restaurant","name":"Golden Lotus",
"servesCuisine":"Cantonese","employee":{"@type":"Person","name":"李明","jobTitle":"Head Chef"},
"address":{"@type":"PostalAddress","streetAddress":"41 Oldham Street",
"addressLocality":"Manchester","postalCode":"M1 1JG","addressCountry":"GB"}}"""),
)(
    "<main><h1>Golden Lotus</h1><p>Cantonese cooking in the Northern Quarter.</p></main>",
    {"李明": "Head Chef"},
    {"address": "41 Oldham Street, M1 1JG Manchester, GB", "legal_name": "Golden Lotus"},
)

page(
    "ho-ld-review-and-faq",
    "https://harrisbuild.co.uk/reviews",
    "Harris Build",
    "en-GB",
    head=_ld("""[{"@context":"https://schema.org","@type":"LocalBusiness",
"name":"Harris Build Ltd",
"aggregateRating":{"@type":"AggregateRating","ratingValue":"4.9","reviewCount":"87"},
"review":[{"@type":"Review","author":{"@type":"Person","name":"Joanne Fletcher"},
"reviewBody":"Brilliant extension."},{"@type":"Review","author":"Graham Nutt",
"reviewBody":"Tidy and quick."}]},
{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question",
"name":"Do you do loft conversions?","acceptedAnswer":{"@type":"Answer","text":"Yes.",
"author":{"@type":"Person","name":"Steve Harris"}}}]}]"""),
)("<main><h1>Reviews</h1></main>", {}, {"legal_name": "Harris Build Ltd"})

# --- microformats and microdata ---------------------------------------------------------------

page("ho-hcard-p-role", "https://fernandez-architects.com/studio", "Fernández Architects")(
    """
<main><h1>Studio</h1>
<div class="h-card"><img class="u-photo" src="/lf.jpg" alt="">
<span class="p-honorific-prefix">Arq.</span> <span class="p-name">Lucía Fernández</span>
<span class="p-role">Principal Architect</span>
<a class="u-email" href="mailto:lucia@fernandez-architects.com">lucia@fernandez-architects.com</a>
</div>
<div class="h-card"><span class="p-name">Tomás Ibarra</span>
<span class="p-role">Project Architect</span></div></main>""",
    {"Lucía Fernández": "Principal Architect", "Tomás Ibarra": "Project Architect"},
)

page("ho-vcard-role-class", "https://keswick-vets.co.uk/contact", "Keswick Vets", "en-GB")(
    """
<main><h1>Contact the practice</h1>
<div class="vcard"><p><span class="fn">Alistair Munro</span> <span class="role">Clinical Director
</span></p><p class="tel">017687 72345</p></div>
<div class="vcard"><div class="org fn">Keswick Veterinary Centre</div>
<div class="adr"><div class="street-address">Penrith Road</div>
<span class="locality">Keswick</span> <span class="postal-code">CA12 4HF</span></div></div>
</main>""",
    {"Alistair Munro": "Clinical Director"},
)

page("ho-microdata-localbusiness", "https://kellysflorist.co.uk/about", "Kelly's Florist", "en-GB")(
    """
<main><div itemscope itemtype="http://schema.org/Florist">
<h1 itemprop="name">Kelly's Florist Ltd</h1>
<p itemprop="description">Wedding and event flowers in Bath.</p>
<div itemprop="employee" itemscope itemtype="http://schema.org/Person">
<span itemprop="name">Kelly Marsh</span>, <span itemprop="jobTitle">Florist &amp; Owner</span>
</div>
<div itemprop="employee" itemscope itemtype="http://schema.org/Person">
<span itemprop="name">Ruby Chambers</span>, <span itemprop="jobTitle">Delivery Driver</span></div>
<div itemprop="address" itemscope itemtype="http://schema.org/PostalAddress">
<span itemprop="streetAddress">7 Church Street</span>,
<span itemprop="addressLocality">Bath</span> <span itemprop="postalCode">BA1 1NL</span></div>
</div></main>""",
    {"Kelly Marsh": "Florist & Owner", "Ruby Chambers": "Delivery Driver"},
)

page(
    "ho-microdata-article-author-decoy",
    "https://keswick-vets.co.uk/news/tick-season",
    "Keswick Vets",
    "en-GB",
)(
    """
<main><article itemscope itemtype="http://schema.org/NewsArticle">
<h1 itemprop="headline">Tick season is here</h1>
<p>By <span itemprop="author" itemscope itemtype="http://schema.org/Person">
<span itemprop="name">Fiona Baird</span>, <span itemprop="jobTitle">Veterinary Surgeon</span>
</span> · <time itemprop="datePublished" datetime="2026-04-02">2 April 2026</time></p>
<div itemprop="articleBody"><p>Check your dog after every walk.</p></div></article></main>""",
    {},
)

# --- German pages -----------------------------------------------------------------------------

page(
    "ho-de-team-titles",
    "https://schroeder-ingenieure.de/team",
    "Schröder Ingenieure",
    "de",
    banner=_KLARO_DE,
)(
    """
<main><h1>Unser Team</h1>
<div class="team"><div class="mitarbeiter"><img src="/hps.jpg" alt="">
<h3>Dipl.-Ing. Hans-Peter Schröder</h3><p>Geschäftsführer</p>
<p>Tel. <a href="tel:+4921112345610">0211 123456-10</a></p>
<p><a href="mailto:schroeder@schroeder-ingenieure.de">schroeder@schroeder-ingenieure.de</a></p>
</div>
<div class="mitarbeiter"><img src="/ak.jpg" alt=""><h3>M.Sc. Anja Klein</h3>
<p>Projektleiterin</p></div>
<div class="mitarbeiter"><img src="/mo.jpg" alt=""><h3>Mehmet Öztürk</h3><p>Bauleiter</p></div>
<div class="mitarbeiter"><img src="/kvb.jpg" alt=""><h3>Katharina von Bülow</h3>
<p>Büroleitung</p></div></div></main>""",
    {
        "Hans-Peter Schröder": "Geschäftsführer",
        "Anja Klein": "Projektleiterin",
        "Mehmet Öztürk": "Bauleiter",
        "Katharina von Bülow": "Büroleitung",
    },
)

page(
    "ho-de-impressum-ddg",
    "https://zimmermann-it.de/impressum",
    "Zimmermann IT",
    "de",
    banner=_KLARO_DE,
)(
    """
<main><h1>Impressum</h1>
<h2>Angaben gemäß § 5 DDG</h2>
<p>Zimmermann IT-Service GmbH<br>Königsallee 60<br>40212 Düsseldorf</p>
<h3>Vertretungsberechtigter Geschäftsführer</h3><p>Dr. Ralf Zimmermann</p>
<h3>Registereintrag</h3><p>Registergericht: Amtsgericht Düsseldorf<br>Registernummer: HRB 45678
</p>
<h3>Umsatzsteuer-ID</h3><p>Umsatzsteuer-Identifikationsnummer gemäß § 27 a UStG:<br>
DE 534 640 971</p>
<h3>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h3><p>Dr. Ralf Zimmermann (Anschrift wie
oben)</p>
<h3>EU-Streitschlichtung</h3><p>Die Europäische Kommission stellt eine Plattform zur
Online-Streitbeilegung (OS) bereit.</p></main>""",
    {"Ralf Zimmermann": "Vertretungsberechtigter Geschäftsführer"},
    {
        "legal_name": "Zimmermann IT-Service GmbH",
        "address": "Königsallee 60, 40212 Düsseldorf",
        "register_id": "HRB 45678, Amtsgericht Düsseldorf",
        "vat_id": "DE534640971",
    },
)

page("ho-de-impressum-praxis", "https://physio-schmitt.de/impressum", "Physio Schmitt", "de")(
    """
<main><h1>Impressum</h1>
<p>Praxis für Physiotherapie<br>Anna-Lena Schmitt<br>Karlstraße 14<br>76133 Karlsruhe</p>
<p>Inhaberin: Anna-Lena Schmitt</p>
<p>Berufsbezeichnung: Physiotherapeutin (verliehen in der Bundesrepublik Deutschland)</p>
<p>Zuständige Aufsichtsbehörde: Gesundheitsamt Karlsruhe</p>
<p>Telefon: 0721 987654<br>E-Mail: praxis@physio-schmitt.de</p></main>""",
    {"Anna-Lena Schmitt": "Inhaberin"},
    {"address": "Karlstraße 14, 76133 Karlsruhe"},
)

page(
    "ho-de-impressum-gf-next-lines", "https://weber-logistik.de/impressum", "Weber Logistik", "de"
)(
    """
<main><h1>Impressum</h1><p>Weber Logistik GmbH &amp; Co. KG<br>Hafenstraße 21<br>
90429 Nürnberg</p>
<p>Persönlich haftende Gesellschafterin: Weber Verwaltungs GmbH</p>
<p>Geschäftsführer:<br>Jan de Vries<br>Claudia Weber-Hahn</p>
<p>Prokurist: Oliver Brandt</p>
<p>Amtsgericht Nürnberg HRB 31415</p></main>""",
    {
        "Jan de Vries": "Geschäftsführer",
        "Claudia Weber-Hahn": "Geschäftsführer",
        "Oliver Brandt": "Prokurist",
    },
    {
        "legal_name": "Weber Logistik GmbH & Co. KG",
        "address": "Hafenstraße 21, 90429 Nürnberg",
        "register_id": "HRB 31415, Amtsgericht Nürnberg",
    },
)

page("ho-de-impressum-sole-trader", "https://maler-lenz.de/impressum", "Malerbetrieb Lenz", "de")(
    """
<main><h1>Impressum</h1>
<p>Tobias Lenz<br>Malermeister<br>Am Anger 3<br>99084 Erfurt</p>
<p>Telefon: 0361 5550123<br>E-Mail: info@maler-lenz.de</p>
<p>Zuständige Kammer: Handwerkskammer Erfurt</p></main>""",
    {"Tobias Lenz": "Malermeister"},
    {"address": "Am Anger 3, 99084 Erfurt"},
)

page(
    "ho-at-impressum", "https://gruber-steuerberatung.at/impressum", "Gruber &amp; Partner", "de-AT"
)(
    """
<main><h1>Impressum</h1><p>Offenlegung gemäß § 25 MedienG</p>
<p>Gruber &amp; Partner Steuerberatung GmbH<br>Mariahilfer Straße 88<br>1070 Wien</p>
<p>Geschäftsführung: Mag. Elisabeth Gruber</p>
<p>Firmenbuchnummer: FN 412345 k, Firmenbuchgericht: Handelsgericht Wien</p>
<p>Kammerzugehörigkeit: Kammer der Steuerberater und Wirtschaftsprüfer</p></main>""",
    {"Elisabeth Gruber": "Geschäftsführung"},
    {
        "legal_name": "Gruber & Partner Steuerberatung GmbH",
        "address": "Mariahilfer Straße 88, 1070 Wien",
    },
)

page("ho-de-kontakt-mailto", "https://wagner-steuer.de/kontakt", "Kanzlei Wagner", "de")(
    """
<main><h1>Kontakt</h1><p>Wir freuen uns auf Ihre Nachricht.</p>
<p>Schreiben Sie an <a href="mailto:k.wagner@wagner-steuer.de">Katrin Wagner</a> oder rufen Sie
uns an: <a href="tel:+49711222333">0711 222333</a>.</p>
<p><a href="mailto:kanzlei@wagner-steuer.de">Kanzlei Wagner</a></p></main>""",
    {"Katrin Wagner": ""},
)

page("ho-de-bewertungen-decoy", "https://autohaus-meyer.de/bewertungen", "Autohaus Meyer", "de")(
    """
<main><h1>Das sagen unsere Kunden</h1>
<div class="trustami-widget"><div class="ta-item"><span class="ta-name">Jürgen Albrecht</span>
<span class="ta-meta">vor 2 Wochen</span><p>Sehr freundliche Beratung beim Autokauf.</p></div>
<div class="ta-item"><span class="ta-name">Sabine Hoffmann</span><span class="ta-meta">
Geschäftsführerin</span><p>Top Service!</p></div></div>
<p>4,8 von 5 Sternen aus 132 Bewertungen</p></main>""",
    {},
)

page(
    "ho-de-blog-autor-box",
    "https://schroeder-ingenieure.de/blog/brandschutz",
    "Schröder Ingenieure",
    "de",
)(
    """
<main><article><h1>Brandschutz im Altbau</h1><p class="meta">15. Januar 2026 · 6 Min.</p>
<p>Im Altbau gelten besondere Anforderungen.</p></article>
<div class="saboxplugin-wrap"><div class="saboxplugin-authorname">
<a href="/author/aklein">Anja Klein</a></div><div class="saboxplugin-desc">
<p>Projektleiterin und Brandschutzexpertin.</p></div></div></main>""",
    {},
)

# --- French pages -----------------------------------------------------------------------------

page(
    "ho-fr-mentions-editeur-inline",
    "https://delices-de-camille.fr/mentions-legales",
    "Les Délices de Camille",
    "fr",
    banner=_TARTEAUCITRON,
)(
    """
<main><h1>Mentions légales</h1>
<h2>Éditeur du site</h2>
<p>Le site delices-de-camille.fr est édité par la société Les Délices de Camille SARL, au capital
de 5 000 €, immatriculée au RCS de Lyon sous le numéro 973 669 468, dont le siège social est situé
14 rue Mercière, 69002 Lyon.</p>
<p>Directrice de la publication : Camille Roche</p>
<h2>Hébergement</h2><p>o2switch, Chemin des Pardiaux, 63000 Clermont-Ferrand</p></main>""",
    {"Camille Roche": "Directrice de la publication"},
    {"siren": "973669468", "address": "14 rue Mercière, 69002 Lyon"},
)

page(
    "ho-fr-representant-legal",
    "https://garnier-menuiserie.fr/mentions-legales",
    "Garnier Menuiserie",
    "fr",
    banner=_TARTEAUCITRON,
)(
    """
<main><h1>Mentions légales</h1>
<p>Raison sociale : Garnier Menuiserie SAS</p>
<p>Adresse : 3 chemin des Vignes, 37000 Tours</p>
<p>SIREN : 164 808 941</p><p>N° TVA intracommunautaire : FR 84 164808941</p>
<p>Représentant légal : M. Olivier Garnier, Président</p>
<p>Contact : <a href="mailto:contact@garnier-menuiserie.fr">contact@garnier-menuiserie.fr</a></p>
</main>""",
    {"Olivier Garnier": "Président"},
    {
        "legal_name": "Garnier Menuiserie SAS",
        "address": "3 chemin des Vignes, 37000 Tours",
        "siren": "164808941",
        "vat_id": "FR84164808941",
    },
)

page("ho-fr-equipe-cabinet", "https://kine-lefort.fr/equipe", "Cabinet Lefort", "fr")(
    """
<main><h1>L'équipe du cabinet</h1>
<ul class="equipe"><li>Jean-Baptiste Lefort — Kinésithérapeute D.E.</li>
<li>Dr Élodie Marchand, Ostéopathe</li>
<li>Nathalie Da Silva, Secrétaire médicale</li></ul>
<p>Prise de rendez-vous en ligne sur Doctolib.</p></main>""",
    {
        "Jean-Baptiste Lefort": "Kinésithérapeute D.E.",
        "Élodie Marchand": "Ostéopathe",
        "Nathalie Da Silva": "Secrétaire médicale",
    },
)

page(
    "ho-fr-grid-particles",
    "https://domaine-de-montfort.fr/notre-equipe",
    "Domaine de Montfort",
    "fr",
)(
    """
<main><h1>Notre équipe</h1>
<div class="membre"><h3>Anne-Sophie de Montfort</h3><p>Propriétaire et vigneronne</p></div>
<div class="membre"><h3>Pierre-Yves Le Gall</h3><p>Maître de chai</p></div>
<div class="membre"><h3>Inès Ben Salah</h3><p>Responsable commerciale</p></div></main>""",
    {
        "Anne-Sophie de Montfort": "Propriétaire et vigneronne",
        "Pierre-Yves Le Gall": "Maître de chai",
        "Inès Ben Salah": "Responsable commerciale",
    },
)

page(
    "ho-fr-temoignages-decoy",
    "https://kine-lefort.fr/",
    "Cabinet Lefort",
    "fr",
    banner=_TARTEAUCITRON,
)(
    """
<main><h1>Cabinet de kinésithérapie</h1>
<h2>Ils nous font confiance</h2>
<div class="slick-slider"><div class="slick-slide"><p>« Une équipe à l'écoute. »</p>
<p><strong>Martine Rousseau</strong></p><p>Patiente</p></div>
<div class="slick-slide"><p>« Rééducation du genou parfaite. »</p>
<p><strong>Julien Faure</strong></p><p>Directeur commercial</p></div></div></main>""",
    {},
)

# --- decoys -----------------------------------------------------------------------------------

page(
    "ho-decoy-unsplash-credits",
    "https://wanderlust-tours.com/blog/iceland",
    "Wanderlust Tours",
    footer="<p>Designed by Elegant Themes | Powered by WordPress</p>",
)(
    """
<main><article><h1>Ten days in Iceland</h1>
<figure><img src="/iceland.jpg" alt=""><figcaption>Photo by Annie Spratt on Unsplash
</figcaption></figure><p>We drove the ring road in late May.</p>
<p>Photo: Jonatan Pie</p></article></main>""",
    {},
)

page("ho-decoy-press-quote", "https://harrisbuild.co.uk/news/award", "Harris Build", "en-GB")(
    """
<main><h1>Harris Build wins regional award</h1>
<p>Harris Build has been named Small Builder of the Year 2026.</p>
<p>“Their commitment to apprentices stood out,” said Karen Lowe, Chief Executive of the West
Yorkshire Chamber of Commerce.</p>
<p>Judges: Professor Alan Fitch, Leeds Beckett University; Nicola Shaw, Federation of Master
Builders.</p></main>""",
    {},
)

page("ho-decoy-restaurant-menu", "https://theolivetree-kitchen.com/menu", "The Olive Tree")(
    """
<main><h1>Menu</h1><h2>Brunch</h2>
<div class="menu-item"><h3>Eggs Benedict</h3><p>Chef's Special</p><span>£11.50</span></div>
<div class="menu-item"><h3>Caesar Salad</h3><p>Head Chef's Choice</p><span>£9.00</span></div>
<div class="menu-item"><h3>Earl Grey</h3><p>Tea</p></div>
<div class="menu-item"><h3>Beef Wellington</h3><p>Sunday Manager's Special</p></div></main>""",
    {},
)

page("ho-decoy-venues", "https://events-north.co.uk/venues", "Events North", "en-GB")(
    """
<main><h1>Our Venues</h1>
<div class="venue"><h3>Grace Hall</h3><p>Wedding Venue</p></div>
<div class="venue"><h3>Lincoln Square</h3><p>Conference Centre</p></div>
<div class="venue"><h3>Hope Street</h3><p>Head Office</p></div>
<div class="venue"><h3>Victoria Park</h3><p>Outdoor Events Manager on site</p></div></main>""",
    {},
)

page("ho-decoy-careers", "https://brewco-coffee.com/careers", "BrewCo Coffee", "en-GB")(
    """
<main><h1>Work With Us</h1>
<div class="job"><h3>Assistant Manager</h3><p>Reporting to: Branch Manager</p>
<p>Location: Baker Street</p></div>
<div class="job"><h3>Barista</h3><p>Contact: HR Team</p><p>Full Time</p></div></main>""",
    {},
)

page("ho-decoy-blog-list", "https://northlight-creative.com/journal", "Northlight Creative")(
    """
<main><h1>Journal</h1>
<div class="posts"><div class="post-card"><h2><a href="/j/1">Rebranding a bakery</a></h2>
<p>Jessica Albright • 5 min read</p><p>March 12, 2026</p></div>
<div class="post-card"><h2><a href="/j/2">Why we love print</a></h2>
<p>Tom Hargreaves · Creative Director</p><p>February 2, 2026</p></div></div></main>""",
    {},
)

page(
    "ho-decoy-google-reviews-widget", "https://smilestudio-austin.com/testimonials", "Smile Studio"
)(
    """
<main><h1>Patient Stories</h1>
<div class="wp-gr wpac"><div class="wp-google-place"><div class="wp-google-name">Smile Studio
</div><div class="wp-google-rating">4.9</div></div>
<div class="wp-google-reviews"><div class="wp-google-review"><div class="wp-google-left">
<a class="wp-google-name">Brittany Nguyen</a><span class="wp-google-time">2 weeks ago</span></div>
<span class="wp-google-text">Dr. Shah is amazing!</span></div>
<div class="wp-google-review"><a class="wp-google-name">Marcus Bell</a>
<span class="wp-google-time">a month ago</span></div></div></div></main>""",
    {},
)

page("ho-decoy-trustpilot-cards", "https://kellysflorist.co.uk/", "Kelly's Florist", "en-GB")(
    """
<main><h1>Flowers for every occasion</h1>
<div class="tp-carousel"><div class="tp-card"><span class="tp-name">Karen Doyle</span>
<span class="tp-sub">Verified customer</span><p>Beautiful bouquet, delivered on time.</p></div>
<div class="tp-card"><span class="tp-name">Hugh Barnes</span><span class="tp-sub">Event Planner
</span><p>Our go-to florist.</p></div></div></main>""",
    {},
)

page(
    "ho-decoy-faq-headings",
    "https://brightwaterplumbing.co.uk/faq",
    "Brightwater Plumbing",
    "en-GB",
)(
    """
<main><h1>Frequently Asked Questions</h1>
<h3>Boiler Service</h3><p>Gas Safe Engineer required</p>
<h3>Power Flush</h3><p>Senior Engineer recommended</p>
<h3>Customer Care</h3><p>Office Manager available weekdays</p>
<h3>Privacy Policy</h3><h3>Terms Conditions</h3></main>""",
    {},
)
