-- 014_fillfactor.sql
-- Room on each heap page for the updates a row gets soon after it is written, so they can be
-- HOT (heap-only: no new entry in any index) when they change no indexed column.
--
-- A page is inserted by an import, then updated four times by page_curation: claimed, started,
-- finished and persisted. Starting (started_at, attempts) and persisting (the fetch results)
-- touch no indexed column, but with the default fillfactor of 100 a freshly imported heap page
-- has no room for the new row version, so each update wrote a new entry in every one of the
-- table's indexes. A contact is refreshed (last_seen_at) by every page it is seen on.
-- Applies to heap pages written from now on; existing ones keep their layout until rewritten.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

ALTER TABLE pages SET (fillfactor = 70);
ALTER TABLE contacts SET (fillfactor = 70);
