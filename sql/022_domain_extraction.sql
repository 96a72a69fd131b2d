-- 022_domain_extraction.sql
-- Workflow `domain_extraction` on `businesses`: Turn a business's website into a domain
-- (de-duplicated, named after the business) and its phone and e-mail into contacts; a social
-- profile or listing-site link becomes a contact, not a domain.
-- The workflow name defines every name below (seed: ENUM STANDARDIZATION MANDATE).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TYPE domainextractioncurationstatus AS ENUM
    ('New', 'Queued', 'Processing', 'Complete', 'Error', 'Skipped');
CREATE TYPE domainextractionprocessingstatus AS ENUM
    ('Queued', 'Processing', 'Complete', 'Error');

ALTER TABLE businesses
    -- Set by curators; `Queued` hands the row to the workers (dual-status update).
    ADD COLUMN domain_extraction_curation_status   domainextractioncurationstatus NOT NULL DEFAULT 'New',
    -- Set by the engine: NULL until queued, then Queued -> Processing -> Complete | Error.
    ADD COLUMN domain_extraction_processing_status domainextractionprocessingstatus NULL,
    ADD COLUMN domain_extraction_processing_error  text        NULL,
    -- Engine bookkeeping.
    ADD COLUMN domain_extraction_queued_at         timestamptz NULL,  -- when last queued
    ADD COLUMN domain_extraction_started_at        timestamptz NULL,  -- when the current/last attempt began
    ADD COLUMN domain_extraction_finished_at       timestamptz NULL,  -- when the last attempt ended
    ADD COLUMN domain_extraction_attempts          integer     NOT NULL DEFAULT 0,
    ADD COLUMN domain_extraction_next_attempt_at   timestamptz NULL,  -- backoff: not claimed before this
    ADD COLUMN domain_extraction_lease_expires_at  timestamptz NULL,  -- a Processing row past this is dead
    ADD COLUMN domain_extraction_worker            text        NULL;  -- who holds (or last held) the row

-- Workers: the queue, oldest first. Partial, so it stays as small as the queue itself.
CREATE INDEX businesses_domain_extraction_queue_idx ON businesses (domain_extraction_queued_at, id)
    WHERE domain_extraction_processing_status = 'Queued';
-- The reaper: leases of rows in flight.
CREATE INDEX businesses_domain_extraction_lease_idx ON businesses (domain_extraction_lease_expires_at)
    WHERE domain_extraction_processing_status = 'Processing';
-- Curators filter on both statuses.
CREATE INDEX businesses_domain_extraction_curation_status_idx ON businesses (domain_extraction_curation_status);
CREATE INDEX businesses_domain_extraction_processing_status_idx ON businesses (domain_extraction_processing_status);
-- Throughput and "finished in the last minutes" on the dashboard.
CREATE INDEX businesses_domain_extraction_finished_at_idx ON businesses (domain_extraction_finished_at)
    WHERE domain_extraction_finished_at IS NOT NULL;
