-- request_gate_reserve: reserve the next request slot of a gate shared by every process of the
-- deployment (request_gates, sql/020), at least p_interval seconds after the previous one, in one
-- statement (the row lock serialises reservations for microseconds); returns the seconds the
-- caller waits before sending (0 when the slot is now). Nominatim's usage policy: one a second.
CREATE OR REPLACE FUNCTION request_gate_reserve(p_name text, p_interval double precision)
RETURNS double precision
LANGUAGE sql AS $$
    INSERT INTO request_gates AS g (name, next_at)
    VALUES (p_name, clock_timestamp() + make_interval(secs => p_interval))
    ON CONFLICT (name) DO UPDATE
        SET next_at = greatest(g.next_at, clock_timestamp()) + make_interval(secs => p_interval)
    RETURNING greatest(
        0, extract(epoch FROM (g.next_at - make_interval(secs => p_interval) - clock_timestamp()))
    )::double precision;
$$;
