-- change_feed_page: the change feed's pages; its table: sql/052_change_log.sql.
-- One page of the feed after the cursor (after_txid, after_id): only entries of transactions
-- that ended before this statement's snapshot (txid < its xmin), in (txid, id) order.
CREATE OR REPLACE FUNCTION change_feed_page(after_txid xid8, after_id bigint, page_size integer)
RETURNS TABLE (txid xid8, id bigint, table_name text, row_id bigint, domain_id bigint, op text,
               changed_at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT c.txid, c.id, c.table_name, c.row_id, c.domain_id, c.op, c.changed_at
    FROM change_log c
    WHERE (c.txid, c.id) > (after_txid, after_id)
      AND c.txid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY c.txid, c.id
    LIMIT page_size;
$$;
