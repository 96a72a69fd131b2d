-- 004_page_curation.sql
-- Workflow `page_curation` on `pages`: fetch a page, record what it is, and extract its contacts.
-- The workflow name defines every name below (seed: ENUM STANDARDIZATION MANDATE).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TYPE pagecurationcurationstatus AS ENUM
    ('New', 'Queued', 'Processing', 'Complete', 'Error', 'Skipped');
CREATE TYPE pagecurationprocessingstatus AS ENUM
    ('Queued', 'Processing', 'Complete', 'Error');

ALTER TABLE pages
    -- Set by curators; `Queued` hands the row to the workers (dual-status update).
    ADD COLUMN page_curation_curation_status   pagecurationcurationstatus NOT NULL DEFAULT 'New',
    -- Set by the engine: NULL until queued, then Queued -> Processing -> Complete | Error.
    ADD COLUMN page_curation_processing_status pagecurationprocessingstatus NULL,
    ADD COLUMN page_curation_processing_error  text        NULL,
    -- Engine bookkeeping.
    ADD COLUMN page_curation_queued_at         timestamptz NULL,  -- when last queued
    ADD COLUMN page_curation_started_at        timestamptz NULL,  -- when the current/last attempt began
    ADD COLUMN page_curation_finished_at       timestamptz NULL,  -- when the last attempt ended
    ADD COLUMN page_curation_attempts          integer     NOT NULL DEFAULT 0,
    ADD COLUMN page_curation_next_attempt_at   timestamptz NULL,  -- backoff: not claimed before this
    ADD COLUMN page_curation_lease_expires_at  timestamptz NULL,  -- a Processing row past this is dead
    ADD COLUMN page_curation_worker            text        NULL;  -- who holds (or last held) the row

-- Workers: the queue, oldest first. Partial, so it stays as small as the queue itself.
CREATE INDEX pages_page_curation_queue_idx ON pages (page_curation_queued_at, id)
    WHERE page_curation_processing_status = 'Queued';
-- The reaper: leases of rows in flight.
CREATE INDEX pages_page_curation_lease_idx ON pages (page_curation_lease_expires_at)
    WHERE page_curation_processing_status = 'Processing';
-- Curators filter on both statuses.
CREATE INDEX pages_page_curation_curation_status_idx ON pages (page_curation_curation_status);
CREATE INDEX pages_page_curation_processing_status_idx ON pages (page_curation_processing_status);
-- Throughput and "finished in the last minutes" on the dashboard.
CREATE INDEX pages_page_curation_finished_at_idx ON pages (page_curation_finished_at)
    WHERE page_curation_finished_at IS NOT NULL;
