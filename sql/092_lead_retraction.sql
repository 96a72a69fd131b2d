-- 092_lead_retraction.sql
-- Workflow `lead_retraction` on `lead_retractions`: Tell each destination that a delivered lead (or
-- part of one) was deleted: a signed lead.deleted webhook event, HubSpot archives, or the lead
-- synced again.
-- The workflow name defines every name below (seed: ENUM STANDARDIZATION MANDATE).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TYPE leadretractioncurationstatus AS ENUM
    ('New', 'Queued', 'Processing', 'Complete', 'Error', 'Skipped');
CREATE TYPE leadretractionprocessingstatus AS ENUM
    ('Queued', 'Processing', 'Complete', 'Error');

ALTER TABLE lead_retractions
    -- Set by curators; `Queued` hands the row to the workers (dual-status update).
    ADD COLUMN lead_retraction_curation_status   leadretractioncurationstatus NOT NULL DEFAULT 'New',
    -- Set by the engine: NULL until queued, then Queued -> Processing -> Complete | Error.
    ADD COLUMN lead_retraction_processing_status leadretractionprocessingstatus NULL,
    ADD COLUMN lead_retraction_processing_error  text        NULL,
    -- Engine bookkeeping.
    ADD COLUMN lead_retraction_queued_at         timestamptz NULL,  -- when last queued
    ADD COLUMN lead_retraction_started_at        timestamptz NULL,  -- when the current/last attempt began
    ADD COLUMN lead_retraction_finished_at       timestamptz NULL,  -- when the last attempt ended
    ADD COLUMN lead_retraction_attempts          integer     NOT NULL DEFAULT 0,
    ADD COLUMN lead_retraction_next_attempt_at   timestamptz NULL,  -- backoff: not claimed before this
    ADD COLUMN lead_retraction_lease_expires_at  timestamptz NULL,  -- a Processing row past this is dead
    ADD COLUMN lead_retraction_worker            text        NULL;  -- who holds (or last held) the row

-- Workers: the queue, oldest first. Partial, so it stays as small as the queue itself.
CREATE INDEX lead_retractions_lead_retraction_queue_idx ON lead_retractions (lead_retraction_queued_at, id)
    WHERE lead_retraction_processing_status = 'Queued';
-- The reaper: leases of rows in flight.
CREATE INDEX lead_retractions_lead_retraction_lease_idx ON lead_retractions (lead_retraction_lease_expires_at)
    WHERE lead_retraction_processing_status = 'Processing';
-- Curators filter on both statuses.
CREATE INDEX lead_retractions_lead_retraction_curation_status_idx ON lead_retractions (lead_retraction_curation_status);
CREATE INDEX lead_retractions_lead_retraction_processing_status_idx ON lead_retractions (lead_retraction_processing_status);
-- Throughput and "finished in the last minutes" on the dashboard.
CREATE INDEX lead_retractions_lead_retraction_finished_at_idx ON lead_retractions (lead_retraction_finished_at)
    WHERE lead_retraction_finished_at IS NOT NULL;
