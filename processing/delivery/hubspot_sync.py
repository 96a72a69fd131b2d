"""A lead in HubSpot: what is sent (companies, contacts, associations), resumed and archived.

Per lead, at most 1 + 2 * ceil(emails / 100) calls (:mod:`processing.delivery.hubspot` makes
them):

1. ``POST /crm/v3/objects/companies/batch/upsert`` with ``idProperty=domain``: the company by its
   domain (:func:`company_properties_of`). An existing company is updated, never duplicated.
2. Per 100 e-mail contacts (invalid e-mails, contact validation's verdict, are left out):
   ``POST /crm/v3/objects/contacts/batch/upsert`` with ``idProperty=email`` (email, the
   company's name and website; the person's first and last name, job title and phone when a
   page tied the address to a person; the page it was seen on in the property
   ``SCRAPERSKY_HUBSPOT_SOURCE_PAGE_PROPERTY``, none when it is empty), then
   ``POST /crm/v3/associations/contacts/companies/batch/create`` for the contacts HubSpot took
   (``contact_to_company``; associating twice is harmless).

A 207 (some contacts taken, some not) is recorded as it is: the contacts taken, with their ids,
and the version they belong to go into ``lead_deliveries.remote_ids`` (``pending``) through
:class:`PartialDelivery`, so the retry of that version sends only the contacts still missing.
When every refusal is the input's fault (``VALIDATION_ERROR``: an address HubSpot rejects) the
row ends ``Error`` naming the e-mails; otherwise it is retried. A call that fails mid-lead (a
503 after the client's retries, a daily limit) keeps what went before in the same way.

``remote_ids`` also keeps which records we created (``created``: HubSpot's ``new``), because
only those are ever archived: a contact deleted here is archived by the next sync
(``POST /crm/v3/objects/contacts/batch/archive``), a deleted lead's company and contacts by
workflow ``lead_retraction`` (:func:`archive_lead`). Records that existed in HubSpot before we
first wrote them belong to the sales team and are left alone.
"""

from __future__ import annotations

from typing import Any

from processing.delivery.config import HubSpotConfig
from processing.delivery.http import DeliveryHTTP
from processing.delivery.hubspot import (
    HubSpotClient,
    answer_json,
    batch_failures,
    chunks,
    missing_property,
    missing_property_message,
)
from processing.delivery.lead import Lead
from processing.delivery.webhook import Delivered
from processing.errors import PermanentError, ProcessingError, TransientError
from scrapersky.conf import conf

CONTACTS_UPSERT = "/crm/v3/objects/contacts/batch/upsert"
ASSOCIATE = "/crm/v3/associations/contacts/companies/batch/create"

#: HubSpot's company address properties from a business listing's fields
ADDRESS_PROPERTIES = (
    ("address", "street"),
    ("city", "city"),
    ("zip", "postcode"),
    ("state", "region"),
    ("country", "country"),
)


class PartialDelivery(Exception):
    """HubSpot took part of a lead: ``remote_ids`` to record, ``error`` to fail the row with."""

    def __init__(self, remote_ids: dict[str, Any], error: ProcessingError) -> None:
        super().__init__(str(error))
        self.remote_ids = remote_ids
        self.error = error


def company_properties_of(document: dict[str, Any]) -> dict[str, str]:
    """The company's HubSpot properties: what the site says first, a business listing's
    values where the site said nothing (phone; the address, as HubSpot's address fields)."""
    company = document["company"]
    properties = {"domain": company["domain"], "website": company["website"]}
    if company["name"]:
        properties["name"] = company["name"]
    phones = [c["value"] for c in document["contacts"] if c["kind"] == "phone"]
    businesses = document.get("businesses", [])
    phones += [b["phone"] for b in businesses if b["phone"]]
    if phones:
        properties["phone"] = phones[0]
    site_address = company["facts"].get("address")
    if site_address:
        properties["address"] = site_address
    else:
        listing = next((b for b in businesses if b["street"] or b["city"]), None)
        for prop, field_name in ADDRESS_PROPERTIES if listing else ():
            if listing[field_name]:
                properties[prop] = listing[field_name]
    return properties


