"""Many pages of one domain sharing contacts, finished at once by several worker processes."""

from __future__ import annotations

import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from engine_support import worker_env

from curation.models import Contact, ContactSighting, Domain, Page

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

SHARED = [f"{name}@brightwater-plumbing.com" for name in ("info", "sales", "press", "jobs", "help")]
PAGES = 240


class _Site(BaseHTTPRequestHandler):
    def do_GET(self):
        if not self.path.startswith("/p/"):
            self.send_error(404)
            return
        number = int(self.path.rsplit("/", 1)[1])
        # The footer lists the shared addresses in a different order on every page, the order
        # that made concurrent upserts deadlock.
        footer = random.Random(number).sample(SHARED, len(SHARED))
        body = "".join(f'<a href="mailto:{e}">{e}</a> ' for e in footer)
        html = (
            f"<html><head><title>Page {number}</title></head><body>"
            f"<p>Ask person{number}@brightwater-plumbing.com</p>"
            f"<footer>{body}</footer></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(html)))
        self.end_headers()
        self.wfile.write(html)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_pages_of_one_domain_sharing_contacts_all_complete_with_every_sighting(
    workers, record_file, site
):
    domain = Domain.objects.create(domain="brightwater-plumbing.com")
    now = timezone.now()
    Page.objects.bulk_create(
        [
            Page(
                domain=domain,
                url=f"{site}/p/{n}",
                page_curation_curation_status="Queued",
                page_curation_processing_status="Queued",
                page_curation_queued_at=now,
            )
            for n in range(PAGES)
        ]
    )
    knobs = {"page_curation": {"batch_size": 10, "concurrency": 8, "time_budget": 120}}
    env = worker_env(
        knobs,
        record_file,
        SCRAPERSKY_FETCH_ALLOWED_NETWORKS="127.0.0.0/8",
        SCRAPERSKY_OBEY_ROBOTS="false",
    )
    # A run ends when nothing is claimable now; a row put back for a moment (a lock timeout or
    # a deadlock victim under load is retried after a backoff, never charged) is claimable a
    # little later, so each process runs until no row is left to do.
    code = (
        "import time\n"
        "from curation.models import Page\n"
        "from processing.engine.runner import run_consumer\n"
        "left = Page.objects.filter(page_curation_processing_status__in=['Queued', 'Processing'])\n"
        "deadline = time.monotonic() + 150\n"
        "while True:\n"
        "    r = run_consumer('page_curation')\n"
        "    assert r.stopped_by == 'empty' and r.errored == 0, r\n"
        "    if not left.exists() or time.monotonic() > deadline:\n"
        "        break\n"
        "    time.sleep(0.2)\n"
    )
    procs = [workers.python(code, env) for _ in range(4)]
    for proc in procs:
        assert proc.wait(timeout=180) == 0, workers.log(proc)
    statuses = set(Page.objects.values_list("page_curation_processing_status", flat=True))
    assert statuses == {"Complete"}
    emails = set(Contact.objects.filter(domain=domain).values_list("value", flat=True))
    assert emails == {*SHARED, *(f"person{n}@brightwater-plumbing.com" for n in range(PAGES))}
    assert ContactSighting.objects.count() == PAGES * (len(SHARED) + 1)
    for page in Page.objects.all():
        assert page.sightings.count() == len(SHARED) + 1, page.url
