"""iter_sitemap_tree: recursion through indexes, cycles, depth and count limits, failures."""

from __future__ import annotations

import contextlib
import gzip
from collections.abc import Iterable, Iterator

import pytest
from sitemaps_testutil import chunked, sitemapindex, urlset

from processing.errors import PermanentError
from processing.fetcher import Fetcher
from processing.sitemaps import iter_sitemap_tree
from processing.sitemaps.fetching import fetch_sitemap_chunks

B = "https://example.com"


def dict_fetcher(files: dict[str, bytes]):
    """fetch_chunks over an in-memory site; a missing URL fails like a 404 would."""

    @contextlib.contextmanager
    def fetch(url: str) -> Iterator[Iterable[bytes]]:
        if url not in files:
            raise PermanentError(f"HTTP 404 from {url}")
        yield chunked(files[url], 100)

    return fetch


def test_index_is_followed_to_its_children() -> None:
    files = {
        f"{B}/index.xml": sitemapindex([f"{B}/a.xml", f"{B}/b.xml.gz"]),
        f"{B}/a.xml": urlset([f"{B}/a1", f"{B}/a2"]),
        f"{B}/b.xml.gz": gzip.compress(urlset([f"{B}/b1"])),
    }
    walked = list(iter_sitemap_tree(f"{B}/index.xml", dict_fetcher(files)))
    assert [url for url, _ in walked] == [f"{B}/index.xml", f"{B}/a.xml", f"{B}/b.xml.gz"]
    assert [e.url for _, r in walked[1:] for e in r.entries] == [f"{B}/a1", f"{B}/a2", f"{B}/b1"]
    assert walked[2][1].gzipped


def test_self_referencing_index_terminates() -> None:
    files = {f"{B}/index.xml": sitemapindex([f"{B}/index.xml", f"{B}/a.xml"])}
    files[f"{B}/a.xml"] = urlset([f"{B}/a1"])
    walked = list(iter_sitemap_tree(f"{B}/index.xml", dict_fetcher(files)))
    assert [url for url, _ in walked] == [f"{B}/index.xml", f"{B}/a.xml"]
    root = walked[0][1]
    assert root.skipped_children == [(f"{B}/index.xml", "already visited (cycle or duplicate)")]


def test_index_cycle_terminates() -> None:
    files = {
        f"{B}/one.xml": sitemapindex([f"{B}/two.xml"]),
        f"{B}/two.xml": sitemapindex([f"{B}/three.xml"]),
        # differs only by case of host and a fragment: still the same file
        f"{B}/three.xml": sitemapindex(["https://EXAMPLE.com/one.xml#top"]),
    }
    walked = list(iter_sitemap_tree(f"{B}/one.xml", dict_fetcher(files)))
    assert [url for url, _ in walked] == [f"{B}/one.xml", f"{B}/two.xml", f"{B}/three.xml"]
    assert walked[2][1].skipped_children[0][1].startswith("already visited")


def test_an_international_host_is_one_host_in_either_spelling() -> None:
    """The visited set uses the normaliser of the import (scrapersky.normalize): IDNA, case."""
    root = "https://xn--bcher-kva.de/index.xml"
    files = {root: sitemapindex(["https://BÜCHER.de/index.xml", "https://bücher.de/a.xml"])}
    files["https://bücher.de/a.xml"] = urlset(["https://bücher.de/a1"])
    walked = list(iter_sitemap_tree(root, dict_fetcher(files)))
    assert [url for url, _ in walked] == [root, "https://bücher.de/a.xml"]
    assert walked[0][1].skipped_children == [
        ("https://BÜCHER.de/index.xml", "already visited (cycle or duplicate)")
    ]


def test_depth_limit() -> None:
    files = {f"{B}/d{i}.xml": sitemapindex([f"{B}/d{i + 1}.xml"]) for i in range(10)}
    walked = list(iter_sitemap_tree(f"{B}/d0.xml", dict_fetcher(files), max_depth=3))
    assert [url for url, _ in walked] == [f"{B}/d{i}.xml" for i in range(4)]
    assert walked[-1][1].skipped_children == [(f"{B}/d4.xml", "deeper than max_depth=3")]


def test_max_sitemaps_limit() -> None:
    children = [f"{B}/c{i}.xml" for i in range(10)]
    files = {f"{B}/index.xml": sitemapindex(children)}
    files.update({c: urlset([c.replace(".xml", "/page")]) for c in children})
    walked = list(iter_sitemap_tree(f"{B}/index.xml", dict_fetcher(files), max_sitemaps=4))
    assert len(walked) == 4
    skipped = walked[0][1].skipped_children
    assert len(skipped) == 7 and skipped[0][1] == "more than max_sitemaps=4 files"


def test_child_failures_are_recorded_not_fatal() -> None:
    files = {
        f"{B}/index.xml": sitemapindex([f"{B}/missing.xml", f"{B}/html.xml", f"{B}/ok.xml"]),
        f"{B}/html.xml": b"<!DOCTYPE html><html><body>Soft 404</body></html>",
        f"{B}/ok.xml": urlset([f"{B}/fine"]),
    }
    walked = dict(iter_sitemap_tree(f"{B}/index.xml", dict_fetcher(files)))
    assert walked[f"{B}/missing.xml"].failed == f"HTTP 404 from {B}/missing.xml"
    assert "HTML page" in (walked[f"{B}/html.xml"].failed or "")
    assert [e.url for e in walked[f"{B}/ok.xml"].entries] == [f"{B}/fine"]


def test_root_failure_raises() -> None:
    with pytest.raises(PermanentError):
        list(iter_sitemap_tree(f"{B}/nothing.xml", dict_fetcher({})))


def test_relative_child_locs_are_resolved_against_the_index() -> None:
    files = {
        f"{B}/maps/index.xml": sitemapindex(["part1.xml"]),
        f"{B}/maps/part1.xml": urlset([f"{B}/p"]),
    }
    walked = [url for url, _ in iter_sitemap_tree(f"{B}/maps/index.xml", dict_fetcher(files))]
    assert walked == [f"{B}/maps/index.xml", f"{B}/maps/part1.xml"]


def test_tree_over_real_http_with_the_fetcher(site, fetcher: Fetcher) -> None:
    base = site.base_url
    site.routes.update(
        {
            "/robots.txt": "User-agent: *\nAllow: /\n",
            "/index.xml": sitemapindex([f"{base}/a.xml.gz", f"{base}/gone.xml", f"{base}/s.xml"]),
            "/a.xml.gz": gzip.compress(urlset([f"{base}/a"])),
            "/s.xml": sitemapindex([f"{base}/index.xml"]),
        }
    )
    walked = dict(iter_sitemap_tree(f"{base}/index.xml", fetch_sitemap_chunks(fetcher)))
    assert [e.url for e in walked[f"{base}/a.xml.gz"].entries] == [f"{base}/a"]
    assert "404" in (walked[f"{base}/gone.xml"].failed or "")
    assert walked[f"{base}/s.xml"].skipped_children[0][0] == f"{base}/index.xml"
