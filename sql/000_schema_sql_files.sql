-- 000_schema_sql_files.sql
-- Which files of sql/ have been applied, and their SHA-256 checksums, so that
-- `manage.py apply_sql` skips applied files and refuses one edited after it was applied.

CREATE TABLE schema_sql_files (
    filename    text        PRIMARY KEY,
    checksum    text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- Read-only views of the catalog, so the schema check (`manage.py verify_schema`, the
-- `--database` system check) can compare the live database with the models through the ORM.
CREATE VIEW schema_enum_types AS
SELECT t.typname::text AS name,
       array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
FROM pg_type t
JOIN pg_enum e ON e.enumtypid = t.oid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = current_schema()
GROUP BY t.typname;

CREATE VIEW schema_columns AS
SELECT c.relname::text AS table_name,
       a.attname::text AS column_name,
       format_type(a.atttypid, a.atttypmod) AS data_type,
       NOT a.attnotnull AS is_nullable
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema()
  AND c.relkind IN ('r', 'p')
  AND a.attnum > 0
  AND NOT a.attisdropped;

CREATE VIEW schema_indexes AS
SELECT tablename::text AS table_name,
       indexname::text AS index_name,
       indexdef AS definition
FROM pg_indexes
WHERE schemaname = current_schema();
