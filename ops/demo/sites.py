"""The fictional websites: a handful of small businesses for the demo, or a generated web.

Every site is a set of resources (path → content type, body). The sites exercise the routes a
real crawl meets: robots.txt ``Sitemap:`` lines (absolute and relative), sitemap indexes with a
gzipped child, WordPress's ``wp-sitemap.xml``, a plain-text sitemap, a sitemap linked only from
the home page, and contact details written every way the extractor knows.
"""

from __future__ import annotations

import gzip
import html
from dataclasses import dataclass, field

HTML = "text/html; charset=utf-8"
XML = "application/xml"
TEXT = "text/plain; charset=utf-8"


@dataclass
class Site:
    host: str
    name: str
    resources: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    #: seconds the server waits before answering any request of this site (a slow host)
    delay: float = 0.0
    #: generated web only (ops.demo.web): sitemap URL, how it is published, contacts
    entry: str = ""
    form: str = ""
    expected: set[tuple[str, str]] = field(default_factory=set)
    #: generated web only: the people it names (name -> the roles its pages give them), the
    #: company facts its legal page states (kind -> value), and names that are not its people
    #: (testimonial, review and byline authors)
    people: dict[str, set[str]] = field(default_factory=dict)
    company: dict[str, str] = field(default_factory=dict)
    decoys: set[str] = field(default_factory=set)

    def add(self, path: str, content_type: str, body: str | bytes) -> None:
        self.resources[path] = (content_type, body.encode() if isinstance(body, str) else body)

    def page(self, path: str, title: str, body: str, *, head: str = "") -> None:
        """An HTML page of the site: ``body`` inside the shared layout (:func:`_page`)."""
        self.add(path, HTML, _page(self, title, body, head=head))

    def urlset(self, path: str, paths: tuple[str, ...]) -> None:
        """An XML sitemap at ``path`` listing these paths of the site."""
        self.add(path, XML, _urlset([f"{self.base}{p}" for p in paths]))

    @property
    def base(self) -> str:
        return f"http://{self.host}"


def _page(site: Site, title: str, body: str, *, head: str = "") -> str:
    nav = "".join(
        f'<li><a href="{path}">{label}</a></li>'
        for path, label in (("/", "Home"), ("/about", "About"), ("/contact", "Contact"))
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site.name)}</title>
<meta name="description" content="{html.escape(site.name)}: {html.escape(title)}">
<script src="/assets/jquery@3.6.0/jquery.min.js"></script>
{head}</head>
<body><header><img src="/img/logo@2x.png" alt="{html.escape(site.name)}"><nav><ul>{nav}</ul></nav>
</header><main>{body}</main>
<footer><p>&copy; 2026 {html.escape(site.name)}</p></footer></body></html>"""


def _urlset(urls: list[str]) -> str:
    items = "".join(
        f"<url><loc>{html.escape(u)}</loc><lastmod>2026-10-0{1 + i % 9}</lastmod>"
        f"<changefreq>monthly</changefreq><priority>0.{5 + i % 5}</priority></url>"
        for i, u in enumerate(urls)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'
    )


def _index(urls: list[str]) -> str:
    items = "".join(f"<sitemap><loc>{html.escape(u)}</loc></sitemap>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'
    )


def _plumber() -> Site:
    site = Site("brightwater-plumbing.demo", "Brightwater Plumbing")
    site.add(
        "/robots.txt", TEXT, "User-agent: *\nDisallow: /wp-admin/\nSitemap: /sitemap_index.xml\n"
    )
    site.add(
        "/sitemap_index.xml",
        XML,
        _index([f"{site.base}/page-sitemap.xml", f"{site.base}/post-sitemap.xml.gz"]),
    )
    site.urlset("/page-sitemap.xml", ("/", "/about", "/contact", "/services/drains"))
    site.add(
        "/post-sitemap.xml.gz",
        "application/x-gzip",
        gzip.compress(
            _urlset([f"{site.base}/blog/winter-pipes-{i}" for i in range(1, 4)]).encode()
        ),
    )
    site.page("/", "Emergency plumbers", "<h1>24/7 plumbing in Springfield</h1>")
    site.page("/about", "About us", "<p>Family-run since 1987.</p>")
    site.page("/services/drains", "Drain cleaning", "<p>From $89. Order #48213.</p>")
    for i in range(1, 4):
        site.page(f"/blog/winter-pipes-{i}", f"Winter pipes {i}", "<p>Tips.</p>")
    site.page(
        "/contact",
        "Contact",
        """<h1>Contact us</h1>
<p>Call <a href="tel:+12175550143">(217) 555-0143</a> or text our emergency line 217-555-0199.</p>
<p>Email <a href="mailto:service@brightwater-plumbing.demo?subject=Quote">
service@brightwater-plumbing.demo</a> or our owner at dan [at] brightwater-plumbing [dot] demo.</p>
<p><a href="https://www.facebook.com/brightwaterplumbing">Facebook</a>
<a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a></p>
<form><input type="email" placeholder="you@yourdomain.com"><textarea name="message"></textarea>
<button>Send</button></form>""",
    )
    return site


def _bakery() -> Site:
    site = Site("rosemary-bakery.demo", "Rosemary & Rye Bakery")
    site.add("/robots.txt", TEXT, "User-agent: *\nAllow: /\n")
    site.urlset("/wp-sitemap.xml", ("/", "/our-team", "/kontakt", "/menu"))
    site.page("/", "Fresh bread daily", "<h1>Sourdough since 6 a.m.</h1>")
    site.page("/menu", "Menu", "<p>Rye loaf $7.50, baguette $4.25</p>")
    site.page(
        "/our-team",
        "Our team",
        """<ul><li>Maria Lopez, head baker: <a href="mailto:maria@rosemary-bakery.demo">
