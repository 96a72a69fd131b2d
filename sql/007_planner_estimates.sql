-- 007_planner_estimates.sql
-- The planner's own figures, for the dashboard on big tables: the estimated rows of a table,
-- and of each common value of a column (pg_stats, refreshed by ANALYZE / autovacuum). Reading
-- them costs nothing, where an exact count of millions of rows costs a scan on every refresh.

CREATE VIEW table_estimates AS
SELECT c.relname::text AS table_name,
       c.reltuples::bigint AS estimated_rows
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema()
  AND c.relkind IN ('r', 'p');

-- One row per (table, column, value) among the column's most common values, plus one for the
-- NULL fraction, whose value is '' and is_null true.
CREATE VIEW column_value_estimates AS
SELECT s.tablename::text AS table_name,
       s.attname::text AS column_name,
       v.value,
       false AS is_null,
       round(v.freq * greatest(c.reltuples, 0))::bigint AS estimated_rows
FROM pg_stats s
JOIN pg_namespace n ON n.nspname = s.schemaname
JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
CROSS JOIN LATERAL unnest(s.most_common_vals::text::text[], s.most_common_freqs)
    AS v(value, freq)
WHERE s.schemaname = current_schema()
UNION ALL
SELECT s.tablename::text, s.attname::text, '', true,
       round(s.null_frac * greatest(c.reltuples, 0))::bigint
FROM pg_stats s
JOIN pg_namespace n ON n.nspname = s.schemaname
JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
WHERE s.schemaname = current_schema();
