-- 096_page_search_trigram_indexes.sql
-- One search behaviour for pages and sitemap files too (curation/search.py, in the admin and
-- the API): every word contained, in any case, in a page's URL or title, a sitemap file's URL,
-- or the row's domain's name or company name. Django's icontains compares
-- UPPER(column) LIKE UPPER('%word%'); these trigram indexes answer it at any position of the
-- text (sql/061 did the same for contacts and domains). Their write cost on page curation's
-- writes (insert_pages, page_curation_persist_many) is measured by bench/search_indexes.py.
-- The prefix indexes of sql/006 stay: the engine and the imports look pages up by exact URL.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX pages_url_trgm_idx ON pages USING gin (upper(url) gin_trgm_ops);
CREATE INDEX pages_title_trgm_idx ON pages USING gin (upper(title) gin_trgm_ops);
CREATE INDEX sitemap_files_url_trgm_idx ON sitemap_files USING gin (upper(url) gin_trgm_ops);
