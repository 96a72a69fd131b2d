-- 010_page_curation_persist.sql
-- What page_curation's persist() writes for one page, in one statement: the fetch results on
-- the page, its contacts upserted (one row per domain, kind and value) and one sighting per
-- contact and page. Called inside the engine's fenced transaction (processing/engine/claims.py
-- `finish`), so it commits or rolls back with the row's status; it takes no locks of its own.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.
--
-- p_contacts: a JSON array of [kind, value, display, classification, source, context] (context
-- already cut to 300 characters). Contacts are upserted in (kind, value) order, bytewise as
-- Python sorts them, so concurrent pages of one domain sharing a footer lock the shared rows
-- in one order and never deadlock. Returns the ids of the contacts this call inserted (a known
-- contact keeps its first_seen_at, which is never updated), for contact_validation's queue.

CREATE FUNCTION page_curation_persist(
    p_page_id          bigint,
    p_domain_id        bigint,
    p_fetched_at       timestamptz,
    p_http_status      integer,
    p_final_url        text,
    p_title            text,
    p_meta_description text,
    p_language         text,
    p_content_type     text,
    p_content_length   integer,
    p_content_hash     text,
    p_has_contact_form boolean,
    p_schema_types     text[],
    p_contacts         jsonb
) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
    inserted bigint[];
BEGIN
    UPDATE pages SET
        http_status      = p_http_status,
        final_url        = p_final_url,
        title            = p_title,
        meta_description = p_meta_description,
        language         = p_language,
        content_type     = p_content_type,
        content_length   = p_content_length,
        content_hash     = p_content_hash,
        has_contact_form = p_has_contact_form,
        schema_types     = p_schema_types,
        fetched_at       = p_fetched_at
    WHERE id = p_page_id;

    IF p_contacts IS NULL OR jsonb_array_length(p_contacts) = 0 THEN
        RETURN '{}';
    END IF;

    WITH found AS (
        SELECT c ->> 0 AS kind, c ->> 1 AS value, c ->> 2 AS display,
               c ->> 3 AS classification, c ->> 4 AS source, c ->> 5 AS context
        FROM jsonb_array_elements(p_contacts) AS c
    ), upserted AS (
        INSERT INTO contacts AS t
            (domain_id, kind, value, display, classification, first_seen_at, last_seen_at)
        SELECT p_domain_id, kind, value, display, classification, p_fetched_at, p_fetched_at
        FROM found
        ORDER BY kind COLLATE "C", value COLLATE "C"
        ON CONFLICT (domain_id, kind, value) DO UPDATE SET
            last_seen_at   = EXCLUDED.last_seen_at,
            display        = EXCLUDED.display,
            classification = EXCLUDED.classification
        RETURNING t.id, t.kind, t.value, t.first_seen_at
    ), sighted AS (
        INSERT INTO contact_sightings (contact_id, page_id, source, context, seen_at)
        SELECT u.id, p_page_id, f.source, f.context, p_fetched_at
        FROM upserted u JOIN found f ON f.kind = u.kind AND f.value = u.value
        ORDER BY u.id
        ON CONFLICT (contact_id, page_id) DO UPDATE SET
            source  = EXCLUDED.source,
            context = EXCLUDED.context,
            seen_at = EXCLUDED.seen_at
    )
    SELECT coalesce(array_agg(id ORDER BY id) FILTER (WHERE first_seen_at = p_fetched_at), '{}')
    INTO inserted
    FROM upserted;
    RETURN inserted;
END;
$$;
