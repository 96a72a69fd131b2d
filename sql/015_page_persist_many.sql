-- 015_page_persist_many.sql
-- page_curation_persist for many pages in one call: the finisher writes a group of finished
-- pages in one transaction, and each page was one round trip.
--
-- In bench/pipeline.py a worker's finisher thread, one per consumer run, was the bottleneck:
-- about a thousand pages had been fetched and extracted and waited for it, because each page's
-- persist was a statement of its own (the client's work and a wait for the GIL on every reply,
-- beside sixteen threads fetching). Now a group is one statement, whatever its size.
--
-- p_pages is a JSON array with one array per page, the arguments of page_curation_persist in
-- order (the schema types a JSON array of strings, the contacts the JSON array 012 reads).
-- Pages are written in array order, which the caller keeps sorted by domain (see
-- processing/engine/finisher.py), so the locks are taken in the same order as before.
-- Returns the ids of the contacts inserted, over all pages.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE OR REPLACE FUNCTION page_curation_persist_many(p_pages jsonb) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
    p        jsonb;
    inserted bigint[] := '{}';
BEGIN
    FOR p IN SELECT value FROM jsonb_array_elements(p_pages) LOOP
        inserted := inserted || page_curation_persist(
            (p ->> 0)::bigint,
            (p ->> 1)::bigint,
            (p ->> 2)::timestamptz,
            (p ->> 3)::integer,
            p ->> 4,
            p ->> 5,
            p ->> 6,
            p ->> 7,
            p ->> 8,
            (p ->> 9)::integer,
            p ->> 10,
            (p ->> 11)::boolean,
            CASE WHEN jsonb_typeof(p -> 12) = 'array'
                 THEN ARRAY(SELECT jsonb_array_elements_text(p -> 12)) END,
            p -> 13
        );
    END LOOP;
    RETURN inserted;
END;
$$;
