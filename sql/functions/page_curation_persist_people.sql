-- page_curation_persist_people(page, domain, fetched_at, people, facts): one page's people and
-- company facts, called by page_curation_persist_many in the same transaction as the page.
--   people new to the domain are inserted in name_key order, known ones are refreshed SKIP
--   LOCKED (a person named in every page's footer never makes two finishers wait on each
--   other), contacts are linked SKIP LOCKED (a link missed here is made by the next page that
--   names the person), facts new to the domain are inserted in key order.
-- A person's role (and its seniority) is the one the best source gave: structured data
--   (jsonld, microdata, microformat) over a team grid (grid) over a text line (text, mailto);
--   between sightings of the same rank the most recently fetched page wins, and an empty role
--   never replaces a stated one. This page's role replaces the stored one when no sighting on
--   another page with a stated role outranks it (lower rank, or the same rank seen later). A
--   role a page stops stating stays until a page of the same or a better rank states another;
--   a refresh skipped under contention is made by the next page that names the person.
-- History: sql/030; the role rule above replaced "the first role any page gave".

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
        WITH ranks (source, rank) AS (
            VALUES ('jsonld', 1), ('microdata', 1), ('microformat', 1), ('grid', 2),
                   ('text', 3), ('mailto', 3)
        ), found AS (
            SELECT p ->> 0 AS name, p ->> 1 AS name_key, p ->> 2 AS role, p ->> 3 AS seniority,
                   p ->> 4 AS source, p -> 5 AS contacts,
                   coalesce((SELECT r.rank FROM ranks r WHERE r.source = p ->> 4), 4) AS rank
            FROM jsonb_array_elements(p_people) AS p
        ), known AS (
            SELECT k.id, f.name_key, f.role, f.seniority,
                   f.role <> '' AND NOT EXISTS (
                       SELECT FROM person_sightings s
                       LEFT JOIN ranks r ON r.source = s.source
                       WHERE s.person_id = k.id AND s.page_id <> p_page_id AND s.role <> ''
                         AND (coalesce(r.rank, 4) < f.rank
                              OR (coalesce(r.rank, 4) = f.rank AND s.seen_at > p_fetched_at))
                   ) AS takes_role
            FROM people k JOIN found f ON k.name_key = f.name_key
            WHERE k.domain_id = p_domain_id
        ), free AS (
            SELECT k.id FROM people k JOIN known ON known.id = k.id
            WHERE k.last_seen_at < p_fetched_at
               OR (known.takes_role AND k.role IS DISTINCT FROM known.role)
            ORDER BY k.id
            FOR NO KEY UPDATE OF k SKIP LOCKED
        ), refreshed AS (
            UPDATE people AS t SET
                last_seen_at = greatest(t.last_seen_at, p_fetched_at),
                role         = CASE WHEN known.takes_role THEN known.role ELSE t.role END,
                seniority    = CASE WHEN known.takes_role THEN known.seniority
                                    ELSE t.seniority END
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
