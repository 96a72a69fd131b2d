"""Finding a domain's sitemaps, or its pages: the network side of the sitemap workflows.

``discover`` (robots.txt, well-known paths, home-page links, in order), ``probe`` (is this
candidate a sitemap?), ``link_pages`` (a site without a sitemap: its pages from its links),
``outcomes`` (what came of one request, as a code a curator can count) and ``record`` (the
discovery record stored on the domain). It reads through the fetcher and classifies its errors;
the parsing is :mod:`processing.sitemaps`, plain Python.
"""
