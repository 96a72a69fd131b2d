"""Lead delivery: the lead document, the destinations (signed webhooks, HubSpot) and their HTTP.

``lead`` builds one domain's lead document (schema in ``docs/lead-schema.md``) and its hash;
``config`` reads the operator's destinations from settings; ``http`` is the guarded client with
retries; ``webhook`` and ``hubspot`` send a lead; ``records`` writes what each destination
accepted (``lead_deliveries``). The workflow service is ``processing.services.lead_sync``.
"""
