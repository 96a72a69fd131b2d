-- 050_lead_sync.sql
-- Workflow `lead_sync` on `domains`: Deliver a domain's lead (the company with its contacts) to
-- every enabled destination: signed webhooks and HubSpot.
-- The workflow name defines every name below (seed: ENUM STANDARDIZATION MANDATE).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TYPE leadsynccurationstatus AS ENUM
    ('New', 'Queued', 'Processing', 'Complete', 'Error', 'Skipped');
CREATE TYPE leadsyncprocessingstatus AS ENUM
    ('Queued', 'Processing', 'Complete', 'Error');

ALTER TABLE domains
    -- Set by curators; `Queued` hands the row to the workers (dual-status update).
    ADD COLUMN lead_sync_curation_status   leadsynccurationstatus NOT NULL DEFAULT 'New',
    -- Set by the engine: NULL until queued, then Queued -> Processing -> Complete | Error.
    ADD COLUMN lead_sync_processing_status leadsyncprocessingstatus NULL,
    ADD COLUMN lead_sync_processing_error  text        NULL,
    -- Engine bookkeeping.
    ADD COLUMN lead_sync_queued_at         timestamptz NULL,  -- when last queued
    ADD COLUMN lead_sync_started_at        timestamptz NULL,  -- when the current/last attempt began
    ADD COLUMN lead_sync_finished_at       timestamptz NULL,  -- when the last attempt ended
    ADD COLUMN lead_sync_attempts          integer     NOT NULL DEFAULT 0,
    ADD COLUMN lead_sync_next_attempt_at   timestamptz NULL,  -- backoff: not claimed before this
    ADD COLUMN lead_sync_lease_expires_at  timestamptz NULL,  -- a Processing row past this is dead
    ADD COLUMN lead_sync_worker            text        NULL;  -- who holds (or last held) the row

-- Workers: the queue, oldest first. Partial, so it stays as small as the queue itself.
CREATE INDEX domains_lead_sync_queue_idx ON domains (lead_sync_queued_at, id)
    WHERE lead_sync_processing_status = 'Queued';
-- The reaper: leases of rows in flight.
CREATE INDEX domains_lead_sync_lease_idx ON domains (lead_sync_lease_expires_at)
    WHERE lead_sync_processing_status = 'Processing';
-- Curators filter on both statuses.
CREATE INDEX domains_lead_sync_curation_status_idx ON domains (lead_sync_curation_status);
CREATE INDEX domains_lead_sync_processing_status_idx ON domains (lead_sync_processing_status);
-- Throughput and "finished in the last minutes" on the dashboard.
CREATE INDEX domains_lead_sync_finished_at_idx ON domains (lead_sync_finished_at)
    WHERE lead_sync_finished_at IS NOT NULL;
