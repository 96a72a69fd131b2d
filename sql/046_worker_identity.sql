-- 046_worker_identity.sql
-- Where a worker process runs, beyond its hostname: the kernel's boot id
-- (/proc/sys/kernel/random/boot_id) and its pid namespace (/proc/self/ns/pid). Two machines or
-- containers can share a hostname, and a pid seen from another pid namespace says nothing: a
-- worker is proven dead only by a reaper with the same boot id and pid namespace that finds its
-- pid gone (processing.heartbeat.certainly_dead). NULL: a worker of a version that did not say.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

ALTER TABLE worker_heartbeats ADD COLUMN boot_id text, ADD COLUMN pid_namespace text;
