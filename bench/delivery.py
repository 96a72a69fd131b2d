"""Lead delivery: leads per second and HTTP calls per lead, to a webhook and to HubSpot.

    .venv/bin/python bench/delivery.py [--leads 10000] [--emails 2] [--fail-ratio 0.05]

Builds a scratch database ``scrapersky_bench_delivery`` (dropped and recreated: migrate +
sql/), inserts N domains with ``--emails`` e-mail contacts and one phone each, and starts the
loopback webhook receiver (it verifies every signature and drops repeated idempotency keys) and
the HubSpot CRM v3 stand-in (``tests/processing/delivery/``), both in this process.

Sections, each over every lead (deliveries forgotten and the domains queued again in between),
as a worker runs them (``run_consumer``: claims, the workflow's threads, the lead built from
the database, the HTTP calls, ``lead_deliveries`` written, Complete per row):

- ``webhook``: the webhook alone;
- ``hubspot``: HubSpot alone (its rate limit lifted: this measures us; against a real account
  the rolling window decides, e.g. 190 calls per 10 s is 19 / calls-per-lead leads a second);
- ``... 5 % 503``: the same with that share of answers 503: the receiver's carry
  ``Retry-After: 0``, the HubSpot stand-in's none (as HubSpot's), so there the delivery
  client's backoff (0.5 s base, doubling, with jitter) is part of what is measured;
- ``bare loop``: the baseline in the same run: one thread POSTing each lead's (prebuilt)
  document to the receiver with urllib3, no database, no signature check on our side.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import scratch
from measured import Measured

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
BENCH_DB = "scrapersky_bench_delivery"
WF = "lead_sync"
SECRET = "bench-secret-0123456789"


def insert_leads(leads: int, emails: int) -> None:
    from curation.models import Contact, Domain

    domains = Domain.objects.bulk_create(
        [
            Domain(domain=f"company{i}.com", company_name=f"Company {i}", source="bench")
            for i in range(leads)
        ],
        batch_size=5_000,
    )
    contacts = []
    for d in domains:
        for k in range(emails):
            contacts.append(Contact(domain_id=d.pk, kind="email", value=f"p{k}@{d.domain}"))
        contacts.append(Contact(domain_id=d.pk, kind="phone", value=f"+1512555{d.pk % 10000:04}"))
    Contact.objects.bulk_create(contacts, batch_size=5_000)


def reset_and_queue() -> None:
    from curation.models import Domain, LeadDelivery
    from curation.services import set_curation_status

    LeadDelivery.objects.all().delete()
    Domain.objects.update(lead_sync_curation_status="New", lead_sync_processing_status=None)
    set_curation_status(
        workflow=WF, status="Queued", queryset=Domain.objects.all(), actor="bench", channel="system"
    )


def engine_run(label: str, leads: int, counter) -> Measured:
    from django.db.models import Count

    from curation.models import Domain
    from processing.engine.runner import run_consumer

    reset_and_queue()
    before = counter()
    started = time.perf_counter()
    complete = errored = 0
    while True:  # a run ends at its time budget; the queue may outlast one
        result = run_consumer(WF, handle_signals=False)
        complete += result.complete
        errored += result.errored
        if not Domain.objects.filter(lead_sync_processing_status="Queued").exists():
            break
    seconds = time.perf_counter() - started
    statuses = dict(
        Domain.objects.order_by().values_list("lead_sync_processing_status").annotate(n=Count("pk"))
    )
    if statuses != {"Complete": leads}:
        sample = Domain.objects.exclude(lead_sync_processing_status="Complete").first()
        raise SystemExit(f"{label}: {statuses}: {sample.lead_sync_processing_error}")
    return Measured(label, complete, seconds, counter() - before, f"errors {errored}")


def bare_loop(url: str, bodies: list[bytes]) -> Measured:
    import urllib3

    from processing.delivery.webhook import sign

    pool = urllib3.PoolManager()
    started = time.perf_counter()
    for i, body in enumerate(bodies):
        ts = int(time.time())
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": f"bare-{i}",
            "X-ScraperSky-Timestamp": str(ts),
            "X-ScraperSky-Signature": sign(SECRET, ts, body),
        }
        response = pool.request("POST", url, body=body, headers=headers, retries=False)
        assert response.status == 200, response.status
    seconds = time.perf_counter() - started
    return Measured("bare loop (1 thread, no DB)", len(bodies), seconds, len(bodies))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--emails", type=int, default=2)
    parser.add_argument("--fail-ratio", type=float, default=0.05)
    args = parser.parse_args()

    scratch.setup_django(BENCH_DB, SCRAPERSKY_KICK_ON_QUEUE="false")
    from django.test import override_settings

    from curation.models import Domain
    from processing.delivery.lead import build_lead
    from scrapersky.workflows import get_workflow
    from tests.processing.delivery.hubspot_standin import HubSpotStandIn
    from tests.processing.delivery.receivers import WebhookReceiver

    receiver = WebhookReceiver(SECRET)
    hubspot = HubSpotStandIn()
    hubspot.window_max = 10**9
    webhook = [{"name": "bench", "url": receiver.url, "secret": SECRET}]
    rows = []
    try:
        insert_leads(args.leads, args.emails)
        knobs = get_workflow(WF).effective_knobs

        def only(hooks, token):
            # through override_settings, so the app's settings object is rebuilt
            override_settings(
                SCRAPERSKY_WEBHOOKS=hooks,
                SCRAPERSKY_HUBSPOT_TOKEN=token,
                SCRAPERSKY_HUBSPOT_API_URL=hubspot.url,
                SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS=["127.0.0.0/8"],
            ).enable()

        only(webhook, "")
        rows.append(engine_run("webhook", args.leads, lambda: receiver.requests))
        assert receiver.bad_signatures == 0
        only([], "pat-test")
        rows.append(engine_run("hubspot", args.leads, lambda: len(hubspot.calls)))
        assert len(hubspot.companies) == args.leads
        pct = f"{args.fail_ratio:.0%}"
        receiver.fail_ratio = hubspot.fail_ratio = args.fail_ratio
        only(webhook, "")
        rows.append(engine_run(f"webhook, {pct} 503", args.leads, lambda: receiver.requests))
        only([], "pat-test")
        rows.append(engine_run(f"hubspot, {pct} 503", args.leads, lambda: len(hubspot.calls)))
        receiver.fail_ratio = 0
        assert len(hubspot.companies) == args.leads  # no duplicates after four syncs
        assert len(hubspot.contacts) == args.leads * args.emails
        bodies = [build_lead(d).body for d in Domain.objects.order_by("id")]
        rows.append(bare_loop(receiver.url, bodies))
    finally:
        receiver.close()
        hubspot.close()
        scratch.drop(BENCH_DB)

    print(
        f"\n{args.leads:,} leads ({args.emails} e-mails and a phone each), loopback receivers; "
        f"engine: batch_size {knobs.batch_size}, concurrency {knobs.concurrency}\n"
    )
    baseline = rows[-1]
    print(f"{'section':<28} {'leads/s':>9} {'vs bare':>8} {'calls':>8} {'calls/lead':>11}")
    for row in rows:
        ratio = row.rate / baseline.rate if baseline.rate else 0.0
        per = row.calls / row.count if row.count else 0
        print(f"{row.label:<28} {row.rate:>9,.0f} {ratio:>7.2f}x {row.calls:>8,} {per:>11.2f}")


if __name__ == "__main__":
    main()
