-- 010_page_writes.sql
-- The two hot writes of pages, each one statement called from Python with arrays or JSON
-- instead of an ORM insert binding every column of every row:
--   page_curation_persist: what page_curation's persist() writes for one page;
--   insert_pages: the pages a sitemap (or a home page's links) lists, new ones only.
-- Both run inside the caller's transaction (the engine's fenced one for persist) and take no
-- locks of their own; keys are written in sorted order (bytewise, as Python sorts) so that
-- concurrent writers of one domain lock shared rows in one order and never deadlock.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

-- page_curation_persist: the fetch results on the page, its contacts upserted (one row per
-- domain, kind and value; a known contact gets last_seen_at, display and classification
-- refreshed) and one sighting per contact and page.
-- p_contacts: a JSON array of [kind, value, display, classification, source, context] (context
-- already cut to 300 characters, (kind, value) unique). Returns the ids of the contacts this
-- call inserted (a known contact keeps its first_seen_at, which is never updated), for
-- contact_validation's queue.
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

-- insert_pages: the listed pages a domain does not have yet (unique on domain_id, url), in URL
-- order; every other column takes its default. The arrays are parallel, one element per page.
-- Returns the URLs inserted (a URL another import inserted meanwhile is not among them).
CREATE FUNCTION insert_pages(
    p_domain_id       bigint,
    p_sitemap_file_id bigint,
    p_found_via       text,
    p_urls            text[],
    p_page_types      text[],
    p_lastmods        timestamptz[],
    p_changefreqs     text[],
    p_priorities      double precision[]
) RETURNS SETOF text
LANGUAGE sql AS $$
    INSERT INTO pages
        (domain_id, sitemap_file_id, url, page_type, lastmod, changefreq, priority, found_via)
    SELECT p_domain_id, p_sitemap_file_id, u.url, u.page_type, u.lastmod, u.changefreq,
           u.priority, p_found_via
    FROM unnest(p_urls, p_page_types, p_lastmods, p_changefreqs, p_priorities)
        AS u (url, page_type, lastmod, changefreq, priority)
    ORDER BY u.url COLLATE "C"
    ON CONFLICT (domain_id, url) DO NOTHING
    RETURNING url;
$$;
