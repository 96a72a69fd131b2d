-- 009_contact_validation.sql
-- Workflow `contact_validation` on `contacts`: Check that a contact can be reached: email syntax,
-- mail exchangers and disposable domains; phone validity and line type; social profile shape.
-- The workflow name defines every name below (seed: ENUM STANDARDIZATION MANDATE).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TYPE contactvalidationcurationstatus AS ENUM
    ('New', 'Queued', 'Processing', 'Complete', 'Error', 'Skipped');
CREATE TYPE contactvalidationprocessingstatus AS ENUM
    ('Queued', 'Processing', 'Complete', 'Error');

ALTER TABLE contacts
    -- Set by curators; `Queued` hands the row to the workers (dual-status update).
    ADD COLUMN contact_validation_curation_status   contactvalidationcurationstatus NOT NULL DEFAULT 'New',
    -- Set by the engine: NULL until queued, then Queued -> Processing -> Complete | Error.
    ADD COLUMN contact_validation_processing_status contactvalidationprocessingstatus NULL,
    ADD COLUMN contact_validation_processing_error  text        NULL,
    -- Engine bookkeeping.
    ADD COLUMN contact_validation_queued_at         timestamptz NULL,  -- when last queued
    ADD COLUMN contact_validation_started_at        timestamptz NULL,  -- when the current/last attempt began
    ADD COLUMN contact_validation_finished_at       timestamptz NULL,  -- when the last attempt ended
    ADD COLUMN contact_validation_attempts          integer     NOT NULL DEFAULT 0,
    ADD COLUMN contact_validation_next_attempt_at   timestamptz NULL,  -- backoff: not claimed before this
    ADD COLUMN contact_validation_lease_expires_at  timestamptz NULL,  -- a Processing row past this is dead
    ADD COLUMN contact_validation_worker            text        NULL;  -- who holds (or last held) the row

-- Workers: the queue, oldest first. Partial, so it stays as small as the queue itself.
CREATE INDEX contacts_contact_validation_queue_idx ON contacts (contact_validation_queued_at, id)
    WHERE contact_validation_processing_status = 'Queued';
-- The reaper: leases of rows in flight.
CREATE INDEX contacts_contact_validation_lease_idx ON contacts (contact_validation_lease_expires_at)
    WHERE contact_validation_processing_status = 'Processing';
-- Curators filter on both statuses.
CREATE INDEX contacts_contact_validation_curation_status_idx ON contacts (contact_validation_curation_status);
CREATE INDEX contacts_contact_validation_processing_status_idx ON contacts (contact_validation_processing_status);
-- Throughput and "finished in the last minutes" on the dashboard.
CREATE INDEX contacts_contact_validation_finished_at_idx ON contacts (contact_validation_finished_at)
    WHERE contact_validation_finished_at IS NOT NULL;

-- What the last validation found (filled in by the service; NULL: never checked).
-- valid: mail is accepted / the number can be dialled / the profile URL is well formed;
-- risky: it may work but should not be trusted blindly (disposable domain, no MX, premium rate);
-- invalid: it cannot work (syntax, NXDOMAIN, null MX, not a valid number);
-- unknown: the checks could not decide (a URL of a network we do not check).
ALTER TABLE contacts
    ADD COLUMN verdict            text        NULL,
    ADD COLUMN verdict_reason     text        NOT NULL DEFAULT '',  -- a few words: why
    ADD COLUMN verdict_checked_at timestamptz NULL,                 -- when it was checked
    ADD CONSTRAINT contacts_verdict_check
        CHECK (verdict IS NULL OR verdict IN ('valid', 'risky', 'invalid', 'unknown'));
-- Curators filter by verdict (and kind): "valid emails" for an export.
CREATE INDEX contacts_verdict_idx ON contacts (verdict, kind);
