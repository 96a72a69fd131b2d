-- 045_worker_paused_lanes.sql
-- The lanes a worker paused because every row failed the same machine way in a burst (out of
-- memory, disk full, too many open files): {"workflow": {"reason": "...", "until": "ISO time"}}.
-- The dashboard shows them, so an operator sees a sick machine instead of a queue burning.
-- NULL or {}: no lane paused.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

ALTER TABLE worker_heartbeats ADD COLUMN paused_lanes jsonb;
