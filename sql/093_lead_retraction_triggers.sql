-- 093_lead_retraction_triggers.sql
-- Deletes of what was delivered leave their work for `lead_retraction` (sql/091, 092) in the
-- deleting transaction, whatever deleted it (the admin, the API, a cascade, a shell): the rows
-- are born queued (the dual-status update is in the insert itself), so a worker that dies, or
-- none running yet, loses nothing, and a rolled-back delete leaves nothing behind.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

-- A domain deleted: each delivery a destination accepted (lead_deliveries.sent_at), or of
-- which it took a part (remote_ids), becomes a `lead` retraction with the ids the destination
-- holds. BEFORE the delete, row by row: the deliveries go with the domain (ON DELETE CASCADE;
-- the model leaves them to the database) and the host with its row. A resync still waiting for
-- the domain is moot (Django deletes a domain's contacts before the domain).
CREATE FUNCTION lead_retraction_domain_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM lead_retractions r
    WHERE r.domain_id = OLD.id AND r.kind = 'resync'
      AND r.lead_retraction_processing_status = 'Queued';
    INSERT INTO lead_retractions (kind, domain_id, domain, destination, lead_hash, remote_ids,
                                  lead_retraction_curation_status,
                                  lead_retraction_processing_status, lead_retraction_queued_at)
    SELECT 'lead', OLD.id, OLD.domain, ld.destination, ld.lead_hash, ld.remote_ids,
           'Queued', 'Queued', now()
    FROM lead_deliveries ld
    WHERE ld.domain_id = OLD.id AND (ld.sent_at IS NOT NULL OR ld.remote_ids <> '{}')
    ORDER BY ld.destination;
    RETURN OLD;
END;
$$;

CREATE TRIGGER domains_lead_retraction BEFORE DELETE ON domains
    FOR EACH ROW EXECUTE FUNCTION lead_retraction_domain_deleted();

-- A contact or person of a delivered lead deleted (its domain still there): one `resync` of the
-- domain (lead_sync sends the new version, and archives in HubSpot the contacts that are gone),
-- unless one is already waiting. Statement-level: a bulk delete is one INSERT ... SELECT.
CREATE FUNCTION lead_retraction_part_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO lead_retractions (kind, domain_id, domain,
                                  lead_retraction_curation_status,
                                  lead_retraction_processing_status, lead_retraction_queued_at)
    SELECT 'resync', d.id, d.domain, 'Queued', 'Queued', now()
    FROM domains d
    WHERE d.id IN (SELECT o.domain_id FROM old_rows o)
      AND EXISTS (SELECT 1 FROM lead_deliveries ld
                  WHERE ld.domain_id = d.id
                    AND (ld.sent_at IS NOT NULL OR ld.remote_ids <> '{}'))
      AND NOT EXISTS (SELECT 1 FROM lead_retractions r
                      WHERE r.domain_id = d.id AND r.kind = 'resync'
                        AND r.lead_retraction_processing_status = 'Queued')
    ORDER BY d.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER contacts_lead_retraction AFTER DELETE ON contacts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION lead_retraction_part_deleted();
CREATE TRIGGER people_lead_retraction AFTER DELETE ON people
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION lead_retraction_part_deleted();
