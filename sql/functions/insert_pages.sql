-- insert_pages: the pages a sitemap (or a home page's links) lists, new ones only, in one
-- statement called with parallel arrays (one element per page) instead of an ORM insert.
-- The listed pages a domain does not have yet (unique on domain_id, url), in URL order (bytewise,
-- as Python sorts, so concurrent imports of one domain wait on each other instead of
-- deadlocking); every other column takes its default. Returns the id and URL of each page it
-- inserted, so an import queues its new pages by id (a page another import inserted meanwhile is
-- not counted as this one's).
-- History: sql/010 (returned URLs only), sql/013 (ids and URLs).

CREATE OR REPLACE FUNCTION insert_pages(
    p_domain_id       bigint,
    p_sitemap_file_id bigint,
    p_found_via       text,
    p_urls            text[],
    p_page_types      text[],
    p_lastmods        timestamptz[],
    p_changefreqs     text[],
    p_priorities      double precision[]
) RETURNS TABLE (id bigint, url text)
LANGUAGE sql AS $$
    INSERT INTO pages AS p
        (domain_id, sitemap_file_id, url, page_type, lastmod, changefreq, priority, found_via)
    SELECT p_domain_id, p_sitemap_file_id, u.url, u.page_type, u.lastmod, u.changefreq,
           u.priority, p_found_via
    FROM unnest(p_urls, p_page_types, p_lastmods, p_changefreqs, p_priorities)
        AS u (url, page_type, lastmod, changefreq, priority)
    ORDER BY u.url COLLATE "C"
    ON CONFLICT (domain_id, url) DO NOTHING
    RETURNING p.id, p.url;
$$;
