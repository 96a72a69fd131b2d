"""HubSpot delivery of a lead: CRM v3 with a private app's token.

Per lead, at most 2 + 2 * ceil(emails / 100) calls:

1. ``POST /crm/v3/objects/companies/batch/upsert`` with ``idProperty=domain``: the company by its
   domain (name, domain, website, phone). An existing company is updated, never duplicated.
2. ``POST /crm/v3/objects/contacts/batch/upsert`` with ``idProperty=email``, 100 inputs a call:
   each e-mail contact (email, the company's name and website; the person's first and last
   name, job title and phone when a page tied the address to a person; the page it was seen on
   in ``HUBSPOT_SOURCE_PAGE_PROPERTY``); invalid e-mails
   (contact validation's verdict) are left out. A 409 (a contact created between our calls, by
   someone else) is answered by sending the same upsert again: the record now exists, so it is
   updated.
3. ``POST /crm/v3/associations/contacts/companies/batch/create``: each contact to its company
   (``contact_to_company``), 100 a call; associating twice is harmless.

Rate limits are read from every answer (``X-HubSpot-RateLimit-Remaining`` and
``-Interval-Milliseconds`` for the rolling window, ``X-HubSpot-RateLimit-Daily-Remaining`` for
the day): an exhausted window makes the next call of any thread of this process wait for the
window to pass; an exhausted day, or a 429 whose ``policyName`` is ``DAILY``, puts the lead back
in the queue for an hour. A 429 of the rolling window is waited out and retried. 401 (a bad or
expired token) and 403 ``MISSING_SCOPES`` are ``PermanentError``s naming what to fix: the scopes
HubSpot says are missing. Hand-written over the delivery client rather than HubSpot's Python SDK:
the SDK brings its own HTTP stack (urllib3 without our address guard) and retry policy, and
the three calls above are all we need.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from processing.delivery.config import HubSpotConfig
from processing.delivery.http import Answer, CallCounter, DeliveryHTTP
from processing.delivery.lead import Lead
from processing.delivery.webhook import Delivered
from processing.errors import PermanentError, TransientError

BATCH = 100  # HubSpot's batch limit
DAILY_RETRY_AFTER = 3600.0
#: contact property for the page the e-mail was seen on (a single-line text property the
#: operator creates in HubSpot; see docs/lead-schema.md)
HUBSPOT_SOURCE_PAGE_PROPERTY = "scrapersky_source_page"


class RateGate:
    """The process's view of HubSpot's rolling window: calls wait while it is exhausted."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open_at = 0.0

    def wait(self, sleep=time.sleep) -> None:
        with self._lock:
            left = self._open_at - time.monotonic()
        if left > 0:
            sleep(left)

    def observe(self, headers: dict[str, str]) -> None:
        remaining = _int(headers.get("x-hubspot-ratelimit-remaining"))
        interval = _int(headers.get("x-hubspot-ratelimit-interval-milliseconds")) or 10_000
        if remaining is not None and remaining <= 0:
            with self._lock:
                self._open_at = max(self._open_at, time.monotonic() + interval / 1000)


