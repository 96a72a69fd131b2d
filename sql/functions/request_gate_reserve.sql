-- request_gate_reserve: the seconds to wait before the next request through a gate shared by
-- every process of the deployment (request_gates, sql/020): until next_at, which
-- request_gate_release sets p_interval seconds after the previous request's answer. The caller
-- holds the gate's advisory lock from this call to request_gate_release (processing/places/gate.py),
-- so requests go one at a time and the provider sees them at least p_interval apart, whatever a
-- caller's delays between its reservation and its send. Nominatim's usage policy: one a second.
CREATE OR REPLACE FUNCTION request_gate_reserve(p_name text, p_interval double precision)
RETURNS double precision
LANGUAGE sql AS $$
    INSERT INTO request_gates AS g (name, next_at)
    VALUES (p_name, clock_timestamp())
    ON CONFLICT (name) DO UPDATE SET next_at = g.next_at
    RETURNING greatest(0, extract(epoch FROM (g.next_at - clock_timestamp())))::double precision;
$$;
