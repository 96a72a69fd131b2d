-- 006_search_indexes.sql
-- Prefix search in the admin and the API (`url` and `value` starting with ...). The cluster's
-- collation is C for the embedded server; text_pattern_ops makes LIKE 'prefix%' use the index
-- under any collation.

CREATE INDEX pages_url_prefix_idx ON pages (url text_pattern_ops);
CREATE INDEX sitemap_files_url_prefix_idx ON sitemap_files (url text_pattern_ops);
CREATE INDEX contacts_value_prefix_idx ON contacts (value text_pattern_ops);
