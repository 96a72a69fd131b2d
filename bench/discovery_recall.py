"""Discovery recall on a generated web: every way a site publishes its sitemap, and none.

    .venv/bin/python bench/discovery_recall.py [--sites 280] [--pages 8]

Builds a loopback web of small-business sites (``ops.demo.SiteServer``), each publishing
its sitemap one way (``WAYS``: robots.txt lines absolute/relative, well-known paths, gzip, plain
text, RSS, an index with a gzipped child, ``<link rel="sitemap">``, footer links that only
*say* "Site map" / "Plan du site" / "Seitenübersicht" / "Mapa del sitio", an HTML site-map page,
no sitemap at all). Each site is German, British, French or American and shows it the way real
sites do (one or two of: ``<html lang>``, a country-code TLD, an address, e-mail domains, an
international number in the footer); its contact page carries national-format phone numbers
between dates, prices, order and VAT numbers.

Then, on a scratch database (``scrapersky_bench_discovery``, dropped on exit), the real
services run through the engine in this process: sitemap_discovery on every domain, sitemap_import
on every sitemap found, page_curation on the home, contact, about, team and legal pages (what
``SCRAPERSKY_AUTO_QUEUE_PAGES=contact`` queues). Printed, per way: sitemap recall (the site's
sitemap found), listed-page coverage (its listed pages created), contact page found; and
domain-level phone recall and precision, beside the baseline measured on the same pages in the
same run: every page re-extracted with the default region only (the behaviour before the page's
own region was read).
"""

from __future__ import annotations

import argparse
import gzip
import html
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import scratch

BASE = Path(__file__).resolve().parent.parent
DB = "scrapersky_bench_discovery"
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'

WAYS = (
    "robots_absolute",
    "robots_relative",
    "robots_rss",
    "well_known_xml",
    "well_known_index",
    "well_known_wp",
    "well_known_gz",
    "well_known_txt",
    "link_rel",
    "footer_site_map",
    "footer_plan_du_site",
    "footer_seitenuebersicht",
    "footer_mapa_del_sitio",
    "html_sitemap_page",
    "no_sitemap",
)
COUNTRIES = ("DE", "GB", "FR", "US")
LANG = {"DE": "de", "GB": "en-GB", "FR": "fr", "US": "en"}
TLD = {"DE": "de", "GB": "co.uk", "FR": "fr", "US": "com"}
CALLING = {"DE": "49", "GB": "44", "FR": "33", "US": "1"}
ADDRESS = {
    "DE": "Hauptstraße {n}, 10115 Berlin, Deutschland",
    "GB": "{n} High Street, London SW1A 2AA",
    "FR": "{n} rue de la Paix, 75002 Paris, France",
    "US": "{n} Market St, San Francisco, CA 94103",
}
DECOYS = {
    "DE": "Stand: 12.03.2024 · Preis ab 1.299,00 € · Bestellnummer 2024-000123 · "
    "USt-IdNr. DE 123456789 · HRB 123456",
    "GB": "Updated 12/03/2024 · From £12,499.00 · Company No. 01234567 · VAT 123 4567 89",
    "FR": "Mis à jour le 12/03/2024 à 14:30 · 12,50 € · Commande n° 20240312 · "
    "SIRET 123 456 789 00012",
    "US": "Posted 03/12/2024 · From $1,299.00 · Order #12345678 · License 1234567",
}
LABEL = {"DE": "Telefon", "GB": "Tel", "FR": "Tél.", "US": "Call"}
#: How a site shows its country (besides its numbers): one or two signals, as real sites do.
SIGNALS = (("lang",), ("tld",), ("address",), ("lang", "email"), ("international",))


def national_number(country: str, rng: random.Random) -> tuple[str, str]:
    """A valid national-format number of ``country`` and its E.164 form."""
    import phonenumbers

    while True:
        if country == "DE":
            area = rng.choice(["30", "40", "89", "69", "221", "211", "711", "351"])
            raw = f"(0{area}) {rng.randint(200, 899)} {rng.randint(1000, 9999)}"
        elif country == "GB":
            raw = rng.choice(["020 7946 0", "0161 496 0", "0117 496 0", "0131 496 0"])
            raw += f"{rng.randint(100, 999)}"
        elif country == "FR":
            raw = f"0{rng.randint(1, 5)} " + " ".join(f"{rng.randint(10, 99)}" for _ in range(4))
        else:
            raw = f"({rng.choice(['415', '212', '312', '503', '217'])}) 555-01{rng.randint(0, 99):02d}"
        number = phonenumbers.parse(raw, country)
        if phonenumbers.is_valid_number(number):
            return raw, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def international(e164: str, country: str) -> str:
    cc = CALLING[country]
    rest = e164[1 + len(cc) :]
    return f"+{cc} {rest[:3]} {rest[3:]}"


