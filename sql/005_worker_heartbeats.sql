-- 005_worker_heartbeats.sql
-- Worker liveness: every django-q2 worker process records itself when it starts and whenever it
-- runs a task (the engine also schedules a heartbeat task every minute), so the health endpoint
-- and the dashboard can tell "no worker alive" from "nothing to do".

CREATE TABLE worker_heartbeats (
    worker      text        PRIMARY KEY,            -- host:pid
    hostname    text        NOT NULL,
    pid         integer     NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    seen_at     timestamptz NOT NULL DEFAULT now(),
    tasks_run   bigint      NOT NULL DEFAULT 0
);
CREATE INDEX worker_heartbeats_seen_at_idx ON worker_heartbeats (seen_at);
