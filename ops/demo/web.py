"""A generated web of small-business sites with the variety a real crawl meets (pipeline bench).

Site ``n`` publishes its sitemap in one of eight ways (``n % 8``): a relative robots.txt
``Sitemap:`` line to a urlset; an absolute one to an index with a gzipped child; WordPress's
``/wp-sitemap.xml`` index (robots.txt names none); a plain-text sitemap; no robots.txt at all and
a ``/sitemap.xml``; only a home-page footer link; a gzipped ``/sitemap.xml.gz``; an RSS feed.
Every page has the site's footer (one shared email and phone) and one contact of its own (an
email or a phone); the contact page adds a mailto and a tel link, an ``[at]``/``[dot]``
obfuscated address, an entity-encoded one, JSON-LD and social profiles. A few sites
(``slow_every``) answer every request after ``slow_delay`` seconds.

People and the company (``site.people``, ``site.company``, ``site.decoys``): the team page is a
grid of three people (a founder, a manager, a member of staff; the first two with
``first.last@`` addresses) beside a testimonial; the about page names the founder in JSON-LD and
has a blog byline and a review; the legal page is a German Impressum, a French mentions légales
or a British company-information page (by ``n % 3``) with the legal name, address, register ids
and the founder's legal role.
"""

from __future__ import annotations

import gzip
import html
import random

from stdnum import luhn
from stdnum.iso7064 import mod_11_10

from ops.demo.sites import HTML, TEXT, XML, Site, _index, _urlset

FIRST_NAMES = (
    "Lisa",
    "Thomas",
    "Anna",
    "Michael",
    "Sarah",
    "David",
    "Julia",
    "Peter",
    "Emma",
    "Lukas",
    "Sophie",
    "Daniel",
    "Laura",
    "Jonas",
    "Marie",
    "Paul",
    "Hannah",
    "Felix",
    "Clara",
    "Simon",
)
LAST_NAMES = (
    "Jackson",
    "Becker",
    "Schmidt",
    "Wagner",
    "Martin",
    "Hughes",
    "Fischer",
    "Weber",
    "Dubois",
    "Keller",
    "Walsh",
    "Moreau",
    "Brooks",
    "Lambert",
    "Carter",
    "Hofmann",
    "Price",
    "Bauer",
    "Collins",
    "Neumann",
)
DECOY_FIRST = ("Kevin", "Patricia", "Steve", "Tina", "Oscar", "Rebecca", "Walter")
DECOY_LAST = ("Miller", "Evans", "Lopez", "Marsh", "Reyes", "Stone", "Ford")
TEAM_ROLES = (("Founder", "executive"), ("Office Manager", "manager"), ("Technician", "staff"))

SITEMAP_FORMS = (
    "robots-relative",
    "robots-index-gzip",
    "wp-sitemap",
    "text",
    "no-robots",
    "homepage-link",
    "gzip",
    "rss",
)


def _phone(n: int, i: int) -> str:
    return f"+1 212 555 {1000 + (n * 53 + i * 7) % 9000:04d}"