def urlset(urls: list[str]) -> str:
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0"?><urlset {NS}>{locs}</urlset>'


def html_page(title: str, body: str, *, look: dict[str, str], nav: str, footer_links: str) -> str:
    """A page of the site; ``look`` is how it shows its country (lang, address, footer number)."""
    lang_attr = f' lang="{look["lang"]}"' if look["lang"] else ""
    return (
        f"<!doctype html><html{lang_attr}><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>{{head}}</head><body><header>{nav}</header>"
        f"<main>{body}</main><footer><p>{html.escape(look['address'])}</p>{look['footer']}"
        f"{footer_links}</footer></body></html>"
    )


def build_web(n_sites: int, n_pages: int, seed: int = 12):
    """The sites, and per site what a person would find there (the truth to measure against)."""
    from ops.demo.sites import Site

    rng = random.Random(seed)
    sites, truth = [], {}
    for n in range(n_sites):
        way = WAYS[n % len(WAYS)]
        country = COUNTRIES[(n // len(WAYS)) % len(COUNTRIES)]
        signals = SIGNALS[(n // (len(WAYS) * len(COUNTRIES))) % len(SIGNALS)]
        tld = TLD[country] if "tld" in signals or country == "US" else "com"
        host = f"shop{n:04d}.{tld}"
        site = Site(host, f"Business {n}")
        base = site.base
        main, main_e164 = national_number(country, rng)
        second, second_e164 = national_number(country, rng)
        lang = LANG[country] if "lang" in signals or country == "US" else ""
        email = f"info@{host}" if "email" in signals else "info@mail-service.com"
        footer_number = (
            f"<p>{LABEL[country]} {international(second_e164, country)}</p>"
            if "international" in signals
            else ""
        )
        address = ADDRESS[country].format(n=n % 90 + 1) if "address" in signals else ""
        listed = ["/", "/contact", "/about", *[f"/products/item-{i}" for i in range(n_pages - 3)]]

        nav = '<nav><a href="/">Home</a> <a href="/about">About</a></nav>'
        if way in ("no_sitemap",):
            nav = '<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/contact">Contact</a></nav>'
        footer_links, head = "", ""
        footer_words = {
            "footer_site_map": ("/plan/map.xml", "Site map"),
            "footer_plan_du_site": ("/fr/plan.xml", "Plan du site"),
            "footer_seitenuebersicht": ("/verzeichnis.xml", "Seitenübersicht"),
            "footer_mapa_del_sitio": ("/mapa.xml", "Mapa del sitio"),
            "html_sitemap_page": ("/uebersicht", "Sitemap"),
        }
        sitemap_url = None
        if way in footer_words:
            path, words = footer_words[way]
            footer_links = f'<p><a href="{path}">{words}</a></p>'
            if way != "html_sitemap_page":
                sitemap_url = base + path
        if way == "link_rel":
            head = '<link rel="sitemap" type="application/xml" href="/maps/site.xml">'
            sitemap_url = base + "/maps/site.xml"
        contact_body = (
            f"<h1>Contact</h1><p>{LABEL[country]}: {main}</p><p>Fax / Zentrale: {second}</p>"
            f"<p>E-mail: {email}</p><p>{DECOYS[country]}</p>"
        )
        look = {"lang": lang, "address": address, "footer": footer_number}

        def page(title: str, body: str, look=look, nav=nav, links=footer_links) -> str:
            return html_page(title, body, look=look, nav=nav, footer_links=links)

        bodies = {
            "/": page("Home", "<h1>Welcome</h1><p>Since 1998.</p>"),
            "/contact": page("Contact", contact_body),
            "/about": page("About", f"<p>{DECOYS[country]}</p>"),
        }
        for path in listed[3:]:
            bodies[path] = page("Item", "<p>A product.</p>")
        for path, body in bodies.items():
            site.add(
                path,
                "text/html; charset=utf-8",
                body.replace("{head}", head if path == "/" else ""),
            )
        urls = [base + p for p in listed]
        xml = urlset(urls)
        robots = "User-agent: *\nDisallow: /private/\n"
        items = "".join(f"<item><title>p</title><link>{u}</link></item>" for u in urls)
        rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'
        # way -> (path, content type, body, how robots.txt names it: absolute, relative, not)
        files = {
            "robots_absolute": ("/sitemaps/main.xml", "application/xml", xml, "absolute"),
            "robots_relative": ("/content-map.xml", "application/xml", xml, "relative"),
            "robots_rss": ("/feed.rss", "application/rss+xml", rss, "relative"),
            "well_known_xml": ("/sitemap.xml", "application/xml", xml, None),
            "well_known_wp": ("/wp-sitemap.xml", "application/xml", xml, None),
            "well_known_gz": (
                "/sitemap.xml.gz",
                "application/gzip",
                gzip.compress(xml.encode()),
                None,
            ),
            "well_known_txt": ("/sitemap.txt", "text/plain", "\n".join(urls) + "\n", None),
        }
        if way in files:
            path, content_type, body, named = files[way]
            site.add(path, content_type, body)
            sitemap_url = base + path
            if named:
                robots += f"Sitemap: {sitemap_url if named == 'absolute' else path}\n"
        elif way == "well_known_index":
            half = len(urls) // 2
            site.add("/pages-1.xml", "application/xml", urlset(urls[:half]))
            site.add(
                "/pages-2.xml.gz", "application/gzip", gzip.compress(urlset(urls[half:]).encode())
            )
            site.add(
                "/sitemap_index.xml",
                "application/xml",
                f'<?xml version="1.0"?><sitemapindex {NS}><sitemap><loc>{base}/pages-1.xml</loc>'
                f"</sitemap><sitemap><loc>{base}/pages-2.xml.gz</loc></sitemap></sitemapindex>",
            )
            sitemap_url = base + "/sitemap_index.xml"
        elif sitemap_url and way != "html_sitemap_page":
            site.add(sitemap_url[len(base) :], "application/xml", xml)
        if way == "html_sitemap_page":
            links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in listed)
            site.add("/uebersicht", "text/html", page("Sitemap", f"<ul>{links}</ul>"))
        site.add("/robots.txt", "text/plain", robots)
        sites.append(site)
        truth[host] = {
            "way": way,
            "country": country,
            "signals": signals,
            "sitemap": sitemap_url,
            # A site without a sitemap lists nothing: what it links from its home page counts.
            "listed": set(urls) if way != "no_sitemap" else {base + p for p in listed[:3]},
            "contact": base + "/contact",
            "phones": {main_e164, second_e164},
        }
    return sites, truth


def drain(workflow: str, queryset) -> None:
    from curation.services import set_curation_status
    from processing.engine.runner import run_consumer
    from scrapersky.status import Status

    set_curation_status(
        workflow=workflow, status=Status.QUEUED, queryset=queryset, actor="bench", channel="command"
    )
    while run_consumer(workflow, handle_signals=False).claimed:
        pass


def baseline_phones(pages, default: str) -> dict[str, set[str]]:
    """The same pages re-fetched and extracted with the default region only (before)."""
    from processing.contacts import extract_page, region
    from processing.fetcher import get_fetcher

    found: dict[str, set[str]] = defaultdict(set)
    original = region.choose_region
    region_module_page = sys.modules["processing.contacts.page"]
    region_module_page.choose_region = lambda *, default, **kw: default
    try:
        for host, url in pages:
            response = get_fetcher().get(url, max_bytes=10 * 1024 * 1024, truncate=True)
            result = extract_page(response.content, url=url, default_region=default)
            found[host] |= {c.value for c in result.contacts if c.kind == "phone"}
    finally:
        region_module_page.choose_region = original
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=len(WAYS) * len(COUNTRIES) * 5)
    parser.add_argument("--pages", type=int, default=8)
    args = parser.parse_args()
    sys.path.insert(0, str(BASE))
    from ops.demo import SiteServer

    sites, truth = build_web(args.sites, args.pages)
    with SiteServer(sites) as server:
        connect_to = ",".join(f"{k}={v}" for k, v in server.connect_to.items())
        scratch.setup_django(
            DB,
            SCRAPERSKY_FETCH_ALLOWED_NETWORKS="127.0.0.0/8",
            SCRAPERSKY_FETCH_CONNECT_TO=connect_to,
            SCRAPERSKY_KICK_ON_QUEUE="false",
            SCRAPERSKY_DEFAULT_PHONE_REGION="US",
        )
        try:
            report(truth)
        finally:
            from django.db import connections

            connections.close_all()
            scratch.drop(DB)


def report(truth) -> None:
    from curation.models import Contact, Domain, Page, SitemapFile
    from scrapersky.page_types import CONTACT_LIKE
    from scrapersky.status import Status

    started = time.monotonic()
    # Stored with their scheme, as the pipeline bench does: the web has no https, and the
    # scheme decision (https refused → http) is measured by the tests, not here.
    Domain.objects.bulk_create([Domain(domain=f"http://{host}") for host in truth])
    drain("sitemap_discovery", Domain.objects.all())
    t_discovery = time.monotonic() - started
    drain("sitemap_import", SitemapFile.objects.filter(sitemap_import_processing_status=None))
    wanted = [*CONTACT_LIKE, "home"]
    drain("page_curation", Page.objects.filter(page_type__in=wanted))
    elapsed = time.monotonic() - started

    host_of = {d.pk: d.domain.split("://", 1)[1] for d in Domain.objects.all()}
    sitemaps = defaultdict(set)
    for domain_id, url, status in SitemapFile.objects.values_list(
        "domain_id", "url", "sitemap_import_processing_status"
    ):
        if status == Status.COMPLETE:
            sitemaps[host_of[domain_id]].add(url)
    pages = defaultdict(set)
    for domain_id, url in Page.objects.values_list("domain_id", "url"):
        pages[host_of[domain_id]].add(url)
    phones = defaultdict(set)
    for domain_id, value in Contact.objects.filter(kind="phone").values_list("domain_id", "value"):
        phones[host_of[domain_id]].add(value)
    statuses = defaultdict(int)
    for status in Domain.objects.values_list("sitemap_discovery_processing_status", flat=True):
        statuses[status] += 1

    by_way = defaultdict(
        lambda: {"sites": 0, "sitemap": 0, "listed": 0, "covered": 0, "contact": 0}
    )
    for host, t in truth.items():
        row = by_way[t["way"]]
        row["sites"] += 1
        if t["sitemap"] is None or t["sitemap"] in sitemaps[host]:
            row["sitemap"] += 1
        row["listed"] += len(t["listed"])
        row["covered"] += len(t["listed"] & pages[host])
        row["contact"] += t["contact"] in pages[host]
    curated = [
        (host_of[d], u)
        for d, u in Page.objects.filter(page_type__in=wanted).values_list("domain_id", "url")
    ]
    before = baseline_phones(curated, "US")

    print(
        f"{len(truth)} sites, {sum(len(t['listed']) for t in truth.values())} listed pages; "
        f"discovery {t_discovery:.1f}s, whole run {elapsed:.1f}s; discovery status {dict(statuses)}"
    )
    print(
        f"{'way':<26}{'sites':>6}{'sitemap recall':>16}{'page coverage':>15}{'contact found':>15}"
    )
    for way in WAYS:
        r = by_way[way]
        recall = (
            "n/a"
            if way in ("no_sitemap", "html_sitemap_page")
            else f"{r['sitemap'] / r['sites']:.3f}"
        )
        print(
            f"{way:<26}{r['sites']:>6}{recall:>16}{r['covered'] / r['listed']:>15.3f}"
            f"{r['contact'] / r['sites']:>15.3f}"
        )

    def score(found: dict[str, set[str]]) -> tuple[float, float, int]:
        expected = sum(len(t["phones"]) for t in truth.values())
        hit = sum(len(t["phones"] & found.get(h, set())) for h, t in truth.items())
        got = sum(len(found.get(h, set())) for h in truth)
        wrong = got - hit
        return hit / expected, (hit / got if got else 1.0), wrong

    ours, base = score(phones), score(before)
    print(
        f"phones (domain level)      recall {ours[0]:.3f}  precision {ours[1]:.3f}  "
        f"wrong {ours[2]}   | baseline, default region only: recall {base[0]:.3f}  "
        f"precision {base[1]:.3f}  wrong {base[2]}"
    )
    per_country = defaultdict(lambda: [0, 0])
    for host, t in truth.items():
        per_country[t["country"]][0] += len(t["phones"])
        per_country[t["country"]][1] += len(t["phones"] & phones[host])
    print(
        "phone recall by country:  "
        + "  ".join(f"{c} {hit / n:.3f}" for c, (n, hit) in sorted(per_country.items()))
    )
    missed = [
        (h, sorted(t["phones"] - phones[h]), t["signals"])
        for h, t in truth.items()
        if t["phones"] - phones[h]
    ]
    for host, numbers, signals in missed[:10]:
        print(f"  missed on {host} ({'+'.join(signals)}): {', '.join(numbers)}")
    extra = [
        (h, sorted(phones[h] - t["phones"])) for h, t in truth.items() if phones[h] - t["phones"]
    ]
    for host, numbers in extra[:10]:
        print(f"  wrong on {host}: {', '.join(numbers)}")


if __name__ == "__main__":
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    main()
