-- 060_worker_workflows.sql
-- The workflows each worker process knows: a worker loads the registry when it starts, so one
-- started before a workflow was added (manage.py startworkflow) cannot run its queue. The
-- dashboard compares this list with the registry and tells the operator to restart the workers.
-- NULL: a worker of a version that did not record it.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

ALTER TABLE worker_heartbeats ADD COLUMN workflows text[];