def contact_inputs(document: dict[str, Any], emails: list[dict]) -> list[dict[str, Any]]:
    """The contacts upsert's inputs for ``emails`` (contacts of ``document``)."""
    company = document["company"]
    people = {p["id"]: p for p in document.get("people", [])}
    person_phone = {
        c["person_id"]: c["value"]
        for c in reversed(document["contacts"])  # the first phone of a person wins
        if c["kind"] == "phone" and c.get("person_id")
    }
    source_property = conf.hubspot_source_page_property
    inputs = []
    for contact in emails:
        properties = {"email": contact["value"], "website": company["website"]}
        if company["name"]:
            properties["company"] = company["name"]
        person = people.get(contact.get("person_id"))
        if person:
            first, _, last = person["name"].partition(" ")
            properties["firstname"] = first
            if last:
                properties["lastname"] = last
            if person["role"]:
                properties["jobtitle"] = person["role"]
            if person["id"] in person_phone:
                properties["phone"] = person_phone[person["id"]]
        if contact["source_pages"] and source_property:
            properties[source_property] = contact["source_pages"][0]
        inputs.append({"idProperty": "email", "id": contact["value"], "properties": properties})
    return inputs


def send_hubspot(
    http: DeliveryHTTP, config: HubSpotConfig, lead: Lead, previous: dict[str, Any] | None = None
) -> Delivered:
    """Upsert the company, its e-mail contacts and their associations; return HubSpot's ids.

    ``previous`` is what ``lead_deliveries.remote_ids`` holds: its ``pending`` part, when it is
    for this version, says what is already there (only the rest is sent)."""
    client = HubSpotClient(http, config)
    previous = previous or {}
    created = previous.get("created") or {}
    pending = previous.get("pending") or {}
    resume = pending.get("version") == lead.hash and previous.get("company")
    remote: dict[str, Any] = {
        "company": previous.get("company"),
        "contacts": dict(previous.get("contacts") or {}),
        "created": {
            "company": bool(created.get("company")),
            "contacts": sorted(created.get("contacts") or []),
        },
    }
    if not resume:
        company = lead.document["company"]
        answer = client.post(
            "/crm/v3/objects/companies/batch/upsert",
            {
                "inputs": [
                    {
                        "idProperty": "domain",
                        "id": company["domain"],
                        "properties": company_properties_of(lead.document),
                    }
                ]
            },
        )
        results = answer_json(answer).get("results") or []
        if not results or "id" not in results[0]:
            raise PermanentError(f"HubSpot's company upsert answered no id: {answer.first_bytes()}")
        company_id = str(results[0]["id"])
        if company_id != remote["company"]:  # another record: what we created was another one
            remote["created"]["company"] = False
        remote["company"] = company_id
        remote["created"]["company"] |= bool(results[0].get("new"))
    done = set(pending.get("sent") or []) if resume else set()
    created_contacts = set(remote["created"]["contacts"])

    try:
        failed = _send_contacts(client, lead, remote, done, created_contacts)
        gone = _stale(remote, lead)
        if gone:
            archive_contacts(client, [remote["contacts"][e] for e in gone])
            for email in gone:
                remote["contacts"].pop(email)
                created_contacts.discard(email)
    except ProcessingError as exc:  # what HubSpot took before it is kept: the retry resumes
        remote["created"]["contacts"] = sorted(created_contacts)
        remote["pending"] = {"version": lead.hash, "sent": sorted(done)}
        raise PartialDelivery(remote, exc) from None
    remote["created"]["contacts"] = sorted(created_contacts)
    if failed:
        remote["pending"] = {"version": lead.hash, "sent": sorted(done)}
        raise PartialDelivery(remote, _partial_error(len(done), failed))
    return Delivered(remote_ids=remote, calls=client.counter.calls)


