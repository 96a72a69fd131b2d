"""A generated web of small-business sites with the variety a real crawl meets (pipeline bench).

Site ``n`` publishes its sitemap in one of eight ways (``n % 8``): a relative robots.txt
``Sitemap:`` line to a urlset; an absolute one to an index with a gzipped child; WordPress's
``/wp-sitemap.xml`` index (robots.txt names none); a plain-text sitemap; no robots.txt at all and
a ``/sitemap.xml``; only a home-page footer link; a gzipped ``/sitemap.xml.gz``; an RSS feed.
Every page has the site's footer (one shared email and phone) and one contact of its own (an
email or a phone); the contact page adds a mailto and a tel link, an ``[at]``/``[dot]``
obfuscated address, an entity-encoded one, JSON-LD and social profiles. A few sites
(``slow_every``) answer every request after ``slow_delay`` seconds.
"""

from __future__ import annotations

import gzip
import html
import random

from ops.demo.sites import HTML, TEXT, XML, Site, _index, _urlset

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
        form = SITEMAP_FORMS[n % len(SITEMAP_FORMS)]
        fixed = ["/", "/about", "/contact", "/team"]
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
            if i % 2:
                value = f"person{i}@{site.host}"
                contact = f'<a href="mailto:{value}">Write to person {i}</a>'
                expected.add(("email", value))
            else:
                phone = _phone(n, i)
                contact = f"<p>Direct line {phone}</p>"
                expected.add(("phone", "+" + "".join(ch for ch in phone if ch.isdigit())))
            filler = " ".join(
                rng.choice(("quality", "service", "local", "trusted")) for _ in range(60)
            )
            site.add(path, HTML, _page_html(site, n, f"Page {i}", f"<p>{filler}</p>{contact}"))
        site.expected = expected
        sites.append(site)
    return sites
