"""The pipeline bench's generated web: every sitemap form, and contacts that are really there."""

from __future__ import annotations

import time

from ops.demo import SiteServer, generated_web
from ops.demo.web import SITEMAP_FORMS
from processing.contacts.page import extract_page
from processing.discovery.discover import discover_sitemaps
from processing.fetcher import Fetcher, FetcherConfig


def test_every_sitemap_form_is_generated_and_discovered():
    sites = generated_web(len(SITEMAP_FORMS), 6, slow_every=0)
    assert sorted(s.form for s in sites) == sorted(SITEMAP_FORMS)
    with SiteServer(sites) as server:
        fetcher = Fetcher(
            FetcherConfig(allowed_networks=("127.0.0.0/8",), connect_to=server.connect_to)
        )
        for site in sites:
            result = discover_sitemaps(site.host, fetcher, base_url=site.base)
            found = {s.url for s in result.sitemaps} | {s.final_url for s in result.sitemaps}
            assert site.entry in found, (site.form, result.attempts)
        fetcher.close()


def test_published_contacts_are_what_the_pages_contain():
    for site in generated_web(8, 10, slow_every=0):
        found = set()
        for path, (content_type, body) in site.resources.items():
            if content_type.startswith("text/html"):
                page = extract_page(body, url=site.base + path, content_type=content_type)
                found |= {(c.kind, c.value) for c in page.contacts}
        assert found == site.expected, site.form


def test_slow_hosts_answer_late():
    sites = generated_web(4, 4, slow_every=2, slow_delay=0.3)
    assert [bool(s.delay) for s in sites] == [False, True, False, True]
    with SiteServer(sites) as server:
        fetcher = Fetcher(
            FetcherConfig(allowed_networks=("127.0.0.0/8",), connect_to=server.connect_to)
        )
        start = time.monotonic()
        fetcher.get(f"{sites[1].base}/", check_robots=False)
        assert time.monotonic() - start >= 0.3
        fetcher.close()
