-- page_curation_persist_people(page, domain, fetched_at, people, facts): one page's people and
-- company facts, called by page_curation_persist_many in the same transaction as the page.
--   people new to the domain are inserted in name_key order, known ones are refreshed SKIP
--   LOCKED (a person named in every page's footer never makes two finishers wait on each
--   other), contacts are linked SKIP LOCKED (a link missed here is made by the next page that
--   names the person), facts new to the domain are inserted in key order.
-- History: sql/030.

CREATE OR REPLACE FUNCTION page_curation_persist_people(
    p_page_id    bigint,
    p_domain_id  bigint,
    p_fetched_at timestamptz,
    p_people     jsonb,  -- [[name, name_key, role, seniority, source, [[kind, value], ...]], ...]
    p_facts      jsonb   -- [[kind, value, source, rank], ...]
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_people IS NOT NULL AND jsonb_array_length(p_people) > 0 THEN
        WITH found AS (
            SELECT p ->> 0 AS name, p ->> 1 AS name_key, p ->> 2 AS role, p ->> 3 AS seniority,
                   p ->> 4 AS source, p -> 5 AS contacts
            FROM jsonb_array_elements(p_people) AS p
        ), known AS (
            SELECT k.id, f.name_key, f.role, f.seniority
            FROM people k JOIN found f ON k.name_key = f.name_key
            WHERE k.domain_id = p_domain_id
        ), free AS (
            SELECT k.id FROM people k
            WHERE k.id IN (SELECT id FROM known) AND k.last_seen_at < p_fetched_at
            ORDER BY k.id
            FOR NO KEY UPDATE OF k SKIP LOCKED
        ), refreshed AS (
            UPDATE people AS t SET
                last_seen_at = p_fetched_at,
                role         = CASE WHEN t.role = '' THEN known.role ELSE t.role END,
                seniority    = CASE WHEN t.role = '' THEN known.seniority ELSE t.seniority END
            FROM known
            WHERE t.id = known.id AND t.id IN (SELECT id FROM free)
        ), added AS (
            INSERT INTO people AS t
                (domain_id, name, name_key, role, seniority, first_seen_at, last_seen_at)
            SELECT p_domain_id, f.name, f.name_key, f.role, f.seniority, p_fetched_at,
                   p_fetched_at
            FROM found f
            WHERE NOT EXISTS (SELECT FROM known WHERE known.name_key = f.name_key)
            ORDER BY f.name_key COLLATE "C"
            ON CONFLICT (domain_id, name_key) DO NOTHING
            RETURNING t.id, t.name_key
        ), everyone AS (
            SELECT id, name_key FROM known UNION ALL SELECT id, name_key FROM added
        ), sighted AS (
            INSERT INTO person_sightings (person_id, page_id, source, role, seen_at)
            SELECT e.id, p_page_id, f.source, f.role, p_fetched_at
            FROM everyone e JOIN found f ON f.name_key = e.name_key
            ORDER BY e.id
            ON CONFLICT (person_id, page_id) DO UPDATE SET
                source = EXCLUDED.source, role = EXCLUDED.role, seen_at = EXCLUDED.seen_at
        ), tied AS (
            SELECT DISTINCT ON (c ->> 0, c ->> 1) e.id AS person_id, c ->> 0 AS kind,
                   c ->> 1 AS value
            FROM everyone e JOIN found f ON f.name_key = e.name_key,
                 jsonb_array_elements(f.contacts) AS c
        ), linkable AS (
            SELECT k.id, tied.person_id FROM contacts k
            JOIN tied ON k.kind = tied.kind AND k.value = tied.value
            WHERE k.domain_id = p_domain_id AND k.person_id IS DISTINCT FROM tied.person_id
            ORDER BY k.id
            FOR NO KEY UPDATE OF k SKIP LOCKED
        )
        UPDATE contacts AS t SET person_id = linkable.person_id
        FROM linkable WHERE t.id = linkable.id;
    END IF;

    IF p_facts IS NOT NULL AND jsonb_array_length(p_facts) > 0 THEN
        INSERT INTO company_facts (domain_id, kind, value, source, rank, page_id, seen_at)
        SELECT p_domain_id, f ->> 0, f ->> 1, f ->> 2, (f ->> 3)::smallint, p_page_id,
               p_fetched_at
        FROM jsonb_array_elements(p_facts) AS f
        WHERE NOT EXISTS (
            SELECT FROM company_facts k
            WHERE k.domain_id = p_domain_id AND k.kind = f ->> 0 AND k.value = f ->> 1
        )
        ORDER BY (f ->> 0) COLLATE "C", (f ->> 1) COLLATE "C"
        ON CONFLICT (domain_id, kind, value) DO NOTHING;
    END IF;
END;
$$;
