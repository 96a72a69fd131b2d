-- 002_sitemap_discovery.sql
-- Workflow `sitemap_discovery` on `domains`: find the sitemaps of a domain (robots.txt, well-known paths, home page).
-- The workflow name defines every name below (seed: ENUM STANDARDIZATION MANDATE).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TYPE sitemapdiscoverycurationstatus AS ENUM
    ('New', 'Queued', 'Processing', 'Complete', 'Error', 'Skipped');
CREATE TYPE sitemapdiscoveryprocessingstatus AS ENUM
    ('Queued', 'Processing', 'Complete', 'Error');

ALTER TABLE domains
    -- Set by curators; `Queued` hands the row to the workers (dual-status update).
    ADD COLUMN sitemap_discovery_curation_status   sitemapdiscoverycurationstatus NOT NULL DEFAULT 'New',
    -- Set by the engine: NULL until queued, then Queued -> Processing -> Complete | Error.
    ADD COLUMN sitemap_discovery_processing_status sitemapdiscoveryprocessingstatus NULL,
    ADD COLUMN sitemap_discovery_processing_error  text        NULL,
    -- Engine bookkeeping.
    ADD COLUMN sitemap_discovery_queued_at         timestamptz NULL,  -- when last queued
    ADD COLUMN sitemap_discovery_started_at        timestamptz NULL,  -- when the current/last attempt began
    ADD COLUMN sitemap_discovery_finished_at       timestamptz NULL,  -- when the last attempt ended
    ADD COLUMN sitemap_discovery_attempts          integer     NOT NULL DEFAULT 0,
    ADD COLUMN sitemap_discovery_next_attempt_at   timestamptz NULL,  -- backoff: not claimed before this
    ADD COLUMN sitemap_discovery_lease_expires_at  timestamptz NULL,  -- a Processing row past this is dead
    ADD COLUMN sitemap_discovery_worker            text        NULL;  -- who holds (or last held) the row

-- Workers: the queue, oldest first. Partial, so it stays as small as the queue itself.
CREATE INDEX domains_sitemap_discovery_queue_idx ON domains (sitemap_discovery_queued_at, id)
    WHERE sitemap_discovery_processing_status = 'Queued';
-- The reaper: leases of rows in flight.
CREATE INDEX domains_sitemap_discovery_lease_idx ON domains (sitemap_discovery_lease_expires_at)
    WHERE sitemap_discovery_processing_status = 'Processing';
-- Curators filter on both statuses.
CREATE INDEX domains_sitemap_discovery_curation_status_idx ON domains (sitemap_discovery_curation_status);
CREATE INDEX domains_sitemap_discovery_processing_status_idx ON domains (sitemap_discovery_processing_status);
-- Throughput and "finished in the last minutes" on the dashboard.
CREATE INDEX domains_sitemap_discovery_finished_at_idx ON domains (sitemap_discovery_finished_at)
    WHERE sitemap_discovery_finished_at IS NOT NULL;
