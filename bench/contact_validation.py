"""Contact validation: contacts validated per second and DNS queries made, beside two baselines.

    .venv/bin/python bench/contact_validation.py [--contacts 10000] [--domains 500]
                                                 [--dns-latency-ms 0]

Builds a scratch database ``scrapersky_bench_validation`` (dropped and recreated: migrate +
sql/), starts a DNS server on loopback (tests/dnsserver.py, which counts every query it is
asked) and inserts N email contacts spread evenly over D domains: most domains have an MX, one
in twenty only an A record, one in twenty does not exist (NXDOMAIN) and one in twenty has a
null MX. ``--dns-latency-ms`` delays each answer, like a resolver across a network.

Sections, each on the same contacts (statuses and verdicts reset in between):

- ``engine, cached``: the contact_validation workflow as a worker runs it (``run_consumer``:
  claims, the workflow's threads, persist and Complete per row), with the per-domain cache;
- ``engine, no cache``: the same with ``SCRAPERSKY_DNS_CACHE_SECONDS=0`` (each contact asks DNS;
  only lookups of one domain in flight at the same moment are shared);
- ``bare loop``: email-validator plus dnspython (MX, then A/AAAA) for each contact in one
  thread, no cache, no database: what a hand-written script would do.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import scratch
from measured import Measured

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
BENCH_DB = "scrapersky_bench_validation"
WF = "contact_validation"


def zone_for_domain(name: str):
    from tests.dnsserver import Zone, mail_zone

    if not (name.startswith("company") and name.endswith(".com")):
        return None
    index = int(name[len("company") : -len(".com")])
    if index % 20 == 1:
        return None  # NXDOMAIN
    if index % 20 == 2:
        return Zone(mx=((0, "."),))
    if index % 20 == 3:
        return Zone(a=("192.0.2.25",))
    return mail_zone(f"mx.{name}")


def insert_contacts(contacts: int, domains: int) -> None:
    from curation.models import Contact, Domain

    rows = Domain.objects.bulk_create(
        [Domain(domain=f"company{i}.com", source="bench") for i in range(domains)]
    )
    Contact.objects.bulk_create(
        [
            Contact(
                domain_id=rows[i % domains].pk,
                kind="email",
                value=f"person{i}@company{i % domains}.com",
                classification="company",
            )
            for i in range(contacts)
        ],
        batch_size=5_000,
    )


def reset_and_queue() -> None:
    from curation.models import Contact
    from curation.services import set_curation_status

    Contact.objects.update(
        verdict=None,
        verdict_reason="",
        verdict_checked_at=None,
        contact_validation_curation_status="New",
        contact_validation_processing_status=None,
    )
    set_curation_status(
        workflow=WF,
        status="Queued",
        queryset=Contact.objects.all(),
        actor="bench",
        channel="system",
    )


def engine_run(label: str, server, *, cache_seconds: float) -> Measured:
    from django.conf import settings
    from django.db.models import Count

    from curation.models import Contact
    from processing.engine.runner import run_consumer
    from processing.validation import mail_dns

    settings.SCRAPERSKY_DNS_CACHE_SECONDS = cache_seconds
    mail_dns.clear_cache()
    reset_and_queue()
    before = server.total
    started = time.perf_counter()
    result = run_consumer(WF, handle_signals=False)
    seconds = time.perf_counter() - started
    verdicts = dict(Contact.objects.order_by().values_list("verdict").annotate(n=Count("pk")))
    assert result.errored == 0 and result.retried == 0, result
    note = ", ".join(f"{k}: {v}" for k, v in sorted(verdicts.items(), key=str))
    return Measured(label, result.complete, seconds, server.total - before, note)


def bare_loop(server, values: list[str]) -> Measured:
    """email-validator + dnspython per contact, as a script without this project would do it."""
    import dns.name
    import dns.resolver
    from dns.nameserver import Do53Nameserver
    from email_validator import EmailNotValidError, validate_email

    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [Do53Nameserver("127.0.0.1", server.port)]
    resolver.lifetime = resolver.timeout = 5
    before = server.total
    started = time.perf_counter()
    verdicts: dict[str, int] = {}
    for value in values:
        try:
            domain = validate_email(value, check_deliverability=False).ascii_domain
        except EmailNotValidError:
            verdict = "invalid"
        else:
            try:
                answer = resolver.resolve(domain + ".", "MX", raise_on_no_answer=False)
                if answer.rrset:
                    null = all(r.exchange == dns.name.root for r in answer.rrset)
                    verdict = "invalid" if null else "valid"
                else:
                    verdict = "invalid"
                    for rdtype in ("A", "AAAA"):
                        if resolver.resolve(domain + ".", rdtype, raise_on_no_answer=False).rrset:
                            verdict = "risky"
                            break
            except dns.resolver.NXDOMAIN:
                verdict = "invalid"
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    seconds = time.perf_counter() - started
    note = ", ".join(f"{k}: {v}" for k, v in sorted(verdicts.items()))
    label = "bare loop (1 thread, no cache, no DB)"
    return Measured(label, len(values), seconds, server.total - before, note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--domains", type=int, default=500)
    parser.add_argument("--dns-latency-ms", type=float, default=0.0)
    args = parser.parse_args()

    from tests.dnsserver import LoopbackDns

    dns_server = LoopbackDns(zone_for=zone_for_domain, latency=args.dns_latency_ms / 1000).start()
    try:
        scratch.setup_django(
            BENCH_DB,
            SCRAPERSKY_KICK_ON_QUEUE="false",
            SCRAPERSKY_DNS_NAMESERVERS=dns_server.address,
            SCRAPERSKY_WORKFLOWS_JSON=os.environ.get("SCRAPERSKY_WORKFLOWS_JSON", "{}"),
        )
        from curation.models import Contact
        from scrapersky.workflows import get_workflow

        insert_contacts(args.contacts, args.domains)
        knobs = get_workflow(WF).effective_knobs
        values = list(Contact.objects.order_by("id").values_list("value", flat=True))
        rows = [
            engine_run("engine, per-domain cache", dns_server, cache_seconds=300),
            engine_run("engine, no cache", dns_server, cache_seconds=0),
            bare_loop(dns_server, values),
        ]
    finally:
        dns_server.stop()
        scratch.drop(BENCH_DB)

    print(
        f"\n{args.contacts:,} email contacts over {args.domains:,} domains, loopback DNS "
        f"(+{args.dns_latency_ms:g} ms per answer); engine: batch_size {knobs.batch_size}, "
        f"concurrency {knobs.concurrency}\n"
    )
    baseline = rows[-1]
    print(f"{'section':<40} {'contacts/s':>11} {'vs bare':>8} {'DNS queries':>12}  verdicts")
    for row in rows:
        ratio = row.rate / baseline.rate if baseline.rate else 0.0
        print(f"{row.label:<40} {row.rate:>11,.0f} {ratio:>7.2f}x {row.calls:>12,}  {row.note}")


if __name__ == "__main__":
    main()
