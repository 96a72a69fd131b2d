-- 011_domain_queue_index.sql
-- page_curation claims its rows domain by domain (processing/engine/claims._round_robin_ids):
-- a walk over the domains that have Queued pages, one index probe per domain, then each one's
-- oldest ready pages. Partial like the queue index, so it stays as small as the queue itself.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE INDEX pages_domain_queue_idx
    ON pages (domain_id, page_curation_queued_at, id)
    WHERE page_curation_processing_status = 'Queued';
