-- host_gate_pause: hold every worker of the deployment off a host for p_seconds (a 429/503 with
-- Retry-After, processing/fetcher/hosts.py). The host's gate is the request_gates row
-- 'host:<host>' (sql/020): its next slot moves to at least now + p_seconds, so a request
-- reserving a slot there (host_gate_reserve, with PER_HOST_DELAY) waits for it, and a spread
-- claim passes the host's domain over meanwhile (processing/engine/politeness.py). Every
-- listening worker process is told at once (NOTIFY scrapersky_host_pause, '<host> <epoch>') and
-- holds its own threads off the host too. Returns when the pause ends.
CREATE OR REPLACE FUNCTION host_gate_pause(p_host text, p_seconds double precision)
RETURNS timestamptz
LANGUAGE plpgsql AS $$
DECLARE
    v_until timestamptz;
BEGIN
    INSERT INTO request_gates AS g (name, next_at)
    VALUES ('host:' || p_host, clock_timestamp() + make_interval(secs => p_seconds))
    ON CONFLICT (name) DO UPDATE SET next_at = greatest(g.next_at, EXCLUDED.next_at)
    RETURNING g.next_at INTO v_until;
    PERFORM pg_notify('scrapersky_host_pause', p_host || ' ' || extract(epoch FROM v_until));
    RETURN v_until;
END;
$$;
