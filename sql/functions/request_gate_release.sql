-- request_gate_release: the request through gate p_name has been answered (or has failed): the
-- next one may go p_interval seconds from now (request_gate_reserve waits for it).
CREATE OR REPLACE FUNCTION request_gate_release(p_name text, p_interval double precision)
RETURNS void
LANGUAGE sql AS $$
    UPDATE request_gates SET next_at = clock_timestamp() + make_interval(secs => p_interval)
     WHERE name = p_name;
$$;
