-- host_gate_reserve: reserve a request's slot at a host's gate (request_gates row 'host:<host>',
-- sql/020), at least p_interval seconds after the previous reservation and after any pause
-- (host_gate_pause), in one statement; returns the seconds the caller waits before sending.
-- SCRAPERSKY_PER_HOST_DELAY across the deployment (processing/engine/politeness.py).
CREATE OR REPLACE FUNCTION host_gate_reserve(p_host text, p_interval double precision)
RETURNS double precision
LANGUAGE sql AS $$
    INSERT INTO request_gates AS g (name, next_at)
    VALUES ('host:' || p_host, clock_timestamp() + make_interval(secs => p_interval))
    ON CONFLICT (name) DO UPDATE
        SET next_at = greatest(g.next_at, clock_timestamp()) + make_interval(secs => p_interval)
    RETURNING greatest(
        0, extract(epoch FROM (g.next_at - make_interval(secs => p_interval) - clock_timestamp()))
    )::double precision;
$$;
