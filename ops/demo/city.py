"""The websites of Demo City's businesses, so a search in the offline demo reaches contacts.

The demo places service (ops/demo/places.py) lists a few dozen businesses in Demo City; five of
them own the hand-written demo websites (ops/demo/sites.py). Every other business website on a
``.demo`` host (the QuickFix chain's one site, ``demo-*.demo``, ``ivan-santehnik.demo``, ...) is a
small generated site here (ops/demo/web.py's ``build_site``: a sitemap in one of eight forms, a
contact page with e-mail, phone and social profiles, a team page naming people, a legal page),
named after its business. A website off ``.demo`` (the Facebook page) is not served: it makes no
domain. ``offline_sites()`` is what ``up --demo`` serves, maps for the fetcher and answers DNS
for.
"""

from __future__ import annotations

import random
from itertools import takewhile
from urllib.parse import urlsplit

from ops.demo.places_data import demo_businesses
from ops.demo.sites import Site, demo_sites
from ops.demo.web import build_site

PAGES_PER_SITE = 6


def _host(website: str) -> str:
    host = (urlsplit(website).hostname or "").lower()
    return host.removeprefix("www.")


def city_sites() -> list[Site]:
    """A generated site for every Demo City business website not among the demo websites."""
    taken = {site.host for site in demo_sites()}
    owners: dict[str, list] = {}
    for business in demo_businesses():
        host = _host(business.website)
        if host.endswith(".demo") and host not in taken:
            owners.setdefault(host, []).append(business)
    rng = random.Random(25)
    sites = []
    for host, businesses in owners.items():
        # A chain's branches share the site: it carries the words their names share.
        words = [b.name.split() for b in businesses]
        common = [w[0] for w in takewhile(lambda w: len(set(w)) == 1, zip(*words, strict=False))]
        site = Site(host, " ".join(common) or businesses[0].name)
        sites.append(build_site(site, businesses[0].n, PAGES_PER_SITE, rng))
    return sites


def offline_sites() -> list[Site]:
    """Every website the offline demo serves: the five demo websites and Demo City's."""
    return demo_sites() + city_sites()
