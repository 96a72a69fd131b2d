-- 097_domain_queued_at_index.sql
-- The Domains list's "queued for discovery" filter (today, 7 or 30 days; curation/admin/
-- domain_filters.py) is a range on sitemap_discovery_queued_at. The queue index of sql/002 holds
-- only rows still Queued, so the range read every domain: at a million domains the capped
-- count took ~1.7 s (bench/workbench.py). A plain index answers the range and its count from
-- the index. Its write cost: queueing already rewrites the row's indexed status columns, so the
-- update was never HOT; this adds one index entry per queueing.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE INDEX domains_discovery_queued_idx ON domains (sitemap_discovery_queued_at);