def _page_html(site: Site, n: int, title: str, body: str, *, head: str = "") -> str:
    footer_phone = f"+1 646 555 {1000 + n % 9000:04d}"
    links = ""
    if SITEMAP_FORMS[n % 8] == "homepage-link":
        links = '<a href="/sitemaps/pages.xml">Sitemap</a>'
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site.name)}</title>
<meta name="description" content="{html.escape(site.name)}: {html.escape(title)}">
<script src="/assets/jquery@3.6.0/jquery.min.js"></script>{head}</head>
<body><header><img src="/img/logo@2x.png" alt="logo"><nav><a href="/">Home</a>
<a href="/about">About</a><a href="/contact">Contact</a></nav></header>
<main>{body}</main>
<footer><p>{html.escape(site.name)}, 12 Main Street. Call {footer_phone} or write to
<a href="mailto:info@{site.host}">info@{site.host}</a>.</p>{links}
<p>&copy; 2026 {html.escape(site.name)}</p></footer></body></html>"""


def _rss(urls: list[str]) -> str:
    items = "".join(
        f"<item><title>Post {i}</title><link>{html.escape(u)}</link></item>"
        for i, u in enumerate(urls)
    )
    channel = f"<channel><title>News</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def _publish(site: Site, form: str, urls: list[str]) -> str:
    """Add the sitemap resources for ``form``; return the URL a crawler told of it would start."""
    base = site.base
    if form == "robots-relative":
        site.add("/robots.txt", TEXT, "User-agent: *\nDisallow: /cart/\nSitemap: /sitemap.xml\n")
        site.add("/sitemap.xml", XML, _urlset(urls))
        return f"{base}/sitemap.xml"
    if form == "robots-index-gzip":
        half = len(urls) // 2
        site.add("/robots.txt", TEXT, f"User-agent: *\nSitemap: {base}/sitemap_index.xml\n")
        site.add(
            "/sitemap_index.xml",
            XML,
            _index([f"{base}/page-sitemap.xml", f"{base}/post-sitemap.xml.gz"]),
        )
        site.add("/page-sitemap.xml", XML, _urlset(urls[:half]))
        site.add(
            "/post-sitemap.xml.gz",
            "application/x-gzip",
            gzip.compress(_urlset(urls[half:]).encode()),
        )
        return f"{base}/sitemap_index.xml"
    if form == "wp-sitemap":
        site.add(
            "/robots.txt",
            TEXT,
            "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n",
        )
        site.add("/wp-sitemap.xml", XML, _index([f"{base}/wp-sitemap-posts-page-1.xml"]))
        site.add("/wp-sitemap-posts-page-1.xml", XML, _urlset(urls))
        return f"{base}/wp-sitemap.xml"
    if form == "text":
        site.add("/robots.txt", TEXT, f"User-agent: *\nSitemap: {base}/sitemap.txt\n")
        site.add("/sitemap.txt", TEXT, "\n".join(urls) + "\n")
        return f"{base}/sitemap.txt"
    if form == "no-robots":
        site.add("/sitemap.xml", XML, _urlset(urls))
        return f"{base}/sitemap.xml"
    if form == "homepage-link":
        site.add("/robots.txt", TEXT, "User-agent: *\nAllow: /\n")
        site.add("/sitemaps/pages.xml", XML, _urlset(urls))
        return f"{base}/sitemaps/pages.xml"
    if form == "gzip":
        site.add("/robots.txt", TEXT, "User-agent: *\nSitemap: /sitemap.xml.gz\n")
        site.add("/sitemap.xml.gz", "application/x-gzip", gzip.compress(_urlset(urls).encode()))
        return f"{base}/sitemap.xml.gz"
    if form == "rss":
        site.add("/robots.txt", TEXT, f"User-agent: *\nSitemap: {base}/feed.xml\n")
        site.add("/feed.xml", "application/rss+xml", _rss(urls))
        return f"{base}/feed.xml"
    raise ValueError(form)


def _contact_page(site: Site, n: int) -> tuple[str, str, set[tuple[str, str]]]:
    host = site.host
    phone = _phone(n, 999)
    e164 = "+" + "".join(ch for ch in phone if ch.isdigit())
    obfuscated, encoded = host.replace(".", " [dot] "), host.replace(".", "&#46;")
    body = f"""<h1>Contact us</h1>