def _send_contacts(
    client: HubSpotClient,
    lead: Lead,
    remote: dict[str, Any],
    done: set[str],
    created_contacts: set[str],
) -> dict[str, tuple[str, bool]]:
    """Upsert and associate the lead's e-mails not in ``done``, 100 a batch, adding to ``done``,
    ``remote["contacts"]`` and ``created_contacts`` as HubSpot takes them; return the refused
    ones: ``{e-mail: (HubSpot's error, the input's fault)}``."""
    emails = [c for c in lead.emails if c["verdict"] != "invalid" and c["value"] not in done]
    failed: dict[str, tuple[str, bool]] = {}
    for chunk in chunks(emails):
        ids = [c["value"] for c in chunk]
        answer = client.post(
            CONTACTS_UPSERT, {"inputs": contact_inputs(lead.document, chunk)}, partial=True
        )
        data = answer_json(answer)
        taken: dict[str, str] = {}
        for result in data.get("results") or []:
            email = str((result.get("properties") or {}).get("email") or "").lower()
            if email in ids and "id" in result:
                taken[email] = str(result["id"])
                if result.get("new"):
                    created_contacts.add(email)
        unplaced: list[tuple[str, bool]] = []
        if answer.status == 207:
            missing = missing_property(data)
            if missing:
                raise PermanentError(missing_property_message(missing, CONTACTS_UPSERT))
            named, unplaced = batch_failures(data, [i for i in ids if i not in taken])
            failed.update(named)
        for email in ids:
            if email not in taken and email not in failed:
                failed[email] = unplaced[0] if unplaced else ("answered no record for it", False)
        if taken:
            _associate(client, remote["company"], sorted(taken.values()))
        remote["contacts"].update(taken)
        done |= set(taken)
    return failed


def _partial_error(taken: int, failed: dict[str, tuple[str, bool]]) -> ProcessingError:
    """``PermanentError`` naming the e-mails when every refusal is the input's fault, else
    ``TransientError`` (the retry sends the missing ones)."""
    named = "; ".join(f"{e}: {message}" for e, (message, _) in sorted(failed.items())[:5])
    more = f"; and {len(failed) - 5} more" if len(failed) > 5 else ""
    what = f"HubSpot took {taken} of {taken + len(failed)} contacts and refused {named}{more}"
    if all(fault for _, fault in failed.values()):
        return PermanentError(f"{what}: fix or remove these addresses (the others are in HubSpot)")
    return TransientError(f"{what}: the missing ones are sent again")


def _associate(client: HubSpotClient, company_id: str, contact_ids: list[str]) -> None:
    client.post(
        ASSOCIATE,
        {
            "inputs": [
                {"from": {"id": cid}, "to": {"id": company_id}, "type": "contact_to_company"}
                for cid in contact_ids
            ]
        },
    )


def _stale(remote: dict[str, Any], lead: Lead) -> list[str]:
    """Contacts we created in HubSpot whose address is no longer a contact of the lead."""
    present = {c["value"] for c in lead.document["contacts"]}
    created = set(remote["created"]["contacts"])
    return sorted(e for e in remote["contacts"] if e not in present and e in created)


def archive_contacts(client: HubSpotClient, contact_ids: list[str]) -> None:
    """``POST /crm/v3/objects/contacts/batch/archive`` (HubSpot answers 204, also for ids
    already archived or unknown)."""
    for chunk in chunks(contact_ids):
        client.post(
            "/crm/v3/objects/contacts/batch/archive", {"inputs": [{"id": i} for i in chunk]}
        )


def archive_lead(http: DeliveryHTTP, config: HubSpotConfig, remote_ids: dict[str, Any]) -> int:
    """Archive what we created in HubSpot for a deleted lead; return the calls made."""
    client = HubSpotClient(http, config)
    created = remote_ids.get("created") or {}
    contacts = remote_ids.get("contacts") or {}
    ids = [contacts[e] for e in sorted(created.get("contacts") or []) if e in contacts]
    archive_contacts(client, ids)
    if created.get("company") and remote_ids.get("company"):
        client.post(
            "/crm/v3/objects/companies/batch/archive",
            {"inputs": [{"id": str(remote_ids["company"])}]},
        )
    return client.counter.calls
