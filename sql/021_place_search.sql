-- 021_place_search.sql
-- Workflow `place_search` on `place_searches`: Ask a places service (OpenStreetMap or Google
-- Places) for the businesses of a category in an area, page through every result and upsert them.
-- The workflow name defines every name below (seed: ENUM STANDARDIZATION MANDATE).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TYPE placesearchcurationstatus AS ENUM
    ('New', 'Queued', 'Processing', 'Complete', 'Error', 'Skipped');
CREATE TYPE placesearchprocessingstatus AS ENUM
    ('Queued', 'Processing', 'Complete', 'Error');

ALTER TABLE place_searches
    -- Set by curators; `Queued` hands the row to the workers (dual-status update).
    ADD COLUMN place_search_curation_status   placesearchcurationstatus NOT NULL DEFAULT 'New',
    -- Set by the engine: NULL until queued, then Queued -> Processing -> Complete | Error.
    ADD COLUMN place_search_processing_status placesearchprocessingstatus NULL,
    ADD COLUMN place_search_processing_error  text        NULL,
    -- Engine bookkeeping.
    ADD COLUMN place_search_queued_at         timestamptz NULL,  -- when last queued
    ADD COLUMN place_search_started_at        timestamptz NULL,  -- when the current/last attempt began
    ADD COLUMN place_search_finished_at       timestamptz NULL,  -- when the last attempt ended
    ADD COLUMN place_search_attempts          integer     NOT NULL DEFAULT 0,
    ADD COLUMN place_search_next_attempt_at   timestamptz NULL,  -- backoff: not claimed before this
    ADD COLUMN place_search_lease_expires_at  timestamptz NULL,  -- a Processing row past this is dead
    ADD COLUMN place_search_worker            text        NULL;  -- who holds (or last held) the row

-- Workers: the queue, oldest first. Partial, so it stays as small as the queue itself.
CREATE INDEX place_searches_place_search_queue_idx ON place_searches (place_search_queued_at, id)
    WHERE place_search_processing_status = 'Queued';
-- The reaper: leases of rows in flight.
CREATE INDEX place_searches_place_search_lease_idx ON place_searches (place_search_lease_expires_at)
    WHERE place_search_processing_status = 'Processing';
-- Curators filter on both statuses.
CREATE INDEX place_searches_place_search_curation_status_idx ON place_searches (place_search_curation_status);
CREATE INDEX place_searches_place_search_processing_status_idx ON place_searches (place_search_processing_status);
-- Throughput and "finished in the last minutes" on the dashboard.
CREATE INDEX place_searches_place_search_finished_at_idx ON place_searches (place_search_finished_at)
    WHERE place_search_finished_at IS NOT NULL;