<p>Call <a href="tel:{e164}">{phone}</a>.</p>
<p>Sales: <a href="mailto:sales@{host}?subject=Quote">sales@{host}</a>;
owner: owner [at] {obfuscated}; billing: billing&#64;{encoded}</p>
<p><a href="https://www.facebook.com/business{n}">Facebook</a>
<a href="https://www.linkedin.com/company/business-{n}/">LinkedIn</a></p>"""
    head = f"""<script type="application/ld+json">{{"@context":"https://schema.org",
"@type":"LocalBusiness","name":"{site.name}","email":"hello@{host}",
"sameAs":["https://www.instagram.com/business{n}"]}}</script>"""
    expected = {
        ("phone", e164),
        ("email", f"sales@{host}"),
        ("email", f"owner@{host}"),
        ("email", f"billing@{host}"),
        ("email", f"hello@{host}"),
        ("social", f"https://facebook.com/business{n}"),
        ("social", f"https://linkedin.com/company/business-{n}"),
        ("social", f"https://instagram.com/business{n}"),
    }
    return body, head, expected


def _team(n: int) -> list[tuple[str, str, str]]:
    """Site n's three people: (first name, last name, role)."""
    return [
        (FIRST_NAMES[(n + 7 * i) % 20], LAST_NAMES[(3 * n + 5 * i) % 20], TEAM_ROLES[i][0])
        for i in range(3)
    ]


def _decoy(n: int, k: int) -> str:
    return f"{DECOY_FIRST[(n + k) % 7]} {DECOY_LAST[(2 * n + k) % 7]}"


def _team_page(site: Site, n: int) -> tuple[str, set[tuple[str, str]]]:
    cards, found = [], set()
    for i, (first, last, role) in enumerate(_team(n)):
        contact = ""
        if i < 2:
            address = f"{first.lower()}.{last.lower()}@{site.host}"
            contact = f'<a href="mailto:{address}">Email {first}</a>'
            found.add(("email", address))
        cards.append(
            f'<div class="member"><img src="/img/p{i}.jpg" alt=""><h3>{first} {last}</h3>'
            f"<p>{role}</p>{contact}</div>"
        )
        site.people[f"{first} {last}"] = {role}
    decoy = _decoy(n, 0)
    site.decoys.add(decoy)
    body = (
        '<h1>Meet the Team</h1><div class="team">' + "".join(cards) + "</div>"
        '<section class="testimonials"><h2>What our customers say</h2>'
        f"<blockquote><p>\u201cGreat work, on time.\u201d</p><cite>\u2014 {decoy}, happy customer"
        "</cite></blockquote></section>"
    )
    return body, found


def _about_head(site: Site, n: int) -> str:
    first, last, role = _team(n)[0]
    return (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        f'"@type":"LocalBusiness","name":"{site.name}","founder":{{"@type":"Person",'
        f'"name":"{first} {last}","jobTitle":"{role}"}}}}</script>'
    )


def _about_decoys(site: Site, n: int) -> str:
    byline, reviewer = _decoy(n, 1), _decoy(n, 2)
    site.decoys |= {byline, reviewer}
    return (
        f'<article><h2>News</h2><p class="byline">By {byline} | March 3, 2026</p></article>'
        f'<div class="reviews"><div class="review"><p>{reviewer}</p><p>Verified Customer</p>'
        "<p>\u2605\u2605\u2605\u2605\u2605</p></div></div>"
    )


def _register(site: Site, founder: str, role: str, name: str, address: str, **ids: str) -> None:
    """The company facts the legal page states, and the founder's legal role."""
    site.company = {"legal_name": name, "address": address, **ids}
    site.people[founder].add(role)


def _legal_page(site: Site, n: int) -> str:
    first, last, _ = _team(n)[0]
    founder = f"{first} {last}"
    number = f"{10_000_000 + n * 7919:08d}"[-8:]
    if n % 3 == 0:
        base = f"1{number[-7:]}"  # a German VAT id: 8 digits and a check digit
        vat = f"DE{base}{mod_11_10.calc_check_digit(base)}"
        name, street, register = f"{site.name} GmbH", f"Gartenweg {n + 1}", f"HRB {10_000 + n}"
        court = "Amtsgericht Frankfurt am Main"
        _register(
            site, founder, "Geschäftsführer", name, f"{street}, 60311 Frankfurt am Main",
            vat_id=vat, register_id=f"{register}, {court}",
        )  # fmt: skip
        return (
            f"<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>{name}<br>{street}<br>"
            f"60311 Frankfurt am Main</p><p>Geschäftsführer: {founder}</p>"
            f"<p>Registergericht: {court}, {register}</p><p>USt-IdNr.: {vat}</p>"
        )
    if n % 3 == 1:
        siren = number[:8] + luhn.calc_check_digit(number[:8])
        name, street = f"{site.name} SARL", f"{n + 1} rue des Lilas"
        role = "Directeur de la publication"
        _register(site, founder, role, name, f"{street}, 69003 Lyon", siren=siren)
        return (
            f"<h1>Mentions légales</h1><p>{name}<br>{street}<br>69003 Lyon</p>"
            f"<p>SIREN : {siren}</p><p>{role} : {founder}</p>"
        )
    name, street = f"{site.name} Ltd", f"{n + 1} Mill Lane"
    _register(site, founder, "Director", name, f"{street}, Leeds LS1 4AB", company_number=number)
    return (
        f"<h1>Company information</h1><p>{name}</p><p>Registered in England and Wales, company"
        f" number {number}.</p><p>Registered office: {street}<br>Leeds LS1 4AB</p>"
        f"<p>Director: {founder}</p>"
    )


