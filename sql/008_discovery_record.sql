-- 008_discovery_record.sql
-- What discovery and import did, kept on the rows so a curator can tell "no sitemap" from
-- "every request failed": the full record (jsonb) and a one-line summary for lists.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

ALTER TABLE domains
    -- robots.txt, home page and each candidate tried, with how it was found and what came of it.
    ADD COLUMN sitemap_discovery_record   jsonb NULL,
    -- "no sitemap: robots.txt names none; 7 well-known paths 404; home page links none"
    ADD COLUMN sitemap_discovery_summary  text  NOT NULL DEFAULT '';

ALTER TABLE sitemap_files
    -- What the last import read per file, what a cap cut, what was refused (import_note is its summary).
    ADD COLUMN import_record jsonb NULL;

ALTER TABLE pages
    -- How the page was found: a sitemap, or the site's own links when it has no sitemap.
    ADD COLUMN found_via text NULL,
    ADD CONSTRAINT pages_found_via_check CHECK (found_via IS NULL OR found_via IN ('sitemap', 'links'));
