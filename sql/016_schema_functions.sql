-- 016_schema_functions.sql
-- The functions of the schema as the database holds them, for `manage.py verify_schema` and the
-- system check: each file of sql/functions/ must be the definition that runs (its body is
-- compared with prosrc). A view of the catalog, like schema_enum_types (sql/000).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE VIEW schema_functions AS
SELECT p.proname::text AS name,
       pg_get_function_identity_arguments(p.oid) AS arguments,
       p.prosrc AS source
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema() AND p.prokind = 'f';
