-- 090_change_log_businesses.sql
-- The change feed (sql/052, 053) follows businesses (sql/020) that belong to a lead: a business
-- is part of the lead of the domain its website became (`businesses.domain_id`), so only rows
-- with a domain are logged. Inserts and deletes as for the other tables; an update is logged
-- when a value the lead shows changed, under the domain it belongs to now and, when it moved
-- (domain extraction linked it, or its domain was deleted), also under the one it left, so a
-- consumer following either lead sees it.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

-- change_log_rows (sql/052) again, skipping rows without a domain (only businesses have them).
CREATE OR REPLACE FUNCTION change_log_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF TG_TABLE_NAME = 'domains' THEN
            INSERT INTO change_log (table_name, row_id, domain_id, op)
            SELECT 'domains', n.id, n.id, 'insert' FROM new_rows n ORDER BY n.id;
        ELSE
            INSERT INTO change_log (table_name, row_id, domain_id, op)
            SELECT TG_TABLE_NAME, n.id, n.domain_id, 'insert' FROM new_rows n
            WHERE n.domain_id IS NOT NULL ORDER BY n.id;
        END IF;
    ELSE
        IF TG_TABLE_NAME = 'domains' THEN
            INSERT INTO change_log (table_name, row_id, domain_id, op)
            SELECT 'domains', o.id, o.id, 'delete' FROM old_rows o ORDER BY o.id;
        ELSE
            INSERT INTO change_log (table_name, row_id, domain_id, op)
            SELECT TG_TABLE_NAME, o.id, o.domain_id, 'delete' FROM old_rows o
            WHERE o.domain_id IS NOT NULL ORDER BY o.id;
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION change_log_business_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.domain_id IS NOT NULL AND OLD.domain_id IS DISTINCT FROM NEW.domain_id THEN
        INSERT INTO change_log (table_name, row_id, domain_id, op)
        VALUES ('businesses', NEW.id, OLD.domain_id, 'update');
    END IF;
    IF NEW.domain_id IS NOT NULL THEN
        INSERT INTO change_log (table_name, row_id, domain_id, op)
        VALUES ('businesses', NEW.id, NEW.domain_id, 'update');
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER businesses_change_log_insert AFTER INSERT ON businesses
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_rows();
CREATE TRIGGER businesses_change_log_delete AFTER DELETE ON businesses
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_rows();
-- What the lead document shows of a business (processing/delivery/lead.py), not last_seen_at
-- refreshes nor workflow columns.
CREATE TRIGGER businesses_change_log_update AFTER UPDATE ON businesses FOR EACH ROW
    WHEN ((OLD.domain_id IS NOT NULL OR NEW.domain_id IS NOT NULL)
          AND (OLD.domain_id, OLD.provider_id, OLD.provider_url, OLD.name, OLD.categories,
               OLD.address, OLD.street, OLD.city, OLD.postcode, OLD.region, OLD.country,
               OLD.latitude, OLD.longitude, OLD.phone, OLD.email, OLD.website, OLD.opening_hours,
               OLD.rating, OLD.rating_count, OLD.business_status)
          IS DISTINCT FROM
              (NEW.domain_id, NEW.provider_id, NEW.provider_url, NEW.name, NEW.categories,
               NEW.address, NEW.street, NEW.city, NEW.postcode, NEW.region, NEW.country,
               NEW.latitude, NEW.longitude, NEW.phone, NEW.email, NEW.website, NEW.opening_hours,
               NEW.rating, NEW.rating_count, NEW.business_status))
    EXECUTE FUNCTION change_log_business_update();
