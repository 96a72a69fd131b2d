-- 054_change_log_prune.sql
-- The change log (sql/052) is kept SCRAPERSKY_CHANGE_LOG_KEEP_DAYS days: change_log_prune()
-- deletes the oldest entries in feed order, and change_log_horizon remembers the last position
-- it deleted, so the feed answers a cursor below it with 410 Gone (the client missed changes
-- and must start over) instead of silently skipping them.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TABLE change_log_horizon (
    id         boolean     PRIMARY KEY DEFAULT true,
    txid       xid8        NOT NULL DEFAULT '0',
    entry_id   bigint      NOT NULL DEFAULT 0,
    pruned_at  timestamptz NULL,
    CONSTRAINT change_log_horizon_one_row CHECK (id)
);
INSERT INTO change_log_horizon DEFAULT VALUES;

-- change_log_prune(older_than, max_rows), which deletes the oldest entries and moves the
-- horizon: sql/functions/change_log_prune.sql (its current definition).