def generated_web(
    n_sites: int,
    pages_per_site: int,
    *,
    seed: int = 7,
    slow_every: int = 40,
    slow_delay: float = 0.5,
) -> list[Site]:
    """``n_sites`` sites of ``pages_per_site`` pages each (see the module docstring).

    ``site.expected`` holds the ``(kind, value)`` contacts the site publishes, ``site.entry``
    the URL of its sitemap (for a crawler that is told where it is), ``site.form`` how it is
    published. Every ``slow_every``-th site (0: none) answers after ``slow_delay`` seconds.
    """
    rng = random.Random(seed)
    sites = []
    for n in range(n_sites):
        site = Site(f"site{n:04d}.demo", f"Business {n}")
        if slow_every and n % slow_every == slow_every - 1:
            site.delay = slow_delay
        build_site(site, n, pages_per_site, rng)
        sites.append(site)
    return sites


def build_site(site: Site, n: int, pages_per_site: int, rng: random.Random) -> Site:
    """Fill ``site`` as generated site number ``n`` (sitemap form, pages, people, contacts)."""
    form = SITEMAP_FORMS[n % len(SITEMAP_FORMS)]
    fixed = ["/", "/about", "/contact", "/team", "/impressum"]
    extra = [
        f"/services/{i}" if i % 3 else f"/blog/post-{i}"
        for i in range(1, max(0, pages_per_site - len(fixed)) + 1)
    ]
    paths = (fixed + extra)[: max(1, pages_per_site)]
    site.entry = _publish(site, form, [f"{site.base}{p}" for p in paths])
    site.form = form
    footer_phone = "+1646555" + f"{1000 + n % 9000:04d}"
    expected = {("email", f"info@{site.host}"), ("phone", footer_phone)}
    for i, path in enumerate(paths):
        if path == "/contact":
            body, head, found = _contact_page(site, n)
            expected |= found
            site.add(path, HTML, _page_html(site, n, "Contact", body, head=head))
            continue
        if path == "/team":
            body, found = _team_page(site, n)
            expected |= found
            site.add(path, HTML, _page_html(site, n, "Team", body))
            continue
        if path == "/impressum":
            site.add(path, HTML, _page_html(site, n, "Legal", _legal_page(site, n)))
            continue
        if i % 2:
            value = f"person{i}@{site.host}"
            contact = f'<a href="mailto:{value}">Write to person {i}</a>'
            expected.add(("email", value))
        else:
            phone = _phone(n, i)
            contact = f"<p>Direct line {phone}</p>"
            expected.add(("phone", "+" + "".join(ch for ch in phone if ch.isdigit())))
        filler = " ".join(rng.choice(("quality", "service", "local", "trusted")) for _ in range(60))
        head = more = ""
        if path == "/about":
            head, more = _about_head(site, n), _about_decoys(site, n)
        site.add(
            path,
            HTML,
            _page_html(site, n, f"Page {i}", f"<p>{filler}</p>{contact}{more}", head=head),
        )
    site.expected = expected
    return site
