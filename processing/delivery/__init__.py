"""Lead delivery: the lead document, the destinations (signed webhooks, HubSpot) and their HTTP.

``lead`` builds one domain's lead document (schema in ``docs/lead-schema.md``) and its hash;
``config`` reads the operator's destinations from settings; ``http`` is the guarded client with
retries; ``webhook`` signs and sends events (``lead.upserted``, ``lead.deleted``); ``hubspot`` is
HubSpot's client and ``hubspot_sync`` what a lead is there (upserts, partial answers, archives);
``records`` writes what each destination accepted (``lead_deliveries``). The workflow services
are ``processing.services.lead_sync`` and ``processing.services.lead_retraction`` (deletes).
"""
