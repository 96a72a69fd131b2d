"""Workflow `lead_sync`: Deliver a domain's lead (the company with its contacts) to every enabled
destination: signed webhooks and HubSpot.

Source table: `domains`; destination: updates the source rows (and records each delivery in
``lead_deliveries``). Estimated time per record: < 1 second (one HTTP call per webhook, three to
five per HubSpot sync). Fields needed: id, domain, company_name. Validation: a destination is
configured by the operator; an unchanged lead is not sent again.

For each destination in settings (``processing.delivery.config``), the lead document is built
(``processing.delivery.lead``) and sent unless that destination already accepted a document with
the same hash. Each acceptance is recorded at once (``processing.delivery.records`` says why);
a failure is recorded on the destination's row (with what the destination took all the same,
when HubSpot answered part of it: ``PartialDelivery``; the retry sends only the rest), and the
row fails after the others were tried:
``TransientError`` (retried with the engine's backoff, only the destinations still missing
are sent again) when any failure is transient, else ``PermanentError`` naming each destination.
Nothing is left for ``persist()``: the row's status is the engine's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from curation.models.domains import Domain
from processing.db_steps import db_step
from processing.delivery import records
from processing.delivery.config import DeliveryConfigError, hubspot_config, webhook_configs
from processing.delivery.http import DeliveryHTTP
from processing.delivery.hubspot_sync import PartialDelivery
from processing.delivery.lead import Lead, build_lead
from processing.delivery.webhook import Delivered, send_webhook
from processing.errors import PermanentError, ProcessingError, TransientError
from processing.persist import Persist
from scrapersky.conf import conf

_clients: dict[tuple, DeliveryHTTP] = {}
_clients_lock = threading.Lock()


def delivery_http() -> DeliveryHTTP:
    """The process's client for the current settings (pools are reused across rows)."""
    key = (tuple(conf.delivery_allowed_networks), conf.delivery_timeout)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            import ipaddress

            networks = tuple(ipaddress.ip_network(n, strict=False) for n in key[0])
            client = _clients[key] = DeliveryHTTP(allowed_networks=networks, timeout=key[1])
        return client


Send = Callable[[DeliveryHTTP, Lead, dict], Delivered]


def senders() -> list[tuple[str, Send]]:
    """``(destination key, send(http, lead, remote ids it holds))`` for every destination."""
    result: list[tuple[str, Send]] = []
    for hook in webhook_configs():
        result.append(
            (hook.key, lambda http, lead, _ids, hook=hook: send_webhook(http, hook, lead))
        )
    hubspot = hubspot_config()
    if hubspot is not None:
        from processing.delivery.hubspot_sync import send_hubspot

        result.append((hubspot.key, lambda http, lead, ids: send_hubspot(http, hubspot, lead, ids)))
    return result


def process_single_domain_for_lead_sync(row: Domain) -> Persist | None:
    """Send ``row``'s lead to every destination that does not have this version yet."""
    try:
        destinations = senders()
    except DeliveryConfigError as exc:
        raise PermanentError(f"delivery settings: {exc}") from None
    if not destinations:
        raise PermanentError(
            "no destination is configured (SCRAPERSKY_WEBHOOKS_JSON, SCRAPERSKY_HUBSPOT_TOKEN)"
        )
    # Reads and records go through the process's database threads (db_steps): the row thread
    # holds no connection while it waits on a destination.
    lead = db_step(build_lead, row)
    accepted = db_step(records.delivered, row.pk)
    http = delivery_http()
    failures: list[tuple[str, ProcessingError]] = []
    for key, send in destinations:
        lead_hash, remote_ids = accepted.get(key, ("", {}))
        if lead_hash == lead.hash:
            continue  # this destination has this version already
        try:
            delivered = send(http, lead, remote_ids)
        except PartialDelivery as partial:  # what it took is recorded: a retry sends the rest
            db_step(
                records.record_failure,
                domain_id=row.pk,
                destination=key,
                error=str(partial.error),
                remote_ids=partial.remote_ids,
            )
            failures.append((key, partial.error))
            continue
        except ProcessingError as exc:
            db_step(records.record_failure, domain_id=row.pk, destination=key, error=str(exc))
            failures.append((key, exc))
            continue
        db_step(
            records.record_success,
            domain_id=row.pk,
            destination=key,
            lead=lead,
            remote_ids=delivered.remote_ids,
            calls=delivered.calls,
        )
    if not failures:
        return None
    message = "; ".join(f"{key}: {exc}" for key, exc in failures)
    transient = [exc for _key, exc in failures if isinstance(exc, TransientError)]
    if transient:
        waits = [exc.retry_after for exc in transient if exc.retry_after]
        raise TransientError(message, retry_after=max(waits) if waits else None)
    raise PermanentError(message)
