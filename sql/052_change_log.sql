-- 052_change_log.sql
-- The change feed (`GET /api/v3/changes/`): every insert, meaningful update and delete of
-- domains and contacts, written by triggers in the writer's own transaction.
--
-- Why (txid, id) and a horizon, not a sequence: a sequence value is taken when a row is written,
-- but rows become visible when their transaction commits, so a reader that saw id 12 may later
-- find id 11 committed (a client storing "after 12" would miss it). Here every entry carries its
-- writer's transaction id (`pg_current_xact_id()`, the top-level one, also inside savepoints) and
-- the feed only reads entries of transactions older than the reading snapshot's xmin: those
-- transactions have all ended, and no transaction can ever get an id below xmin again, so
-- nothing can appear below a cursor (txid, id) once it was handed out. Entries are ordered by
-- (txid, id); the cost is latency: a long-running writer holds back what follows it.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TABLE change_log (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    txid        xid8        NOT NULL DEFAULT pg_current_xact_id(),
    table_name  text        NOT NULL,                   -- domains | contacts
    row_id      bigint      NOT NULL,
    domain_id   bigint      NOT NULL,                   -- the lead the row belongs to
    op          text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (txid, id),
    CONSTRAINT change_log_op_check CHECK (op IN ('insert', 'update', 'delete'))
);
CREATE INDEX change_log_changed_at_idx ON change_log (changed_at);

-- Inserts and deletes: one statement-level trigger each, reading the transition table, so a
-- bulk insert of a page's contacts costs one INSERT ... SELECT, not a function call per row.
CREATE FUNCTION change_log_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF TG_TABLE_NAME = 'domains' THEN
            INSERT INTO change_log (table_name, row_id, domain_id, op)
            SELECT 'domains', n.id, n.id, 'insert' FROM new_rows n ORDER BY n.id;
        ELSE
            INSERT INTO change_log (table_name, row_id, domain_id, op)
            SELECT TG_TABLE_NAME, n.id, n.domain_id, 'insert' FROM new_rows n ORDER BY n.id;
        END IF;
    ELSE
        IF TG_TABLE_NAME = 'domains' THEN
            INSERT INTO change_log (table_name, row_id, domain_id, op)
            SELECT 'domains', o.id, o.id, 'delete' FROM old_rows o ORDER BY o.id;
        ELSE
            INSERT INTO change_log (table_name, row_id, domain_id, op)
            SELECT TG_TABLE_NAME, o.id, o.domain_id, 'delete' FROM old_rows o ORDER BY o.id;
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

-- Updates: a row trigger whose WHEN clause (evaluated without calling any function) lets only
-- changes of what a lead shows through: workflow bookkeeping, status columns and last_seen_at
-- refreshes are not changes of the lead.
CREATE FUNCTION change_log_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- plpgsql plans a statement when it first runs it: the branch of the other table never is.
    IF TG_TABLE_NAME = 'domains' THEN
        INSERT INTO change_log (table_name, row_id, domain_id, op)
        VALUES ('domains', NEW.id, NEW.id, 'update');
    ELSE
        INSERT INTO change_log (table_name, row_id, domain_id, op)
        VALUES (TG_TABLE_NAME, NEW.id, NEW.domain_id, 'update');
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER domains_change_log_insert AFTER INSERT ON domains
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_rows();
CREATE TRIGGER domains_change_log_delete AFTER DELETE ON domains
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_rows();
CREATE TRIGGER domains_change_log_update AFTER UPDATE ON domains FOR EACH ROW
    WHEN ((OLD.domain, OLD.company_name, OLD.source, OLD.notes)
          IS DISTINCT FROM (NEW.domain, NEW.company_name, NEW.source, NEW.notes))
    EXECUTE FUNCTION change_log_update();

CREATE TRIGGER contacts_change_log_insert AFTER INSERT ON contacts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_rows();
CREATE TRIGGER contacts_change_log_delete AFTER DELETE ON contacts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_rows();
CREATE TRIGGER contacts_change_log_update AFTER UPDATE ON contacts FOR EACH ROW
    WHEN ((OLD.kind, OLD.value, OLD.display, OLD.classification, OLD.verdict, OLD.domain_id)
          IS DISTINCT FROM (NEW.kind, NEW.value, NEW.display, NEW.classification, NEW.verdict,
                            NEW.domain_id))
    EXECUTE FUNCTION change_log_update();

-- change_feed_page(after_txid, after_id, page_size), one page of the feed after a cursor:
-- sql/functions/change_feed_page.sql (its current definition).
