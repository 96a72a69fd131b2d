-- 003_sitemap_import.sql
-- Workflow `sitemap_import` on `sitemap_files`: read a sitemap (recursing indexes) and insert its pages.
-- The workflow name defines every name below (seed: ENUM STANDARDIZATION MANDATE).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TYPE sitemapimportcurationstatus AS ENUM
    ('New', 'Queued', 'Processing', 'Complete', 'Error', 'Skipped');
CREATE TYPE sitemapimportprocessingstatus AS ENUM
    ('Queued', 'Processing', 'Complete', 'Error');

ALTER TABLE sitemap_files
    -- Set by curators; `Queued` hands the row to the workers (dual-status update).
    ADD COLUMN sitemap_import_curation_status   sitemapimportcurationstatus NOT NULL DEFAULT 'New',
    -- Set by the engine: NULL until queued, then Queued -> Processing -> Complete | Error.
    ADD COLUMN sitemap_import_processing_status sitemapimportprocessingstatus NULL,
    ADD COLUMN sitemap_import_processing_error  text        NULL,
    -- Engine bookkeeping.
    ADD COLUMN sitemap_import_queued_at         timestamptz NULL,  -- when last queued
    ADD COLUMN sitemap_import_started_at        timestamptz NULL,  -- when the current/last attempt began
    ADD COLUMN sitemap_import_finished_at       timestamptz NULL,  -- when the last attempt ended
    ADD COLUMN sitemap_import_attempts          integer     NOT NULL DEFAULT 0,
    ADD COLUMN sitemap_import_next_attempt_at   timestamptz NULL,  -- backoff: not claimed before this
    ADD COLUMN sitemap_import_lease_expires_at  timestamptz NULL,  -- a Processing row past this is dead
    ADD COLUMN sitemap_import_worker            text        NULL;  -- who holds (or last held) the row

-- Workers: the queue, oldest first. Partial, so it stays as small as the queue itself.
CREATE INDEX sitemap_files_sitemap_import_queue_idx ON sitemap_files (sitemap_import_queued_at, id)
    WHERE sitemap_import_processing_status = 'Queued';
-- The reaper: leases of rows in flight.
CREATE INDEX sitemap_files_sitemap_import_lease_idx ON sitemap_files (sitemap_import_lease_expires_at)
    WHERE sitemap_import_processing_status = 'Processing';
-- Curators filter on both statuses.
CREATE INDEX sitemap_files_sitemap_import_curation_status_idx ON sitemap_files (sitemap_import_curation_status);
CREATE INDEX sitemap_files_sitemap_import_processing_status_idx ON sitemap_files (sitemap_import_processing_status);
-- Throughput and "finished in the last minutes" on the dashboard.
CREATE INDEX sitemap_files_sitemap_import_finished_at_idx ON sitemap_files (sitemap_import_finished_at)
    WHERE sitemap_import_finished_at IS NOT NULL;