maria@rosemary-bakery.demo</a></li>
<li>Tom Becker, orders: orders&#64;rosemary-bakery&#46;demo</li></ul>""",
    )
    site.page(
        "/kontakt",
        "Contact",
        """<p>Visit us at 12 Mill Street. Phone: +1 415-555-0172</p>
<p><a href="https://instagram.com/rosemaryrye/">Instagram</a>
<a href="https://twitter.com/intent/tweet?text=bread">Tweet this</a></p>""",
        head="""<script type="application/ld+json">{"@context":"https://schema.org",
"@type":"Bakery","name":"Rosemary & Rye","telephone":"+1-415-555-0172",
"email":"hello@rosemary-bakery.demo",
"sameAs":["https://www.instagram.com/rosemaryrye","https://www.tiktok.com/@rosemaryrye"]}
</script>""",
    )
    return site


def _law_firm() -> Site:
    site = Site("hartley-law.demo", "Hartley & Finch LLP")
    site.add(
        "/robots.txt",
        TEXT,
        f"User-agent: *\nDisallow: /private/\nSitemap: {site.base}/sitemap.txt\n",
    )
    site.add(
        "/sitemap.txt",
        TEXT,
        "\n".join(
            f"{site.base}{p}" for p in ("/", "/about-us", "/team", "/contact-us", "/imprint")
        ),
    )
    site.page("/", "Business law", "<h1>Counsel for growing companies</h1>")
    site.page("/about-us", "About", "<p>Founded 2004. Case no. 2024-118-551.</p>")
    site.page(
        "/team",
        "Our attorneys",
        """<div itemscope itemtype="https://schema.org/Person">
<span itemprop="name">Ann Hartley</span>
<a itemprop="email" href="mailto:a.hartley@hartley-law.demo">Email Ann</a>
<a href="https://www.linkedin.com/in/annhartley/">LinkedIn</a></div>""",
    )
    site.page(
        "/contact-us",
        "Contact",
        """<p>Main office: <a href="tel:+13125550110">+1 (312) 555-0110</a></p>
<p>New matters: intake@hartley-law.demo</p>
<a href="https://www.linkedin.com/company/hartley-finch/">LinkedIn</a>""",
    )
    site.page("/imprint", "Imprint", "<p>Hartley &amp; Finch LLP, Chicago.</p>")
    return site


def _bike_shop() -> Site:
    """No robots.txt sitemap, no well-known path: the sitemap is linked from the home page."""
    site = Site("cogwheel-bikes.demo", "Cogwheel Bikes")
    site.add("/robots.txt", TEXT, "User-agent: *\nAllow: /\n")
    site.page(
        "/",
        "Bikes and repairs",
        '<h1>Ride more</h1><p><a href="/sitemaps/pages.xml">Sitemap</a></p>',
    )
    site.urlset("/sitemaps/pages.xml", ("/", "/contact", "/careers"))
    site.page(
        "/contact",
        "Contact",
        """<p>Workshop: +1 503 555 0186 &middot; <a href="mailto:shop@cogwheel-bikes.demo">
shop@cogwheel-bikes.demo</a></p><a href="https://github.com/cogwheelbikes">GitHub</a>
<a href="https://www.youtube.com/@cogwheelbikes">YouTube</a>""",
    )
    site.page("/careers", "Jobs", "<p>Mechanic wanted: jobs@cogwheel-bikes.demo</p>")
    return site


def _dentist() -> Site:
    """A site with no sitemap at all: discovery finds its pages through the home page's links."""
    site = Site("smile-dental.demo", "Smile Dental Care")
    site.page("/", "Dentist", "<h1>Gentle dentistry</h1>")
    site.page("/about", "About", "<p>Family dentistry since 1998.</p>")
    site.page(
        "/contact", "Contact", "<p>Call (541) 555-0123 or write to smile@smile-dental.demo</p>"
    )
    return site


def demo_sites() -> list[Site]:
    return [_plumber(), _bakery(), _law_firm(), _bike_shop(), _dentist()]


#: What page_curation should find on the demo sites' pages, by domain: (kind, value).
DEMO_CONTACTS: dict[str, set[tuple[str, str]]] = {
    "brightwater-plumbing.demo": {
        ("phone", "+12175550143"),
        ("phone", "+12175550199"),
        ("email", "service@brightwater-plumbing.demo"),
        ("email", "dan@brightwater-plumbing.demo"),
        ("social", "https://facebook.com/brightwaterplumbing"),
    },
    "rosemary-bakery.demo": {
        ("email", "maria@rosemary-bakery.demo"),
        ("email", "orders@rosemary-bakery.demo"),
        ("email", "hello@rosemary-bakery.demo"),
        ("phone", "+14155550172"),
        ("social", "https://instagram.com/rosemaryrye"),
        ("social", "https://tiktok.com/@rosemaryrye"),
    },
    "hartley-law.demo": {
        ("email", "a.hartley@hartley-law.demo"),
        ("email", "intake@hartley-law.demo"),
        ("phone", "+13125550110"),
        ("social", "https://linkedin.com/in/annhartley"),
        ("social", "https://linkedin.com/company/hartley-finch"),
    },
    "cogwheel-bikes.demo": {
        ("email", "shop@cogwheel-bikes.demo"),
        ("email", "jobs@cogwheel-bikes.demo"),
        ("phone", "+15035550186"),
        ("social", "https://github.com/cogwheelbikes"),
        ("social", "https://youtube.com/@cogwheelbikes"),
    },
    "smile-dental.demo": {
        ("phone", "+15415550123"),
        ("email", "smile@smile-dental.demo"),
    },
}
