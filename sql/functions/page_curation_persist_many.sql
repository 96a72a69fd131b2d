-- page_curation_persist_many: many finished pages in one call (the finisher writes a group of
-- pages in one transaction; one statement, whatever the group's size).
--
-- p_pages is a JSON array with one object per page. Its keys are the columns of the record
-- below: the Python side builds them from processing.services.page_curation.PageWrite, whose
-- field names are these, in this order (tests/processing/services/test_page_write_contract.py
-- ties the two). Each value is cast to its column's type: a value out of range is an error that
-- says so (http_status and content_length are read as bigint and cast to the integer
-- parameters: "integer out of range"). contacts, people and facts are JSON arrays as page_curation_persist and
-- page_curation_persist_people read them.
-- Pages are written in array order, which the caller keeps sorted by domain (see
-- processing/engine/finisher.py), so the locks are taken in one order.
-- Returns the ids of the contacts inserted, over all pages.
-- History: sql/015 (positional arrays), sql/030 (people and facts), named fields.

CREATE OR REPLACE FUNCTION page_curation_persist_many(p_pages jsonb) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
    p        record;
    inserted bigint[] := '{}';
BEGIN
    FOR p IN
        SELECT * FROM jsonb_to_recordset(p_pages) AS page (
            page_id          bigint,
            domain_id        bigint,
            fetched_at       timestamptz,
            http_status      bigint,
            final_url        text,
            title            text,
            meta_description text,
            language         text,
            content_type     text,
            content_length   bigint,
            content_hash     text,
            has_contact_form boolean,
            schema_types     text[],
            contacts         jsonb,
            people           jsonb,
            facts            jsonb
        )
    LOOP
        inserted := inserted || page_curation_persist(
            p.page_id, p.domain_id, p.fetched_at, p.http_status::integer, p.final_url, p.title,
            p.meta_description, p.language, p.content_type, p.content_length::integer,
            p.content_hash,
            p.has_contact_form, p.schema_types, p.contacts
        );
        IF jsonb_array_length(coalesce(p.people, '[]')) > 0
           OR jsonb_array_length(coalesce(p.facts, '[]')) > 0 THEN
            PERFORM page_curation_persist_people(
                p.page_id, p.domain_id, p.fetched_at, p.people, p.facts
            );
        END IF;
    END LOOP;
    RETURN inserted;
END;
$$;