GATE = RateGate()


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class HubSpotClient:
    def __init__(self, http: DeliveryHTTP, config: HubSpotConfig, gate: RateGate = GATE) -> None:
        self.http = http
        self.config = config
        self.gate = gate
        self.counter = CallCounter()

    def post(self, path: str, payload: dict[str, Any]) -> Answer:
        import json

        body = json.dumps(payload).encode()
        headers = {
            "Authorization": f"Bearer {self.config.token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        for _ in range(3):  # a 409 is sent again; rolling-window 429s are waited out inside
            self.gate.wait(self.http.sleep)
            answer = self.http.request(
                "POST",
                self.config.api_url + path,
                body=body,
                headers=headers,
                counter=self.counter,
                retry_on=self._retry_on,
            )
            self.gate.observe(answer.headers)
            if answer.status != 409:
                return self._check(path, answer)
        raise TransientError(f"HubSpot {path}: HTTP 409 three times: {answer.first_bytes()}")

    def _retry_on(self, answer: Answer) -> float | None:
        """A wait for the delivery client's retry loop, or None to let it decide."""
        self.gate.observe(answer.headers)
        if answer.status != 429:
            return None
        data = _json(answer)
        policy = str(data.get("policyName") or "")
        daily = _int(answer.headers.get("x-hubspot-ratelimit-daily-remaining"))
        if policy.upper() == "DAILY" or daily == 0:
            raise TransientError(
                f"HubSpot's daily API limit is used up ({data.get('message', 'HTTP 429')})",
                retry_after=DAILY_RETRY_AFTER,
            )
        interval = _int(answer.headers.get("x-hubspot-ratelimit-interval-milliseconds"))
        return (interval or 10_000) / 1000

    def _check(self, path: str, answer: Answer) -> Answer:
        if answer.status in (200, 201):
            return answer
        data = _json(answer)
        message = str(data.get("message") or answer.first_bytes())
        if answer.status == 401:
            raise PermanentError(
                f"HubSpot refused the token (HTTP 401: {message}): check SCRAPERSKY_HUBSPOT_TOKEN"
            )
        if answer.status == 403:
            scopes = _missing_scopes(data)
            if scopes:
                raise PermanentError(
                    f"the HubSpot token lacks the scope {', '.join(scopes)}: add it to the "
                    "private app and set the new token (HTTP 403 on " + path + ")"
                )
            raise PermanentError(f"HubSpot {path}: HTTP 403: {message}")
        if answer.status == 207:
            errors = "; ".join(
                str(e.get("message")) for e in data.get("errors", [])[:3] if isinstance(e, dict)
            )
            raise PermanentError(f"HubSpot {path}: some records were refused: {errors}")
        raise PermanentError(f"HubSpot {path}: HTTP {answer.status}: {message}")


def _json(answer: Answer) -> dict:
    try:
        data = answer.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _missing_scopes(data: dict) -> list[str]:
    """The scopes a MISSING_SCOPES answer names (``errors[].context.requiredGranularScopes``
    or ``requiredScopes``)."""
    if data.get("category") != "MISSING_SCOPES":
        return []
    scopes: list[str] = []
    for error in data.get("errors", []):
        context = error.get("context", {}) if isinstance(error, dict) else {}
        for key in ("requiredGranularScopes", "requiredScopes", "missingScopes"):
            for scope in context.get(key, []) or []:
                if scope not in scopes:
                    scopes.append(str(scope))
    return scopes or ["(HubSpot did not say which)"]


def _chunks(items: list, size: int = BATCH):
    for i in range(0, len(items), size):
        yield items[i : i + size]


#: HubSpot's company address properties from a business listing's fields
ADDRESS_PROPERTIES = (
    ("address", "street"),
    ("city", "city"),
    ("zip", "postcode"),
    ("state", "region"),
    ("country", "country"),
)


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


def send_hubspot(http: DeliveryHTTP, config: HubSpotConfig, lead: Lead) -> Delivered:
    """Upsert the company, its e-mail contacts and their associations; return HubSpot's ids."""
    client = HubSpotClient(http, config)
    document = lead.document
    company = document["company"]
    phones = [c for c in document["contacts"] if c["kind"] == "phone"]
    company_properties = company_properties_of(document)
    answer = client.post(
        "/crm/v3/objects/companies/batch/upsert",
        {
            "inputs": [
                {"idProperty": "domain", "id": company["domain"], "properties": company_properties}
            ]
        },
    )
    results = _json(answer).get("results") or []
    if not results or "id" not in results[0]:
        raise PermanentError(f"HubSpot's company upsert answered no id: {answer.first_bytes()}")
    company_id = str(results[0]["id"])

    emails = [c for c in lead.emails if c["verdict"] != "invalid"]
    people = {p["id"]: p for p in document.get("people", [])}
    person_phone = {
        c["person_id"]: c["value"]
        for c in reversed(phones)  # the first phone of a person wins
        if c.get("person_id")
    }
    contact_ids: dict[str, str] = {}
    for chunk in _chunks(emails):
        inputs = []
        for contact in chunk:
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
            if contact["source_pages"] and HUBSPOT_SOURCE_PAGE_PROPERTY:
                properties[HUBSPOT_SOURCE_PAGE_PROPERTY] = contact["source_pages"][0]
            inputs.append({"idProperty": "email", "id": contact["value"], "properties": properties})
        answer = client.post("/crm/v3/objects/contacts/batch/upsert", {"inputs": inputs})
        for result in _json(answer).get("results") or []:
            email = str((result.get("properties") or {}).get("email") or "").lower()
            if email and "id" in result:
                contact_ids[email] = str(result["id"])
        missing = [c["value"] for c in chunk if c["value"] not in contact_ids]
        if missing:
            raise PermanentError(f"HubSpot's contact upsert answered no id for {missing[:3]}")

    for chunk in _chunks(sorted(contact_ids.values())):
        client.post(
            "/crm/v3/associations/contacts/companies/batch/create",
            {
                "inputs": [
                    {"from": {"id": cid}, "to": {"id": company_id}, "type": "contact_to_company"}
                    for cid in chunk
                ]
            },
        )
    return Delivered(
        remote_ids={"company": company_id, "contacts": contact_ids}, calls=client.counter.calls
    )
