"""sitemap_import writes its pages in chunks fenced on the claim: a row taken over writes none."""

from __future__ import annotations

import pytest

from curation.models import Domain, Page, SitemapFile
from curation.services import set_curation_status
from ops.demo import Site
from processing.engine import claims
from processing.engine.runner import run_consumer
from processing.services import sitemap_import
from processing.services.sitemap_import import process_single_sitemap_file_for_sitemap_import
from processing.services.streaming import ClaimLostError, fenced
from scrapersky.status import Status
from scrapersky.workflows import get_workflow

pytestmark = pytest.mark.django_db(transaction=True)

HOST = "fence-shop.demo"
WORKFLOW = get_workflow("sitemap_import")


def fence_site() -> Site:
    site = Site(HOST, "Fence Shop")
    site.add("/robots.txt", "text/plain", "User-agent: *\n")
    index = "".join(
        f"<sitemap><loc>http://{HOST}/{name}.xml</loc></sitemap>" for name in ("a", "b")
    )
    site.add("/index.xml", "application/xml", f"<sitemapindex>{index}</sitemapindex>")
    for name, count in (("a", 3), ("b", 2)):
        urls = "".join(f"<url><loc>http://{HOST}/{name}/{i}</loc></url>" for i in range(count))
        site.add(f"/{name}.xml", "application/xml", f"<urlset>{urls}</urlset>")
    return site


@pytest.fixture
def index_row(serve) -> SitemapFile:
    serve([fence_site()])
    domain = Domain.objects.create(domain=HOST)
    sitemap = SitemapFile.objects.create(domain=domain, url=f"http://{HOST}/index.xml")
    set_curation_status(
        workflow="sitemap_import",
        status=Status.QUEUED,
        ids=[sitemap.pk],
        actor="test",
        channel="command",
    )
    return sitemap


def claim(token: str) -> SitemapFile:
    [row] = claims.claim_rows(WORKFLOW, token=token, batch_size=1, lease_seconds=60)
    return row


def take_over(row: SitemapFile) -> None:
    """The reaper requeued the row and another worker claimed it: its token is on the row now."""
    SitemapFile.objects.filter(pk=row.pk).update(sitemap_import_worker="another-worker")


def steal_before_file(monkeypatch, row: SitemapFile, number: int) -> None:
    """Take the row over just before the walk hands the service its ``number``-th file."""
    walk = sitemap_import.iter_sitemap_tree

    def stolen(*args, **kwargs):
        for i, item in enumerate(walk(*args, **kwargs)):
            if i == number:
                take_over(row)
            yield item

    monkeypatch.setattr(sitemap_import, "iter_sitemap_tree", stolen)


def test_a_held_import_writes_every_file(index_row):
    row = claim("worker-a")
    persist = process_single_sitemap_file_for_sitemap_import(row)
    assert Page.objects.count() == 5
    assert set(SitemapFile.objects.values_list("url", flat=True)) == {
        f"http://{HOST}/{name}.xml" for name in ("index", "a", "b")
    }
    assert callable(persist)


def test_a_fenced_out_import_writes_no_pages(index_row):
    row = claim("worker-a")
    take_over(row)
    with pytest.raises(ClaimLostError, match="no longer held"):
        process_single_sitemap_file_for_sitemap_import(row)
    assert not Page.objects.exists()
    # Not even the children of the index get their rows.
    assert list(SitemapFile.objects.values_list("pk", flat=True)) == [index_row.pk]


def test_a_row_never_claimed_writes_nothing(index_row):
    with pytest.raises(ClaimLostError):
        process_single_sitemap_file_for_sitemap_import(index_row)
    assert not Page.objects.exists()


def test_losing_the_claim_mid_import_stops_the_writes(index_row, monkeypatch):
    row = claim("worker-a")
    steal_before_file(monkeypatch, row, 2)  # files: the index, a.xml, then b.xml
    with pytest.raises(ClaimLostError):
        process_single_sitemap_file_for_sitemap_import(row)
    # a.xml was written while the row was held; b.xml not.
    assert set(Page.objects.values_list("url", flat=True)) == {
        f"http://{HOST}/a/{i}" for i in range(3)
    }
    assert not SitemapFile.objects.filter(url=f"http://{HOST}/b.xml").exists()


def test_the_engine_discards_the_row_taken_over(index_row, monkeypatch):
    steal_before_file(monkeypatch, index_row, 1)  # before a.xml: nothing but the index read
    result = run_consumer("sitemap_import", handle_signals=False)
    assert (result.claimed, result.complete, result.errored, result.lost) == (1, 0, 0, 1)
    assert not Page.objects.exists()
    index_row.refresh_from_db()
    # The other worker's claim is untouched: still Processing under its token, no error.
    assert index_row.sitemap_import_processing_status == Status.PROCESSING
    assert index_row.sitemap_import_worker == "another-worker"
    assert index_row.sitemap_import_processing_error is None
    assert index_row.pages_created is None


def test_the_fence_checks_the_token_and_the_status(index_row):
    row = claim("worker-a")
    with fenced("sitemap_import", row):
        SitemapFile.objects.filter(pk=row.pk).update(import_note="held")
    SitemapFile.objects.filter(pk=row.pk).update(sitemap_import_processing_status=Status.QUEUED)
    with pytest.raises(ClaimLostError), fenced("sitemap_import", row):
        pytest.fail("the body runs only while the row is held")
