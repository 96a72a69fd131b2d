-- change_log_prune: the change log's pruning; its horizon table: sql/054_change_log_prune.sql.
-- Deletes, in (txid, id) order, at most max_rows entries that precede the first entry written
-- at or after older_than (or not yet below the feed's horizon); moves the horizon past them.
-- Returns how many it deleted.
CREATE OR REPLACE FUNCTION change_log_prune(older_than timestamptz, max_rows integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    stop_txid xid8;
    stop_id   bigint;
    last_txid xid8;
    last_id   bigint;
    deleted   bigint;  -- NULL when nothing was deleted
BEGIN
    SELECT c.txid, c.id INTO stop_txid, stop_id
    FROM change_log c
    WHERE c.changed_at >= older_than OR c.txid >= pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY c.txid, c.id
    LIMIT 1;
    IF stop_txid IS NULL THEN  -- every entry is old enough and visible to every reader
        stop_txid := pg_snapshot_xmin(pg_current_snapshot());
        stop_id := 0;
    END IF;
    WITH gone AS (
        DELETE FROM change_log d
        WHERE (d.txid, d.id) IN (
            SELECT c.txid, c.id FROM change_log c
            WHERE (c.txid, c.id) < (stop_txid, stop_id)
            ORDER BY c.txid, c.id
            LIMIT max_rows)
        RETURNING d.txid, d.id
    )
    SELECT (SELECT count(*) FROM gone), t.txid, t.id INTO deleted, last_txid, last_id
    FROM (SELECT g.txid, g.id FROM gone g ORDER BY g.txid DESC, g.id DESC LIMIT 1) t;
    IF deleted IS NULL THEN
        RETURN 0;
    END IF;
    INSERT INTO change_log_horizon AS h (id, txid, entry_id, pruned_at)
    VALUES (true, last_txid, last_id, now())
    ON CONFLICT (id) DO UPDATE
        SET txid = EXCLUDED.txid, entry_id = EXCLUDED.entry_id, pruned_at = EXCLUDED.pruned_at
        WHERE (h.txid, h.entry_id) < (EXCLUDED.txid, EXCLUDED.entry_id);
    RETURN deleted;
END;
$$;
