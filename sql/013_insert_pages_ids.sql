-- 013_insert_pages_ids.sql
-- insert_pages returns the id and URL of each page it inserted (010's returned URLs only), so an
-- import queues its new pages by id: no second query looking them up by URL, and no first one
-- asking which are known (ON CONFLICT DO NOTHING already leaves those, and a page another import
-- inserted meanwhile is not counted as this one's).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

DROP FUNCTION insert_pages(bigint, bigint, text, text[], text[], timestamptz[], text[],
                           double precision[]);

-- The listed pages a domain does not have yet (unique on domain_id, url), in URL order (bytewise,
-- as Python sorts, so concurrent imports of one domain wait on each other instead of
-- deadlocking); every other column takes its default. The arrays are parallel, one element per
-- page.
CREATE FUNCTION insert_pages(
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
