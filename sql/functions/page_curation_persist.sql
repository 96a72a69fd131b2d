-- page_curation_persist: what page_curation's persist() writes for one page.
-- The fetch results on the page, its contacts (one row per domain, kind and value) and one
-- sighting per contact and page, in the caller's transaction (the engine's fenced one).
-- p_contacts: a JSON array of [kind, value, display, classification, source, context] (context
-- already cut to 300 characters, (kind, value) unique). Returns the ids of the contacts this
-- call inserted (a known contact keeps its first_seen_at), for contact_validation's queue.
--   * a known contact last seen before this fetch gets last_seen_at, display and
--     classification from it, skipping a contact another writer has locked (SKIP LOCKED, with
--     the lock an UPDATE takes): that writer is refreshing it from a fetch of the same moment;
--   * contacts new to the domain are inserted in key order (bytewise, as Python sorts), so
--     concurrent writers of one domain lock shared rows in one order and never deadlock;
--   * one sighting per contact and page.
-- History: sql/010 (first), sql/012 (SKIP LOCKED refresh).

CREATE OR REPLACE FUNCTION page_curation_persist(
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
    ), known AS (
        SELECT k.id, f.kind, f.value, f.display, f.classification
        FROM contacts k JOIN found f ON k.kind = f.kind AND k.value = f.value
        WHERE k.domain_id = p_domain_id
    ), free AS (
        SELECT k.id FROM contacts k
        WHERE k.id IN (SELECT id FROM known) AND k.last_seen_at < p_fetched_at
        ORDER BY k.id
        FOR NO KEY UPDATE OF k SKIP LOCKED
    ), refreshed AS (
        UPDATE contacts AS t SET
            last_seen_at   = p_fetched_at,
            display        = known.display,
            classification = known.classification
        FROM known
        WHERE t.id = known.id AND t.id IN (SELECT id FROM free)
    ), added AS (
        -- A key a concurrent writer inserted after this statement's snapshot conflicts: its
        -- row is refreshed here instead (after that writer commits), so its sighting is kept.
        INSERT INTO contacts AS t
            (domain_id, kind, value, display, classification, first_seen_at, last_seen_at)
        SELECT p_domain_id, f.kind, f.value, f.display, f.classification,
               p_fetched_at, p_fetched_at
        FROM found f
        WHERE NOT EXISTS (SELECT FROM known WHERE known.kind = f.kind AND known.value = f.value)
        ORDER BY f.kind COLLATE "C", f.value COLLATE "C"
        ON CONFLICT (domain_id, kind, value) DO UPDATE SET
            last_seen_at = greatest(t.last_seen_at, EXCLUDED.last_seen_at)
        RETURNING t.id, t.kind, t.value, t.first_seen_at
    ), sighted AS (
        INSERT INTO contact_sightings (contact_id, page_id, source, context, seen_at)
        SELECT s.id, p_page_id, f.source, f.context, p_fetched_at
        FROM (SELECT id, kind, value FROM known
              UNION ALL SELECT id, kind, value FROM added) AS s
        JOIN found f ON f.kind = s.kind AND f.value = s.value
        ORDER BY s.id
        ON CONFLICT (contact_id, page_id) DO UPDATE SET
            source  = EXCLUDED.source,
            context = EXCLUDED.context,
            seen_at = EXCLUDED.seen_at
    )
    SELECT coalesce(array_agg(id ORDER BY id) FILTER (WHERE first_seen_at = p_fetched_at), '{}')
    INTO inserted
    FROM added;

    RETURN inserted;
END;
$$;
