-- 061_search_trigram_indexes.sql
-- One search behaviour in the admin and the API (curation/search.py): every word contained,
-- in any case, in a contact's value or display form, or in its domain's name or company name.
-- Django's icontains compares UPPER(column) LIKE UPPER('%word%'); a trigram index on that
-- expression answers it without reading the table, at any position in the text. The domains'
-- indexes also serve the contacts' search (the matching domains are looked up first).
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX contacts_value_trgm_idx ON contacts USING gin (upper(value) gin_trgm_ops);
CREATE INDEX contacts_display_trgm_idx ON contacts USING gin (upper(display) gin_trgm_ops);
CREATE INDEX domains_domain_trgm_idx ON domains USING gin (upper(domain) gin_trgm_ops);
CREATE INDEX domains_company_name_trgm_idx ON domains USING gin (upper(company_name) gin_trgm_ops);
