-- 100_page_search.sql
-- The search's text of pages (curation/search.py: every word contained, any case, in a page's
-- URL or title or its domain's name or company) moves to its own table, page_search, kept by
-- triggers in the writer's transaction; sql/096's trigram indexes on pages are dropped.
--
-- Why: a page row is updated four or five times on its way through page_curation (claimed,
-- started, its lease renewed, its fetch results written, finished), and every update that
-- changes an indexed column (the workflow's status and lease columns are) writes a new entry in
-- every index of pages, so the two GIN indexes of sql/096 took a trigram entry per trigram of
-- the URL and the title at each of those updates; and the page's write of its fetch results,
-- which had changed no indexed column (a heap-only update), now changed one (title). In
-- bench/pipeline.py (no delay, 8,400 pages) PostgreSQL spent 1.05 ms CPU a page with them and
-- 0.93 without. Here a page's trigrams are written when it is inserted and when its URL,
-- title or domain change (a fetch that finds a new title), and nothing else touches the table.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TABLE page_search (
    page_id   bigint NOT NULL PRIMARY KEY REFERENCES pages (id) ON DELETE CASCADE,
    domain_id bigint NOT NULL,                     -- the page's, for the search's domain words
    url       text   NOT NULL,
    title     text   NULL
);

INSERT INTO page_search (page_id, domain_id, url, title)
SELECT id, domain_id, url, title FROM pages;

CREATE INDEX page_search_domain_idx ON page_search (domain_id);
CREATE INDEX page_search_url_trgm_idx ON page_search USING gin (upper(url) gin_trgm_ops);
CREATE INDEX page_search_title_trgm_idx ON page_search USING gin (upper(title) gin_trgm_ops);

-- Inserts: one statement-level trigger reading the transition table (insert_pages writes a
-- sitemap's pages in one statement: one INSERT ... SELECT here).
CREATE FUNCTION page_search_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_search (page_id, domain_id, url, title)
    SELECT n.id, n.domain_id, n.url, n.title FROM new_rows n;
    RETURN NULL;
END;
$$;

-- Updates: a row trigger whose WHEN clause (no function call) lets only a change of what the
-- search reads through; the workflow's bookkeeping never does.
CREATE FUNCTION page_search_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE page_search SET domain_id = NEW.domain_id, url = NEW.url, title = NEW.title
    WHERE page_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER pages_search_insert AFTER INSERT ON pages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION page_search_insert();
CREATE TRIGGER pages_search_update AFTER UPDATE ON pages FOR EACH ROW
    WHEN ((OLD.url, OLD.title, OLD.domain_id) IS DISTINCT FROM (NEW.url, NEW.title, NEW.domain_id))
    EXECUTE FUNCTION page_search_update();

DROP INDEX pages_url_trgm_idx;
DROP INDEX pages_title_trgm_idx;
